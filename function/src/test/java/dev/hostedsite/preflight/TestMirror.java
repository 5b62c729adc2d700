package dev.hostedsite.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.TrustedHttpClients;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.api.Credential;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Real servers on loopback for preflight tests: the CNCF distribution registry ({@code docker-registry}, Debian)
 * with TLS from a test CA made with openssl and htpasswd ({@code htpasswd -B}) auth, the way a disconnected
 * mirror is set up; a JDK HttpServer with Range support serving ISO 9660 files made with {@code xorriso}; and
 * pushes of small images with jib-core's RegistryClient. Missing tools fail the test with what to install.
 */
final class TestMirror implements AutoCloseable {
    static final String USER = "mirror";
    static final String PASSWORD = "s3cret-mirror-pass";
    static final long START_SECONDS = 20;

    final Path dir;
    final Path caPem;
    final Path foreignCaPem;
    final Path expiredCaPem;
    final int port;
    private final List<Process> registries = new ArrayList<>();
    private HttpServer web;
    int webPort;
    final Path webRoot;

    TestMirror(Path dir) throws Exception {
        for (String tool : List.of("docker-registry", "htpasswd", "openssl", "xorriso", "keytool")) {
            if (which(tool) == null) {
                fail(tool + " is not on PATH: the preflight tests need it (Debian packages docker-registry,"
                        + " apache2-utils, openssl, xorriso; .ci/run installs them)");
            }
        }
        this.dir = dir;
        this.webRoot = Files.createDirectories(dir.resolve("www"));
        sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=preflight-test-CA"
                + " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
                + " -keyout ca.key -out ca.pem");
        sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=foreign-CA"
                + " -keyout foreign.key -out foreign.pem");
        sh("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost -keyout server.key"
                + " -out server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        sh("openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile san.ext"
                + " -out server.pem");
        // an expired server certificate from the same CA: keytool can back-date (-startdate), openssl 3.0 cannot
        sh("openssl pkcs12 -export -inkey ca.key -in ca.pem -name ca -passout pass:changeit -out ca.p12");
        sh(which("keytool") + " -gencert -keystore ca.p12 -storepass changeit -alias ca -infile server.csr -outfile expired.pem"
                + " -rfc -startdate 2020/01/01 -validity 30 -ext san=dns:localhost,ip:127.0.0.1");
        // a CA certificate that expired in 2020
        sh(which("keytool") + " -genkeypair -keystore old.p12 -storepass changeit -alias old -keyalg EC -groupname"
                + " secp256r1 -dname CN=expired-CA -startdate 2020/01/01 -validity 30 -ext bc:c");
        sh(which("keytool") + " -exportcert -rfc -keystore old.p12 -storepass changeit -alias old -file expired-ca.pem");
        sh("htpasswd -Bbc htpasswd " + USER + " " + PASSWORD);
        caPem = dir.resolve("ca.pem");
        foreignCaPem = dir.resolve("foreign.pem");
        expiredCaPem = dir.resolve("expired-ca.pem");
        port = startRegistry("server.pem");
    }

    /** Starts a registry on a free loopback port serving the shared storage with {@code cert}; returns its port. */
    int startRegistry(String cert) throws Exception {
        int p = freePort();
        Path config = dir.resolve("registry-" + p + ".yml");
        Files.writeString(config, String.join("\n",
                "version: 0.1",
                "log: {level: error, accesslog: {disabled: true}}",
                "storage: {filesystem: {rootdirectory: " + dir.resolve("storage") + "}}",
                "http: {addr: 127.0.0.1:" + p + ", tls: {certificate: " + dir.resolve(cert) + ", key: "
                        + dir.resolve("server.key") + "}}",
                "auth: {htpasswd: {realm: preflight-test, path: " + dir.resolve("htpasswd") + "}}", ""));
        Process proc = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry-" + p + ".log").toFile()).start();
        registries.add(proc);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < until) {
            if (!proc.isAlive()) {
                fail("docker-registry exited: " + Files.readString(dir.resolve("registry-" + p + ".log")));
            }
            try (Socket s = new Socket("127.0.0.1", p)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        fail("docker-registry did not listen on 127.0.0.1:" + p + " within " + START_SECONDS + " s");
        return -1;
    }

    /** Starts the web server: GET (with Range) and HEAD of files under {@link #webRoot}, at /. */
    void startWeb() throws IOException {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", this::serve);
        web.start();
        webPort = web.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Path f = webRoot.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            if (!f.startsWith(webRoot) || !Files.isRegularFile(f)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] all = Files.readAllBytes(f);
            String range = ex.getRequestHeaders().getFirst("Range");
            int from = 0;
            int to = all.length - 1;
            int status = 200;
            if (range != null && range.startsWith("bytes=")) {
                String[] p = range.substring(6).split("-");
                from = Integer.parseInt(p[0]);
                to = Math.min(to, p.length > 1 && !p[1].isEmpty() ? Integer.parseInt(p[1]) : to);
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + all.length);
            }
            int length = Math.max(0, to - from + 1);
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().add("Content-Length", Integer.toString(all.length));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(status, length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(all, from, length);
            }
        }
    }

    /** Makes an ISO 9660 image with volume label {@code label} at {@code webRoot/name}. */
    void iso(String name, String label) throws Exception {
        Path content = Files.createDirectories(dir.resolve("iso-" + label));
        Files.writeString(content.resolve("README"), "test image " + label + "\n");
        Path target = webRoot.resolve(name);
        Files.createDirectories(target.getParent());
        run(List.of("xorriso", "-as", "mkisofs", "-quiet", "-V", label, "-o", target.toString(), content.toString()));
    }

    // ---- pushing images with jib-core -------------------------------------------------------------------------

    RegistryClient client(String repository) throws Exception {
        FailoverHttpClient http = TrustedHttpClients.of(
                SiteTrust.parse(Files.readString(caPem), false).sslContext(), e -> { });
        RegistryClient c = RegistryClient.factory(EventHandlers.NONE, "localhost:" + port, repository, http)
                .setCredential(Credential.from(USER, PASSWORD)).newRegistryClient();
        if (!c.doPushBearerAuth()) {
            c.configureBasicAuth();
        }
        return c;
    }

    /** Pushes a blob; returns its digest. */
    static String pushBlob(RegistryClient c, byte[] data) throws Exception {
        DescriptorDigest d = DescriptorDigest.fromHash(sha256(data));
        c.pushBlob(d, Blobs.from(new ByteArrayInputStream(data)), null, n -> { });
        return d.toString();
    }

    /**
     * Pushes a single-architecture image: a config with {@code labels}, one gzip layer of {@code files};
     * returns the manifest's digest. {@code tag} may be null (pushed by digest).
     */
    String pushImage(String repository, String tag, String arch, Map<String, String> labels, Map<String, String> files)
            throws Exception {
        RegistryClient c = client(repository);
        byte[] layer = targz(files);
        String layerDigest = pushBlob(c, layer);
        StringBuilder l = new StringBuilder();
        labels.forEach((k, v) -> l.append(l.length() == 0 ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Labels\":{" + l
                + "}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        String configDigest = pushBlob(c, config);
        V22ManifestTemplate m = new V22ManifestTemplate();
        m.setContainerConfiguration(config.length, DescriptorDigest.fromDigest(configDigest));
        m.addLayer(layer.length, DescriptorDigest.fromDigest(layerDigest));
        return push(c, m, tag);
    }

    /** Pushes a manifest list of {@code arch → manifest digest} (already pushed to the repository). */
    String pushIndex(String repository, String tag, Map<String, String> byArch) throws Exception {
        RegistryClient c = client(repository);
        V22ManifestListTemplate list = new V22ManifestListTemplate();
        for (Map.Entry<String, String> e : byArch.entrySet()) {
            V22ManifestListTemplate.ManifestDescriptorTemplate d = new V22ManifestListTemplate.ManifestDescriptorTemplate();
            d.setDigest(e.getValue());
            d.setMediaType(V22ManifestTemplate.MANIFEST_MEDIA_TYPE);
            d.setSize(c.pullManifest(e.getValue()).getManifest() == null ? 0 : manifestSize(c, e.getValue()));
            d.setPlatform(e.getKey(), "linux");
            list.addManifest(d);
        }
        return push(c, list, tag);
    }

    private static long manifestSize(RegistryClient c, String digest) throws Exception {
        return Blobs.writeToByteArray(Blobs.from(c.pullManifest(digest).getManifest())).length;
    }

    private static String push(RegistryClient c, ManifestTemplate m, String tag) throws Exception {
        byte[] body = Blobs.writeToByteArray(Blobs.from(m));
        String digest = "sha256:" + sha256(body);
        c.pushManifest(m, tag == null ? digest : tag);
        return digest;
    }

    static byte[] targz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    private void sh(String command) throws Exception {
        run(List.of("bash", "-c", command));
    }

    private void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish in 60 s");
        }
        assertEquals(0, p.exitValue(), command + " failed: " + output);
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path jdk = Path.of(System.getProperty("java.home"), "bin", tool);
        return Files.isExecutable(jdk) ? jdk : null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop(0);
        }
        for (Process p : registries) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
