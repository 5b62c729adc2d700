package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import dev.hostedsite.testing.UpstreamSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases: every folder {@code fixtures/<case>/} with an {@code input.yaml} (the function's stdin, byte
 * for byte) and an {@code expected.yaml} (its stdout). Discovered automatically. Run with
 * {@code -Dfixtures.update=true} to rewrite the expectations, then review the diff.
 *
 * <p>Beyond the bytes, every case must hold the function's invariants: no internal error or stack trace, LF
 * endings; on success every object valid against the upstream CRD schemas, no {@code status}, and
 * re-rendering the output changes nothing; on failure the input items unchanged and nothing generated.
 */
class FixturesTest {
    static final boolean UPDATE = Boolean.getBoolean("fixtures.update");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    /** Every fixture folder (one with an {@code input.yaml}), sorted; never empty. */
    static List<Path> cases() throws IOException {
        List<Path> cases = Repo.fixtureCases("").stream().filter(d -> Files.isRegularFile(d.resolve("input.yaml"))).toList();
        assertFalse(cases.isEmpty(), "no fixtures found under " + Repo.fixtures());
        return cases;
    }

    static void check(Path dir) throws IOException {
        byte[] input = Files.readAllBytes(dir.resolve("input.yaml"));
        Run run = Run.of(input);
        Path expectedFile = dir.resolve("expected.yaml");
        if (UPDATE) {
            Files.writeString(expectedFile, run.stdout(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), dir + ": no expected.yaml (run with -Dfixtures.update=true)");
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertEquals(expected, run.stdout(), dir.getFileName() + ": output differs from expected.yaml");

        assertTrue(run.exit() == Main.OK || run.exit() == Main.INPUT_ERROR,
                () -> dir.getFileName() + ": exit " + run.exit() + ", stderr: " + run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "),
                () -> dir.getFileName() + ": stack trace on stderr: " + run.stderr());
        assertFalse(run.stdout().contains("\r"), "output has CR characters");

        JsonNode out = Yaml.readAll(run.stdout()).get(0);
        boolean hasError = false;
        for (JsonNode r : out.path("results")) {
            hasError |= r.path("severity").asText().equals("error");
        }
        assertEquals(hasError ? Main.INPUT_ERROR : Main.OK, run.exit(), "exit code must match the results' severity");
        if (hasError) {
            assertFailureLeavesInputAlone(dir, input, out);
        } else {
            assertValidAndIdempotent(dir, out, run.stdout());
        }
    }

    private static void assertFailureLeavesInputAlone(Path dir, byte[] input, JsonNode out) throws IOException {
        JsonNode in;
        try {
            in = Yaml.readAll(new String(input, StandardCharsets.UTF_8)).get(0);
        } catch (IOException | RuntimeException unreadable) {
            assertTrue(out.path("items").isEmpty(), dir.getFileName() + ": unreadable input must give no items");
            return;
        }
        boolean wholeInputRejected = out.path("items").isEmpty() && java.util.stream.StreamSupport
                .stream(out.path("results").spliterator(), false).noneMatch(r -> r.has("resourceRef"));
        if (in.path("items").isArray() && !wholeInputRejected) {
            assertEquals(in.path("items"), out.path("items"), dir.getFileName() + ": a failed render must return the input items unchanged");
        } else {
            assertTrue(out.path("items").isEmpty(), dir.getFileName() + ": a failed render generated objects");
        }
    }

    private static void assertValidAndIdempotent(Path dir, JsonNode out, String stdout) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode item : out.path("items")) {
            problems.addAll(UpstreamSchemas.validate(item));
            if (ManifestSet.isGenerated((com.fasterxml.jackson.databind.node.ObjectNode) item) && item.has("status")) {
                problems.add(item.path("kind").asText() + " has a status");
            }
        }
        assertEquals(List.of(), problems, dir.getFileName() + ": output is not valid against the upstream schemas");
        Run again = Run.of(stdout);
        JsonNode second = Yaml.readAll(again.stdout()).get(0);
        assertEquals(out.path("items"), second.path("items"), dir.getFileName() + ": rendering the output again changed it");
        // Results may only shrink: a warning about what changes since the previous render (a NodePool that rolls)
        // is gone once that render is the input; nothing new may appear.
        List<JsonNode> before = new ArrayList<>();
        out.path("results").forEach(before::add);
        for (JsonNode r : second.path("results")) {
            assertTrue(before.contains(r), dir.getFileName() + ": rendering the output again reported something new: " + r);
        }
        if (second.path("results").size() == out.path("results").size()) {
            assertEquals(stdout, again.stdout(), dir.getFileName() + ": rendering the output again changed it");
        }
    }
}
