package dev.hostedsite.argocd.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The passthrough items of a site in Argo CD's sync ({@link SyncSimulator} over a {@link SimulatedHub}): the
 * fixture {@code passthrough-lvmcluster-and-secrets} (the example site, which subscribes lvms-operator, plus an
 * LVMCluster, user Secrets and a ConfigMap with its own wave), rendered as the Argo CD plugin renders it, syncs to
 * completion only with the places the render gives them; the same items as they passed through before (no wave, no
 * sync options) fail the first sync.
 */
class PassthroughSyncTest {
    private static final int TICKS = 200;
    private static final ObjectKey LVM = new ObjectKey("lvm.topolvm.io", "LVMCluster", "openshift-storage", "lvmcluster");

    private static List<ObjectNode> rendered() throws Exception {
        return SyncSimulationTest.deployed(Repo.fixture("passthrough-lvmcluster-and-secrets"));
    }

    @Test
    void aSiteWithAnLvmClusterAndUserSecretsSyncsToCompletion() throws Exception {
        List<ObjectNode> desired = rendered();
        assertTrue(desired.stream().anyMatch(o -> ObjectKey.of(o).equals(LVM)), "the LVMCluster is deployed");
        // No StorageClass before the sync: the render's LVMCluster makes LVMS create it.
        SimulatedHub hub = SyncSimulationTest.hubFor(desired, SyncSimulationTest.RENDER_CREATES_IT, java.util.Set.of());
        SyncSimulator argo = new SyncSimulator(hub, "lab");
        SyncSimulator.Outcome first = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Succeeded", first.phase(), first.message());
        assertNull(argo.converge(100));

        assertEquals("Ready", hub.get(LVM).path("status").path("state").asText());
        assertNotNull(hub.get(new ObjectKey("storage.k8s.io", "StorageClass", null, "lvms-vg1")),
                "LVMS made the StorageClass the AgentServiceConfig names");
        for (String secret : List.of("openshift-storage/mirror-pull", "clusters/backup-credentials")) {
            String[] p = secret.split("/");
            assertNotNull(hub.get(ObjectKey.core("Secret", p[0], p[1])), secret);
        }
        // the LVMCluster (wave 5) is applied once the Subscription of wave 4 is AtLatestKnown (its InstallPlan
        // created the CRDs and the CSV), the operator runs once the CSV succeeded, and the AgentServiceConfig
        // (wave 6) whose volumes need its storage class comes after the LVMCluster is Ready
        List<String> events = hub.events();
        int csv = indexOf(events, "InstallPlan created CSV lvms-operator.v0.0.0-simulated");
        int installed = indexOf(events, "installed operator lvms-operator");
        int applied = indexOf(events, "applied LVMCluster openshift-storage/lvmcluster");
        int asc = indexOf(events, "applied AgentServiceConfig agent");
        assertTrue(csv >= 0 && csv < applied && installed >= 0 && installed < asc && applied < asc, events.toString());
    }

    @Test
    void theSameItemsWithoutTheirPlaceFailTheFirstSync() throws Exception {
        // as they passed through before: no wave (Argo CD's 0), no SkipDryRunOnMissingResource
        List<ObjectNode> desired = rendered();
        for (ObjectNode o : desired) {
            if (!o.path("metadata").path("annotations").has(ManifestSet.OWNER)) {
                ObjectNode a = o.with("metadata").with("annotations");
                a.remove(List.of(WaveAssigner.WAVE, WaveAssigner.SYNC_OPTIONS));
            }
        }
        SyncSimulator.Outcome outcome = new SyncSimulator(SyncSimulationTest.hubFor(desired), "lab")
                .sync(desired, SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Failed", outcome.phase());
        assertTrue(outcome.message().startsWith("one or more objects failed to apply (dry run): LVMCluster"
                + " openshift-storage/lvmcluster"), outcome.message());
    }

    @Test
    void inItsWaveButWithoutSkipDryRunTheLvmClusterStillFailsTheDryRun() throws Exception {
        List<ObjectNode> desired = rendered();
        desired.stream().filter(o -> ObjectKey.of(o).equals(LVM))
                .forEach(o -> o.with("metadata").with("annotations").remove(WaveAssigner.SYNC_OPTIONS));
        SyncSimulator.Outcome outcome = new SyncSimulator(SyncSimulationTest.hubFor(desired), "lab")
                .sync(desired, SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Failed", outcome.phase());
        assertTrue(outcome.message().contains("LVMCluster openshift-storage/lvmcluster"), outcome.message());
    }

    private static int indexOf(List<String> events, String suffix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}
