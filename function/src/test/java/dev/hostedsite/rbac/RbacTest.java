package dev.hostedsite.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import dev.hostedsite.testing.UpstreamSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The RBAC of packages/argocd (rbac.yaml, openshift-gitops/rbac.yaml) is what {@code hostedsite rbac} prints, and it covers exactly the kinds the
 * compiler emits: those of the wave table, of every object the golden fixtures render, with the scope their
 * upstream CRD declares. {@code -Dfixtures.update=true} rewrites the package files first.
 */
class RbacTest {
    static final Map<String, ApplicationControllerRbac.Flavor> FILES = Map.of(
            "rbac.yaml", ApplicationControllerRbac.Flavor.UPSTREAM,
            "openshift-gitops/rbac.yaml", ApplicationControllerRbac.Flavor.OPENSHIFT_GITOPS);

    @Test
    void emittedKindsAreTheKindsOfTheWaveTable() {
        Set<String> kinds = EmittedKinds.ALL.stream().map(EmittedKinds.Kind::kind).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(WaveAssigner.waves().keySet()), kinds);
        assertEquals(EmittedKinds.ALL.size(), kinds.size(), "one entry per kind");
    }

    /** Every applied object of every golden output has its apiVersion and kind in the list, with the list's resource scope. */
    @Test
    void everyRenderedObjectIsCovered() throws IOException {
        Map<String, EmittedKinds.Kind> byApiKind = new TreeMap<>();
        EmittedKinds.ALL.forEach(k -> byApiKind.put(k.apiVersion() + " " + k.kind(), k));
        Set<String> seen = new TreeSet<>();
        for (Path d : Repo.renderCases()) {
            Path expected = d.resolve("expected.yaml");
            if (!Files.isRegularFile(expected)) {
                continue;
            }
            for (JsonNode list : Yaml.readAll(Files.readString(expected))) {
                for (JsonNode o : list.path("items")) {
                    if (!o.path("metadata").path("annotations").has(WaveAssigner.WAVE)
                            || !o.path("metadata").path("annotations").has(ManifestSet.OWNER)) {
                        continue; // input items (even with a wave of their own) and local-config artifacts
                    }
                    String id = o.path("apiVersion").asText() + " " + o.path("kind").asText();
                    EmittedKinds.Kind k = byApiKind.get(id);
                    assertTrue(k != null, d.getFileName() + ": " + id + " is not in EmittedKinds");
                    assertEquals(k.namespaced(), o.path("metadata").has("namespace"), d.getFileName() + ": scope of " + id);
                    seen.add(id);
                }
            }
        }
        assertTrue(seen.size() >= 20, "fixtures render most kinds: " + seen);
    }

    @Test
    void scopesMatchTheUpstreamSchemas() {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (EmittedKinds.Kind k : EmittedKinds.ALL) {
            JsonNode probe = json.createObjectNode().put("apiVersion", k.apiVersion()).put("kind", k.kind());
            if (UpstreamSchemas.forObject(probe).isPresent()) {
                JsonNode scope = UpstreamSchemas.root(probe).path("x-kubernetes-scope");
                assertEquals(k.namespaced() ? "Namespaced" : "Cluster", scope.asText(), k.kind());
                checked++;
            }
        }
        assertTrue(checked >= 18, "kinds with an upstream schema: " + checked);
    }

    @Test
    void clusterRoleGrantsExactlyTheEmittedResources() {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (JsonNode rule : ApplicationControllerRbac.clusterRole().path("rules")) {
            for (JsonNode r : rule.path("resources")) {
                granted.computeIfAbsent(rule.path("apiGroups").get(0).asText(), g -> new TreeSet<>()).add(r.asText());
            }
            Set<String> verbs = new TreeSet<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            assertTrue(verbs.containsAll(Set.of("create", "delete", "get", "list", "patch", "update", "watch")), rule.toString());
            assertEquals(rule.path("resources").get(0).asText().equals("roles"), verbs.contains("escalate"), rule.toString());
            assertTrue(verbs.stream().noneMatch(v -> v.equals("*")), rule.toString());
        }
        Map<String, Set<String>> emitted = new TreeMap<>();
        EmittedKinds.ALL.forEach(k -> emitted.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.resource()));
        assertEquals(emitted, granted);
    }

    @Test
    void packageFilesAreTheCommandsOutput() throws IOException {
        for (Map.Entry<String, ApplicationControllerRbac.Flavor> e : FILES.entrySet()) {
            Path file = Repo.root().resolve("packages/argocd").resolve(e.getKey());
            String flavor = e.getValue() == ApplicationControllerRbac.Flavor.UPSTREAM ? "upstream" : "openshift-gitops";
            Run run = Run.of(new byte[0], "rbac", flavor);
            assertEquals(0, run.exit(), run::toString);
            if (Boolean.getBoolean("fixtures.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, run.stdout());
            }
            assertEquals(run.stdout(), Files.exists(file) ? Files.readString(file) : "",
                    file + " is stale: run the tests with -Dfixtures.update=true");
            JsonNode binding = Yaml.readAll(run.stdout()).get(1);
            assertEquals(e.getValue().serviceAccount, binding.path("subjects").get(0).path("name").asText());
            assertEquals(e.getValue().namespace, binding.path("subjects").get(0).path("namespace").asText());
        }
        assertNotEquals(0, Run.of(new byte[0], "rbac", "flux").exit());
    }

    @Test
    void schemaCommandPrintsTheBundledSchema() throws IOException {
        Run run = Run.of(new byte[0], "schema");
        assertEquals(0, run.exit(), run::toString);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/hostedsite-v1alpha1.json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), run.stdout());
        }
        assertEquals("https://hostedsite.dev/schema/hostedsite-v1alpha1.json",
                new ObjectMapper().readTree(run.stdout()).path("$id").asText());
        assertEquals(2, Run.of(new byte[0], "schema", "extra").exit());
    }
}
