package dev.hostedsite.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.DirectorySource;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The function image's Containerfile and catalog metadata (kpt-fn.yaml), and every place that names the
 * image: they must all name the image of this build, so a release never ships a mismatch.
 */
class FunctionImageTest {
    private static final Pattern PINNED = Pattern.compile("[a-z0-9.-]+(/[a-z0-9._-]+)*:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}");

    private static Containerfile containerfile() throws Exception {
        return Containerfile.parse(Files.readString(Repo.root().resolve("Containerfile")));
    }

    private static JsonNode yaml(String relative) throws Exception {
        return Yaml.readAll(Files.readString(Repo.root().resolve(relative))).get(0);
    }

    @Test
    void buildsInAMavenStageAndRunsOnAJreBothPinnedByDigest() throws Exception {
        Containerfile file = containerfile();
        assertEquals(2, file.stages().size(), "multi-stage: build, runtime");
        for (Containerfile.Stage stage : file.stages()) {
            assertTrue(PINNED.matcher(stage.from()).matches(), "not pinned by tag@sha256 digest: " + stage.from());
        }
        Containerfile.Stage build = file.stages().get(0);
        assertTrue(build.from().startsWith("maven:3.9-eclipse-temurin-17@"), build.from());
        assertEquals("build", build.alias());
        assertTrue(build.all("RUN").stream().anyMatch(r -> r.args().contains("package")), "the build stage builds the jar");
        Containerfile.Stage runtime = file.runtime();
        assertTrue(runtime.from().startsWith("eclipse-temurin:25-jre@"), "the runtime is a JDK 25 JRE (AOT cache): " + runtime.from());
        assertEquals(runtime.from().substring(runtime.from().indexOf('@') + 1),
                runtime.labels().get("org.opencontainers.image.base.digest"));
        assertEquals(1, runtime.all("RUN").size(), "the runtime stage copies files and runs only the archive training: "
                + runtime.all("RUN"));
    }

    @Test
    void runtimeRunsTheFunctionAsANonRootUserInExecForm() throws Exception {
        Containerfile.Stage runtime = containerfile().runtime();
        String user = runtime.last("USER").args();
        assertTrue(user.matches("\\d+(:\\d+)?"), "numeric user, so runAsNonRoot can verify it: " + user);
        assertNotEquals(0, Integer.parseInt(user.split(":")[0]));
        assertEquals("65532:65532", user);

        JsonNode entrypoint = new ObjectMapper().readTree(runtime.last("ENTRYPOINT").args());
        assertTrue(entrypoint.isArray(), "exec form (a JSON array), not a shell string: " + entrypoint);
        assertEquals("[\"/usr/local/bin/hostedsite\"]", entrypoint.toString(), "no arguments: the KRM function mode");

        List<String> copies = new ArrayList<>();
        runtime.all("COPY").forEach(c -> copies.add(c.args()));
        assertTrue(copies.contains("--from=build /src/function/target/hostedsite-fn.jar /app/hostedsite-fn.jar"), copies::toString);
        assertTrue(copies.contains("bin/hostedsite /usr/local/bin/hostedsite"), copies::toString);
        assertTrue(runtime.all("ENV").stream().anyMatch(e -> e.args().equals("HOSTEDSITE_JAR=/app/hostedsite-fn.jar")));
        assertTrue(Files.isExecutable(Repo.root().resolve("bin/hostedsite")), "the launcher keeps its mode in the image");
        assertTrue(Files.readString(Repo.root().resolve("bin/hostedsite")).matches("(?s).*\nexec \"\\$\\{?(java|JAVA)[^\n]*-jar.*"),
                "the launcher execs java, so the function is the container's main process");
        assertTrue(runtime.all("RUN").stream().anyMatch(r -> r.args().startsWith("HOSTEDSITE_ARCHIVE=train /usr/local/bin/hostedsite")),
                "the start-up archive is trained by the runtime image's own java");
    }

    @Test
    void ociLabelsDescribeThisBuild() throws Exception {
        Map<String, String> labels = containerfile().runtime().labels();
        for (String key : List.of("title", "description", "version", "licenses", "source", "url", "ref.name",
                "base.name", "base.digest")) {
            String value = labels.get("org.opencontainers.image." + key);
            assertNotNull(value, "missing label org.opencontainers.image." + key);
            assertFalse(value.isBlank(), key);
        }
        assertEquals(BuildInfo.version(), labels.get("org.opencontainers.image.version"));
        assertEquals("Apache-2.0", labels.get("org.opencontainers.image.licenses"));
        assertTrue(labels.get("org.opencontainers.image.source").startsWith("https://"));
    }

    @Test
    void catalogMetadataHasEveryField() throws Exception {
        JsonNode meta = yaml("kpt-fn.yaml");
        assertEquals(List.of("image", "description", "tags", "sourceURL", "examplePackageURLs", "emails", "license"),
                fieldNames(meta));
        assertFalse(meta.path("description").asText().isBlank());
        assertTrue(meta.path("tags").isArray() && meta.path("tags").size() >= 1);
        assertTrue(meta.path("sourceURL").asText().startsWith("https://"));
        assertTrue(meta.path("examplePackageURLs").size() >= 1);
        meta.path("examplePackageURLs").forEach(u -> assertTrue(u.asText().startsWith("https://"), u.asText()));
        meta.path("emails").forEach(e -> assertTrue(e.asText().matches("[^@\\s]+@[^@\\s]+\\.[a-z]+"), e.asText()));
        assertTrue(meta.path("emails").size() >= 1);
        assertEquals("Apache-2.0", meta.path("license").asText());
        assertFalse(meta.path("image").asText().contains(":"), "the catalog lists the image without a tag");
    }

    /** Everywhere the image is named, it is the image of this build, which disconnected sites mirror. */
    @Test
    void everyReferenceToTheImageIsTheImageOfThisBuild() throws Exception {
        String image = BuildInfo.image();
        assertEquals("ghcr.io/hostedsite/hostedsite-fn:" + BuildInfo.version(), image);

        assertEquals(image, yaml("kpt-fn.yaml").path("image").asText() + ":" + BuildInfo.version(), "kpt-fn.yaml");
        assertEquals(image, containerfile().runtime().labels().get("org.opencontainers.image.ref.name"), "Containerfile");
        assertEquals(image, yaml("packages/hosted-site/Kptfile").path("pipeline").path("mutators").get(0).path("image").asText(),
                "packages/hosted-site/Kptfile");
        JsonNode function = Yaml.readAll(yaml("packages/kustomize-example/site.yaml").path("metadata").path("annotations")
                .path("config.kubernetes.io/function").asText()).get(0);
        assertEquals(image, function.path("container").path("image").asText(), "packages/kustomize-example/site.yaml");
        assertEquals(image, yaml("packages/argocd/repo-server-patch.yaml").path("spec").path("template").path("spec")
                .path("containers").get(0).path("image").asText(), "packages/argocd/repo-server-patch.yaml");

        assertEquals(List.of(image), additionalImages(Repo.root().resolve("packages/hosted-site/site.yaml")),
                "the generated ImageSetConfiguration mirrors the function image");
    }

    /** additionalImages of the oc-mirror ImageSetConfiguration the example site generates. */
    private static List<String> additionalImages(Path site) throws Exception {
        Compiler.Result result = Compiler.compile(DirectorySource.read(site), null);
        assertFalse(result.failed(), result.diagnostics()::toString);
        List<String> images = new ArrayList<>();
        for (ObjectNode item : result.items()) {
            String isc = item.path("data").path("imageset-config.yaml").asText(null);
            if ("ConfigMap".equals(item.path("kind").asText()) && isc != null) {
                JsonNode doc = Yaml.readAll(isc).get(0);
                assertEquals("ImageSetConfiguration", doc.path("kind").asText());
                doc.path("mirror").path("additionalImages").forEach(i -> images.add(i.path("name").asText()));
            }
        }
        return images;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
