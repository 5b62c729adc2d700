package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden runs of the CLI: every {@code fixtures/cli/<case>/<name>.cmd} (args and exit code) with its
 * {@code <name>.out} (stdout, byte for byte) and, when the .cmd has a {@code stderr:} line, its {@code <name>.err}
 * (stderr). {@code -Dfixtures.update=true} rewrites the .out and .err files.
 */
class CliFixturesTest {
    static final boolean UPDATE = Boolean.getBoolean("fixtures.update");
    static final Path ROOT = Repo.fixtures().resolve("cli");

    @TestFactory
    Stream<DynamicTest> goldenRuns() throws IOException {
        List<Path> cmds;
        try (Stream<Path> walk = Files.walk(ROOT, 2)) {
            cmds = walk.filter(p -> p.getFileName().toString().endsWith(".cmd")).sorted().toList();
        }
        assertTrue(cmds.size() >= 6, "expected the CLI golden cases under " + ROOT + ", found " + cmds);
        return cmds.stream().map(c -> DynamicTest.dynamicTest(ROOT.relativize(c).toString(), () -> check(c)));
    }

    static Run run(String argLine) {
        List<String> args = new ArrayList<>();
        for (String a : argLine.trim().split("\\s+")) {
            args.add(a.contains("/") && !a.startsWith("-") ? ROOT.resolve(a).toString() : a);
        }
        return Run.of(new byte[0], args.toArray(String[]::new));
    }

    static String relative(String s) {
        return s.replace(ROOT.toString() + "/", "");
    }

    private static void check(Path cmd) throws IOException {
        List<String> lines = Files.readAllLines(cmd);
        String args = value(lines, "args");
        int exit = Integer.parseInt(value(lines, "exit"));
        Run run = run(args);
        String stdout = relative(run.stdout());
        Path expectedFile = cmd.resolveSibling(cmd.getFileName().toString().replaceFirst("\\.cmd$", ".out"));
        if (UPDATE) {
            Files.writeString(expectedFile, stdout, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), expectedFile + " missing (run with -Dfixtures.update=true)");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), stdout, cmd + ": stdout differs");
        assertEquals(exit, run.exit(), cmd + ": exit code; stderr: " + run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
        Run again = run(args);
        assertEquals(run.stdout(), again.stdout(), cmd + ": a second run printed something else");
        if (lines.stream().anyMatch(l -> l.startsWith("stderr:"))) {
            // what the user reads when the run fails (or warns): stderr, byte for byte, in <name>.err
            Path errFile = cmd.resolveSibling(cmd.getFileName().toString().replaceFirst("\\.cmd$", ".err"));
            String stderr = relative(run.stderr());
            if (UPDATE) {
                Files.writeString(errFile, stderr, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(errFile), errFile + " missing (run with -Dfixtures.update=true)");
            assertEquals(Files.readString(errFile, StandardCharsets.UTF_8), stderr, cmd + ": stderr differs");
        }
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + key + ":' line"));
    }

    private static final Pattern LINE = Pattern.compile("^(mistakes/input/[^:]+):(\\d+):(\\d+): (error|warning): ");

    /** Every line marked {@code # expect: error} gets an error there and no unmarked line does; warnings likewise marked. */
    @Test
    void validateReportsMistakesAtTheirLines() throws IOException {
        Run run = run("validate mistakes/input");
        assertEquals(1, run.exit(), run.stderr());
        Set<String> errors = new TreeSet<>();
        Set<String> warnings = new TreeSet<>();
        for (String line : relative(run.stdout()).lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                (m.group(4).equals("error") ? errors : warnings).add(m.group(1) + ":" + m.group(2));
            }
        }
        Set<String> expectedErrors = new TreeSet<>();
        Set<String> expectedWarnings = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("mistakes/input"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String where = "mistakes/input/" + f.getFileName() + ":" + (i + 1);
                    if (lines.get(i).contains("# expect: error")) {
                        expectedErrors.add(where);
                    } else if (lines.get(i).contains("# expect: warning")) {
                        expectedWarnings.add(where);
                    }
                }
            }
        }
        assertTrue(expectedErrors.size() >= 7, "the mistakes fixture lost its markers");
        assertEquals(expectedErrors, errors, "error lines");
        assertTrue(warnings.containsAll(expectedWarnings), "warnings " + warnings + " miss " + expectedWarnings);
    }

    /** Columns: a bad value is reported where the value starts, a missing field at the key of its parent. */
    @Test
    void validateColumnsPointAtValueOrKey() {
        String out = relative(run("validate mistakes/input").stdout());
        assertTrue(out.contains("mistakes/input/semantic.yaml:96:17: error: spec.clusters[0].hosts[2].name: host name 'worker0'"), out);
        assertTrue(out.contains("mistakes/input/schema.yaml:94:11: error: spec.clusters[0].hosts[1].bmc.credentials: required field"), out);
        assertTrue(out.contains("mistakes/input/schema.yaml:20:7: error: spec.hub.registry.tls: unknown field 'tls'"), out);
    }
}
