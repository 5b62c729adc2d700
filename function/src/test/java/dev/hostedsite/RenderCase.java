package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Run;
import dev.hostedsite.testing.UpstreamSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A render case: a folder with {@code input.yaml} (the function's stdin, byte for byte) and the expectation of
 * its outcome, exactly one of
 * <ul>
 *   <li>{@code expected.yaml}: the render succeeds (exit 0, warnings allowed); its stdout byte for byte;</li>
 *   <li>{@code expected-results.yaml}: the render fails; the exit code and the {@code results} of its stdout
 *       byte for byte ({@link #FAILED_HEADER}, then stdout from its {@code results:} line on). The output's items
 *       are not stored: on failure they must equal the input's items, unchanged (no partial output), which is
 *       asserted here for every case rather than kept as an echo of the input.</li>
 * </ul>
 * Beyond the bytes, every case holds the function's invariants: no internal error or stack trace, LF endings,
 * an exit code that matches the results' severity; on success every object valid against the upstream CRD
 * schemas, no {@code status}, and re-rendering the output changes nothing.
 */
final class RenderCase {
    static final String EXPECTED = "expected.yaml";
    static final String EXPECTED_RESULTS = "expected-results.yaml";
    static final String FAILED_HEADER = "# a failed render: its exit code and results; its items are the input's, unchanged (checked by FixturesTest)\n";

    private RenderCase() {}

    static void check(Path dir, boolean update) throws IOException {
        String name = dir.getFileName().toString();
        byte[] input = Files.readAllBytes(dir.resolve("input.yaml"));
        Run run = Run.of(input);
        assertTrue(run.exit() == Main.OK || run.exit() == Main.INPUT_ERROR,
                () -> name + ": exit " + run.exit() + ", stderr: " + run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "),
                () -> name + ": stack trace on stderr: " + run.stderr());
        assertFalse(run.stdout().contains("\r"), "output has CR characters");

        JsonNode out = Yaml.readAll(run.stdout()).get(0);
        boolean hasError = StreamSupport.stream(out.path("results").spliterator(), false)
                .anyMatch(r -> r.path("severity").asText().equals("error"));
        assertEquals(hasError ? Main.INPUT_ERROR : Main.OK, run.exit(), name + ": exit code must match the results' severity");

        String actual = hasError ? failed(run) : run.stdout();
        Path expectedFile = dir.resolve(hasError ? EXPECTED_RESULTS : EXPECTED);
        if (update) {
            Files.deleteIfExists(dir.resolve(hasError ? EXPECTED : EXPECTED_RESULTS));
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        Path other = dir.resolve(hasError ? EXPECTED : EXPECTED_RESULTS);
        assertFalse(Files.exists(other), () -> name + ": the render " + (hasError ? "failed" : "succeeded") + " but "
                + other.getFileName() + " expects otherwise (run with -Dfixtures.update=true and review): " + actual);
        assertTrue(Files.exists(expectedFile), name + ": no " + expectedFile.getFileName() + " (run with -Dfixtures.update=true)");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name + ": output differs from " + expectedFile.getFileName());

        if (hasError) {
            assertFailureLeavesInputAlone(name, input, out, run.stdout());
        } else {
            assertValidAndIdempotent(name, out, run.stdout());
        }
    }

    /** What {@code expected-results.yaml} holds for a failed run: header, exit code, and stdout from {@code results:} on. */
    static String failed(Run run) {
        return FAILED_HEADER + "exit: " + run.exit() + "\n" + failed(run.stdout());
    }

    /** The stdout of a failed render from its {@code results:} line on. */
    private static String failed(String stdout) {
        int at = stdout.indexOf("\nresults:") + 1;
        assertTrue(at > 0, "a failed render without results: " + stdout);
        return stdout.substring(at);
    }

    /**
     * No partial output: a failed render writes a ResourceList whose items are the input's, unchanged (none when the
     * input is unreadable or rejected as a whole), in the bytes the function writes for those items, then its results.
     */
    private static void assertFailureLeavesInputAlone(String name, byte[] input, JsonNode out, String stdout) {
        JsonNode in;
        try {
            in = Yaml.readAll(new String(input, StandardCharsets.UTF_8)).get(0);
        } catch (IOException | RuntimeException unreadable) {
            in = null;
        }
        boolean wholeInputRejected = out.path("items").isEmpty() && StreamSupport
                .stream(out.path("results").spliterator(), false).noneMatch(r -> r.has("resourceRef"));
        ObjectNode echo = Yaml.object();
        echo.put("apiVersion", "config.kubernetes.io/v1").put("kind", "ResourceList");
        ArrayNode items = echo.putArray("items");
        if (in != null && in.path("items").isArray() && !wholeInputRejected) {
            assertEquals(in.path("items"), out.path("items"), name + ": a failed render must return the input items unchanged");
            in.path("items").forEach(items::add);
        } else {
            assertTrue(out.path("items").isEmpty(), name + ": a failed render of unreadable or rejected input gave items");
        }
        assertEquals(Yaml.write(echo), stdout.substring(0, stdout.length() - failed(stdout).length()),
                name + ": a failed render's output before its results is not the input items as the function writes them");
    }

    private static void assertValidAndIdempotent(String name, JsonNode out, String stdout) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode item : out.path("items")) {
            problems.addAll(UpstreamSchemas.validate(item));
            if (ManifestSet.isGenerated((ObjectNode) item) && item.has("status")) {
                problems.add(item.path("kind").asText() + " has a status");
            }
        }
        assertEquals(List.of(), problems, name + ": output is not valid against the upstream schemas");
        Run again = Run.of(stdout);
        JsonNode second = Yaml.readAll(again.stdout()).get(0);
        assertEquals(out.path("items"), second.path("items"), name + ": rendering the output again changed it");
        // Results may only shrink: a warning about what changes since the previous render (a NodePool that rolls)
        // is gone once that render is the input; nothing new may appear.
        List<JsonNode> before = new ArrayList<>();
        out.path("results").forEach(before::add);
        for (JsonNode r : second.path("results")) {
            assertTrue(before.contains(r), name + ": rendering the output again reported something new: " + r);
        }
        if (second.path("results").size() == out.path("results").size()) {
            assertEquals(stdout, again.stdout(), name + ": rendering the output again changed it");
        }
    }
}
