package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A day-2 case: a folder with {@code before.yaml} (the input of the previous render), {@code after.yaml} (the new
 * input) and {@code expected.txt}: exit code, stdout and stderr of {@code hostedsite diff before.yaml after.yaml}
 * (the changes, and the transition findings). Run by {@link FixturesTest}; {@code -Dfixtures.update=true}
 * rewrites expected.txt.
 *
 * <p>The same transition must give the same findings in KRM mode, as under kpt: the previous render's output
 * items passed back with the new input. Every error and warning of that run must be in the CLI's stderr, and
 * the run must fail exactly when the diff does.
 */
final class Day2Case {
    static final String EXPECTED = "expected.txt";

    private Day2Case() {}

    static void check(Path dir, boolean update) throws IOException {
        Path before = dir.resolve("before.yaml");
        Path after = dir.resolve("after.yaml");
        Run diff = Run.of(new byte[0], "diff", before.toString(), after.toString());
        String actual = "$ hostedsite diff before.yaml after.yaml\nexit " + diff.exit() + "\n--- stdout\n"
                + diff.stdout().replace(dir + "/", "") + "--- stderr\n" + diff.stderr().replace(dir + "/", "");
        Path expectedFile = dir.resolve(EXPECTED);
        if (update) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), expectedFile + " missing (run with -Dfixtures.update=true)");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, dir.getFileName() + ": diff output");
        assertFalse(diff.stderr().contains("Exception") || diff.stderr().contains("internal error"), diff.stderr());

        Run krm = Run.of(resourceList(previousOutput(before), documents(after)));
        assertEquals(diff.exit(), krm.exit(), dir.getFileName() + ": KRM mode disagrees with diff; " + krm.stderr());
        JsonNode out = Yaml.readAll(krm.stdout()).get(0);
        for (JsonNode r : out.path("results")) {
            if (!r.path("severity").asText().equals("info")) {
                assertTrue(diff.stderr().contains(r.path("message").asText()),
                        dir.getFileName() + ": KRM finding missing from diff: " + r.path("message").asText());
            }
        }
    }

    /** The generated items of a kpt render of the file: the function's output for its documents. */
    private static List<JsonNode> previousOutput(Path before) throws IOException {
        Run first = Run.of(resourceList(List.of(), documents(before)));
        assertEquals(0, first.exit(), before + " does not render: " + first.stderr());
        List<JsonNode> generated = new ArrayList<>();
        for (JsonNode item : Yaml.readAll(first.stdout()).get(0).path("items")) {
            if (ManifestSet.isGenerated((ObjectNode) item)) {
                generated.add(item);
            }
        }
        return generated;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        return Yaml.readAll(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String resourceList(List<JsonNode> previous, List<JsonNode> input) {
        ObjectNode rl = Yaml.object();
        rl.put("apiVersion", "config.kubernetes.io/v1").put("kind", "ResourceList");
        ArrayNode items = rl.putArray("items");
        input.forEach(items::add);
        previous.forEach(items::add);
        return Yaml.write(rl);
    }
}
