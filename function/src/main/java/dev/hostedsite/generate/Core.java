package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;

/**
 * Core Kubernetes objects, built with the fabric8 model and handed on as trees. The conversion to a tree reads
 * the few fields these objects have through their getters rather than through Jackson's bean introspection:
 * introspecting the fabric8 classes cost ~150 ms of every cold start (docs/performance.md).
 */
final class Core {
    private Core() {}

    static ObjectNode namespace(String name) {
        return tree(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
    }

    static ObjectNode configMap(String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).endMetadata().withData(data).build();
        ObjectNode out = tree(cm);
        putMap(out, "data", cm.getData());
        return out;
    }

    /** {@code data} values are already base64, exactly as they go into {@code Secret.data}. */
    static ObjectNode secret(String namespace, String name, String type, Map<String, String> data) {
        Secret secret = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withType(type).withData(data).build();
        ObjectNode out = tree(secret);
        putMap(out, "data", secret.getData());
        if (secret.getType() != null) {
            out.put("type", secret.getType());
        }
        return out;
    }

    /** apiVersion, kind and the metadata fields these builders set; Canonical sorts and prunes afterwards. */
    private static ObjectNode tree(HasMetadata object) {
        ObjectNode out = Yaml.object();
        out.put("apiVersion", object.getApiVersion());
        out.put("kind", object.getKind());
        ObjectMeta meta = object.getMetadata();
        ObjectNode m = out.putObject("metadata");
        m.put("name", meta.getName());
        if (meta.getNamespace() != null) {
            m.put("namespace", meta.getNamespace());
        }
        putMap(m, "labels", meta.getLabels());
        putMap(m, "annotations", meta.getAnnotations());
        return out;
    }

    private static void putMap(ObjectNode parent, String field, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            ObjectNode map = parent.putObject(field);
            values.forEach(map::put);
        }
    }
}
