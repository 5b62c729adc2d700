package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.Main;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.ExampleSite;
import dev.hostedsite.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oc-mirror round trip: the ImageSetConfiguration the render writes names each subscribed package with its
 * channel and the function's image only when the site mirrors it; what {@code mirrors import} reads back from
 * oc-mirror's results is a {@code hub} the render accepts and turns into the same mirror sets.
 */
class MirrorsImportTest {
    static final Path RESULTS = Repo.fixtures().resolve("cli/mirrors/oc-mirror");

    private static String run(Path dir, Path config) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MirrorsImport.run(dir, config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.OK, exit, err::toString);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode isc(Compiler.Result r) throws Exception {
        for (ObjectNode item : r.items()) {
            String text = item.path("data").path("imageset-config.yaml").asText(null);
            if (text != null) {
                return Yaml.readAll(text).get(0);
            }
        }
        throw new AssertionError("no ImageSetConfiguration");
    }

    @Test
    void importedMirrorsAndCatalogsRenderTheSameMirrorSets() throws Exception {
        JsonNode imported = Yaml.readAll(run(RESULTS, RESULTS.resolve("imageset-config.yaml"))).get(0);
        JsonNode catalog = imported.path("catalogs").get(0);
        assertEquals("registry.redhat.io/redhat/redhat-operator-index:v4.19", catalog.path("source").asText());
        assertEquals("registry.example.krnl.es:5000/redhat/redhat-operator-index:v4.19", catalog.path("image").asText());
        assertEquals(List.of("lvms-operator", "metallb-operator", "multicluster-engine"),
                names(catalog.path("packages")));

        ObjectNode rl = ExampleSite.resourceListWithHubOperators();
        ObjectNode hub = (ObjectNode) ExampleSite.site(rl).path("spec").path("hub");
        hub.set("mirrors", imported.path("mirrors").deepCopy());
        hub.set("catalogs", imported.path("catalogs").deepCopy());
        for (JsonNode op : hub.path("operators")) {
            ((ObjectNode) op).put("catalog", catalog.path("name").asText());
        }
        List<ObjectNode> items = new ArrayList<>();
        rl.path("items").forEach(i -> items.add((ObjectNode) i));
        Compiler.Result r = Compiler.compile(items, null);
        assertFalse(r.failed(), r.diagnostics()::toString);
        List<String> idmsSources = new ArrayList<>();
        List<String> itmsSources = new ArrayList<>();
        for (ObjectNode item : r.items()) {
            if (item.path("kind").asText().equals("ImageDigestMirrorSet")) {
                item.path("spec").path("imageDigestMirrors").forEach(e -> idmsSources.add(e.path("source").asText()));
            }
            if (item.path("kind").asText().equals("ImageTagMirrorSet")) {
                item.path("spec").path("imageTagMirrors").forEach(e -> itmsSources.add(e.path("source").asText()));
            }
        }
        List<String> expected = new ArrayList<>();
        imported.path("mirrors").forEach(m -> expected.add(m.path("source").asText()));
        assertEquals(expected.stream().sorted().toList(), idmsSources.stream().sorted().toList());
        assertEquals(List.of("ghcr.io/hostedsite"), itmsSources);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("pulls its own images")),
                r.diagnostics()::toString);
        // the function's image is mirrored (ghcr.io/hostedsite), so the next oc-mirror run copies it
        JsonNode images = isc(r).path("mirror").path("additionalImages");
        assertEquals(BuildInfo.image(), images.get(0).path("name").asText());
    }

    @Test
    void withoutConfigTheCatalogSaysWhatToFillIn() throws Exception {
        String out = run(RESULTS.resolve("working-dir"), null);
        assertTrue(out.contains("# catalog cs-redhat-operator-index-v4-19 (registry.example.krnl.es:5000/redhat/"
                + "redhat-operator-index:v4.19): add source:"), out);
        JsonNode catalog = Yaml.readAll(out).get(0).path("catalogs").get(0);
        assertTrue(catalog.path("source").isMissingNode(), out);
    }

    @Test
    void packagesCarryTheChannelsTheirSubscriptionsPin() throws Exception {
        ObjectNode rl = ExampleSite.resourceListWithHubOperators();
        ArrayNode operators = (ArrayNode) ExampleSite.site(rl).path("spec").path("hub").path("operators");
        operators.addObject().put("package", "metallb-operator").put("channel", "stable")
                .put("catalog", "redhat-operators-disconnected");
        List<ObjectNode> items = new ArrayList<>();
        rl.path("items").forEach(i -> items.add((ObjectNode) i));
        Compiler.Result r = Compiler.compile(items, null);
        assertFalse(r.failed(), r.diagnostics()::toString);
        JsonNode pkgs = isc(r).path("mirror").path("operators").get(0).path("packages");
        for (JsonNode p : pkgs) {
            List<String> channels = names(p.path("channels"));
            switch (p.path("name").asText()) {
                case "lvms-operator" -> assertEquals(List.of("stable-4.19"), channels);
                case "metallb-operator" -> assertEquals(List.of("stable"), channels);
                default -> assertEquals(List.of(), channels, "the default channel needs no entry");
            }
        }
    }

    @Test
    void theFunctionImageIsListedOnlyWhenTheSiteMirrorsIt() throws Exception {
        ObjectNode rl = ExampleSite.resourceList();
        List<ObjectNode> items = new ArrayList<>();
        rl.path("items").forEach(i -> items.add((ObjectNode) i));
        assertTrue(isc(Compiler.compile(items, null)).path("mirror").path("additionalImages").isMissingNode());
        ((ArrayNode) ExampleSite.site(rl).path("spec").path("hub").path("mirrors")).addObject().put("source", "ghcr.io")
                .putArray("mirrors").add("registry.example.krnl.es:5000/ghcr");
        assertEquals(BuildInfo.image(), isc(Compiler.compile(items, null)).path("mirror").path("additionalImages")
                .get(0).path("name").asText());
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("name").asText(n.asText())));
        return out;
    }
}
