package dev.hostedsite.kinds.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.Main;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import dev.hostedsite.testing.Sites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field map is true to both sides: its manifest paths are written by the render, its site fields are in the schema. */
class FieldMapTest {

    @Test
    void everyManifestPathIsWrittenBySomeSuccessFixture() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (Path dir : Repo.renderCases()) {
            Path expected = dir.resolve("expected.yaml");
            if (dir.getFileName().toString().startsWith("bad-") || !Files.isRegularFile(expected)) {
                continue;
            }
            Yaml.readAll(Files.readString(expected)).forEach(rl -> rl.path("items").forEach(objects::add));
        }
        TreeSet<String> unwritten = new TreeSet<>();
        for (FieldMap.Row r : FieldMap.rows()) {
            boolean written = objects.stream().anyMatch(o -> r.kind().equals(o.path("kind").asText())
                    && !o.at("/" + r.manifestPath().replace('.', '/')).isMissingNode());
            if (!written) {
                unwritten.add(r.kind() + " " + r.manifestPath());
            }
        }
        assertTrue(objects.size() > 100, "success fixtures read");
        assertEquals(new TreeSet<>(), unwritten, "rows whose manifest path no fixture's output has");
    }

    @Test
    void everySiteFieldIsInTheSchema() throws IOException {
        JsonNode schema;
        try (InputStream in = FieldMap.class.getResourceAsStream("/schema/hostedsite-v1alpha1.json")) {
            schema = Yaml.readAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(0);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (FieldMap.Row r : FieldMap.rows()) {
            String entity = FieldMap.ORIGIN_ENTITY.get(r.kind());
            assertTrue(entity != null, "ORIGIN_ENTITY names the entity of " + r.kind());
            String path = r.siteField().startsWith("spec.") ? r.siteField()
                    : r.siteField().startsWith("cluster:") ? "spec.clusters[]." + r.siteField().substring(8)
                    : entity + "." + r.siteField();
            if (schemaNode(schema, path).isEmpty()) {
                missing.add(r.kind() + " " + r.manifestPath() + " -> " + path);
            }
        }
        assertEquals(new TreeSet<>(), missing, "site fields the HostedSite schema does not have");
    }

    /** The schema node of a dot path ({@code []} steps into array items), following local {@code $ref}s. */
    private static Optional<JsonNode> schemaNode(JsonNode root, String path) {
        JsonNode n = root;
        for (String step : path.split("\\.")) {
            boolean items = step.endsWith("[]");
            String name = items ? step.substring(0, step.length() - 2) : step;
            n = deref(root, n).path("properties").path(name);
            if (n.isMissingNode()) {
                return Optional.empty();
            }
            if (items) {
                n = deref(root, n).path("items");
            }
        }
        return Optional.of(n);
    }

    private static JsonNode deref(JsonNode root, JsonNode n) {
        while (n.has("$ref")) {
            n = root.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    @Test
    void siteFieldsResolveAgainstTheOrigin() {
        String pool = "spec.clusters[1].nodePools[2]";
        assertEquals(Optional.of(pool + ".release.image"), FieldMap.siteField("NodePool", pool, "spec.release.image"));
        assertEquals(Optional.of("spec.clusters[1].name"), FieldMap.siteField("NodePool", pool, "spec.clusterName"));
        assertEquals(Optional.of(pool + ".taints"), FieldMap.siteField("NodePool", pool, "spec.taints[0].key"));
        assertEquals(Optional.of("spec.baseDomain"), FieldMap.siteField("HostedCluster", "spec.clusters[0]",
                "spec.dns.baseDomain"));
        assertEquals(Optional.of(pool), FieldMap.siteField("NodePool", pool, "spec.somethingUnmapped"),
                "a field no row covers points at the origin");
        assertEquals(Optional.of("spec.clusters[0].pullSecret"), FieldMap.siteField("Secret",
                "spec.clusters[0].pullSecret", "data"), "a kind without rows points at its origin");
        assertEquals(Optional.empty(), FieldMap.siteField("NodePool", null, "spec.replicas"));
    }

    /** A dangling secretRef: the reference error on the generated HostedCluster names the site file and field. */
    @Test
    void referenceErrorsOnGeneratedObjectsNameTheSiteField(@TempDir Path tmp) throws IOException {
        ObjectNode site = Sites.example();
        ObjectNode cluster = Sites.cluster(site);
        cluster.putObject("pullSecret").putObject("secretRef").put("name", "nowhere");
        site.with("metadata").with("annotations").put("config.kubernetes.io/path", "site.yaml");

        Compiler.Result r = Sites.compile(site);
        Diagnostic d = r.diagnostics().stream()
                .filter(x -> x.isError() && x.resource() != null && "HostedCluster".equals(x.resource().kind()))
                .findFirst().orElseThrow();
        assertEquals("spec.pullSecret.name", d.fieldPath());
        assertEquals("site.yaml", d.file().path());
        assertEquals("spec.clusters[0].pullSecret", d.file().field());

        String text = Yaml.write(Sites.example().set("spec", site.get("spec")));
        Path file = tmp.resolve("site.yaml");
        Files.writeString(file, text);
        Run run = Run.of("", "validate", file.toString());
        assertEquals(Main.INPUT_ERROR, run.exit(), run.stdout() + run.stderr());
        String[] lines = text.split("\n", -1);
        int pullSecretLine = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("pullSecret:")) {
                pullSecretLine = i + 1;
                break;
            }
        }
        String expected = file + ":" + pullSecretLine + ":";
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith(expected)
                        && l.contains("error: spec.clusters[0].pullSecret → HostedCluster/")
                        && l.contains("spec.pullSecret.name: ")),
                "validate names the pullSecret line " + pullSecretLine + ":\n" + run.stdout());
    }
}
