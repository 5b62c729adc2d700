package dev.hostedsite.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished process: exit code and the whole of stdout and stderr, kept apart. The one way the tests run
 * real tools, the launcher and shell commands.
 */
public record Proc(int exit, String stdout, String stderr) {

    /**
     * Runs {@code command} in {@code dir} with {@code stdin} (null: /dev/null) and the caller's environment
     * changed by {@code env}, where a null value removes the variable. Fails the test if it runs longer than
     * {@code timeoutSeconds}.
     */
    public static Proc run(List<String> command, Path dir, Map<String, String> env, byte[] stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path in = stdin == null ? null : Files.createTempFile("proc", ".in");
        Path out = Files.createTempFile("proc", ".out");
        Path err = Files.createTempFile("proc", ".err");
        try {
            if (in != null) {
                Files.write(in, stdin);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(in != null ? in.toFile() : new File("/dev/null"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Proc(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            if (in != null) {
                Files.deleteIfExists(in);
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
