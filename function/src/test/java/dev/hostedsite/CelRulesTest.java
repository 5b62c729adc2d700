package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.CelOracle;
import dev.hostedsite.testing.CelOracle.Rule;
import dev.hostedsite.testing.CelOracle.Violation;
import dev.hostedsite.testing.KubernetesCelLibrary;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Sites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The upstream CEL rules as a test oracle ({@link CelOracle}): every rule of the HostedCluster, NodePool and
 * Image CRDs (kept verbatim in {@code fixtures/upstream-schemas}) holds for every object every success fixture
 * generates, as a create and as an update (from the previous render's object when the fixture's input holds one,
 * and from itself: a re-apply). Mutants prove that the oracle rejects what the apiserver would.
 */
class CelRulesTest {
    /** Rules per kind in the schemas (PROVENANCE.md: an independent count of the source CRDs). */
    static final Map<String, Integer> RULES_PER_KIND = Map.of("HostedCluster", 250, "NodePool", 54, "Image", 4,
            "ArgoCD", 6, "LVMCluster", 5, "Provisioning", 1);
    /** The rules that cannot be evaluated here, with the reason; pinned, so a change to the set fails a test. */
    static final Path UNEVALUABLE = Repo.fixtures().resolve("upstream-schemas/cel-unevaluable.txt");

    private static final CelOracle ORACLE = CelOracle.upstream();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySuccessFixtureSatisfiesEveryRule() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<Rule> evaluated = new LinkedHashSet<>();
        int evaluations = 0;
        int objects = 0;
        int updatePairs = 0;
        int fixtures = 0;
        for (Path dir : Repo.renderCases()) {
            // the golden output: FixturesTest holds it equal to what the function writes for input.yaml
            if (!Files.isRegularFile(dir.resolve("expected.yaml"))) {
                continue; // a failed render (expected-results.yaml)
            }
            JsonNode out = Yaml.readAll(Files.readString(dir.resolve("expected.yaml"))).get(0);
            if (StreamSupport.stream(out.path("results").spliterator(), false)
                    .anyMatch(r -> r.path("severity").asText().equals("error"))) {
                continue;
            }
            fixtures++;
            JsonNode in = Yaml.readAll(Files.readString(dir.resolve("input.yaml"))).get(0);
            Map<String, JsonNode> previous = new HashMap<>();
            for (JsonNode item : in.path("items")) {
                if (item instanceof ObjectNode o && ManifestSet.isGenerated(o)) {
                    previous.put(key(item), item);
                }
            }
            for (JsonNode item : out.path("items")) {
                if (!ORACLE.covers(item)) {
                    continue;
                }
                objects++;
                List<CelOracle.Result> results = new ArrayList<>();
                results.add(ORACLE.check(item, null));
                results.add(ORACLE.check(item, item));
                if (previous.containsKey(key(item))) {
                    results.add(ORACLE.check(item, previous.get(key(item))));
                    updatePairs++;
                }
                for (CelOracle.Result r : results) {
                    r.violations().forEach(v -> violations.add(dir.getFileName() + ": " + v));
                    evaluations += r.evaluations();
                    evaluated.addAll(r.evaluated());
                }
            }
        }
        assertEquals(List.of(), violations, "generated objects break upstream CEL rules");
        assertTrue(updatePairs > 0, "no fixture gave an update pair (the etcd-rotation fixtures should)");
        assertTrue(evaluated.stream().anyMatch(Rule::transition), "no transition rule was evaluated");
        System.out.printf("CEL oracle: %d rules (%d evaluable, %d unevaluable); %d fixtures, %d objects, %d update pairs"
                        + " from previous renders; %d evaluations of %d distinct rules (%d transition rules)%n",
                ORACLE.rules().size(), ORACLE.rules().size() - ORACLE.unevaluable().size(), ORACLE.unevaluable().size(),
                fixtures, objects, updatePairs, evaluations, evaluated.size(),
                evaluated.stream().filter(Rule::transition).count());
    }

    private static String key(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText() + "/"
                + o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText();
    }

    @Test
    void everyRuleOfTheSchemasIsFoundWithOnlyTheKeysTheOracleReads() throws IOException {
        Map<String, Integer> perKind = new TreeMap<>();
        ORACLE.rules().forEach(r -> perKind.merge(r.kind(), 1, Integer::sum));
        assertEquals(new TreeMap<>(RULES_PER_KIND), perKind);
        // messageExpression, fieldPath, reason or optionalOldSelf would need support in CelOracle first
        Set<String> keys = new TreeSet<>();
        for (Path f : List.of(Path.of("hypershift.openshift.io/hostedcluster-v1beta1.json"),
                Path.of("hypershift.openshift.io/nodepool-v1beta1.json"), Path.of("config.openshift.io/image-v1.json"),
                Path.of("argoproj.io/argocd-v1beta1.json"))) {
            collectRuleKeys(JSON.readTree(Repo.fixtures().resolve("upstream-schemas").resolve(f).toFile()), keys);
        }
        assertEquals(Set.of("message", "rule"), keys);
    }

    private static void collectRuleKeys(JsonNode n, Set<String> keys) {
        if (n.isObject()) {
            n.path("x-kubernetes-validations").forEach(v -> v.fieldNames().forEachRemaining(keys::add));
        }
        if (n.isContainerNode()) {
            n.forEach(c -> collectRuleKeys(c, keys));
        }
    }

    @Test
    void theUnevaluableRulesAreExactlyThePinnedOnes() throws IOException {
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(UNEVALUABLE)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                pinned.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        StringBuilder actual = new StringBuilder();
        new TreeMap<>(ORACLE.unevaluable()).forEach((rule, why) -> actual.append(rule).append('\t').append(why).append('\n'));
        assertEquals(pinned.keySet(), new TreeMap<>(ORACLE.unevaluable()).keySet(),
                "the set of CEL rules the oracle cannot evaluate changed; update " + UNEVALUABLE + " to:\n" + actual);
    }

    @Test
    void theKubernetesLibraryHoldsExactlyTheFunctionsTheRulesCall() {
        Set<String> called = new HashSet<>();
        Pattern call = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\(");
        for (Rule r : ORACLE.rules()) {
            Matcher m = call.matcher(r.rule());
            while (m.find()) {
                called.add(m.group(1));
            }
        }
        Set<String> unused = new TreeSet<>(KubernetesCelLibrary.FUNCTIONS);
        unused.removeAll(called);
        assertEquals(Set.of(), unused, "library functions no rule calls");
    }

    // ---- mutants: each must be rejected, with the upstream rule's own message ----

    private static JsonNode generated(ObjectNode site, String kind, String name) {
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        return Sites.generated(r, kind, name);
    }

    private static List<String> rejections(JsonNode object, JsonNode old) {
        return ORACLE.check(object, old).violations().stream().map(v -> v.field() + ": " + v.rule().message()).toList();
    }

    private static void assertRejected(JsonNode base, Consumer<ObjectNode> mutation, String expected) {
        assertEquals(List.of(), rejections(base, null), "the unmutated object must pass");
        ObjectNode mutant = base.deepCopy();
        mutation.accept(mutant);
        List<String> found = rejections(mutant, null);
        assertTrue(found.contains(expected), "expected «" + expected + "» among " + found);
    }

    private static void assertUpdateRejected(JsonNode old, Consumer<ObjectNode> mutation, String expected) {
        ObjectNode updated = old.deepCopy();
        mutation.accept(updated);
        assertEquals(List.of(), rejections(updated, null), "the new object alone must pass (only the change is wrong)");
        List<String> found = rejections(updated, old);
        assertTrue(found.contains(expected), "expected «" + expected + "» among " + found);
    }

    private static ObjectNode spec(ObjectNode o) {
        return (ObjectNode) o.get("spec");
    }

    private static JsonNode hostedCluster() {
        return generated(Sites.example(), "HostedCluster", "hosted");
    }

    private static JsonNode nodePool() {
        return generated(Sites.example(), "NodePool", "hosted");
    }

    @Test
    void mutantThreeServicesInsteadOfFour() {
        assertRejected(hostedCluster(), hc -> ((ArrayNode) spec(hc).get("services")).remove(3),
                "spec: spec.services in body should have at least 4 items or 3 for IBMCloud");
    }

    @Test
    void mutantNodePortWithoutNodePort() {
        ObjectNode site = Sites.nodePort(Sites.example(), "192.168.122.10", 30443);
        assertRejected(generated(site, "HostedCluster", "hosted"),
                hc -> ((ObjectNode) spec(hc).get("services").get(1).get("servicePublishingStrategy")).remove("nodePort"),
                "spec.services[1].servicePublishingStrategy: nodePort is required when type is NodePort, and forbidden otherwise");
    }

    @Test
    void mutantArm64NodePoolWithoutAgentPlatform() {
        JsonNode pool = nodePool();
        assertRejected(pool, np -> {
            spec(np).put("arch", "arm64");
            ((ObjectNode) spec(np).get("platform")).remove("agent");
        }, "spec: Setting Arch to arm64 is only supported for AWS, Azure, Agent, GCP and None");
        ObjectNode emptyAgent = pool.deepCopy();
        spec(emptyAgent).put("arch", "arm64");
        ((ObjectNode) spec(emptyAgent).get("platform")).putObject("agent");
        assertEquals(List.of(), rejections(emptyAgent, null), "an empty platform.agent is what the rule asks for");
    }

    @Test
    void mutantS390xNodePoolOnAgent() {
        assertRejected(nodePool(), np -> spec(np).put("arch", "s390x"), "spec: s390x is only supported on KubeVirt platform");
    }

    @Test
    void mutantServiceNetworkEqualToClusterNetwork() {
        assertRejected(hostedCluster(), hc -> ((ObjectNode) spec(hc).get("networking").get("serviceNetwork").get(0))
                        .put("cidr", spec(hc).get("networking").get("clusterNetwork").get(0).get("cidr").asText()),
                "spec.networking: CIDR ranges in machineNetwork, clusterNetwork, and serviceNetwork must be unique and non-overlapping");
    }

    @Test
    void mutantCidrWithoutPrefixLength() {
        assertRejected(hostedCluster(), hc -> ((ObjectNode) spec(hc).get("networking").get("clusterNetwork").get(0))
                        .put("cidr", "10.132.0.0"),
                "spec.networking.clusterNetwork[0].cidr: cidr must be a valid IPv4 or IPv6 CIDR notation (e.g., 192.168.1.0/24 or 2001:db8::/64)");
    }

    @Test
    void mutantImageWithAllowedAndBlockedRegistries() {
        JsonNode image = generated(Sites.example(), "Image", "cluster");
        assertRejected(image, i -> {
            ObjectNode sources = spec(i).putObject("registrySources");
            sources.putArray("allowedRegistries").add("registry.example.krnl.es:5000");
            sources.putArray("blockedRegistries").add("docker.io");
        }, "spec.registrySources: Only one of blockedRegistries or allowedRegistries may be set");
    }

    @Test
    void mutantUpdatesThatChangeImmutableFields() {
        JsonNode hc = hostedCluster();
        assertUpdateRejected(hc, u -> ((ObjectNode) spec(u).get("networking").get("clusterNetwork").get(0)).put("cidr", "10.128.0.0/14"),
                "spec.networking.clusterNetwork: clusterNetwork is immutable and cannot be modified once set.");
        assertUpdateRejected(hc, u -> ((ObjectNode) spec(u).get("dns")).put("baseDomain", "example.org"),
                "spec.dns.baseDomain: baseDomain is immutable");
        assertUpdateRejected(hc, u -> ((ObjectNode) spec(u).get("services").get(0).get("servicePublishingStrategy").get("loadBalancer"))
                .put("hostname", "api2.hosted.example.krnl.es"), "spec: Services is immutable. Changes might result in unpredictable and disruptive behavior.");
        assertUpdateRejected(nodePool(), u -> spec(u).put("arch", "arm64"), "spec.arch: Arch is immutable");
        assertUpdateRejected(hc, u -> spec(u).remove("secretEncryption"), "spec: secretEncryption cannot be removed once configured");
    }
}
