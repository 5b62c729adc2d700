package dev.hostedsite.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Sites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The adoption check on the example site's own render, exported as a hub would export it (status, managedFields,
 * uid, server defaults, controller-written fields): that export against the same render changes nothing; each kind of
 * drift the hub can have gets the day-2 class the project's tables give it.
 */
class AdoptionCheckTest {
    private static final Compiler.Result RENDER = Sites.compile(Sites.example());

    /** The render's deployable objects as the hub would return them: with live noise and the server's defaults. */
    static List<ObjectNode> liveExport(List<ObjectNode> rendered) {
        List<ObjectNode> out = new ArrayList<>();
        int i = 0;
        for (ObjectNode o : rendered) {
            ObjectNode live = o.deepCopy();
            ObjectNode meta = live.with("metadata");
            ObjectNode annotations = meta.with("annotations");
            annotations.remove(List.of("argocd.argoproj.io/sync-wave", "argocd.argoproj.io/sync-options", "hostedsite.dev/owner",
                    "hostedsite.dev/release-version"));
            if (annotations.isEmpty()) {
                meta.remove("annotations");
            }
            meta.put("uid", "0000-" + i++).put("resourceVersion", "12345").put("creationTimestamp", "2026-11-01T10:00:00Z")
                    .put("generation", 3);
            meta.putArray("managedFields").addObject().put("manager", "kubectl-client-side-apply").put("operation", "Update");
            live.putObject("status").put("phase", "Whatever");
            switch (o.path("kind").asText()) {
                case "HostedCluster" -> {
                    ObjectNode spec = live.with("spec");
                    spec.put("clusterID", "6c1b2e7e-1111-4a2b-9c3d-000000000000");
                    spec.put("infraID", "hosted-x7k2p");
                    spec.put("infrastructureAvailabilityPolicy", "SingleReplica");
                    spec.put("issuerURL", "https://kubernetes.default.svc");
                    spec.with("configuration").with("apiServer").putObject("audit").put("profile", "Default");
                    meta.putArray("finalizers").add("hypershift.openshift.io/finalizer");
                }
                case "NodePool" -> live.with("spec").with("management").putObject("replace").put("strategy", "RollingUpdate")
                        .putObject("rollingUpdate").put("maxSurge", 1).put("maxUnavailable", 0);
                case "Namespace" -> {
                    live.with("spec").putArray("finalizers").add("kubernetes");
                    meta.with("labels").put("kubernetes.io/metadata.name", o.path("metadata").path("name").asText());
                    meta.with("annotations").put("openshift.io/sa.scc.uid-range", "1000730000/10000");
                }
                case "BareMetalHost" -> {
                    live.with("spec").putObject("image").put("url", "https://assisted-image-service/x.iso").put("diskFormat", "live-iso");
                    live.with("spec").putObject("customDeploy").put("method", "start_assisted_install");
                    meta.with("annotations").put("baremetalhost.metal3.io/detached", "{\"deleteAction\":\"delay\"}");
                }
                case "InfraEnv" -> live.with("spec").put("ipxeScriptType", "DiscoveryImageAlways");
                default -> { }
            }
            out.add(live);
        }
        return out;
    }

    static LiveExport.Result export(List<ObjectNode> live) {
        ObjectNode list = Yaml.object().put("apiVersion", "v1").put("kind", "List");
        list.putArray("items").addAll(live);
        return LiveExport.clean(List.of(new LiveExport.Document("export.yaml", 1, list)));
    }

    static AdoptionCheck.Result check(LiveExport.Result export) {
        return AdoptionCheck.check(export.objects(), export.lastApplied(), RENDER.deployable(),
                Compiler.sites(List.of(Sites.example())));
    }

    @Test
    void theHubExportOfTheRenderAdoptsWithNoChange() {
        assertFalse(RENDER.failed(), RENDER.diagnostics().toString());
        LiveExport.Result export = export(liveExport(RENDER.deployable()));
        assertFalse(export.failed(), export.problems().toString());
        AdoptionCheck.Result r = check(export);
        assertEquals(List.of(), r.differences());
        assertEquals(List.of(), r.notRendered());
        assertTrue(r.toolAdditions().stream().anyMatch(a -> a.path().equals("metadata.annotations.argocd.argoproj.io/sync-wave")));
        assertTrue(r.toolAdditions().stream().allMatch(a -> a.path().startsWith("metadata.annotations.")), r.toolAdditions().toString());
        // the fields HyperShift wrote stay on the hub: the render leaves them out and no last-applied lists them
        assertTrue(r.keptOnHub().stream().anyMatch(d -> d.path().equals("spec.infraID")), r.keptOnHub().toString());
        assertTrue(r.keptOnHub().stream().anyMatch(d -> d.path().equals("spec.clusterID")), r.keptOnHub().toString());
        // what was dropped says who wrote it
        assertTrue(export.dropped().stream().anyMatch(d -> d.manifestPath().equals("spec.customDeploy")
                && d.why().contains("reconcileBMH")));
        assertTrue(export.objects().stream().anyMatch(o -> o.path("spec").has("clusterID")), "clusterID is the site's");
        assertTrue(export.dropped().stream().anyMatch(d -> d.manifestPath().equals("metadata.managedFields")));
        assertTrue(export.dropped().stream().anyMatch(d -> d.manifestPath().equals("spec.image")
                && d.object().kind().equals("BareMetalHost")));
    }

    @Test
    void eachDriftGetsItsDayTwoClass() {
        List<ObjectNode> live = liveExport(RENDER.deployable());
        for (ObjectNode o : live) {
            switch (o.path("kind").asText()) {
                case "HostedCluster" -> {
                    o.with("spec").with("networking").putArray("serviceNetwork").addObject().put("cidr", "172.30.0.0/16");
                    o.with("spec").put("infraID", "hosted-x7k2p");
                    ObjectNode applied = o.deepCopy();
                    applied.remove("status");
                    ((ObjectNode) applied.get("metadata")).remove(List.of("managedFields", "uid", "resourceVersion"));
                    o.with("metadata").with("annotations").put(LiveExport.LAST_APPLIED, Yaml.json(applied));
                }
                case "NodePool" -> o.with("spec").with("release").put("image", "registry.example/ocp@sha256:" + "a".repeat(64));
                default -> { }
            }
        }
        AdoptionCheck.Result r = check(export(live));
        Map<String, AdoptionCheck.Consequence> byPath = r.differences().stream().collect(Collectors.toMap(
                d -> d.key().kind() + " " + d.path(), AdoptionCheck.Difference::consequence, (a, b) -> a));
        assertEquals(AdoptionCheck.Consequence.REFUSED_BY_API, byPath.get("HostedCluster spec.networking.serviceNetwork"), byPath.toString());
        assertEquals(AdoptionCheck.Consequence.REFUSED_BY_API, byPath.get("HostedCluster spec.infraID"), byPath.toString());
        assertEquals(AdoptionCheck.Consequence.ROLLS_NODES, byPath.get("NodePool spec.release.image"), byPath.toString());
        assertTrue(r.differences().stream().anyMatch(d -> d.type() == AdoptionCheck.Type.REMOVED && d.path().equals("spec.infraID")));
        assertFalse(r.rolls().isEmpty());
    }

    @Test
    void aPoolUnderAnotherNameIsASecondPool() {
        List<ObjectNode> live = liveExport(RENDER.deployable());
        live.stream().filter(o -> o.path("kind").asText().equals("NodePool")).forEach(o -> o.with("metadata").put("name", "workers"));
        AdoptionCheck.Result r = check(export(live));
        assertTrue(r.differences().stream().anyMatch(d -> d.key().kind().equals("NodePool")
                && d.type() == AdoptionCheck.Type.ADDED_OBJECT && d.consequence() == AdoptionCheck.Consequence.RECREATES), r.toString());
        assertTrue(r.notRendered().stream().anyMatch(k -> k.kind().equals("NodePool") && k.name().equals("workers")));
    }

    /** A NodePool with nodeVolumeDetachTimeout {@code value}, which its last-applied configuration lists. */
    private static AdoptionCheck.Result withDetachTimeout(String value) {
        List<ObjectNode> live = liveExport(RENDER.deployable());
        for (ObjectNode o : live) {
            if (o.path("kind").asText().equals("NodePool")) {
                ObjectNode applied = o.deepCopy();
                applied.remove("status");
                applied.with("metadata").remove(List.of("uid", "resourceVersion", "creationTimestamp", "generation",
                        "managedFields"));
                applied.with("spec").put("nodeVolumeDetachTimeout", value);
                o.with("spec").put("nodeVolumeDetachTimeout", value);
                o.with("metadata").with("annotations").put("kubectl.kubernetes.io/last-applied-configuration",
                        applied.toString());
            }
        }
        return check(export(live));
    }

    @Test
    void removingAValueEqualToTheApisDefaultHasNoEffect() {
        AdoptionCheck.Result zero = withDetachTimeout("0s");
        assertEquals(List.of(), zero.differences());
        assertTrue(zero.noEffect().stream().anyMatch(n -> n.key().kind().equals("NodePool")
                && n.path().equals("spec.nodeVolumeDetachTimeout")), zero.noEffect().toString());
        AdoptionCheck.Result five = withDetachTimeout("5m");
        assertTrue(five.differences().stream().anyMatch(d -> d.path().equals("spec.nodeVolumeDetachTimeout")
                && d.type() == AdoptionCheck.Type.REMOVED), five.differences().toString());
        assertEquals(List.of(), five.noEffect());
    }

    @Test
    void aSecretsValuesNeverShow() {
        List<ObjectNode> live = liveExport(RENDER.deployable());
        String secretValue = null;
        for (ObjectNode o : live) {
            if (o.path("kind").asText().equals("Secret") && o.path("data").isObject() && secretValue == null) {
                String key = o.path("data").fieldNames().next();
                secretValue = o.path("data").path(key).asText();
                o.with("data").put(key, "c29tZXRoaW5nLWVsc2U=");
            }
        }
        AdoptionCheck.Result r = check(export(live));
        assertTrue(r.differences().stream().anyMatch(d -> d.key().kind().equals("Secret")), r.toString());
        String shown = r.toString();
        assertFalse(shown.contains("c29tZXRoaW5nLWVsc2U=") || shown.contains(secretValue), shown);
    }

    @Test
    void aTypedListAndDuplicatesAreRead() {
        ObjectNode list = Yaml.object().put("apiVersion", "hypershift.openshift.io/v1beta1").put("kind", "NodePoolList");
        list.putArray("items").addObject().putObject("metadata").put("name", "a").put("namespace", "clusters");
        ObjectNode single = Yaml.object().put("apiVersion", "hypershift.openshift.io/v1beta1").put("kind", "NodePool");
        single.putObject("metadata").put("name", "a").put("namespace", "clusters").put("uid", "x");
        LiveExport.Result r = LiveExport.clean(List.of(new LiveExport.Document("a.yaml", 1, list),
                new LiveExport.Document("b.yaml", 4, single)));
        assertFalse(r.failed(), r.problems().toString());
        assertEquals(1, r.objects().size());
        assertEquals(new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "a"), ObjectKey.of(r.objects().get(0)));
        single.with("spec").put("replicas", 2);
        LiveExport.Result twice = LiveExport.clean(List.of(new LiveExport.Document("a.yaml", 1, list),
                new LiveExport.Document("b.yaml", 4, single)));
        assertTrue(twice.failed());
        assertEquals(4, twice.problems().get(0).file().line()); assertEquals("b.yaml", twice.problems().get(0).file().path());
        assertTrue(twice.problems().get(0).message().contains("a.yaml:1 (items[0])"), twice.problems().toString());
    }

    @Test
    void documentsKnowTheirLines() throws Exception {
        List<LiveExport.Document> docs = LiveExport.documents("f.yaml", "# head\napiVersion: v1\nkind: A\n---\n\n"
                + "apiVersion: v1\nkind: B\n--- \napiVersion: v1\nkind: C\n");
        assertEquals(List.of(2, 6, 9), docs.stream().map(LiveExport.Document::line).toList());
    }
}
