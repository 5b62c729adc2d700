package dev.hostedsite.it;

import dev.hostedsite.testing.Proc;
import dev.hostedsite.testing.Repo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a real external tool (kpt, kubectl, bash) as a separate process: in a directory, with extra
 * environment, stdout and stderr kept apart. A missing tool fails the test with a clear message: these
 * integration tests never skip.
 */
record Tool(int exit, String stdout, String stderr) {

    private static final long TIMEOUT_SECONDS = 120;

    /** The executable's absolute path on PATH, or an assertion error that says what to install. */
    static Path require(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError(name + " is not on PATH (" + path + "). This integration test runs the real " + name
                + " and does not skip: install it (CI provides kpt 1.0.0-beta, kubectl 1.32 with kustomize v5).");
    }

    /** The function jar built by this module (failsafe passes it as {@code hostedsite.jar}). */
    static Path jar() {
        String prop = System.getProperty("hostedsite.jar");
        Path jar = prop != null ? Path.of(prop) : Repo.root().resolve("function/target/hostedsite-fn.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the function jar " + jar + " does not exist: run the integration tests with"
                    + " `mvn verify` (which packages it first)");
        }
        return jar.toAbsolutePath();
    }

    /** The launcher the image and the Argo CD sidecar run as {@code hostedsite}. */
    static Path launcher() {
        return Repo.root().resolve("bin/hostedsite").toAbsolutePath();
    }

    /** A directory holding only the {@code docker} stand-in (see its header), to put first on PATH. */
    static Path dockerStandIn() {
        Path dir = Repo.root().resolve("function/src/test/resources/docker-standin").toAbsolutePath();
        Path docker = dir.resolve("docker");
        if (!Files.isExecutable(docker)) {
            throw new AssertionError(docker + " is missing or not executable");
        }
        return dir;
    }

    /** PATH with the given directories in front. */
    static String pathWith(Path... first) {
        List<String> parts = new ArrayList<>();
        for (Path p : first) {
            parts.add(p.toString());
        }
        parts.add(System.getenv("PATH"));
        return String.join(File.pathSeparator, parts);
    }

    /** The environment the docker stand-in needs to run this build's function for the function image. */
    static Map<String, String> standInEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", pathWith(dockerStandIn()));
        env.put("HOSTEDSITE_JAR", jar().toString());
        env.put("HOSTEDSITE_LAUNCHER", launcher().toString());
        return env;
    }

    static Tool run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Proc p = Proc.run(command, dir, env, null, TIMEOUT_SECONDS);
        return new Tool(p.exit(), p.stdout(), p.stderr());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
