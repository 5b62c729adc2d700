package dev.hostedsite.kinds.acm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.ManagedCluster;
import dev.hostedsite.testing.Sites;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ACM registration units (ManagedCluster, KlusterletAddonConfig): declarations, what they build, and the
 * references the generic pass still reads for them.
 */
class AcmKindsTest {

    @Test
    void theCatalogServesTheDeclarations() {
        KindUnitChecks.servedByTheCatalog(ManagedClusterKind.SPEC);
        KindUnitChecks.servedByTheCatalog(KlusterletAddonConfigKind.SPEC);
        assertTrue(ManagedClusterKind.SPEC.wave() < KlusterletAddonConfigKind.SPEC.wave(),
                "the registration makes the namespace the KlusterletAddonConfig lives in");
    }

    @Test
    void upstreamPinsMatchTheSchemaProvenance() throws IOException {
        KindUnitChecks.pinnedAtTheSchemaProvenance(ManagedClusterKind.SPEC,
                "cluster.open-cluster-management.io/managedcluster-v1.json");
        KindUnitChecks.pinnedAtTheSchemaProvenance(KlusterletAddonConfigKind.SPEC,
                "agent.open-cluster-management.io/klusterletaddonconfig-v1.json");
    }

    /** The user's labels win; the add-on's defaults fill the rest; Hosted mode on the hosting cluster. */
    @Test
    void builtAsTheAddOnsAutoImportWould() {
        ObjectNode site = Sites.example();
        ObjectNode mc = Sites.cluster(site).putObject("managedCluster");
        mc.putObject("labels").put("environment", "lab").put(ManagedClusterKind.CLUSTER_SET, "lab");
        mc.putObject("addons").put("searchCollector", false);
        Cluster c = Sites.bind(site).clusters().get(0);
        ObjectNode m = ManagedClusterKind.build(c);
        assertEquals("{\"cluster.open-cluster-management.io/clusterset\":\"lab\",\"environment\":\"lab\",\"name\":\""
                + c.name() + "\"}", m.path("metadata").path("labels").toString());
        assertEquals("Hosted", m.path("metadata").path("annotations").path(ManagedClusterKind.DEPLOY_MODE).asText());
        assertEquals(ManagedCluster.DEFAULT_HOSTING_CLUSTER,
                m.path("metadata").path("annotations").path(ManagedClusterKind.HOSTING_CLUSTER).asText());
        ObjectNode kac = KlusterletAddonConfigKind.build(c);
        assertEquals(c.name(), kac.path("metadata").path("namespace").asText());
        assertEquals(ManagedCluster.ADDONS.size(), kac.path("spec").size() - 2, kac.toString());
        assertEquals(false, kac.path("spec").path("searchCollector").path("enabled").asBoolean(true));
        assertEquals(true, kac.path("spec").path("applicationManager").path("enabled").asBoolean(false));

    }

    /** The fixture acm-managed-cluster: its KlusterletAddonConfig's namespace names the ManagedCluster, no Namespace. */
    @Test
    void referencesStayWithTheGenericPass() throws IOException {
        ObjectNode rl = (ObjectNode) Yaml.readAll(Files.readString(Repo.fixture("acm-managed-cluster").resolve("input.yaml"))).get(0);
        List<ObjectNode> items = new ArrayList<>();
        rl.path("items").forEach(i -> items.add((ObjectNode) i));
        Compiler.Result r = Compiler.compile(items, null);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        ObjectNode site = items.stream().filter(i -> i.path("kind").asText().equals("HostedSite")).findFirst().orElseThrow();
        Cluster c = Sites.bind(site).clusters().get(0);
        ObjectKey managed = new ObjectKey(ManagedClusterKind.GROUP, ManagedClusterKind.KIND, null, c.name());
        List<String> fromKac = r.references().stream().filter(x -> x.from().kind().equals(KlusterletAddonConfigKind.KIND))
                .map(x -> x.field() + " -> " + x.to()).toList();
        assertEquals(List.of("metadata.namespace (ManagedCluster) -> " + managed, "spec.clusterName -> " + managed),
                fromKac, "its namespace names the ManagedCluster; no Namespace edge");
    }

    @Test
    void fieldMapNamesTheManagedClusterFields() {
        String c = "spec.clusters[0]";
        assertEquals(Optional.of(c + ".managedCluster.labels"),
                FieldMap.siteField(ManagedClusterKind.KIND, c, "metadata.labels.environment"));
        assertEquals(Optional.of(c + ".managedCluster.addons"),
                FieldMap.siteField(KlusterletAddonConfigKind.KIND, c, "spec.searchCollector.enabled"));
        assertEquals(Optional.of(c + ".name"), FieldMap.siteField(KlusterletAddonConfigKind.KIND, c, "spec.clusterName"));
    }
}
