package dev.hostedsite.argocd.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync simulator on its own, on a few core objects written here rather than on a render: gitops-engine's task
 * order (phase, wave, kind, name), a refused apply failing the sync, prunes in reverse wave order and only when the
 * policy prunes. Each test has a sync Argo CD completes and one it fails or leaves alone, so a simulator that
 * applied everything at once, in the given order, or nothing, fails it. SyncSimulationTest runs the simulator on
 * the renders.
 */
class SyncSimulatorTest {
    private static final int TICKS = 20;

    private static ObjectNode object(String kind, String namespace, String name, Integer wave, String options) {
        ObjectNode o = Yaml.object();
        o.put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = o.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        ObjectNode annotations = metadata.putObject("annotations");
        if (wave != null) {
            annotations.put(SyncSimulator.WAVE, wave.toString());
        }
        if (options != null) {
            annotations.put(SyncSimulator.OPTIONS, options);
        }
        return o;
    }

    private static List<String> applied(SimulatedHub hub) {
        return hub.events().stream().filter(e -> e.contains(": applied ")).map(e -> e.substring(e.indexOf("applied ") + 8)).toList();
    }

    @Test
    void withinAWaveNamespacesComeFirstThenSecretsThenConfigMaps() {
        SimulatedHub hub = new SimulatedHub();
        SyncSimulator argo = new SyncSimulator(hub, "app");
        SyncSimulator.Outcome out = argo.sync(List.of(object("ConfigMap", "team-a", "a", null, null),
                object("Secret", "team-a", "z", null, null), object("Namespace", null, "team-a", null, null)),
                SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Succeeded", out.phase(), out.message());
        assertEquals(List.of("Namespace team-a", "Secret team-a/z", "ConfigMap team-a/a"), applied(hub));
    }

    @Test
    void wavesRunInOrderAndAnApplyTheApiServerRefusesFailsTheSync() {
        SimulatedHub ordered = new SimulatedHub();
        SyncSimulator.Outcome ok = new SyncSimulator(ordered, "app").sync(List.of(object("ConfigMap", "team-a", "a", 2, null),
                object("Namespace", null, "team-a", 1, null)), SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Succeeded", ok.phase(), ok.message());
        assertEquals(List.of("Namespace team-a", "ConfigMap team-a/a"), applied(ordered));

        // the ConfigMap's wave comes before its Namespace's: the API server refuses it and the sync fails there
        SimulatedHub early = new SimulatedHub();
        SyncSimulator.Outcome failed = new SyncSimulator(early, "app").sync(List.of(object("ConfigMap", "team-a", "a", 0, null),
                object("Namespace", null, "team-a", 1, null)), SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Failed", failed.phase(), failed.message());
        assertTrue(failed.message().contains("namespaces \"team-a\" not found"), failed.message());
        assertFalse(early.has(ObjectKey.core("Namespace", null, "team-a")), "a failed wave stops the sync before later waves");
    }

    @Test
    void prunesRunInReverseWaveOrderOnlyWhenThePolicyPrunesAndNeverForPruneFalse() {
        SimulatedHub hub = new SimulatedHub();
        SyncSimulator argo = new SyncSimulator(hub, "app");
        ObjectNode ns = object("Namespace", null, "team-a", 0, null);
        List<ObjectNode> all = List.of(ns, object("ConfigMap", "team-a", "one", 1, null), object("ConfigMap", "team-a", "two", 2, null),
                object("ConfigMap", "team-a", "kept", 3, "Prune=false"));
        assertEquals("Succeeded", argo.sync(all, SyncSimulator.Policy.AUTOMATED, TICKS).phase());
        ObjectKey one = ObjectKey.core("ConfigMap", "team-a", "one");
        ObjectKey two = ObjectKey.core("ConfigMap", "team-a", "two");
        ObjectKey kept = ObjectKey.core("ConfigMap", "team-a", "kept");

        SyncSimulator.Outcome withoutPrune = argo.sync(List.of(ns), new SyncSimulator.Policy(false), TICKS);
        assertEquals("Succeeded", withoutPrune.phase(), withoutPrune.message());
        assertEquals(List.of(), withoutPrune.pruned());
        assertTrue(hub.has(one) && hub.has(two) && hub.has(kept));

        SyncSimulator.Outcome pruned = argo.sync(List.of(ns), SyncSimulator.Policy.AUTOMATED, TICKS);
        assertEquals("Succeeded", pruned.phase(), pruned.message());
        assertEquals(List.of(two, one), pruned.pruned(), "the highest wave is pruned first");
        hub.tick();
        assertFalse(hub.has(one) || hub.has(two), "pruned objects are gone");
        assertTrue(hub.has(kept), "Prune=false keeps the object");
    }
}
