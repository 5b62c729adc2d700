package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.testing.ExampleSite;
import dev.hostedsite.testing.Sites;
import dev.hostedsite.transition.ImmutableFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The InfraEnv unit: its declaration agrees with the passes and the webhook rule; one InfraEnv per architecture. */
class InfraEnvKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        KindUnitChecks.servedByTheCatalog(InfraEnvKind.SPEC);
        assertEquals("agent-install.openshift.io/v1beta1", InfraEnvKind.SPEC.apiVersion());
    }

    /** The IMMUTABLE row is the admission webhook's rule (validateUpdate refuses a cpuArchitecture change). */
    @Test
    void immutableFieldsAgreeWithTheWebhookRule() {
        KindUnitChecks.immutableRowsAreTheTransitionRules(InfraEnvKind.SPEC);
        assertTrue(ImmutableFields.RULES.stream().anyMatch(r -> r.kind().equals("InfraEnv")
                && r.field().equals("spec.cpuArchitecture") && r.source().contains("infraenv_admission_hook.go")));
    }

    @Test
    void upstreamPinMatchesTheSchemaProvenance() throws IOException {
        KindUnitChecks.pinnedAtTheSchemaProvenance(InfraEnvKind.SPEC, "agent-install.openshift.io/infraenv-v1beta1.json");
    }

    /**
     * A cluster with pools of two architectures gets one InfraEnv per architecture in its agent namespace, each
     * with assisted-service's cpuArchitecture (x86_64, aarch64), its pull secret reference, and a selector only for the
     * architecture whose hosts have static networking.
     */
    @Test
    void oneInfraEnvPerArchitecture() {
        ObjectNode rl = ExampleSite.nodePoolsResourceList();
        List<ObjectNode> items = new ArrayList<>();
        rl.path("items").forEach(i -> items.add((ObjectNode) i.deepCopy()));
        Compiler.Result r = Compiler.compile(items, null);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Cluster c = Sites.bind(ExampleSite.site(rl)).clusters().get(0);
        TreeMap<String, String> archByName = new TreeMap<>();
        for (JsonNode ie : r.generated().stream().map(m -> (JsonNode) m.body())
                .filter(b -> b.path("kind").asText().equals("InfraEnv")).toList()) {
            assertEquals(c.controlPlaneNamespace(), ie.path("metadata").path("namespace").asText());
            assertEquals(Names.pullSecret(c), ie.path("spec").path("pullSecretRef").path("name").asText());
            archByName.put(ie.path("metadata").path("name").asText(), ie.path("spec").path("cpuArchitecture").asText());
            JsonNode selector = ie.path("spec").path("nmStateConfigLabelSelector").path("matchLabels").path(Names.INFRAENV_LABEL);
            boolean staticNetwork = c.hosts().stream().anyMatch(h -> h.network() != null
                    && InfraEnvKind.of(c, h).equals(ie.path("metadata").path("name").asText()));
            assertEquals(staticNetwork, !selector.isMissingNode(), ie.toString());
        }
        assertEquals(2, archByName.size(), archByName.toString());
        assertTrue(archByName.containsValue("x86_64") && archByName.containsValue("aarch64"), archByName.toString());
        assertTrue(r.references().stream().anyMatch(x -> x.from().kind().equals("InfraEnv")
                && x.field().equals("spec.pullSecretRef.name")
                && x.to().equals(ObjectKey.core("Secret", c.controlPlaneNamespace(), Names.pullSecret(c)))));
    }

    /** Without the public key in the site (a secretRef ssh key), the InfraEnv carries none rather than a guess. */
    @Test
    void noKeyTextNoSshAuthorizedKey() {
        Cluster c = Sites.bind(Sites.example()).clusters().get(0);
        String arch = dev.hostedsite.kinds.Hosts.architectures(c).iterator().next();
        assertTrue(InfraEnvKind.build(c, arch, null).path("spec").path("sshAuthorizedKey").isMissingNode());
        assertEquals("ssh-ed25519 K", InfraEnvKind.build(c, arch, "ssh-ed25519 K").path("spec").path("sshAuthorizedKey").asText());
    }
}
