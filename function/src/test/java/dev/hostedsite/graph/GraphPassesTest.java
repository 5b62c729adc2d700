package dev.hostedsite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Sites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphPassesTest {

    private static int wave(JsonNode o) {
        return Integer.parseInt(o.path("metadata").path("annotations").path(WaveAssigner.WAVE).asText());
    }

    /** The design file's partial order, checked on the example's actual output. */
    @Test
    void exampleOutputHonoursTheDesignOrder() {
        Compiler.Result r = Sites.compile(Sites.example());
        Map<String, List<JsonNode>> byKind = new HashMap<>();
        Map<ObjectKey, JsonNode> byKey = new HashMap<>();
        for (Manifest m : r.generated()) {
            byKind.computeIfAbsent(m.key().kind(), k -> new ArrayList<>()).add(m.body());
            byKey.put(m.key(), m.body());
        }
        String[][] before = {{"ImageDigestMirrorSet", "CatalogSource"}, {"MultiClusterEngine", "AgentServiceConfig"},
                {"HostedCluster", "NodePool"}, {"NMStateConfig", "InfraEnv"}, {"InfraEnv", "BareMetalHost"}};
        for (String[] pair : before) {
            for (JsonNode a : byKind.get(pair[0])) {
                for (JsonNode b : byKind.get(pair[1])) {
                    assertTrue(wave(a) < wave(b), pair[0] + " must come before " + pair[1]);
                }
            }
        }
        int checked = 0;
        for (Reference ref : r.references()) {
            JsonNode from = byKey.get(ref.from());
            JsonNode to = byKey.get(ref.to());
            if (from == null || to == null || !ref.targetFirst()) {
                continue;
            }
            checked++;
            if (ref.to().kind().equals("Namespace")) {
                assertTrue(wave(to) <= wave(from), ref.toString());
            } else {
                assertTrue(wave(to) < wave(from), ref.toString());
            }
        }
        assertTrue(checked >= 30, "too few references checked: " + checked);
    }

    @Test
    void syncOptionsFollowTheApiGroup() {
        Compiler.Result r = Sites.compile(Sites.example());
        for (Manifest m : r.generated()) {
            if (m.localConfig()) {
                assertFalse(m.annotations().has(WaveAssigner.WAVE));
                continue;
            }
            String options = m.annotations().path(WaveAssigner.SYNC_OPTIONS).asText("");
            String group = m.key().group();
            if (m.key().kind().equals("Image")) {
                assertEquals("ServerSideApply=true", options);
            } else if (Set.of("", "rbac.authorization.k8s.io", "config.openshift.io", "operators.coreos.com").contains(group)) {
                assertEquals("", options, m.key().toString());
            } else {
                assertEquals("SkipDryRunOnMissingResource=true", options, m.key().toString());
            }
        }
    }

    @Test
    void verifyRejectsAnInvertedEdge() {
        ObjectKey np = new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "a");
        ObjectKey hc = new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "a");
        assertThrows(IllegalStateException.class,
                () -> WaveAssigner.verify(List.of(new Reference(hc, "spec.x", np)), Set.of(np, hc)));
    }

    @Test
    void danglingSecretRefNamesReferrerFieldAndTarget() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").putObject("secretRef").put("name", "my-pull-secret");
        Compiler.Result r = Sites.compile(site);
        assertTrue(r.failed());
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(2, errors.size(), errors.toString());
        Diagnostic hc = errors.stream().filter(d -> d.resource().kind().equals("HostedCluster")).findFirst().orElseThrow();
        assertEquals("spec.pullSecret.name", hc.fieldPath());
        assertTrue(hc.message().contains("Secret clusters/my-pull-secret"), hc.message());
        assertTrue(hc.message().contains("The name comes from HostedSite lab spec.clusters[0].pullSecret.secretRef.name."),
                hc.message());
        assertTrue(r.generated().isEmpty());
    }

    @Test
    void secretRefResolvesToItemsOrDeclaredExternals() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").putObject("secretRef").put("name", "my-pull-secret");
        ObjectNode sealed = Yaml.object();
        sealed.put("apiVersion", "bitnami.com/v1alpha1").put("kind", "SealedSecret");
        sealed.putObject("metadata").put("name", "my-pull-secret").put("namespace", "clusters");
        site.with("spec").putArray("externalSecrets").add("clusters-hosted/my-pull-secret");
        Compiler.Result r = Sites.compile(site, sealed);
        assertEquals(List.of(), Sites.errors(r));
        assertEquals("my-pull-secret", Sites.generated(r, "InfraEnv", "hosted").path("spec").path("pullSecretRef").path("name").asText());
    }

    @Test
    void twoSitesMustAgreeOnHubSingletons() {
        ObjectNode a = Sites.example();
        ObjectNode b = Sites.example();
        b.with("metadata").put("name", "lab2");
        Sites.cluster(b).put("name", "other");
        ((ObjectNode) Sites.cluster(b).path("nodePools").get(0)).put("name", "other");
        for (int i = 0; i < 3; i++) {
            Sites.host(b, i).put("bootMACAddress", "52:54:00:20:00:0" + i).put("name", "w" + i);
        }
        Compiler.Result agree = Sites.compile(a, b);
        assertEquals(List.of(), Sites.errors(agree));
        assertEquals("lab,lab2", Sites.generated(agree, "AgentServiceConfig", "agent").path("metadata").path("annotations")
                .path(ManifestSet.OWNER).asText());

        ((ObjectNode) b.path("spec").path("hub").path("agentServiceConfig")).put("databaseStorage", "99Gi");
        Compiler.Result disagree = Sites.compile(a, b);
        List<String> errors = Sites.errors(disagree);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("HostedSites lab and lab2 disagree on AgentServiceConfig agent"), errors.get(0));
    }

    @Test
    void canonicalFormSortsKeysAndDropsEmpties() {
        ObjectNode o = Yaml.object();
        o.put("b", 1).putObject("a").put("z", "x").putObject("empty");
        o.putArray("list");
        o.putNull("nothing");
        assertEquals("{\"a\":{\"z\":\"x\"},\"b\":1}", Yaml.json(Canonical.sorted(o)));
    }

    @Test
    void previouslyGeneratedItemsAreReplacedNotDuplicated() {
        // a pool already scaled below its hosts, so that removing a spare host is allowed (HostRemovalGuard)
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("replicas", 2);
        Compiler.Result first = Sites.compile(site);
        Compiler.Result second = Compiler.compile(first.items(), null);
        assertEquals(first.items(), second.items());
        ObjectNode changed = site.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) Sites.cluster(changed).path("hosts")).remove(2);
        List<ObjectNode> input = new ArrayList<>(first.items());
        input.set(0, changed);
        Compiler.Result third = Compiler.compile(input, null);
        assertTrue(third.generated().stream().noneMatch(m -> m.key().name().startsWith("hosted-worker2")));
        assertEquals(first.items().size() - 3, third.items().size());
        assertEquals(List.of(), Sites.errors(third));
    }
}
