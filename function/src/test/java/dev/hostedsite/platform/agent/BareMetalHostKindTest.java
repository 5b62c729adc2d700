package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.testing.Sites;
import dev.hostedsite.transition.Consequences;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BareMetalHost unit: declaration, the webhook's rules, references, the built object. */
class BareMetalHostKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        KindUnitChecks.servedByTheCatalog(BareMetalHostKind.SPEC);
        assertEquals("metal3.io/v1alpha1", BareMetalHostKind.SPEC.apiVersion());
    }

    /** bootMACAddress is the webhook's immutable field; a BMC address change is the webhook's manual step. */
    @Test
    void effectsAgreeWithTheWebhookRules() {
        KindUnitChecks.immutableRowsAreTheTransitionRules(BareMetalHostKind.SPEC);
        KindSpec.FieldSpec address = BareMetalHostKind.SPEC.fields().stream()
                .filter(f -> f.manifestPath().equals("spec.bmc.address")).findFirst().orElseThrow();
        assertEquals(KindSpec.Effect.NEEDS_MANUAL_STEP, address.effect());
        assertEquals(Consequences.Effect.NEEDS_MANUAL_STEP,
                Consequences.of("BareMetalHost", "spec.bmc.address").orElseThrow().effect());
    }

    @Test
    void upstreamPinMatchesTheSchemaProvenance() throws IOException {
        KindUnitChecks.pinnedAtTheSchemaProvenance(BareMetalHostKind.SPEC, "metal3.io/baremetalhost-v1alpha1.json");
    }

    /** Each host names its InfraEnv (needed first: BMAC boots it with that image) and its BMC credentials Secret. */
    @Test
    void referencesComeFromTheDeclaredFieldSpecs() {
        var site = Sites.example();
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Cluster c = Sites.bind(site).clusters().get(0);
        Cluster.Host h = c.hosts().get(0);
        ObjectKey bmh = new ObjectKey(BareMetalHostKind.GROUP, BareMetalHostKind.KIND, c.controlPlaneNamespace(),
                Names.bareMetalHost(c, h));
        List<String> refs = r.references().stream().filter(x -> x.from().equals(bmh))
                .map(x -> x.field() + " -> " + x.to().kind() + " " + x.to().name() + (x.targetFirst() ? "" : " (waits)"))
                .toList();
        assertEquals(List.of("metadata.namespace -> Namespace " + c.controlPlaneNamespace(),
                "metadata.labels[" + Names.INFRAENV_LABEL + "] -> InfraEnv " + InfraEnvKind.of(c, h),
                "spec.bmc.credentialsName -> Secret " + Names.bmcSecret(c, h)), refs);
    }

    /** The built host: the address as given to it, lower-case boot MAC, online, inspection and cleaning off. */
    @Test
    void builtFromTheHost() {
        Cluster c = Sites.bind(Sites.example()).clusters().get(0);
        Cluster.Host h = c.hosts().get(0);
        var bmh = BareMetalHostKind.build(c, h, "redfish-virtualmedia://192.0.2.1/redfish/v1/Systems/1");
        assertEquals("redfish-virtualmedia://192.0.2.1/redfish/v1/Systems/1", bmh.path("spec").path("bmc").path("address").asText());
        assertEquals(h.bootMACAddress().toLowerCase(java.util.Locale.ROOT), bmh.path("spec").path("bootMACAddress").asText());
        assertTrue(bmh.path("spec").path("online").asBoolean());
        assertEquals("disabled", bmh.path("metadata").path("annotations").path("inspect.metal3.io").asText());
        assertEquals("disabled", bmh.path("spec").path("automatedCleaningMode").asText());
        assertEquals(Names.agentHostname(c, h), bmh.path("metadata").path("annotations")
                .path("bmac.agent-install.openshift.io/hostname").asText());
        h.labels().forEach((k, v) -> assertEquals(v, bmh.path("metadata").path("annotations")
                .path(BareMetalHostKind.AGENT_LABEL_PREFIX + k).asText()));
    }
}
