package dev.hostedsite.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * Reads what preflight needs from the web server that serves RHCOS images: a file's size ({@code HEAD}) and the
 * ISO 9660 primary volume descriptor ({@code GET} with {@code Range: bytes=32768-34815}). No redirects are followed,
 * so nothing but the URL the site names is contacted.
 *
 * <p>ISO 9660 (ECMA-119, 8.4): the system area is logical sectors 0-15 of 2048 bytes, so the first volume
 * descriptor starts at byte 32768; a primary volume descriptor has type 1 at byte 0, the standard identifier
 * {@code CD001} at bytes 1-5, and the 32-byte volume identifier at bytes 40-71, padded with spaces. RHCOS live ISOs
 * carry {@code rhcos-<version>} there (coreos-assembler sets the volume ID from the build name and version).
 */
final class WebServer {
    static final long PVD_OFFSET = 16 * 2048L;
    static final int PVD_LENGTH = 2048;

    /** A response status other than success. */
    static final class Status extends IOException {
        final int code;

        Status(int code) {
            super("HTTP " + code);
            this.code = code;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    WebServer(SSLContext trust, Duration timeout) {
        this.client = HttpClient.newBuilder().sslContext(trust).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** The file's size from {@code Content-Length}; empty when the server gives none. */
    OptionalLong size(String url) throws IOException, InterruptedException {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new Status(r.statusCode());
        }
        return r.headers().firstValueAsLong("content-length");
    }

    /** The ISO 9660 volume identifier, trimmed; null when the bytes at 32768 are no primary volume descriptor. */
    String volumeLabel(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Range", "bytes=" + PVD_OFFSET + "-" + (PVD_OFFSET + PVD_LENGTH - 1)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() == 200) {
                in.skipNBytes(PVD_OFFSET); // a server without Range support sends the whole file: read only the sector
            } else if (r.statusCode() != 206) {
                throw new Status(r.statusCode());
            }
            byte[] pvd = in.readNBytes(PVD_LENGTH);
            return volumeIdentifier(pvd);
        }
    }

    /** The sha256 (lower-case hex) of the whole file, read as a stream (the file is not kept). */
    String sha256(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new Status(r.statusCode());
            }
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The volume identifier of a primary volume descriptor sector, or null when it is none. */
    static String volumeIdentifier(byte[] sector) {
        if (sector.length < 72 || sector[0] != 1
                || !new String(sector, 1, 5, StandardCharsets.US_ASCII).equals("CD001")) {
            return null;
        }
        return new String(sector, 40, 32, StandardCharsets.US_ASCII).trim();
    }
}
