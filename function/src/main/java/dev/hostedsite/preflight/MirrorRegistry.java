package dev.hostedsite.preflight;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.image.json.OciIndexTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestListTemplate;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.hostedsite.model.ImageReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads manifests and blobs from the mirror registry through jib-core's {@link RegistryClient} (registry API v2,
 * with its token or basic authentication), one client per repository, authenticated once. HTTPS only, with the
 * trust the {@link FailoverHttpClient} was built with.
 */
final class MirrorRegistry {
    /** An image manifest's config and layer digests, or an index's entries. */
    record Manifest(String digest, List<Entry> entries, String config, List<String> layers) {
        boolean index() {
            return entries != null;
        }
    }

    /** One entry of an image index: its platform and manifest digest. */
    record Entry(String os, String architecture, String digest) {}

    /** A registry request that failed; {@link #problem} says how. */
    static final class Failure extends Exception {
        final Problem problem;

        Failure(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }
    }

    private final FailoverHttpClient http;
    private final MirrorCredentials credentials;
    private final ConcurrentHashMap<String, RegistryClient> clients = new ConcurrentHashMap<>();

    MirrorRegistry(FailoverHttpClient http, MirrorCredentials credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** The manifest {@code ref} names (its digest when it has one, else its tag), following nothing. */
    Manifest manifest(ImageReference ref) throws Failure {
        return manifest(ref, ref.byDigest() ? ref.digest() : ref.tag());
    }

    /** The manifest {@code reference} (tag or digest) of {@code ref}'s repository. */
    Manifest manifest(ImageReference ref, String reference) throws Failure {
        try {
            ManifestAndDigest<ManifestTemplate> m = client(ref).pullManifest(reference);
            ManifestTemplate t = m.getManifest();
            String digest = m.getDigest().toString();
            if (t instanceof V22ManifestListTemplate list) {
                List<Entry> entries = new ArrayList<>();
                list.getManifests().forEach(d -> entries.add(new Entry(d.getPlatform() == null ? null : d.getPlatform().getOs(),
                        d.getPlatform() == null ? null : d.getPlatform().getArchitecture(), d.getDigest())));
                return new Manifest(digest, entries, null, null);
            }
            if (t instanceof OciIndexTemplate index) {
                List<Entry> entries = new ArrayList<>();
                index.getManifests().forEach(d -> entries.add(new Entry(d.getPlatform() == null ? null : d.getPlatform().getOs(),
                        d.getPlatform() == null ? null : d.getPlatform().getArchitecture(), d.getDigest().toString())));
                return new Manifest(digest, entries, null, null);
            }
            if (t instanceof BuildableManifestTemplate image) {
                List<String> layers = image.getLayers().stream().map(l -> l.getDigest().toString()).toList();
                return new Manifest(digest, null, image.getContainerConfiguration().getDigest().toString(), layers);
            }
            throw new Failure(new Problem(Outcome.Status.MISMATCH, "an unsupported manifest schema ("
                    + t.getClass().getSimpleName() + "): the hub needs schema 2 or OCI manifests"));
        } catch (IOException | RegistryException | RuntimeException e) {
            throw new Failure(Problem.of(e, ref.registry()));
        }
    }

    /** The blob {@code digest} of {@code ref}'s repository, at most {@code max} bytes (more is a failure). */
    byte[] blob(ImageReference ref, String digest, long max) throws Failure {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputStream bounded = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (out.size() + (long) len > max) {
                        throw new IOException("blob " + digest + " is larger than " + max + " bytes");
                    }
                    out.write(b, off, len);
                }
            };
            client(ref).pullBlob(DescriptorDigest.fromDigest(digest), size -> { }, n -> { }).writeTo(bounded);
            return out.toByteArray();
        } catch (IOException | RegistryException | java.security.DigestException | RuntimeException e) {
            throw new Failure(Problem.of(e, ref.registry()));
        }
    }

    private RegistryClient client(ImageReference ref) throws IOException, RegistryException {
        RegistryClient existing = clients.get(ref.repository());
        if (existing != null) {
            return existing;
        }
        RegistryClient.Factory factory = RegistryClient.factory(EventHandlers.NONE, ref.registry(), ref.path(), http)
                .setUserAgent("hostedsite-preflight");
        credentials.forRepository(ref.repository())
                .ifPresent(l -> factory.setCredential(Credential.from(l.user(), l.password())));
        RegistryClient client = factory.newRegistryClient();
        // Token registries (Quay, Harbor, distribution with token auth) answer /v2/ with a Bearer challenge; a
        // registry with htpasswd answers Basic, and jib then sends the credentials on each request.
        if (!client.doPullBearerAuth()) {
            client.configureBasicAuth();
        }
        RegistryClient raced = clients.putIfAbsent(ref.repository(), client);
        return raced != null ? raced : client;
    }
}
