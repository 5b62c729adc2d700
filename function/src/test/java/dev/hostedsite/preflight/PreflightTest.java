package dev.hostedsite.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostedsite.cli.Cli;
import dev.hostedsite.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostedsite preflight} on the example site (packages/hosted-site) against real servers on loopback: the
 * registry and web server addresses, the CA bundle, the pull secret and the release digest of the example are
 * replaced by those of the test mirror; nothing else changes. Each fault the issue names is one test.
 */
@Timeout(120)
class PreflightTest {
    static final String VERSION = "4.19.3";
    static final String RHCOS = "419.96.202505081234-0";
    static final String ISO = "rhcos-" + RHCOS + "-live.x86_64.iso";
    static final String ROOTFS = "rhcos-" + RHCOS + "-live-rootfs.x86_64.img";

    @TempDir
    static Path tmp;
    static TestMirror mirror;
    static String releaseDigest;
    static String hypershiftDigest;
    static String multiReleaseDigest;
    static String amd64OnlyRelease;

    @BeforeAll
    static void servers() throws Exception {
        mirror = new TestMirror(Files.createDirectories(tmp.resolve("mirror")));
        // the release's hypershift image, on the mirror of quay.io/openshift-release-dev/ocp-v4.0-art-dev (by digest)
        hypershiftDigest = mirror.pushImage("openshift/release", null, "amd64", Map.of(), Map.of("usr/bin/hypershift", "x"));
        String refs = imageReferences(VERSION, "quay.io/openshift-release-dev/ocp-v4.0-art-dev@" + hypershiftDigest);
        releaseDigest = mirror.pushImage("openshift/release-images", VERSION + "-x86_64", "amd64",
                Map.of(Checks.VERSION_LABEL, VERSION), Map.of("release-manifests/image-references", refs));
        amd64OnlyRelease = releaseDigest;
        String arm = mirror.pushImage("openshift/release-images", null, "arm64",
                Map.of(Checks.VERSION_LABEL, VERSION), Map.of("release-manifests/image-references", refs));
        multiReleaseDigest = mirror.pushIndex("openshift/release-images", VERSION + "-multi",
                Map.of("amd64", releaseDigest, "arm64", arm));
        // a catalog index of two architectures
        String ca = mirror.pushImage("redhat/redhat-operator-index", null, "amd64", Map.of(), Map.of("configs/x", "{}"));
        String cb = mirror.pushImage("redhat/redhat-operator-index", null, "arm64", Map.of(), Map.of("configs/x", "{}"));
        mirror.pushIndex("redhat/redhat-operator-index", "v4.19", Map.of("amd64", ca, "arm64", cb));
        mirror.startWeb();
        mirror.iso("images/" + ISO, "rhcos-" + RHCOS);
        Files.write(mirror.webRoot.resolve("images/" + ROOTFS), new byte[4096]);
        mirror.iso("images/rhcos-418-live.x86_64.iso", "rhcos-418.94.202501010000-0");
    }

    @AfterAll
    static void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    static String imageReferences(String version, String hypershift) {
        return "{\"kind\":\"ImageStream\",\"apiVersion\":\"image.openshift.io/v1\",\"metadata\":{\"name\":\"" + version
                + "\"},\"spec\":{\"tags\":[{\"name\":\"hypershift\",\"from\":{\"kind\":\"DockerImage\",\"name\":\""
                + hypershift + "\"}}]}}";
    }

    /** The example site, pointed at the test mirror; {@code edit} changes it further. */
    static Path site(String name, UnaryOperator<String> edit) throws Exception {
        String s = Files.readString(Repo.root().resolve("packages/hosted-site/site.yaml"));
        String ca = Files.readString(mirror.caPem).strip().replace("\n", "\n        ");
        s = s.replaceAll("(?s)caBundle: \\|\\n.*?-----END CERTIFICATE-----", "caBundle: |\n        " + ca);
        s = s.replace("host: registry.example.krnl.es\n      port: 5000", "host: localhost\n      port: " + mirror.port);
        s = s.replace("registry.example.krnl.es:5000", "localhost:" + mirror.port);
        s = s.replace("http://registry.example.krnl.es:8080/images", "http://127.0.0.1:" + mirror.webPort + "/images");
        s = s.replaceAll("release-images@sha256:[0-9a-f]{64}", "release-images@" + releaseDigest);
        String auth = Base64.getEncoder().encodeToString((TestMirror.USER + ":" + TestMirror.PASSWORD).getBytes(StandardCharsets.UTF_8));
        s = s.replace("\"auth\":\"ZHVtbXk6ZHVtbXk=\"", "\"auth\":\"" + auth + "\"");
        s = edit.apply(s);
        Path dir = Files.createDirectories(tmp.resolve("sites/" + name));
        Files.writeString(dir.resolve("site.yaml"), s);
        return dir.resolve("site.yaml");
    }

    record Run(int code, String out, String err) {
        List<String> lines(String status) {
            return out.lines().filter(l -> l.contains(": " + status + ": ")).toList();
        }
    }

    static Run preflight(Path site, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("preflight", site.toString(), "--timeout", "5"));
        args.addAll(List.of(more));
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exampleSitePassesAgainstAMirrorThatHoldsEverything() throws Exception {
        Run r = preflight(site("ok", s -> s));
        assertEquals(0, r.code(), r.out() + r.err());
        if (System.getProperty("preflight.print") != null) {
            System.err.print(r.err() + r.out());
        }
        assertTrue(r.err().contains("credentials: the localhost:" + mirror.port + " entry of spec.clusters[0].pullSecret"),
                r.err());
        assertTrue(r.lines("present").size() >= 8, r.out());
        assertTrue(r.out().contains("site.yaml:"), "lines name the site file and line: " + r.out());
        assertTrue(r.out().contains("spec.clusters[0].release.image: hypershift image: localhost:" + mirror.port
                + "/openshift/release@" + hypershiftDigest), r.out());
        assertTrue(r.out().contains("set controlPlaneOperatorImage: quay.io/openshift-release-dev/ocp-v4.0-art-dev@"
                + hypershiftDigest), "the hypershift image is printed when the site does not pin it: " + r.out());
        assertTrue(r.out().contains("ISO 9660 volume label rhcos-" + RHCOS), r.out());
        assertTrue(r.out().contains("0 missing, 0 unauthorized, 0 mismatch, 0 unreachable"), r.out());
        assertFalse(r.out().contains(TestMirror.PASSWORD), "credentials are never printed");
    }

    @Test
    void jsonReportForCi() throws Exception {
        Run r = preflight(site("json", s -> s), "-o", "json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.path("passed").asBoolean());
        assertEquals(0, doc.path("summary").path("missing").asInt());
        assertTrue(doc.path("checks").size() >= 8);
        assertTrue(doc.path("checks").get(0).path("location").asText().matches(".*site\\.yaml:\\d+"), r.out());
    }

    @Test
    void controlPlaneOperatorImageThatIsTheReleasesPasses() throws Exception {
        Run r = preflight(site("cpo-ok", s -> s.replace("        # controlPlaneOperatorImage: <the release's hypershift"
                + " image by digest>   # oc adm release info --image-for hypershift <image>",
                "        controlPlaneOperatorImage: quay.io/openshift-release-dev/ocp-v4.0-art-dev@" + hypershiftDigest)));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("equals release.controlPlaneOperatorImage"), r.out());
    }

    @Test
    void missingTagFailsNamingTheCatalogAndTheOcMirrorFix() throws Exception {
        Run r = preflight(site("missing-tag", s -> s.replace("redhat-operator-index:v4.19\n        displayName",
                "redhat-operator-index:v4.20\n        displayName")));
        assertEquals(1, r.code());
        List<String> missing = r.lines("missing");
        assertEquals(1, missing.size(), r.out());
        assertTrue(missing.get(0).contains("spec.hub.catalogs[0].image: manifest: localhost:" + mirror.port
                + "/redhat/redhat-operator-index:v4.20"), missing.get(0));
        assertTrue(missing.get(0).contains("fix: mirror catalog registry.redhat.io/redhat/redhat-operator-index:v4.19"
                + " with oc-mirror"), missing.get(0));
        assertTrue(missing.get(0).matches(".*site\\.yaml:\\d+: missing: .*"), missing.get(0));
    }

    @Test
    void missingRepositoryIsMissing() throws Exception {
        Run r = preflight(site("missing-repo", s -> s.replace("redhat/redhat-operator-index:v4.19\n        displayName",
                "redhat/absent-index:v4.19\n        displayName")));
        assertEquals(1, r.code());
        List<String> missing = r.lines("missing");
        assertEquals(1, missing.size(), r.out());
        assertTrue(missing.get(0).contains("spec.hub.catalogs[0].image: manifest: localhost:" + mirror.port
                + "/redhat/absent-index:v4.19: not on localhost:" + mirror.port), missing.get(0));
    }

    @Test
    void wrongVersionIsAMismatch() throws Exception {
        Run r = preflight(site("wrong-version", s -> s.replace("version: 4.19.3", "version: 4.19.4")));
        assertEquals(1, r.code());
        List<String> mismatch = r.lines("mismatch");
        assertEquals(1, mismatch.size(), r.out());
        assertTrue(mismatch.get(0).contains("spec.clusters[0].release.image: version:"), mismatch.get(0));
        assertTrue(mismatch.get(0).contains("the payload is 4.19.3, not the declared release.version 4.19.4"), mismatch.get(0));
        assertTrue(mismatch.get(0).contains("fix: point the image at the 4.19.4 payload"), mismatch.get(0));
    }

    @Test
    void foreignControlPlaneOperatorImageIsAMismatch() throws Exception {
        String other = "sha256:" + "ab".repeat(32);
        Run r = preflight(site("cpo-wrong", s -> s.replace("        # controlPlaneOperatorImage: <the release's hypershift"
                + " image by digest>   # oc adm release info --image-for hypershift <image>",
                "        controlPlaneOperatorImage: quay.io/openshift-release-dev/ocp-v4.0-art-dev@" + other)));
        assertEquals(1, r.code());
        assertTrue(r.out().contains("mismatch: spec.clusters[0].release.image: hypershift image:"), r.out());
        assertTrue(r.lines("missing").stream().anyMatch(l -> l.contains("release.controlPlaneOperatorImage: manifest:")),
                "the pinned image itself is not on the mirror: " + r.out());
    }

    /** A mixed cluster (pools of amd64 and arm64) on the single-arch payload; the multi payload passes. */
    @Test
    void singleArchPayloadForAMixedClusterIsAMismatch() throws Exception {
        Path site = site("mixed", s -> s);
        var sites = dev.hostedsite.Compiler.sites(dev.hostedsite.cli.DirectorySource.read(site));
        var hub = sites.get(0).hub();
        var http = com.google.cloud.tools.jib.http.TrustedHttpClients.of(
                SiteTrust.parse(hub.registry().caBundle(), false).sslContext(), e -> { });
        Checks checks = new Checks(hub, new MirrorRegistry(http, Preflight.pullSecretCredentials(sites.get(0))),
                new WebServer(SiteTrust.parse(hub.registry().caBundle(), false).sslContext(), java.time.Duration.ofSeconds(5)));
        for (String digest : List.of(amd64OnlyRelease, multiReleaseDigest)) {
            var ref = dev.hostedsite.model.ImageReference.parse("localhost:" + mirror.port
                    + "/openshift/release-images@" + digest).orElseThrow();
            Item.Image item = new Item.Image("spec.clusters[0].release.image", Item.Role.RELEASE, ref, ref,
                    Set.of("amd64", "arm64"), VERSION, null, "mirror the multi payload");
            List<Outcome> out = checks.run(item);
            Outcome platforms = out.stream().filter(o -> o.check().equals("platforms")).findFirst().orElseThrow();
            if (digest.equals(amd64OnlyRelease)) {
                assertEquals(Outcome.Status.MISMATCH, platforms.status(), out.toString());
                assertTrue(platforms.detail().contains("carries [amd64] but the node pools need [amd64, arm64]"),
                        platforms.detail());
                assertTrue(platforms.detail().contains("needs the multi-architecture payload"), platforms.detail());
            } else {
                assertTrue(out.stream().allMatch(o -> o.status() == Outcome.Status.PRESENT), out.toString());
                assertTrue(platforms.detail().contains("carries [amd64, arm64]"), platforms.detail());
            }
        }
        http.shutDown();
    }

    @Test
    void missingIsoFailsNamingTheFileToDownload() throws Exception {
        Run r = preflight(site("missing-iso", s -> s.replace("iso: " + ISO, "iso: rhcos-absent.x86_64.iso")));
        assertEquals(1, r.code());
        List<String> missing = r.lines("missing");
        assertEquals(1, missing.size(), r.out());
        assertTrue(missing.get(0).contains("spec.hub.osImages.images[0].iso: file: http://127.0.0.1:" + mirror.webPort
                + "/images/rhcos-absent.x86_64.iso: 127.0.0.1:" + mirror.webPort + " answered HTTP 404"), missing.get(0));
        assertTrue(missing.get(0).contains("fix: download the RHCOS " + RHCOS + " live ISO for x86_64"), missing.get(0));
    }

    @Test
    void webServerThatDoesNotListenIsUnreachable() throws Exception {
        int nothing = TestMirror.freePort();
        Run r = preflight(site("no-web", s -> s.replace("http://127.0.0.1:" + mirror.webPort + "/images",
                "http://127.0.0.1:" + nothing + "/images")));
        assertEquals(1, r.code());
        List<String> unreachable = r.lines("unreachable");
        assertEquals(2, unreachable.size(), "the ISO and the rootfs: " + r.out());
        assertTrue(unreachable.get(0).contains("cannot connect to 127.0.0.1:" + nothing), unreachable.get(0));
        assertTrue(r.lines("present").size() >= 5, "the registry checks still pass: " + r.out());
    }

    @Test
    void isoOfAnotherVersionIsAMismatch() throws Exception {
        Run r = preflight(site("other-iso", s -> s.replace("iso: " + ISO, "iso: rhcos-418-live.x86_64.iso")));
        assertEquals(1, r.code());
        List<String> mismatch = r.lines("mismatch");
        assertEquals(1, mismatch.size(), r.out());
        assertTrue(mismatch.get(0).contains("volume label: http://127.0.0.1:" + mirror.webPort
                + "/images/rhcos-418-live.x86_64.iso: ISO 9660 volume label rhcos-418.94.202501010000-0 does not name"
                + " the declared version " + RHCOS), mismatch.get(0));
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        String bad = Base64.getEncoder().encodeToString((TestMirror.USER + ":Xq9-bad-pass").getBytes(StandardCharsets.UTF_8));
        Path authfile = tmp.resolve("bad-auth.json");
        Files.writeString(authfile, "{\"auths\":{\"localhost:" + mirror.port + "\":{\"auth\":\"" + bad + "\"}}}");
        Run r = preflight(site("wrong-password", s -> s), "--authfile", authfile.toString());
        assertEquals(1, r.code());
        List<String> unauthorized = r.lines("unauthorized");
        assertEquals(2, unauthorized.size(), "the catalog and the release are each refused: " + r.out());
        assertTrue(unauthorized.get(0).contains("refused the credentials"), unauthorized.get(0));
        assertTrue(unauthorized.get(0).contains("fix: give credentials the mirror accepts"), unauthorized.get(0));
        assertFalse(r.out().contains("Xq9-bad-pass") || r.out().contains(bad), "no credential in the report: " + r.out());
    }

    @Test
    void foreignCaIsUnreachableNamingTheTrust() throws Exception {
        String foreign = Files.readString(mirror.foreignCaPem).strip().replace("\n", "\n        ");
        Run r = preflight(site("foreign-ca", s -> s.replaceAll("(?s)caBundle: \\|\\n.*?-----END CERTIFICATE-----",
                "caBundle: |\n        " + foreign)));
        assertEquals(1, r.code());
        List<String> unreachable = r.lines("unreachable");
        assertFalse(unreachable.isEmpty(), r.out());
        assertTrue(unreachable.stream().allMatch(l -> l.contains("TLS: localhost:" + mirror.port
                + "'s certificate is not trusted")), r.out());
        assertTrue(unreachable.get(0).contains("fix: the certificate chain must lead to a CA in the trust given"
                + " (spec.hub.registry.caBundle"), unreachable.get(0));
    }

    @Test
    void expiredCaInTheBundleIsAMismatch() throws Exception {
        String expired = Files.readString(mirror.expiredCaPem).strip().replace("\n", "\n        ");
        String ca = Files.readString(mirror.caPem).strip().replace("\n", "\n        ");
        Run r = preflight(site("expired-ca", s -> s.replaceAll("(?s)caBundle: \\|\\n.*?-----END CERTIFICATE-----",
                "caBundle: |\n        " + ca + "\n        " + expired)));
        assertEquals(1, r.code());
        List<String> mismatch = r.lines("mismatch");
        assertEquals(1, mismatch.size(), r.out());
        assertTrue(mismatch.get(0).contains("spec.hub.registry.caBundle: ca bundle: CN=expired-CA: valid from"
                + " 2020-01-01"), mismatch.get(0));
        assertTrue(mismatch.get(0).contains("fix: renew the CA"), mismatch.get(0));
    }

    @Test
    void expiredCertificateIsUnreachable() throws Exception {
        int expiredPort = mirror.startRegistry("expired.pem");
        Run r = preflight(site("expired", s -> s.replace("localhost:" + mirror.port, "localhost:" + expiredPort)
                .replace("port: " + mirror.port, "port: " + expiredPort)));
        assertEquals(1, r.code());
        List<String> unreachable = r.lines("unreachable");
        assertFalse(unreachable.isEmpty(), r.out());
        assertTrue(unreachable.get(0).contains("out of its validity period") || unreachable.get(0).contains("expired"),
                unreachable.get(0));
    }

    /**
     * With spec.hub.osImages.coreosStream and no images: osImages come from the stream and preflight checks each
     * file's sha256 against it; a file whose content differs from the stream's checksum is a mismatch.
     */
    @Test
    void coreosStreamChecksumsAreChecked() throws Exception {
        String isoSum = TestMirror.sha256(Files.readAllBytes(mirror.webRoot.resolve("images/" + ISO)));
        String otherSum = "0".repeat(64);
        String base = "https://example.invalid/art/" + RHCOS + "/x86_64/";
        String stream = "{\"stream\": \"rhcos-4.19\", \"architectures\": {\"x86_64\": {\"artifacts\": {\"metal\":"
                + " {\"release\": \"" + RHCOS + "\", \"formats\": {\"iso\": {\"disk\": {\"location\": \"" + base + ISO
                + "\", \"sha256\": \"" + isoSum + "\"}}, \"pxe\": {\"rootfs\": {\"location\": \"" + base + ROOTFS
                + "\", \"sha256\": \"" + otherSum + "\"}}}}}}}}";
        Path site = site("stream", s -> s.replaceAll("(?s)      images:\\n.*?rootfs: [^\\n]*\\n",
                "      coreosStream: {configMap: coreos-stream}\n"));
        Files.writeString(site.resolveSibling("coreos-stream.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: coreos-stream\n  annotations:\n    config.kubernetes.io/local-config: \"true\"\ndata:\n"
                + "  stream.json: '" + stream + "'\n");
        Run r = preflight(site.getParent());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("present: spec.hub.osImages.images[0].iso: checksum: http://127.0.0.1:"
                + mirror.webPort + "/images/" + ISO + ": sha256 " + isoSum + " as the coreos stream gives"), r.out());
        List<String> mismatch = r.lines("mismatch");
        assertEquals(1, mismatch.size(), r.out());
        assertTrue(mismatch.get(0).contains("spec.hub.osImages.images[0].rootfs: checksum:"), mismatch.get(0));
        assertTrue(mismatch.get(0).contains("not the " + otherSum + " the coreos stream gives"), mismatch.get(0));
        assertTrue(mismatch.get(0).contains("artifacts/lab/rhcos-downloads.txt lists it with its checksum"), mismatch.get(0));
    }
}
