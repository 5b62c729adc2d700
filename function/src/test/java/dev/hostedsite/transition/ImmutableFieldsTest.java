package dev.hostedsite.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Ties {@link ImmutableFields} to the upstream schemas: every CEL transition rule (one that mentions
 * {@code oldSelf}) in the copied HyperShift CRD schemas is in the table or in its exclusion list, and every
 * HyperShift entry of the table is still upstream. An exclusion that claims a subtree is never written is checked
 * against every object the golden fixtures generate.
 */
class ImmutableFieldsTest {
    static final Map<String, String> SCHEMAS = Map.of(
            "HostedCluster", "hypershift.openshift.io/hostedcluster-v1beta1.json",
            "NodePool", "hypershift.openshift.io/nodepool-v1beta1.json");

    /** {@code kind|node|rule} of every transition rule in the copied schemas. */
    static TreeSet<String> upstreamTransitionRules() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : SCHEMAS.entrySet()) {
            JsonNode schema = new ObjectMapper().readTree(Repo.fixtures().resolve("upstream-schemas").resolve(e.getValue()).toFile());
            walk(e.getKey(), schema, "", out);
        }
        return out;
    }

    private static void walk(String kind, JsonNode n, String path, TreeSet<String> out) {
        for (JsonNode v : n.path("x-kubernetes-validations")) {
            if (v.path("rule").asText().contains("oldSelf")) {
                out.add(kind + "|" + path + "|" + v.path("rule").asText());
            }
        }
        n.path("properties").fields().forEachRemaining(p -> walk(kind, p.getValue(), path.isEmpty() ? p.getKey()
                : path + "." + p.getKey(), out));
        if (n.has("items")) {
            walk(kind, n.get("items"), path + "[]", out);
        }
        if (n.path("additionalProperties").isObject()) {
            walk(kind, n.get("additionalProperties"), path + ".*", out);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            n.path(combinator).forEach(c -> walk(kind, c, path, out));
        }
    }

    @Test
    void everyUpstreamTransitionRuleIsClassified() throws IOException {
        TreeSet<String> upstream = upstreamTransitionRules();
        assertTrue(upstream.size() >= 70, "the copied schemas lost their CEL rules: " + upstream.size());
        TreeSet<String> classified = new TreeSet<>();
        ImmutableFields.RULES.forEach(r -> classified.add(r.kind() + "|" + r.node() + "|" + r.rule()));
        ImmutableFields.EXCLUDED.forEach(x -> classified.add(x.kind() + "|" + x.node() + "|" + x.rule()));
        TreeSet<String> missing = new TreeSet<>(upstream);
        missing.removeAll(classified);
        assertEquals(new TreeSet<>(), missing, "transition rules neither in ImmutableFields.RULES nor EXCLUDED");
    }

    @Test
    void everyHyperShiftEntryIsStillUpstream() throws IOException {
        TreeSet<String> upstream = upstreamTransitionRules();
        List<String> stale = new ArrayList<>();
        for (ImmutableFields.Rule r : ImmutableFields.RULES) {
            String id = r.kind() + "|" + r.node() + "|" + r.rule();
            if (SCHEMAS.containsKey(r.kind()) && !upstream.contains(id)) {
                stale.add(id);
            }
        }
        for (ImmutableFields.Exclusion x : ImmutableFields.EXCLUDED) {
            String id = x.kind() + "|" + x.node() + "|" + x.rule();
            if (!upstream.contains(id)) {
                stale.add(id);
            }
        }
        assertEquals(List.of(), stale, "entries whose rule is no longer in the schemas");
    }

    @Test
    void excludedSubtreesAreNeverGenerated() throws IOException {
        List<JsonNode> generated = new ArrayList<>();
        for (Path dir : Repo.renderCases()) {
            if (!Files.isRegularFile(dir.resolve("expected.yaml"))) {
                continue;
            }
            for (JsonNode item : Yaml.readAll(Files.readString(dir.resolve("expected.yaml"))).get(0).path("items")) {
                if (ManifestSet.isGenerated((ObjectNode) item)) {
                    generated.add(item);
                }
            }
        }
        assertTrue(generated.stream().anyMatch(g -> g.path("kind").asText().equals("HostedCluster")));
        for (ImmutableFields.Exclusion x : ImmutableFields.EXCLUDED) {
            for (JsonNode g : generated) {
                if (g.path("kind").asText().equals(x.kind())) {
                    assertEquals(null, ImmutableFields.at(g, x.neverWritten()), x.kind() + " "
                            + g.path("metadata").path("name").asText() + " has " + x.neverWritten() + ", excluded as never written");
                }
            }
        }
    }

    private static ObjectNode hc(String yaml) throws IOException {
        return (ObjectNode) Yaml.readAll("kind: HostedCluster\n" + yaml).get(0);
    }

    @Test
    void checksFollowTheirCelRules() throws IOException {
        // self == oldSelf: only when both exist
        assertEquals(List.of("spec.networking.serviceNetwork"), fields(hc("spec: {networking: {serviceNetwork: [{cidr: a}]}}"),
                hc("spec: {networking: {serviceNetwork: [{cidr: b}]}}")));
        assertEquals(List.of(), fields(hc("spec: {networking: {}}"), hc("spec: {networking: {machineNetwork: [{cidr: b}]}}")));
        // ... but compared as the API server stores them: an absent field with a CRD default has that default
        assertEquals(List.of("spec.networking.serviceNetwork"), fields(hc("spec: {networking: {}}"),
                hc("spec: {networking: {serviceNetwork: [{cidr: b}]}}")));
        assertEquals(List.of(), fields(hc("spec: {networking: {}}"), hc("spec: {networking: {serviceNetwork: [{cidr: 172.31.0.0/16}]}}")));
        // oldSelf == "" || self == oldSelf
        assertEquals(List.of("spec.dns.baseDomain"), fields(hc("spec: {dns: {baseDomain: a.b}}"), hc("spec: {dns: {baseDomain: c.d}}")));
        assertEquals(List.of(), fields(hc("spec: {dns: {baseDomain: ''}}"), hc("spec: {dns: {baseDomain: c.d}}")));
        // !has(oldSelf.x) || has(self.x)
        assertEquals(List.of("spec.secretEncryption"), fields(hc("spec: {secretEncryption: {type: aescbc}}"), hc("spec: {fips: false}")));
        assertEquals(List.of(), fields(hc("spec: {fips: false}"), hc("spec: {secretEncryption: {type: aescbc}}")));
        // has(self.x) == has(oldSelf.x)
        assertEquals(List.of("spec.etcd.managed.storage.restoreSnapshotURL"),
                fields(hc("spec: {etcd: {managed: {storage: {type: PersistentVolume}}}}"),
                        hc("spec: {etcd: {managed: {storage: {type: PersistentVolume, restoreSnapshotURL: [s3://x]}}}}")));
        assertFalse(ImmutableFields.RULES.isEmpty());
    }

    private static List<String> fields(ObjectNode before, ObjectNode after) {
        return ImmutableFields.refusals(before, after).stream().map(ImmutableFields.Rule::field).distinct().toList();
    }

    @Test
    void theInfraEnvProcedureNamesThePrimaryArchitectureOrder() {
        assertTrue(ImmutableFieldGuard.procedure(new ObjectKey("agent-install.openshift.io", "InfraEnv", "ns", "c"))
                .contains("(amd64 when a pool is amd64, else arm64, ppc64le, s390x in that order, whatever the order of"
                        + " nodePools)"));
    }
}
