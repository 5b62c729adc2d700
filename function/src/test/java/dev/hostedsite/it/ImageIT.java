package dev.hostedsite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.image.Containerfile;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.testing.Proc;
import dev.hostedsite.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function image, really built and run. {@code podman build} builds the repository's unchanged
 * Containerfile, its two pinned stages replaced with {@code --build-context} (no registry is reachable):
 * the Maven stage by a directory holding the jar this build made, the runtime base by the local image
 * {@code tools/local-base-image} makes (Debian + a Temurin 25 runtime; built once, then reused from
 * podman's storage). The image is tagged with the name the packages ship, then run by podman on a
 * ResourceList, by {@code kpt fn render} with the shipped Kptfile ({@code KPT_FN_RUNTIME=podman}) and by
 * {@code kubectl kustomize} with the shipped container generator (through a {@code docker} that forwards
 * to podman); each output is byte for byte the exec form's. Needs root, podman and debootstrap:
 * {@code .ci/install-podman} installs them, and without them this test fails, it never skips.
 */
class ImageIT {
    private static final String IMAGE = BuildInfo.image();
    private static final long BUILD_TIMEOUT_SECONDS = 1800;
    private static final long RUN_TIMEOUT_SECONDS = 300;
    @TempDir
    static Path context;
    private static byte[] input;
    private static String expected;

    @BeforeAll
    static void buildTheImage() throws Exception {
        requirePodman();
        Path repo = Repo.root();
        input = Files.readAllBytes(repo.resolve("fixtures/render/example-lab/input.yaml"));
        expected = Files.readString(repo.resolve("fixtures/render/example-lab/expected.yaml"));

        Proc base = Proc.run(List.of("bash", repo.resolve("tools/local-base-image").toString()), repo, Map.of(), null,
                BUILD_TIMEOUT_SECONDS);
        assertEquals(0, base.exit(), () -> "tools/local-base-image failed:\n" + base.stderr());
        String baseImage = base.stdout().strip();
        assertTrue(baseImage.startsWith("localhost/hostedsite-jre-base:"), baseImage);

        // the build stage's output, where COPY --from=build expects it
        Path jarInContext = context.resolve("src/function/target/hostedsite-fn.jar");
        Files.createDirectories(jarInContext.getParent());
        Files.copy(Tool.jar(), jarInContext);
        String runtimeBase = Containerfile.parse(Files.readString(repo.resolve("Containerfile"))).runtime().from();
        assertTrue(runtimeBase.startsWith("eclipse-temurin:25-jre@sha256:"), runtimeBase);

        Proc build = Proc.run(List.of("podman", "build", "-f", "Containerfile",
                "--build-context", "build=" + context,
                "--build-context", runtimeBase + "=container-image://" + baseImage,
                "-t", IMAGE, "."), repo, Map.of(), null, BUILD_TIMEOUT_SECONDS);
        assertEquals(0, build.exit(), () -> "podman build failed:\n" + build.stdout() + build.stderr());
        // earlier builds of this image, now untagged, are not kept
        podman("image", "prune", "-f", "--filter", "label=org.opencontainers.image.title=hostedsite-fn");
    }

    private static void requirePodman() {
        try {
            Tool.require("podman");
        } catch (AssertionError e) {
            throw new AssertionError("podman is not installed. This test builds and runs the function image and does"
                    + " not skip: run the install step of .ci/run as root (`bash .ci/install-podman`: podman, runc,"
                    + " debootstrap from Debian, and the containers.conf podman needs on this kind of machine).", e);
        }
    }

    private static Proc podman(String... args) throws Exception {
        return podmanWithInput(null, args);
    }

    private static Proc podmanWithInput(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return Proc.run(command, Repo.root(), Map.of(), stdin, RUN_TIMEOUT_SECONDS);
    }

    /** {@code podman run} as kpt runs a function: stdin attached, no network, an unprivileged user. */
    private static Proc runFunction(String... envAndArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "-i", "--network", "none", "--user", "nobody",
                "--security-opt=no-new-privileges"));
        for (String env : envAndArgs) {
            args.add("-e");
            args.add(env);
        }
        args.add(IMAGE);
        return podmanWithInput(input, args.toArray(String[]::new));
    }

    /** The exec form: the launcher on the host, on the same ResourceList. */
    private static Proc execForm() throws Exception {
        return Proc.run(List.of("bash", Tool.launcher().toString()), Repo.root(),
                Map.of("HOSTEDSITE_JAR", Tool.jar().toString()), input, RUN_TIMEOUT_SECONDS);
    }

    /**
     * tools/carry-image (the README's air-gap command) on the image just built: an OCI archive whose index names
     * the image and whose manifest blob hashes to the digest printed on stdout, the one a registry then serves
     * after {@code skopeo copy --preserve-digests}.
     */
    @Test
    void carryImageSavesAnOciArchiveAndPrintsItsManifestDigest(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("hostedsite-fn.oci.tar");
        Proc carry = Proc.run(List.of("bash", Repo.root().resolve("tools/carry-image").toString(), archive.toString()),
                tmp, Map.of("HOSTEDSITE_SKIP_BUILD", "1"), null, BUILD_TIMEOUT_SECONDS);
        assertEquals(0, carry.exit(), carry::toString);
        String digest = carry.stdout().strip();
        assertTrue(carry.stdout().matches("sha256:[0-9a-f]{64}\n"), carry::toString);
        Proc index = Proc.run(List.of("tar", "-xOf", archive.toString(), "index.json"), tmp, Map.of(), null, RUN_TIMEOUT_SECONDS);
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(index.stdout()).path("manifests").get(0);
        assertEquals(digest, manifest.path("digest").asText());
        assertEquals(IMAGE, manifest.path("annotations").path("org.opencontainers.image.ref.name").asText());
        Proc blob = Proc.run(List.of("bash", "-c", "tar -xOf \"$0\" \"blobs/sha256/$1\" | sha256sum", archive.toString(),
                digest.substring("sha256:".length())), tmp, Map.of(), null, RUN_TIMEOUT_SECONDS);
        assertEquals(digest.substring("sha256:".length()), blob.stdout().split(" ")[0], blob::toString);
    }

    @Test
    void theImageTurnsAResourceListIntoExactlyWhatTheExecFormPrints() throws Exception {
        Proc image = runFunction();
        assertEquals(0, image.exit(), image::toString);
        Proc exec = execForm();
        assertEquals(0, exec.exit(), exec::toString);
        assertEquals(expected, exec.stdout(), "the exec form prints the example's expected ResourceList");
        assertEquals(exec.stdout(), image.stdout(), "the image prints byte for byte what the exec form prints");
        assertEquals("", image.stderr(), "no word from the JVM: its AOT cache fits");
    }

    @Test
    void theAotCacheTrainedDuringTheImageBuildIsUsedInsideTheContainer() throws Exception {
        // require: the launcher adds -XX:AOTMode=on, so the JVM exits rather than run without the cache.
        // _JAVA_OPTIONS is read after the launcher's -Xlog:disable: class loading is logged, on stderr.
        Proc r = runFunction("HOSTEDSITE_ARCHIVE=require", "_JAVA_OPTIONS=-Xlog:class+load=info:stderr");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(expected, r.stdout());
        List<String> ours = r.stderr().lines().filter(l -> l.contains("[class,load] dev.hostedsite.")).toList();
        assertTrue(ours.stream().anyMatch(l -> l.contains(" dev.hostedsite.cli.Main source: shared objects file")),
                "the function's main class comes from the AOT cache: " + ours);
        assertEquals(List.of(), ours.stream().filter(l -> l.contains("hostedsite-fn.jar")).toList(),
                "no class of the function is read from the jar: the example's classes all come from the cache");
    }

    @Test
    void aJvmWarningLeavesStdoutTheResourceList() throws Exception {
        // an obsolete flag (a warning) and VM output that goes to stdout unless -XX:+DisplayVMOutputToStderr
        Proc r = runFunction("JAVA_TOOL_OPTIONS=-XX:+UseSharedSpaces -XX:+PrintCommandLineFlags");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(expected, r.stdout(), "stdout is only the ResourceList");
        assertTrue(r.stderr().contains("warning: Ignoring option UseSharedSpaces"), r::toString);
        assertTrue(r.stderr().contains("-XX:+PrintCommandLineFlags"), r::toString);
    }

    @Test
    void kptRendersTheShippedKptfileWithTheImageAsWithTheExecForm(@TempDir Path work) throws Exception {
        Path viaImage = work.resolve("image/hosted-site");
        Trees.copy(Repo.root().resolve("packages/hosted-site"), viaImage);
        String kptfile = Files.readString(viaImage.resolve("Kptfile"));
        String imageLine = "    - image: " + IMAGE + "\n";
        assertTrue(kptfile.contains(imageLine), "the shipped Kptfile runs " + IMAGE);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KPT_FN_RUNTIME", "podman");
        Tool image = Tool.run(List.of("kpt", "fn", "render", "hosted-site", "--image-pull-policy", "never",
                "--truncate-output=false"), viaImage.getParent(), env);
        assertEquals(0, image.exit(), image::toString);
        assertTrue((image.stdout() + image.stderr()).contains("[PASS] \"" + IMAGE + "\""), image::toString);

        Path viaExec = work.resolve("exec/hosted-site");
        Trees.copy(Repo.root().resolve("packages/hosted-site"), viaExec);
        Files.writeString(viaExec.resolve("Kptfile"), kptfile.replace(imageLine, "    - exec: " + Tool.launcher() + "\n"));
        Tool exec = Tool.run(List.of("kpt", "fn", "render", "hosted-site", "--allow-exec"), viaExec.getParent(),
                Map.of("HOSTEDSITE_JAR", Tool.jar().toString()));
        assertEquals(0, exec.exit(), exec::toString);

        SortedMap<String, byte[]> fromImage = Trees.snapshot(viaImage);
        SortedMap<String, byte[]> fromExec = Trees.snapshot(viaExec);
        assertFalse(Trees.under(fromImage, "generated/").isEmpty());
        fromImage.remove("Kptfile");
        fromExec.remove("Kptfile");
        assertNull(Trees.difference(fromExec, fromImage), "the image and the exec form write the same bytes to the same files");
    }

    @Test
    void kubectlKustomizeRunsTheShippedContainerGeneratorAsTheExecFormDoes() throws Exception {
        Path example = Repo.root().resolve("packages/kustomize-example");
        Path dockerToPodman = Repo.root().resolve("function/src/test/resources/docker-podman").toAbsolutePath();
        assertTrue(Files.isExecutable(dockerToPodman.resolve("docker")));
        Tool image = Tool.run(List.of("kubectl", "kustomize", "--enable-alpha-plugins", example.toString()), Repo.root(),
                Map.of("PATH", Tool.pathWith(dockerToPodman)));
        assertEquals(0, image.exit(), image::toString);

        // kubectl kustomize cannot run an exec function: the docker stand-in runs the launcher on the host instead
        Tool exec = Tool.run(List.of("kubectl", "kustomize", "--enable-alpha-plugins", example.toString()), Repo.root(),
                Tool.standInEnv());
        assertEquals(0, exec.exit(), exec::toString);
        assertTrue(exec.stdout().contains("kind: HostedCluster\n"), exec::toString);
        assertEquals(exec.stdout(), image.stdout(), "kustomize emits the same bytes from the image as from the launcher");
    }
}
