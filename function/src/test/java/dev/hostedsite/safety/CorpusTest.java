package dev.hostedsite.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus, fixtures/hostile-input/<topic>/bad-* (written by tools/make-corpus.py; their bytes are checked by
 * FixturesTest). Beyond the bytes: exit 1 (bad-warn-*: exit 0 with a warning), every error about the HostedSite
 * points at a field, whole-input errors say where (line/column) or what the input is, no stack trace, and nothing
 * generated.
 */
class CorpusTest {
    static final int MINIMUM_CASES = 100;
    private static final Pattern LINE_COLUMN = Pattern.compile("line \\d+, column \\d+");

    static List<Path> cases() throws IOException {
        return Repo.renderCases().stream().filter(d -> d.getFileName().toString().startsWith("bad-")).toList();
    }

    /**
     * The committed inputs are what tools/make-corpus.py makes today (its {@code --check} mode writes nothing): a
     * corpus edited by hand, or a tool changed without regenerating, fails here with the stale files named. Needs
     * python3 with PyYAML (bin/test installs python3-yaml).
     */
    @Test
    void committedInputsAreWhatTheToolMakes() throws Exception {
        dev.hostedsite.testing.Proc p = dev.hostedsite.testing.Proc.run(
                List.of("python3", "tools/make-corpus.py", "--check"), Repo.root(), java.util.Map.of(), new byte[0], 120);
        assertEquals(0, p.exit(), p.stdout() + p.stderr());
        assertTrue(p.stdout().contains(" 0 stale"), p.stdout());
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertTrue(cases().size() >= MINIMUM_CASES, "only " + cases().size() + " bad-* cases");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFailsCleanly() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        byte[] input = Files.readAllBytes(dir.resolve("input.yaml"));
        Run run = Run.of(input);
        boolean warnOnly = name.startsWith("bad-warn-");
        assertEquals(warnOnly ? Main.OK : Main.INPUT_ERROR, run.exit(), name + ": " + run.stderr());
        for (String stream : List.of(run.stdout(), run.stderr())) {
            assertFalse(stream.contains("Exception") || stream.contains("\tat ") || stream.contains("internal error"),
                    name + ": stack trace or internal error: " + stream);
        }
        JsonNode out = Yaml.readAll(run.stdout()).get(0);
        int errors = 0;
        int warningsWithField = 0;
        for (JsonNode r : out.path("results")) {
            String severity = r.path("severity").asText();
            String message = r.path("message").asText();
            if (severity.equals("warning") && r.path("field").has("path")) {
                warningsWithField++;
            }
            if (!severity.equals("error")) {
                continue;
            }
            errors++;
            assertTrue(message.length() >= 30, name + ": terse message: " + message);
            if (r.has("resourceRef")) {
                assertTrue(r.path("field").path("path").asText().length() > 0, name + ": error without field path: " + message);
            } else {
                assertTrue(LINE_COLUMN.matcher(message).find() || message.startsWith("the input")
                        || message.startsWith("ResourceList"), name + ": whole-input error says neither where nor what: " + message);
            }
        }
        if (warnOnly) {
            assertEquals(0, errors, name + ": a warning case has errors");
            assertTrue(warningsWithField > 0, name + ": no warning pointing at a field");
            return;
        }
        assertTrue(errors > 0, name + ": no error result");
        assertEquals(generatedCount(input), generatedCountOut(out), name + ": a failed render generated objects");
    }

    private static long generatedCount(byte[] input) {
        try {
            JsonNode in = Yaml.readAll(new String(input, StandardCharsets.UTF_8)).get(0);
            return generatedCountOut(in);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static long generatedCountOut(JsonNode list) {
        long n = 0;
        for (JsonNode item : list.path("items")) {
            if (item.isObject() && ManifestSet.isGenerated((com.fasterxml.jackson.databind.node.ObjectNode) item)) {
                n++;
            }
        }
        return n;
    }
}
