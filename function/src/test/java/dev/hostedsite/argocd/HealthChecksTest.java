package dev.hostedsite.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every packages/argocd/health/*.lua script against the sample objects under
 * src/test/resources/argocd-health/&lt;Kind&gt;/. A sample's file name starts with the status
 * the script must return: {@code healthy*.yaml}, {@code progressing*.yaml}, {@code degraded*.yaml},
 * {@code suspended*.yaml}.
 */
class HealthChecksTest {

    private static final Path SAMPLES = Path.of("src/test/resources/argocd-health");
    private static final Set<String> ARGO_STATUSES =
            Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Arguments> samples() throws IOException {
        try (Stream<Path> files = Files.walk(samplesDir())) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(yamls.isEmpty(), "no samples under " + samplesDir());
            return yamls.stream().map(p -> Arguments.of(samplesDir().relativize(p).toString(), p));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void scriptReturnsTheStatusNamedBySampleFile(String name, Path sample) throws IOException {
        JsonNode resource = YAML.readTree(sample.toFile());
        String kind = resource.path("kind").asText();
        assertEquals(sample.getParent().getFileName().toString(), kind, "sample sits under its kind");
        Path script = ArgoCdPackage.healthScript(resource.path("apiVersion").asText(), kind);
        assertTrue(Files.isRegularFile(script), "no health check " + script);

        LuaHealthCheck.Result result =
                LuaHealthCheck.run(Files.readString(script), script.getFileName().toString(), resource);

        String expected = expectedStatus(sample);
        assertTrue(ARGO_STATUSES.contains(expected), name + ": file name does not start with an Argo CD status");
        assertEquals(expected, result.status(), () -> name + " -> " + result);
        assertNotNull(result.message(), name + ": message missing");
        assertFalse(result.message().isBlank(), name + ": message blank");
    }

    /** Each script has samples for the three main outcomes, and one without any status. */
    @TestFactory
    Stream<DynamicTest> everyScriptHasHealthyProgressingDegradedAndNoStatusSamples() {
        return ArgoCdPackage.healthScripts().stream().map(script -> DynamicTest.dynamicTest(
                ArgoCdPackage.groupKind(script), () -> {
                    String kind = ArgoCdPackage.groupKind(script).replaceFirst("^.*_", "");
                    List<Path> samples = samplesOf(kind);
                    for (String outcome : List.of("Healthy", "Progressing", "Degraded")) {
                        assertTrue(samples.stream().anyMatch(p -> expectedStatus(p).equals(outcome)),
                                kind + " lacks a " + outcome + " sample");
                    }
                    assertTrue(samples.stream().anyMatch(HealthChecksTest::hasNoStatus),
                            kind + " lacks a sample without status");
                }));
    }

    private static boolean hasNoStatus(Path sample) {
        try {
            return !YAML.readTree(sample.toFile()).has("status");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> samplesOf(String kind) throws IOException {
        Path dir = samplesDir().resolve(kind);
        assertTrue(Files.isDirectory(dir), "no samples directory " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
    }

    private static String expectedStatus(Path sample) {
        String prefix = sample.getFileName().toString().split("[-.]", 2)[0];
        return prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1);
    }

    private static Path samplesDir() {
        return ArgoCdPackage.repo().resolve("function").resolve(SAMPLES);
    }
}
