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

    /** The mixed-architecture site, generated; then one NodePool reference broken at a time. */
    @Test
    void nodePoolReferencesToInfraEnvsAndConfigMapsAreChecked() {
        ObjectNode rl = dev.hostedsite.testing.ExampleSite.nodePoolsResourceList();
        Compiler.Result r = Sites.compile(dev.hostedsite.testing.ExampleSite.site(rl));
        assertFalse(r.failed(), r.diagnostics().toString());
        List<JsonNode> applied = new ArrayList<>();
        r.generated().stream().filter(m -> !m.localConfig()).forEach(m -> applied.add(m.body().deepCopy()));
        assertEquals(List.of(), ReferenceChecker.check(applied, List.of(), Set.of()));
        assertTrue(References.of(applied).stream().anyMatch(ref -> ref.from().kind().equals("NodePool")
                && ref.to().equals(new ObjectKey("agent-install.openshift.io", "InfraEnv", "clusters-hosted", "hosted-arm64"))
                && !ref.targetFirst()), "the arm pool refers to its InfraEnv, without ordering");

        JsonNode arm = applied.stream().filter(o -> o.path("kind").asText().equals("NodePool")
                && o.path("metadata").path("name").asText().equals("arm")).findFirst().orElseThrow();
        ObjectNode labels = (ObjectNode) arm.path("spec").path("platform").path("agent").path("agentLabelSelector").path("matchLabels");
        labels.put("infraenvs.agent-install.openshift.io", "hosted");
        List<Diagnostic> wrongArch = ReferenceChecker.check(applied, List.of(), Set.of());
        assertEquals(1, wrongArch.size(), wrongArch.toString());
        assertTrue(wrongArch.get(0).message().contains("is aarch64 but selects the agents of InfraEnv hosted, which boots x86_64"),
                wrongArch.get(0).message());

        labels.put("infraenvs.agent-install.openshift.io", "hosted-ppc64le");
        List<Diagnostic> missing = ReferenceChecker.check(applied, List.of(), Set.of());
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).message().contains("InfraEnv clusters-hosted/hosted-ppc64le"), missing.get(0).message());

        labels.put("infraenvs.agent-install.openshift.io", "hosted-arm64");
        applied.removeIf(o -> o.path("kind").asText().equals("ConfigMap") && o.path("metadata").path("name").asText().equals("x86-config"));
        List<Diagnostic> noConfig = ReferenceChecker.check(applied, List.of(), Set.of());
        assertEquals(1, noConfig.size(), noConfig.toString());
        assertEquals("spec.config[0].name", noConfig.get(0).fieldPath());
    }

    /** The example's hub prerequisites: CatalogSource → Subscription → the operators' CRs, MetalLB before the cluster. */
    @Test
    void operatorChainComesInOrder() {
        Compiler.Result r = Sites.compile(Sites.example());
        String[] chain = {"OperatorHub", "CatalogSource", "Subscription", "MetalLB", "IPAddressPool", "L2Advertisement",
                "HostedCluster"};
        for (int i = 0; i + 1 < chain.length; i++) {
            for (int j = i + 1; j < chain.length; j++) {
                String later = chain[j];
                String earlier = chain[i];
                List<Manifest> a = r.generated().stream().filter(m -> m.key().kind().equals(earlier)).toList();
                List<Manifest> b = r.generated().stream().filter(m -> m.key().kind().equals(later)).toList();
                assertFalse(a.isEmpty() || b.isEmpty(), earlier + " and " + later + " are in the example's output");
                a.forEach(x -> b.forEach(y -> assertTrue(wave(x.body()) < wave(y.body()), earlier + " before " + later)));
            }
        }
        JsonNode mce = Sites.generated(r, "MultiClusterEngine", "multiclusterengine");
        JsonNode sub = Sites.generated(r, "Subscription", "multicluster-engine");
        assertTrue(wave(sub) < wave(mce), "the MCE operator is subscribed before its MultiClusterEngine");
    }

    @Test
    void referenceCheckerFindsABrokenOperatorChain() {
        Compiler.Result r = Sites.compile(Sites.example());
        List<JsonNode> objects = new ArrayList<>();
        for (Manifest m : r.generated()) {
            if (!m.localConfig()) {
                objects.add(m.body().deepCopy());
            }
        }
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            if (kind.equals("L2Advertisement")) {
                ((ObjectNode) o.get("spec")).putArray("ipAddressPools").add("other-pool");
            } else if (kind.equals("Subscription") && o.path("metadata").path("name").asText().equals("lvms-operator")) {
                ((ObjectNode) o.get("spec")).put("source", "redhat-operators");
            } else if (kind.equals("MetalLB")) {
                ((ObjectNode) o.get("metadata")).put("namespace", "metallb");
            }
        }
        List<Diagnostic> errors = ReferenceChecker.check(objects, List.of(), Set.of()).stream()
                .filter(Diagnostic::isError).toList();
        // the message does not repeat the object and field the diagnostic carries
        errors.forEach(d -> assertFalse(d.message().startsWith(d.resource().display()), d.message()));
        List<String> messages = errors.stream().map(d -> d.fieldPath() + " " + d.message()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("spec.source refers to CatalogSource openshift-marketplace/redhat-operators")),
                messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("IPAddressPool hosted-api is named by no L2Advertisement")),
                messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("spec.ipAddressPools[0] refers to IPAddressPool metallb-system/other-pool")),
                messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("refers to Subscription metallb/metallb-operator")
                        && m.contains("A generated Subscription metallb-system/metallb-operator exists: the MetalLB finds"
                        + " Subscriptions only in its own namespace metallb; put the MetalLB in namespace metallb-system")),
                messages::toString);
    }

    @Test
    void syncOptionsFollowTheApiGroupAndProtectStatefulObjects() {
        Compiler.Result r = Sites.compile(Sites.example());
        int protectedCount = 0;
        for (Manifest m : r.generated()) {
            if (m.localConfig()) {
                assertFalse(m.annotations().has(WaveAssigner.WAVE));
                continue;
            }
            List<String> options = new java.util.ArrayList<>(List.of(
                    m.annotations().path(WaveAssigner.SYNC_OPTIONS).asText("").split(",")));
            options.remove("");
            String kind = m.key().kind();
            boolean stateful = Set.of("Namespace", "HostedCluster", "NodePool", "BareMetalHost", "MultiClusterEngine",
                    "AgentServiceConfig", "MetalLB", "ImageDigestMirrorSet", "ImageTagMirrorSet", "Provisioning").contains(kind)
                    || (kind.equals("Secret") && m.key().name().endsWith("-etcd-encryption-key"))
                    || (kind.equals("ConfigMap") && "openshift-config".equals(m.key().namespace()));
            if (Set.of("Image", "OperatorHub").contains(kind)) {
                // Hub singletons: never deleted by Argo CD, not even with confirmation.
                protectedCount++;
                assertEquals(List.of("Delete=false", "Prune=false"), options.subList(0, 2), m.key().toString());
                options = options.subList(2, options.size());
            } else if (stateful) {
                protectedCount++;
                assertEquals(List.of("Delete=confirm", "Prune=confirm"), options.subList(0, 2), m.key().toString());
                options = options.subList(2, options.size());
            } else {
                assertFalse(options.contains("Prune=confirm"), m.key().toString());
            }
            String group = m.key().group();
            if (Set.of("Image", "OperatorHub", "Provisioning").contains(kind)) {
                assertEquals(List.of("ServerSideApply=true"), options, m.key() + " is a partial object");
            } else if (Set.of("", "rbac.authorization.k8s.io", "config.openshift.io", "operators.coreos.com").contains(group)) {
                assertEquals(List.of(), options, m.key().toString());
            } else {
                assertEquals(List.of("SkipDryRunOnMissingResource=true"), options, m.key().toString());
            }
        }
        assertTrue(protectedCount >= 14, "protected objects: " + protectedCount);
    }

    @Test
    void verifyRejectsAReadinessNeedOnALaterWave() {
        // The table of 0.1 with its HostedCluster check (Healthy only at version Completed) and NodePools
        // before BareMetalHosts: both waits point at later waves.
        java.util.Map<String, Integer> old = new java.util.HashMap<>(WaveAssigner.waves());
        old.put("NodePool", 9);
        List<ReadinessModel.Need> needs = new java.util.ArrayList<>(ReadinessModel.NEEDS);
        needs.add(ReadinessModel.HOSTED_CLUSTER_VERSION_COMPLETED);
        List<String> found = ReadinessModel.laterWaveNeeds(needs, old, old.keySet());
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("NodePool (wave 9) turns Healthy only after BareMetalHost (wave 10)"), found.get(0));
        assertTrue(found.get(1).startsWith("HostedCluster (wave 8) turns Healthy only after NodePool (wave 9)"), found.get(1));
        assertEquals(List.of(), ReadinessModel.laterWaveNeeds(ReadinessModel.NEEDS, WaveAssigner.waves(),
                WaveAssigner.waves().keySet()));
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
    void twoSitesNamingDifferentLvmClustersAreRefused() {
        ObjectNode a = Sites.example();
        ObjectNode b = Sites.example();
        b.with("metadata").put("name", "lab2");
        Sites.cluster(b).put("name", "other");
        ((ObjectNode) Sites.cluster(b).path("nodePools").get(0)).put("name", "other");
        for (int i = 0; i < 3; i++) {
            Sites.host(b, i).put("bootMACAddress", "52:54:00:20:00:0" + i).put("name", "w" + i);
        }
        assertTrue(a.path("spec").path("hub").path("storage").path("lvms").isObject(), "the example site has hub.storage.lvms");
        ((ObjectNode) b.path("spec").path("hub").path("storage").path("lvms")).put("name", "second");
        List<String> errors = Sites.errors(Sites.compile(a, b));
        assertEquals(2, errors.stream().filter(e -> e.contains("a hub runs exactly one LVMCluster")).count(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("HostedSite/lab2 spec.hub.storage.lvms")
                && e.contains("LVMCluster openshift-storage/second")), errors.toString());
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
    void canonicalFormKeepsOnlyTheEmptyObjectsUpstreamReads() {
        ObjectNode pool = Yaml.object();
        pool.put("apiVersion", "hypershift.openshift.io/v1beta1").put("kind", "NodePool");
        ObjectNode spec = pool.putObject("spec");
        spec.putObject("platform").put("type", "Agent").putObject("agent");
        spec.putObject("management");
        assertEquals("{\"apiVersion\":\"hypershift.openshift.io/v1beta1\",\"kind\":\"NodePool\","
                + "\"spec\":{\"platform\":{\"agent\":{},\"type\":\"Agent\"}}}", Yaml.json(Canonical.sorted(pool)));
        pool.put("kind", "NotANodePool");
        assertTrue(Canonical.sorted(pool).path("spec").path("platform").path("agent").isMissingNode(),
                "other kinds lose their empty objects");
    }

    @Test
    void canonicalFormKeepsTheNmstateDocumentsEmptiesAsWritten() {
        ObjectNode nmstate = Yaml.object();
        nmstate.put("apiVersion", "agent-install.openshift.io/v1beta1").put("kind", "NMStateConfig");
        ObjectNode spec = nmstate.putObject("spec");
        ObjectNode config = spec.putObject("config");
        config.putObject("dns-resolver").putObject("config");
        ObjectNode ipv4 = config.putArray("interfaces").addObject().put("name", "eth0").putObject("ipv4");
        ipv4.put("enabled", true).putArray("address");
        ipv4.putNull("dhcp");
        spec.putArray("interfaces");
        assertEquals("{\"apiVersion\":\"agent-install.openshift.io/v1beta1\",\"kind\":\"NMStateConfig\","
                + "\"spec\":{\"config\":{\"dns-resolver\":{\"config\":{}},\"interfaces\":[{\"ipv4\":{\"address\":[],"
                + "\"enabled\":true},\"name\":\"eth0\"}]}}}", Yaml.json(Canonical.sorted(nmstate)),
                "inside spec.config empties stay and nulls go; outside it (spec.interfaces) empties go");
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
