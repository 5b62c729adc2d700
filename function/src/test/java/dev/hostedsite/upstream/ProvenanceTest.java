package dev.hostedsite.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.kinds.Upstreams.Crd;
import dev.hostedsite.kinds.Upstreams.Pin;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code fixtures/upstream-schemas/PROVENANCE.md} is rendered from the pin table {@link Upstreams} (the pins, and
 * one row per copied schema: kind, served version and scope read from the committed source, CEL rules counted in the
 * schema) and the notes in {@code provenance-notes.md} beside this class, whose {@code {{commit:<repo>}}} and
 * {@code {{date:<repo>}}} take the pin's commit and date. {@code -Dprovenance.update=true} rewrites the file.
 */
class ProvenanceTest {
    static final Path PROVENANCE = Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md");

    @Test
    void provenanceIsRenderedFromTheTable() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean("provenance.update")) {
            Files.writeString(PROVENANCE, rendered);
        }
        assertEquals(rendered, Files.readString(PROVENANCE),
                "PROVENANCE.md is not what the table renders (-Dprovenance.update=true rewrites it)");
    }

    @Test
    void everyRowNamesTheSourceItsSchemaWasMadeFrom() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Crd crd : Upstreams.SCHEMAS) {
            for (String schema : crd.schemas()) {
                JsonNode tree = json.readTree(CrdToSchemaTest.SCHEMAS.resolve(schema).toFile());
                assertTrue(tree.path("$comment").asText().contains(CrdSources.source(crd) + ";"), schema);
                String row = Files.readString(PROVENANCE).lines().filter(l -> l.startsWith("| `" + schema + "` |"))
                        .findFirst().orElseThrow();
                assertTrue(row.contains("`" + crd.from().commit() + "`") && row.contains("`" + crd.path() + "`"), row);
            }
        }
    }

    static String render() throws IOException {
        String notes;
        try (InputStream in = ProvenanceTest.class.getResourceAsStream("provenance-notes.md")) {
            notes = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        notes = notes.replace("{{pins}}", pins()).replace("{{schemas}}", schemas());
        Matcher m = Pattern.compile("\\{\\{(commit|date):([^}]+)}}").matcher(notes);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Pin pin = only(m.group(2));
            m.appendReplacement(out, m.group(1).equals("commit") ? pin.upstream().commit() : pin.date());
        }
        return m.appendTail(out).toString();
    }

    private static Pin only(String repository) {
        var pins = Upstreams.PINS.stream().filter(p -> p.upstream().repository().equals(repository)).toList();
        if (pins.size() != 1) {
            throw new IllegalStateException(repository + " has " + pins.size() + " pins; the notes need exactly one");
        }
        return pins.get(0);
    }

    private static String link(String repository) {
        return "[" + repository + "](https://github.com/" + repository + ")";
    }

    private static String pins() {
        StringBuilder out = new StringBuilder("| Repository | Commit | Date | Version | Licence | Read for |\n"
                + "|---|---|---|---|---|---|\n");
        for (Pin p : Upstreams.PINS) {
            out.append("| ").append(link(p.upstream().repository())).append(" | `").append(p.upstream().commit())
                    .append("` | ").append(p.date()).append(" | ").append(p.version()).append(" | ").append(p.licence())
                    .append(" | ").append(p.reads()).append(" |\n");
        }
        return out.toString();
    }

    private static String schemas() throws IOException {
        StringBuilder out = new StringBuilder("| Schema file | Kind / served version | Source repository | Source path"
                + " | Commit | Blob | CEL rules kept (on N schema nodes) |\n|---|---|---|---|---|---|---|\n");
        Set<String> linked = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Crd crd : Upstreams.SCHEMAS) {
            JsonNode source = new YAMLMapper().readTree(CrdSources.read(crd).yaml()).path("spec");
            Upstream from = crd.from();
            Pin pin = Upstreams.PINS.stream().filter(p -> p.upstream().equals(from)).findFirst().orElseThrow();
            for (String schema : crd.schemas()) {
                JsonNode tree = json.readTree(CrdToSchemaTest.SCHEMAS.resolve(schema).toFile());
                String version = tree.path("x-kubernetes-group-version-kind").get(0).path("version").asText();
                boolean storage = false;
                for (JsonNode v : source.path("versions")) {
                    storage |= v.path("name").asText().equals(version) && v.path("storage").asBoolean();
                }
                int[] cel = new int[2];
                countRules(tree, cel);
                out.append("| `").append(schema).append("` | ").append(source.path("names").path("kind").asText())
                        .append(' ').append(version).append(" (").append(source.path("scope").asText())
                        .append(storage ? "" : "; served, not storage").append(") | ")
                        .append(linked.add(from.repository()) ? link(from.repository()) : from.repository())
                        .append(" | `").append(crd.path()).append("` | `").append(from.commit()).append("` (")
                        .append(pin.date()).append(") | `").append(crd.blob()).append("` | ")
                        .append(cel[0] == 0 ? "0" : "**" + cel[0] + "** (" + cel[1] + ")").append(" |\n");
            }
        }
        return out.toString();
    }

    /** {@code cel[0]} += the CEL rules under {@code node}, {@code cel[1]} += the nodes that hold them. */
    private static void countRules(JsonNode node, int[] cel) {
        if (node.has("x-kubernetes-validations") && node.path("x-kubernetes-validations").isArray()) {
            cel[0] += node.path("x-kubernetes-validations").size();
            cel[1]++;
        }
        node.elements().forEachRemaining(child -> countRules(child, cel));
    }
}
