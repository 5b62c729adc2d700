package dev.hostedsite.kinds.hostedcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.Sites;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HostedCluster unit: its declaration agrees with the passes and the rules kept elsewhere; how it is built. */
class HostedClusterKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        KindUnitChecks.servedByTheCatalog(HostedClusterKind.SPEC);
        assertEquals("hypershift.openshift.io/v1beta1", HostedClusterKind.SPEC.apiVersion());
    }

    @Test
    void immutableFieldsAgreeWithTheTransitionRules() {
        KindUnitChecks.immutableRowsAreTheTransitionRules(HostedClusterKind.SPEC);
    }

    @Test
    void upstreamPinMatchesTheSchemaProvenance() throws IOException {
        KindUnitChecks.pinnedAtTheSchemaProvenance(HostedClusterKind.SPEC, "hypershift.openshift.io/hostedcluster-v1beta1.json");
    }

    /** The generic reference pass reads the declared fieldSpecs, in their order; agentNamespace is cluster-scoped. */
    @Test
    void referencesComeFromTheDeclaredFieldSpecs() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("etcdBackupKey").put("value", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Cluster c = Sites.bind(site).clusters().get(0);
        List<String> refs = r.references().stream()
                .filter(x -> x.from().kind().equals("HostedCluster") && !x.field().equals("metadata.namespace"))
                .map(x -> x.field() + " -> " + x.to().kind() + " " + x.to().namespace() + "/" + x.to().name()).toList();
        String ns = c.namespace();
        assertEquals(List.of(
                "spec.pullSecret.name -> Secret " + ns + "/" + Names.pullSecret(c),
                "spec.sshKey.name -> Secret " + ns + "/" + Names.sshKey(c),
                "spec.secretEncryption.aescbc.activeKey.name -> Secret " + ns + "/" + Names.etcdKey(c),
                "spec.secretEncryption.aescbc.backupKey.name -> Secret " + ns + "/" + Names.etcdBackupKey(c),
                "spec.additionalTrustBundle.name -> ConfigMap " + ns + "/user-ca-bundle",
                "spec.platform.agent.agentNamespace -> Namespace null/" + c.controlPlaneNamespace()), refs);
        assertTrue(r.references().stream().filter(x -> x.from().kind().equals("HostedCluster")).allMatch(Reference::targetFirst));
    }

    /** What the unit builds is what the render writes (the passes add only annotations). */
    @Test
    void buildIsWhatTheRenderWrites() {
        ObjectNode input = Sites.nodePort(Sites.example(), "192.168.122.10", 30443);
        Compiler.Result r = Sites.compile(input);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Site site = Sites.bind(input);
        Cluster c = site.clusters().get(0);
        JsonNode rendered = Sites.generated(r, "HostedCluster", c.name());
        ObjectNode built = HostedClusterKind.build(site, c, "");
        assertEquals(rendered.path("spec"), built.path("spec"));
        assertEquals(c.release().version(), built.path("metadata").path("annotations")
                .path(Names.RELEASE_VERSION).asText());
        for (JsonNode s : built.path("spec").path("services")) {
            JsonNode strategy = s.path("servicePublishingStrategy");
            assertEquals("NodePort", strategy.path("type").asText(), s.toString());
            assertEquals("192.168.122.10", strategy.path("nodePort").path("address").asText());
            assertEquals(s.path("service").asText().equals("APIServer"), strategy.path("nodePort").has("port"), s.toString());
        }
    }

    /** The field map names the HostedSite field of each manifest field: relative, absolute and covering rows. */
    @Test
    void fieldMapResolvesToTheSiteFields() {
        String c = "spec.clusters[0]";
        assertEquals(Optional.of(c + ".pullSecret"), FieldMap.siteField("HostedCluster", c, "spec.pullSecret.name"));
        assertEquals(Optional.of("spec.baseDomain"), FieldMap.siteField("HostedCluster", c, "spec.dns.baseDomain"));
        assertEquals(Optional.of("spec.hub.mirrors"), FieldMap.siteField("HostedCluster", c, "spec.imageContentSources[0].mirrors[0]"));
        assertEquals(Optional.of(c), FieldMap.siteField("HostedCluster", c, "spec.platform.type"), "no row: the cluster itself");
    }

    /** A secretRef pull secret is named as the user's Secret (no Secret is generated for it). */
    @Test
    void aSecretRefIsReferencedByItsOwnName() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").putObject("secretRef").put("name", "made-by-hand");
        ((ObjectNode) site.get("spec")).putArray("externalSecrets").add("made-by-hand");
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        assertTrue(r.references().stream().anyMatch(x -> x.from().kind().equals("HostedCluster")
                && x.field().equals("spec.pullSecret.name")
                && x.to().equals(ObjectKey.core("Secret", x.from().namespace(), "made-by-hand"))), r.references().toString());
    }
}
