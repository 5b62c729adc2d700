package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.Map;

/** Core Kubernetes objects, built with the fabric8 model and handed on as trees. */
final class Core {
    private Core() {}

    static ObjectNode namespace(String name) {
        return Yaml.tree(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
    }

    static ObjectNode configMap(String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        return Yaml.tree(new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).endMetadata().withData(data).build());
    }

    /** {@code data} values are already base64, exactly as they go into {@code Secret.data}. */
    static ObjectNode secret(String namespace, String name, String type, Map<String, String> data) {
        return Yaml.tree(new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withType(type).withData(data).build());
    }

    /** The Role the Agent CAPI provider needs in the agent namespace (HyperShift creates it itself from 4.23). */
    static ObjectNode capiProviderRole(String namespace) {
        return Yaml.tree(new RoleBuilder().withNewMetadata().withNamespace(namespace)
                .withName(Names.CAPI_PROVIDER_ROLE).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("agent-install.openshift.io")
                        .withResources("agents").withVerbs("*").build())
                .build());
    }
}
