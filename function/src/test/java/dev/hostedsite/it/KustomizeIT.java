package dev.hostedsite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packages/kustomize-example under the real {@code kubectl kustomize --enable-alpha-plugins}: kustomize reads
 * the kustomization, builds the function's input and handles its output for real; the container function
 * runs through the docker stand-in (no container engine here), which runs this build's jar.
 */
class KustomizeIT {
    @TempDir
    Path work;
    Path example;

    @BeforeEach
    void copyTheExample() throws Exception {
        Tool.require("kubectl");
        example = work.resolve("kustomize-example");
        Trees.copy(Repo.root().resolve("packages/kustomize-example"), example);
    }

    private Tool build() throws Exception {
        return Tool.run(List.of("kubectl", "kustomize", "--enable-alpha-plugins", example.toString()), work,
                Tool.standInEnv());
    }

    @Test
    void theExampleNamesTheFunctionImageOfThisBuild() throws Exception {
        JsonNode site = Yaml.readAll(Files.readString(example.resolve("site.yaml"))).get(0);
        JsonNode function = Yaml.readAll(site.path("metadata").path("annotations")
                .path("config.kubernetes.io/function").asText()).get(0);
        assertEquals(BuildInfo.image(), function.path("container").path("image").asText());
        JsonNode kustomization = Yaml.readAll(Files.readString(example.resolve("kustomization.yaml"))).get(0);
        assertEquals("site.yaml", kustomization.path("generators").get(0).asText());
        assertEquals("fifo", kustomization.path("sortOptions").path("order").asText());
    }

    @Test
    void buildEmitsTheGeneratedObjectsOnlyInTheFunctionsOrder() throws Exception {
        Tool built = build();
        assertEquals(0, built.exit(), built::toString);
        List<JsonNode> objects = Yaml.readAll(built.stdout());

        Run direct = Run.of(new byte[0], "render", example.resolve("site.yaml").toString());
        assertEquals(0, direct.exit(), direct::toString);
        List<JsonNode> expected = Yaml.readAll(direct.stdout());
        assertFalse(expected.isEmpty());
        assertEquals(ids(expected), ids(objects), "kustomize emits what the function generates, in its order");
        assertEquals(expected, objects, "and leaves every object as the function made it");

        List<Integer> waves = new ArrayList<>();
        for (JsonNode o : objects) {
            assertNotEquals("HostedSite", o.path("kind").asText(), "the HostedSite is input, never output");
            JsonNode annotations = o.path("metadata").path("annotations");
            assertFalse("true".equals(annotations.path("config.kubernetes.io/local-config").asText()), o::toString);
            for (Iterator<String> keys = annotations.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                assertFalse(key.startsWith("config.kubernetes.io/") || key.startsWith("internal.config.kubernetes.io/")
                        || key.startsWith("config.k8s.io/") || key.startsWith("kustomize.config.k8s.io/"),
                        "tool annotation " + key + " leaked into " + o.path("kind").asText());
            }
            waves.add(annotations.path("argocd.argoproj.io/sync-wave").asInt());
        }
        List<Integer> sorted = new ArrayList<>(waves);
        sorted.sort(null);
        assertEquals(sorted, waves, "sortOptions fifo keeps the sync waves in ascending order");
        assertTrue(ids(objects).contains("HostedCluster clusters/store"), ids(objects)::toString);
        assertEquals(2, ids(objects).stream().filter(id -> id.startsWith("BareMetalHost ")).count());
    }

    @Test
    void theExampleValidatesWithoutWarnings() {
        Run validate = Run.of(new byte[0], "validate", example.toString());
        assertEquals(0, validate.exit(), validate::toString);
        assertTrue(validate.stdout().contains("1 HostedSite, 0 errors, 0 warnings"), validate::toString);
    }

    /** docs/usage.md tells kustomize users to run validate: kustomize drops the function's results. */
    @Test
    void kustomizeDropsTheFunctionsWarningsThatValidateShows() throws Exception {
        Path site = example.resolve("site.yaml");
        String text = Files.readString(site);
        String packages = "packages: [metallb-operator, multicluster-engine]";
        assertTrue(text.contains(packages));
        Files.writeString(site, text.replace(packages, "packages: [metallb-operator]"));

        Tool built = build();
        assertEquals(0, built.exit(), built::toString);
        assertFalse(Yaml.readAll(built.stdout()).isEmpty());
        assertEquals("", built.stderr(), "kustomize shows no warning");

        Run validate = Run.of(new byte[0], "validate", example.toString());
        assertEquals(0, validate.exit(), validate::toString);
        assertTrue(validate.stdout().contains("warning: spec.hub.catalogs: no catalog lists package multicluster-engine"),
                validate::toString);
    }

    @Test
    void aBadSiteFailsTheBuildWithTheErrorOnStderr() throws Exception {
        Path site = example.resolve("site.yaml");
        String text = Files.readString(site);
        assertTrue(text.contains("bootMACAddress: \"52:54:00:20:00:01\""));
        Files.writeString(site, text.replace("bootMACAddress: \"52:54:00:20:00:01\"", "bootMACAddress: \"52:54:00:20:00:00\""));
        Tool failed = build();
        assertNotEquals(0, failed.exit(), failed::toString);
        assertEquals("", failed.stdout());
        assertTrue(failed.stderr().contains("error: HostedSite/edge spec.clusters[0].hosts[1].bootMACAddress"), failed::toString);
    }

    private static List<String> ids(List<JsonNode> objects) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : objects) {
            JsonNode m = o.path("metadata");
            out.add(o.path("kind").asText() + " " + (m.has("namespace") ? m.path("namespace").asText() + "/" : "")
                    + m.path("name").asText());
        }
        return out;
    }
}
