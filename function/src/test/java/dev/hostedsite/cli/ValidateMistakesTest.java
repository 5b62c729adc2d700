package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code hostedsite validate} on {@code fixtures/cli/mistakes/input/}: every line marked {@code # expect: error}
 * (or {@code warning}) gets that diagnostic at its line, and the columns point at the value or the key. (The golden
 * bytes of the same runs are CLI cases of FixturesTest.)
 */
class ValidateMistakesTest {
    static final Path ROOT = Repo.fixtures().resolve("cli");

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
