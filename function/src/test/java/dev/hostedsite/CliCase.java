package dev.hostedsite;

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

/**
 * A golden run of the CLI: a {@code <name>.cmd} file (its {@code args:}, paths relative to {@code fixtures/cli/},
 * and its {@code exit:} code) with its {@code <name>.out} (stdout, byte for byte, that folder's absolute path
 * removed) and, when the .cmd has a {@code stderr:} line, its {@code <name>.err} (stderr). The folder holding
 * .cmd files is one CLI case; its subfolders are the commands' inputs. Run by {@link FixturesTest};
 * {@code -Dfixtures.update=true} rewrites the .out and .err files.
 */
final class CliCase {
    static final Path ROOT = Repo.fixtures().resolve("cli");

    private CliCase() {}

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

    static void check(Path cmd, boolean update) throws IOException {
        List<String> lines = Files.readAllLines(cmd);
        String args = value(lines, "args");
        int exit = Integer.parseInt(value(lines, "exit"));
        Run run = run(args);
        String stdout = relative(run.stdout());
        Path expectedFile = cmd.resolveSibling(cmd.getFileName().toString().replaceFirst("\\.cmd$", ".out"));
        if (update) {
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
            if (update) {
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
}
