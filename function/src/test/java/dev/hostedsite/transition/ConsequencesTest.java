package dev.hostedsite.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.ExampleSite;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The consequence table and the order-independence rules: every rule cites an upstream file; the HostedCluster
 * fields that roll pools are the ones {@link RolloutGuard} compares; the stored defaults match the copied CRD
 * schema; release versions normalize as HyperShift's normalizeToV4; reordering lists renders the same objects.
 */
class ConsequencesTest {
    private static final Pattern UPSTREAM_FILE = Pattern.compile("(openshift|metal3-io)/[a-z-]+ [\\w./-]+\\.go.*");

    @Test
    void everyRuleCitesAnUpstreamFile() {
        for (Consequences.Rule r : Consequences.RULES) {
            for (String source : r.source().split("; ")) {
                assertTrue(UPSTREAM_FILE.matcher(source).matches(), r + ": source is not an upstream file: " + source);
            }
            assertFalse(r.why().isBlank(), r + ": no reason");
        }
    }

    @Test
    void clusterFieldsThatRollAreTheOnesRolloutGuardCompares() {
        TreeSet<String> table = new TreeSet<>();
        Consequences.RULES.stream().filter(r -> r.kind().equals("HostedCluster") && r.referencedBy() == null
                && r.effect() == Consequences.Effect.ROLLS_NODES).forEach(r -> table.add(r.field()));
        assertEquals(table, new TreeSet<>(RolloutGuard.CLUSTER_FIELDS));
    }

    @Test
    void lookupTakesTheLongestMatchingRule() {
        assertEquals(Consequences.Effect.ROLLS_NODES, Consequences.of("HostedCluster", "spec.pullSecret.name").orElseThrow().effect());
        assertEquals(Optional.empty(), Consequences.of("HostedCluster", "spec.pullSecretName"));
        assertEquals(Consequences.Effect.NEVER_REACHES_NODES,
                Consequences.ofReferenced("Secret", "data..dockerconfigjson", "spec.pullSecret.name").orElseThrow().effect());
        assertEquals(Optional.empty(), Consequences.of("Secret", "data..dockerconfigjson"), "a Secret's content matters"
                + " only through the HostedCluster field that names it");
    }

    /** Every default the copied HostedCluster schema gives at a field an immutability rule compares is applied. */
    @Test
    void storedDefaultsMatchTheSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Repo.fixtures().resolve("upstream-schemas")
                .resolve(ImmutableFieldsTest.SCHEMAS.get("HostedCluster")).toFile());
        List<String> missing = new ArrayList<>();
        for (ImmutableFields.Rule r : ImmutableFields.RULES) {
            if (!r.kind().equals("HostedCluster")) {
                continue;
            }
            JsonNode node = schema;
            for (String part : r.field().split("\\.")) {
                node = node.path("properties").path(part);
            }
            if (node.has("default")) {
                Optional<ImmutableFields.StoredDefault> d = ImmutableFields.STORED_DEFAULTS.stream()
                        .filter(x -> x.path().equals(r.field())).findFirst();
                if (d.isEmpty() || !d.get().value().equals(node.get("default"))) {
                    missing.add(r.field() + " = " + node.get("default"));
                }
            }
        }
        assertEquals(List.of(), missing, "schema defaults at immutable fields missing from STORED_DEFAULTS");
        assertTrue(ImmutableFields.STORED_DEFAULTS.stream().anyMatch(d -> d.path().equals("spec.capabilities")));
    }

    @Test
    void addingCapabilitiesIsRefusedAsStored() {
        ObjectNode before = Yaml.object().put("kind", "HostedCluster");
        before.putObject("spec").put("fips", false);
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("spec")).putObject("capabilities").putArray("disabled").add("ImageRegistry");
        assertEquals(List.of("spec.capabilities"), ImmutableFields.refusals(before, after).stream()
                .map(ImmutableFields.Rule::field).toList());
        assertEquals(List.of("spec.capabilities"), ImmutableFields.refusals(after, before).stream()
                .map(ImmutableFields.Rule::field).toList());
        assertEquals(List.of(), ImmutableFields.refusals(before, before.deepCopy()));
    }

    @Test
    void infraEnvArchitectureIsImmutable() {
        ObjectNode before = Yaml.object().put("kind", "InfraEnv");
        before.putObject("spec").put("cpuArchitecture", "x86_64");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("spec")).put("cpuArchitecture", "aarch64");
        assertEquals(List.of("spec.cpuArchitecture"), ImmutableFields.refusals(before, after).stream()
                .map(ImmutableFields.Rule::field).toList());
    }

    /** The previous render's InfraEnvs fix the primary architecture, even when its last pool is gone. */
    @Test
    void previousInfraEnvsPinThePrimaryArchitecture() {
        ObjectNode rl = ExampleSite.nodePoolsResourceList();
        dev.hostedsite.model.Cluster c = dev.hostedsite.input.SiteBinder.bind(ExampleSite.site(rl), null).clusters().get(0);
        String cpns = c.controlPlaneNamespace();
        java.util.Map<dev.hostedsite.graph.ObjectKey, ObjectNode> previous = new java.util.TreeMap<>();
        assertEquals(Optional.empty(), InfraEnvArchitectures.pinned(c, previous));
        ObjectNode arm = Yaml.object();
        arm.putObject("spec").put("cpuArchitecture", "aarch64");
        previous.put(new dev.hostedsite.graph.ObjectKey("agent-install.openshift.io", "InfraEnv", cpns, c.name()), arm);
        assertEquals(Optional.of("arm64"), InfraEnvArchitectures.pinned(c, previous));
        previous.clear();
        previous.put(new dev.hostedsite.graph.ObjectKey("agent-install.openshift.io", "InfraEnv", cpns, c.name() + "-amd64"), arm);
        assertEquals(Optional.of("arm64"), InfraEnvArchitectures.pinned(c, previous), "the first architecture no"
                + " <cluster>-<arch> InfraEnv serves");
    }

    /** IsValidReleaseVersion with a current version: y-stream downgrades refused, y-stream upgrades only off SDN. */
    @Test
    void releaseMovesRefusedLikeIsValidReleaseVersion() {
        assertEquals(Optional.of("a y-stream downgrade"), ReleaseGuard.refusal(released("4.15.8"), released("4.14.25"), "OVNKubernetes"));
        assertEquals(Optional.empty(), ReleaseGuard.refusal(released("4.15.8"), released("4.15.2"), "OVNKubernetes"));
        assertEquals(Optional.empty(), ReleaseGuard.refusal(released("4.14.25"), released("4.15.8"), "OVNKubernetes"));
        assertEquals(Optional.of("a y-stream upgrade on OpenShiftSDN"),
                ReleaseGuard.refusal(released("4.10.3"), released("4.11.0"), "OpenShiftSDN"));
        assertEquals(Optional.empty(), ReleaseGuard.refusal(released("4.22.1"), released("5.0.0"), "OVNKubernetes"));
        assertEquals(Optional.of("a y-stream downgrade"), ReleaseGuard.refusal(released("5.0.0"), released("4.22.1"), "OVNKubernetes"));
        assertEquals(Optional.empty(), ReleaseGuard.refusal(released(null), released("4.14.25"), "OVNKubernetes"));
    }

    private static ObjectNode released(String version) {
        ObjectNode o = dev.hostedsite.krm.Yaml.object();
        if (version != null) {
            o.putObject("metadata").putObject("annotations").put(dev.hostedsite.generate.ClusterGenerator.RELEASE_VERSION, version);
        }
        return o;
    }

    @Test
    void secretValuesAreNeverShown() throws IOException {
        String out = Files.readString(Repo.fixture("day2-pull-secret-content-change").resolve("expected.txt"),
                StandardCharsets.UTF_8);
        assertTrue(out.contains(FieldValues.SECRET), out);
        for (String secret : List.of("ZHVtbXk6ZHVtbXk", "dXNlcjpuZXctdG9rZW4", "dummy:dummy", "user:new-token")) {
            assertFalse(out.contains(secret), "secret value shown: " + secret);
        }
    }

    /** Reordering nodePools, hosts and catalogs renders the same objects, with no previous render at hand. */
    @Test
    void reorderedListsRenderTheSameObjects() {
        ObjectNode rl = ExampleSite.nodePoolsResourceList();
        String reference = rendered(rl);
        ObjectNode cluster = ExampleSite.cluster(rl);
        reverse((ArrayNode) cluster.get("nodePools"));
        reverse((ArrayNode) cluster.get("hosts"));
        reverse((ArrayNode) ExampleSite.site(rl).path("spec").path("hub").get("catalogs"));
        assertEquals(reference, rendered(rl));
    }

    /** Reordering mirrors renders the same objects when the previous render is at hand (its order is kept). */
    @Test
    void reorderedMirrorsKeepThePreviousOrder() {
        ObjectNode rl = ExampleSite.nodePoolsResourceList();
        Compiler.Result first = Compiler.compile(items(rl), null);
        assertFalse(first.failed(), first.diagnostics().toString());
        reverse((ArrayNode) ExampleSite.site(rl).path("spec").path("hub").get("mirrors"));
        List<ObjectNode> input = new ArrayList<>(items(rl));
        first.generated().forEach(m -> input.add(m.body().deepCopy()));
        Compiler.Result second = Compiler.compile(input, null);
        assertFalse(second.failed(), second.diagnostics().toString());
        assertEquals(0, second.changes().changes().size(), second.changes().changes().toString());
        assertEquals(List.of(), second.changes().rolls());
    }

    private static void reverse(ArrayNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        list.removeAll();
        for (int i = items.size() - 1; i >= 0; i--) {
            list.add(items.get(i));
        }
    }

    private static List<ObjectNode> items(ObjectNode rl) {
        List<ObjectNode> out = new ArrayList<>();
        rl.path("items").forEach(i -> out.add((ObjectNode) i.deepCopy()));
        return out;
    }

    private static String rendered(ObjectNode rl) {
        Compiler.Result r = Compiler.compile(items(rl), null);
        assertFalse(r.failed(), r.diagnostics().toString());
        StringBuilder b = new StringBuilder();
        for (Manifest m : r.generated()) {
            if (!m.localConfig()) {
                b.append(Yaml.write(m.body()));
            }
        }
        return b.toString();
    }
}
