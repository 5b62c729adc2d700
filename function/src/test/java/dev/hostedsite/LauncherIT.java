package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Proc;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher (bin/hostedsite) as a process, with the start-up cache the build trained (an AOT cache
 * when the build ran on JDK 25, the default path; an AppCDS archive on JDK 17), without one, and with a
 * corrupt, a mismatched and a stale one: stdout must always be the exact ResourceList (or manifest stream) of
 * the example site, whatever the JVM thinks of the cache, and whatever the JVM itself prints.
 */
class LauncherIT {
    private static Path repo;
    private static Path jar;
    /** The build's cache: hostedsite-fn.aot (JDK 25+) or hostedsite-fn.jsa (JDK 17-24). */
    private static Path archive;
    /** The JVM option that hands that cache to the JVM. */
    private static String archiveFlag;
    private static byte[] input;
    private static String expected;

    @BeforeAll
    static void paths() throws IOException {
        repo = Repo.root();
        jar = Path.of(System.getProperty("hostedsite.jar", repo.resolve("function/target/hostedsite-fn.jar").toString()));
        Path aot = jar.resolveSibling("hostedsite-fn.aot");
        archive = Files.exists(aot) ? aot : jar.resolveSibling("hostedsite-fn.jsa");
        archiveFlag = Files.exists(aot) ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        input = Files.readAllBytes(repo.resolve("fixtures/render/example-lab/input.yaml"));
        expected = Files.readString(repo.resolve("fixtures/render/example-lab/expected.yaml"), StandardCharsets.UTF_8);
    }

    private static Proc launch(Path jarFile, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("bin/hostedsite").toString()));
        command.addAll(List.of(args));
        Map<String, String> changes = new HashMap<>();
        changes.put("HOSTEDSITE_JAR", jarFile.toString());
        // the JVM is the test's choice (JAVA in env) or the launcher's default (the java that trained the cache
        // next to the jar, else java on PATH), never the caller's JAVA/JAVA_HOME
        changes.put("JAVA_HOME", null);
        changes.put("JAVA", null);
        changes.putAll(env);
        return Proc.run(command, repo, changes, input, 60);
    }

    private static void assertExampleResourceList(Proc r) throws IOException {
        assertEquals(0, r.exit(), r.stderr());
        List<JsonNode> docs = Yaml.readAll(r.stdout());
        assertEquals(1, docs.size(), "stdout holds exactly one YAML document");
        assertEquals("ResourceList", docs.get(0).path("kind").asText());
        assertEquals(expected, r.stdout(), "stdout is byte for byte the example's expected ResourceList");
    }

    /** A copy of the jar in its own directory: what sits next to it is up to the test. */
    private static Path jarCopy(Path dir) throws IOException {
        Path copy = dir.resolve("hostedsite-fn.jar");
        Files.copy(jar, copy);
        return copy;
    }

    @Test
    void theBuildTrainsAnArchiveNextToTheJarAndTheLauncherUsesItSilently() throws Exception {
        assertTrue(Files.isRegularFile(archive), "the build writes " + archive);
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the archive is newer than the jar it was trained on");
        Proc r = launch(jar, Map.of());
        assertExampleResourceList(r);
        assertEquals("", r.stderr(), "a matching archive draws no complaint from the JVM");
    }

    @Test
    void withoutAnArchiveTheFunctionRunsAsBefore(@TempDir Path dir) throws Exception {
        Path copy = jarCopy(dir);
        Proc r = launch(copy, Map.of());
        assertExampleResourceList(r);
        assertEquals("", r.stderr());
        assertExampleResourceList(launch(jar, Map.of("HOSTEDSITE_ARCHIVE", "off")));
    }

    /**
     * A {@code java} in {@code dir} that records its arguments in {@code dir/java-args} and runs the JVM the build
     * used; the archive's sidecar names it, so the launcher's own checks pass and the JVM has the last word.
     */
    private static Map<String, String> recordingJava(Path dir) throws IOException {
        String realJava = Files.readString(Path.of(archive + ".java")).strip();
        Path wrapper = dir.resolve("java");
        Files.writeString(wrapper, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/java-args\"\n"
                + "exec '" + realJava + "' \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Files.writeString(dir.resolve(archive.getFileName() + ".java"), wrapper.toRealPath() + "\n");
        return Map.of("JAVA", wrapper.toString());
    }

    private static List<String> javaArgs(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("java-args"));
    }

    private static void newerThan(Path file, Path jarFile, long millis) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(jarFile).toMillis() + millis));
    }

    @Test
    void aCorruptArchiveIsRefusedByTheJvmAndStdoutStaysClean(@TempDir Path dir) throws Exception {
        Path copy = jarCopy(dir);
        Path bad = dir.resolve(archive.getFileName());
        byte[] garbage = new byte[64 * 1024];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(bad, garbage);
        newerThan(bad, copy, 10_000);
        Map<String, String> env = recordingJava(dir);
        Proc r = launch(copy, env);
        assertTrue(javaArgs(dir).contains(archiveFlag + bad), "the launcher handed the archive to the JVM");
        assertExampleResourceList(r);

        Proc rendered = launch(copy, env, "render", "packages/hosted-site");
        assertEquals(0, rendered.exit(), rendered.stderr());
        assertTrue(rendered.stdout().startsWith("---\napiVersion: "), "stdout is the manifest stream, nothing before it");
        assertEquals(40, Yaml.readAll(rendered.stdout()).size(), "the example site's 40 deployable objects");
    }

    @Test
    void anArchiveTrainedOnAnotherJarIsRefusedAndStdoutStaysClean(@TempDir Path dir) throws Exception {
        // the build's archive records function/target/hostedsite-fn.jar; here it sits next to another jar
        Path copy = jarCopy(dir);
        Path other = dir.resolve(archive.getFileName());
        Files.copy(archive, other);
        newerThan(other, copy, 10_000);
        Proc r = launch(copy, recordingJava(dir));
        assertTrue(javaArgs(dir).contains(archiveFlag + other), "the launcher handed the archive to the JVM");
        assertExampleResourceList(r);
        if (archiveFlag.equals("-XX:SharedArchiveFile=")) {
            assertFalse(r.stderr().isEmpty(), "the JVM reported the class path mismatch on stderr");
        } // JDK 25 accepts an AOT cache for a copy of the same jar elsewhere (it does not compare jar paths and times)
    }

    @Test
    void aStaleArchiveOrOneFromAnotherJavaIsNotUsed(@TempDir Path dir) throws Exception {
        Path copy = jarCopy(dir);
        Path stale = dir.resolve(archive.getFileName());
        Files.write(stale, new byte[] {1, 2, 3});
        newerThan(stale, copy, -10_000);
        Map<String, String> env = recordingJava(dir);
        Proc older = launch(copy, env);
        assertExampleResourceList(older);
        assertTrue(javaArgs(dir).stream().noneMatch(a -> a.startsWith(archiveFlag)),
                "an archive older than the jar is not handed to the JVM: " + javaArgs(dir));

        newerThan(stale, copy, 10_000);
        Files.writeString(dir.resolve(archive.getFileName() + ".java"), "/opt/some-other-jdk/bin/java\n");
        Proc otherJava = launch(copy, env);
        assertExampleResourceList(otherJava);
        assertTrue(javaArgs(dir).stream().noneMatch(a -> a.startsWith(archiveFlag)),
                "an archive made by another java binary is not handed to the JVM: " + javaArgs(dir));
    }

    /** OpenJDK 17, the machine's default java (the Java 17 path: an AppCDS archive instead of the AOT cache). */
    private static final Path JDK17_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    /**
     * The Java 17 path: the launcher is told to use JDK 17 (left to itself it now prefers a JDK 25 under
     * /usr/lib/jvm, whose training run is the next test's), trains an AppCDS archive and the next run uses it.
     */
    @Test
    void trainingWritesAnArchiveTheNextRunAccepts(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(JDK17_JAVA), "OpenJDK 17 is expected at " + JDK17_JAVA);
        Path copy = jarCopy(dir);
        Proc training = launch(copy, Map.of("HOSTEDSITE_ARCHIVE", "train", "JAVA", JDK17_JAVA.toString()));
        assertExampleResourceList(training);
        assertTrue(Files.size(dir.resolve("hostedsite-fn.jsa")) > 1_000_000, "training wrote an archive");
        Proc r = launch(copy, Map.of("JAVA", JDK17_JAVA.toString()));
        assertExampleResourceList(r);
        assertEquals("", r.stderr(), "the freshly trained archive matches: no warning");
    }

    /** Temurin 25, which every machine of this project's kind has (the JDK 25 AOT cache is measured with it). */
    private static final Path JDK25_JAVA = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Test
    void onJdk25TrainingWritesAnAotCacheThatJdk25RunsUseAndOtherJavasIgnore(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(JDK25_JAVA), "Temurin 25 is expected at " + JDK25_JAVA);
        Path copy = jarCopy(dir);
        Proc training = launch(copy, Map.of("HOSTEDSITE_ARCHIVE", "train", "JAVA", JDK25_JAVA.toString()));
        assertEquals(0, training.exit(), training.stderr());
        assertEquals("", training.stdout(), "the JVM's own notes would corrupt stdout: a JDK 25 training run sends all to stderr");
        assertTrue(training.stderr().contains("kind: ResourceList"), "the training run did render the example");
        Path cache = dir.resolve("hostedsite-fn.aot");
        assertTrue(Files.size(cache) > 1_000_000, "training on JDK 25 wrote an AOT cache");
        assertFalse(Files.exists(dir.resolve("hostedsite-fn.jsa")), "and no AppCDS archive");
        assertEquals(JDK25_JAVA.toRealPath().toString(), Files.readString(dir.resolve("hostedsite-fn.aot.java")).strip());

        // a JDK 25 run hands the cache to the JVM, which accepts it silently
        Path wrapper = dir.resolve("java");
        Files.writeString(wrapper, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/java-args\"\n"
                + "exec '" + JDK25_JAVA + "' \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Files.writeString(dir.resolve("hostedsite-fn.aot.java"), wrapper.toRealPath() + "\n");
        Proc r = launch(copy, Map.of("JAVA", wrapper.toString()));
        assertExampleResourceList(r);
        assertTrue(javaArgs(dir).contains("-XX:AOTCache=" + cache), javaArgs(dir).toString());
        assertEquals("", r.stderr(), "the freshly trained AOT cache matches: no warning");

        // with no JAVA and no JAVA_HOME, the launcher runs the java that made the cache, with the cache
        Files.delete(dir.resolve("java-args"));
        Proc byDefault = launch(copy, Map.of());
        assertExampleResourceList(byDefault);
        assertTrue(javaArgs(dir).contains("-XX:AOTCache=" + cache), javaArgs(dir).toString());

        // the java on PATH (JDK 17 here) did not make it: the launcher leaves the cache alone
        Proc other = launch(copy, Map.of("JAVA", "java"));
        assertExampleResourceList(other);
        assertEquals("", other.stderr());
    }

    /**
     * The JVM's own output (here -XX:+PrintCommandLineFlags, which goes to stdout unless
     * -XX:+DisplayVMOutputToStderr) and its warnings (an obsolete flag) never reach stdout, even when they
     * come from JAVA_TOOL_OPTIONS.
     */
    @Test
    void jvmMessagesFromJavaToolOptionsGoToStderr() throws Exception {
        Proc r = launch(jar, Map.of("JAVA", JDK25_JAVA.toString(),
                "JAVA_TOOL_OPTIONS", "-XX:+UseSharedSpaces -XX:+PrintCommandLineFlags"));
        assertExampleResourceList(r);
        assertTrue(r.stderr().contains("warning: Ignoring option UseSharedSpaces"), r.stderr());
        assertTrue(r.stderr().contains("-XX:+PrintCommandLineFlags"), "the VM's output went to stderr: " + r.stderr());
    }

    /** HOSTEDSITE_ARCHIVE=require runs with the cache or not at all. */
    @Test
    void requireRefusesToRunWithoutAUsableCache(@TempDir Path dir) throws Exception {
        assertExampleResourceList(launch(jar, Map.of("HOSTEDSITE_ARCHIVE", "require")));
        Path copy = jarCopy(dir);
        Proc none = launch(copy, Map.of("HOSTEDSITE_ARCHIVE", "require"));
        assertEquals(2, none.exit(), none.stderr());
        assertEquals("", none.stdout());
        assertTrue(none.stderr().contains("HOSTEDSITE_ARCHIVE=require"), none.stderr());

        Path bad = dir.resolve(archive.getFileName());
        Files.write(bad, new byte[64 * 1024]);
        newerThan(bad, copy, 10_000);
        String buildJava = Files.readString(Path.of(archive + ".java")).strip();
        Files.writeString(Path.of(bad + ".java"), buildJava + "\n");
        Proc corrupt = launch(copy, Map.of("HOSTEDSITE_ARCHIVE", "require", "JAVA", buildJava));
        assertNotEquals(0, corrupt.exit(), "the JVM refuses to run without the cache it was told to use");
        assertEquals("", corrupt.stdout());
    }

    @Test
    void anUnknownArchiveModeIsAUsageError() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOSTEDSITE_ARCHIVE", "sometimes");
        Proc r = launch(jar, env);
        assertEquals(2, r.exit());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("HOSTEDSITE_ARCHIVE"), r.stderr());
    }
}
