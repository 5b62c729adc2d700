package dev.hostedsite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.DirectorySource;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packages/hosted-site under the real {@code kpt fn render}, on a temporary copy of the package. The
 * Kptfile is the shipped one with its image mutator swapped for the exec form pointing at bin/hostedsite,
 * except in the last test, which runs the shipped Kptfile unchanged through the docker stand-in.
 */
class KptRenderIT {
    private static final String IMAGE_LINE = "    - image: " + BuildInfo.image() + "\n";

    @TempDir
    Path work;
    Path pkg;

    @BeforeEach
    void copyThePackage() throws Exception {
        Tool.require("kpt");
        pkg = work.resolve("hosted-site");
        Trees.copy(Repo.root().resolve("packages/hosted-site"), pkg);
        String kptfile = Files.readString(pkg.resolve("Kptfile"));
        assertTrue(kptfile.contains(IMAGE_LINE), "the shipped Kptfile runs " + BuildInfo.image());
        Files.writeString(pkg.resolve("Kptfile"), kptfile.replace(IMAGE_LINE, "    - exec: " + Tool.launcher() + "\n"));
    }

    private Tool render() throws Exception {
        return Tool.run(List.of("kpt", "fn", "render", pkg.getFileName().toString(), "--allow-exec",
                "--truncate-output=false"), work, Map.of("HOSTEDSITE_JAR", Tool.jar().toString()));
    }

    private Tool renderOk() throws Exception {
        Tool r = render();
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    @Test
    void everyGeneratedObjectLandsInItsOwnFileAndASecondRenderChangesNothing() throws Exception {
        Map<String, JsonNode> expected = expectedFiles(pkg);
        renderOk();
        SortedMap<String, byte[]> first = Trees.snapshot(pkg);

        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(Trees.under(first, "generated/")));
        assertTrue(expected.containsKey("generated/lab/hosted/clusters/hostedcluster_hosted.yaml"), expected.keySet()::toString);
        assertTrue(expected.containsKey("generated/lab/hosted/clusters-hosted/baremetalhost_hosted-worker0.yaml"));
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            String text = Trees.text(first.get(e.getKey()));
            List<JsonNode> docs = Yaml.readAll(text);
            assertEquals(1, docs.size(), e.getKey() + ": one object per file");
            assertEquals(e.getValue(), docs.get(0), e.getKey());
            assertFalse(text.contains("config.kubernetes.io/path") || text.contains("config.k8s.io/id"),
                    e.getKey() + ": kpt's bookkeeping annotations are not written to files");
        }
        assertEquals(new TreeSet<>(List.of("Kptfile", "README.md", "site.yaml")),
                new TreeSet<>(first.keySet().stream().filter(f -> !f.startsWith("generated/")).toList()));

        renderOk();
        assertNull(Trees.difference(first, Trees.snapshot(pkg)), "a second render must change nothing");
    }

    private String withoutWorker1(String site) {
        int from = site.indexOf("        - name: worker1\n");
        int to = site.indexOf("        - name: worker2\n");
        assertTrue(from > 0 && to > from, "site.yaml lists worker1 before worker2");
        return site.substring(0, from) + site.substring(to);
    }

    @Test
    void removingAHostInOneStepIsRefusedWithTheDrainProcedure() throws Exception {
        renderOk();
        Files.writeString(pkg.resolve("site.yaml"), withoutWorker1(Files.readString(pkg.resolve("site.yaml"))));
        SortedMap<String, byte[]> before = Trees.snapshot(pkg);
        Tool failed = render();
        assertNotEquals(0, failed.exit(), failed::toString);
        String shown = failed.stdout() + failed.stderr();
        assertTrue(shown.contains("removes host hosted-worker1") && shown.contains("cluster.x-k8s.io/delete-machine=yes"), shown);
        assertNull(Trees.difference(before, Trees.snapshot(pkg)), "a refused render must not touch any file");
    }

    @Test
    void removingAHostAfterScalingDownRemovesItsBareMetalHostAndBmcSecretFiles() throws Exception {
        // step 1 of the procedure: the pool is scaled down first (kpt reformats site.yaml, so edit it before)
        String site = Files.readString(pkg.resolve("site.yaml"));
        String selector = "          hostSelector: {matchLabels: {pool: hosted}}\n";
        assertTrue(site.contains(selector), "site.yaml's pool selects pool=hosted");
        Files.writeString(pkg.resolve("site.yaml"), site.replace(selector, selector + "          replicas: 2\n"));
        renderOk();
        SortedMap<String, byte[]> before = Trees.snapshot(pkg);
        // step 2: the host goes
        Files.writeString(pkg.resolve("site.yaml"), withoutWorker1(Files.readString(pkg.resolve("site.yaml"))));

        renderOk();
        SortedMap<String, byte[]> after = Trees.snapshot(pkg);
        TreeSet<String> gone = new TreeSet<>(Trees.under(before, "generated/"));
        gone.removeAll(Trees.under(after, "generated/"));
        assertEquals(new TreeSet<>(List.of(
                "generated/lab/hosted/clusters-hosted/baremetalhost_hosted-worker1.yaml",
                "generated/lab/hosted/clusters-hosted/secret_hosted-worker1-bmc-secret.yaml")), gone);
        assertTrue(after.containsKey("generated/lab/hosted/clusters-hosted/baremetalhost_hosted-worker2.yaml"));
        assertEquals(expectedFiles(pkg).keySet(), new TreeSet<>(Trees.under(after, "generated/")));
        JsonNode pool = Yaml.readAll(Trees.text(after.get("generated/lab/hosted/clusters/nodepool_hosted.yaml"))).get(0);
        assertEquals(2, pool.path("spec").path("replicas").asInt());
    }

    @Test
    void aFieldTheHubRefusesToChangeFailsTheRender() throws Exception {
        renderOk();
        String site = Files.readString(pkg.resolve("site.yaml"));
        assertTrue(site.contains("172.31.0.0/16"), "the service network of the example");
        Files.writeString(pkg.resolve("site.yaml"), site.replace("172.31.0.0/16", "172.30.0.0/16"));
        SortedMap<String, byte[]> before = Trees.snapshot(pkg);
        Tool failed = render();
        assertNotEquals(0, failed.exit(), failed::toString);
        assertTrue((failed.stdout() + failed.stderr()).contains("spec.networking.serviceNetwork cannot change after creation"),
                failed::toString);
        assertNull(Trees.difference(before, Trees.snapshot(pkg)), "a refused render must not touch any file");
    }

    @Test
    void commentsAndContentOfTheUsersFilesSurvive() throws Exception {
        Path extra = pkg.resolve("extra.yaml");
        Files.writeString(extra, """
                # kept: the user's own object, not generated
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: site-notes # kept: trailing comment
                  namespace: clusters
                data:
                  owner: platform-team
                """);
        Map<String, String> before = Map.of("site.yaml", Files.readString(pkg.resolve("site.yaml")),
                "Kptfile", Files.readString(pkg.resolve("Kptfile")), "extra.yaml", Files.readString(extra));
        renderOk();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String after = Files.readString(pkg.resolve(e.getKey()));
            for (String comment : comments(e.getValue())) {
                assertTrue(comments(after).contains(comment), e.getKey() + " lost the comment: " + comment);
            }
            assertEquals(Yaml.readAll(e.getValue()), Yaml.readAll(after), e.getKey() + ": content unchanged");
        }
        assertTrue(before.get("site.yaml").contains("# input only: never applied to a cluster"));
    }

    @Test
    void anInvalidSiteFailsWithTheErrorShownAndLeavesEveryFileUntouched() throws Exception {
        renderOk();
        String site = Files.readString(pkg.resolve("site.yaml"));
        assertTrue(site.contains("baseDomain: example.krnl.es\n"));
        Files.writeString(pkg.resolve("site.yaml"), site.replace("baseDomain: example.krnl.es\n", "baseDomain: 42\n"));
        SortedMap<String, byte[]> before = Trees.snapshot(pkg);

        Tool failed = render();
        assertNotEquals(0, failed.exit(), failed::toString);
        String shown = failed.stdout() + failed.stderr();
        assertTrue(shown.contains("[error] hostedsite.dev/v1alpha1/HostedSite/lab spec.baseDomain"), shown);
        assertNull(Trees.difference(before, Trees.snapshot(pkg)), "a failed render must not touch any file");
    }

    @Test
    void theShippedKptfileRunsTheFunctionImage(@TempDir Path other) throws Exception {
        Path shipped = other.resolve("hosted-site");
        Trees.copy(Repo.root().resolve("packages/hosted-site"), shipped);
        Tool viaImage = Tool.run(List.of("kpt", "fn", "render", "hosted-site"), other, Tool.standInEnv());
        assertEquals(0, viaImage.exit(), viaImage::toString);
        assertTrue((viaImage.stdout() + viaImage.stderr()).contains("[PASS] \"" + BuildInfo.image() + "\""), viaImage::toString);

        renderOk();
        SortedMap<String, byte[]> viaExec = Trees.snapshot(pkg.resolve("generated"));
        assertFalse(viaExec.isEmpty());
        assertNull(Trees.difference(viaExec, Trees.snapshot(shipped.resolve("generated"))),
                "the image form and the exec form write the same files");
    }

    /** What the function generates for the package, by the file kpt must write it to (annotations kpt drops removed). */
    private static Map<String, JsonNode> expectedFiles(Path pkg) throws Exception {
        List<ObjectNode> items = DirectorySource.read(pkg);
        Compiler.Result result = Compiler.compile(items, null);
        assertFalse(result.failed(), result.diagnostics()::toString);
        Map<String, JsonNode> out = new TreeMap<>();
        for (ObjectNode item : result.items()) {
            if (ManifestSet.isGenerated(item)) {
                String path = item.path("metadata").path("annotations").path(Layout.PATH).asText();
                assertTrue(path.startsWith("generated/"), path);
                out.put(path, Layout.withoutToolAnnotations(item));
            }
        }
        return out;
    }

    /** Comment texts of a YAML file (whole-line and trailing), whitespace-normalised. */
    private static List<String> comments(String yaml) {
        List<String> out = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            int hash = line.indexOf('#');
            if (hash >= 0 && (hash == 0 || Character.isWhitespace(line.charAt(hash - 1)))) {
                out.add(line.substring(hash).strip());
            }
        }
        return out;
    }
}
