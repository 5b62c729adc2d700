package dev.hostedsite.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostedsite.input.PullableImages;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The checks of one {@link Item}, each giving {@link Outcome}s: one per thing checked, in a fixed order.
 *
 * <p>Release payloads are read the way HyperShift reads them (openshift/hypershift
 * {@code support/releaseinfo/registryclient_provider.go}, {@code ReleaseImageStreamFile =
 * "release-manifests/image-references"}; {@code releaseinfo.go} {@code Version()} is that ImageStream's name, and
 * its {@code hypershift} tag is the control-plane-operator image): the image-references file is looked for in the
 * layers from the last to the first. The payload's version label is {@code io.openshift.release}, which
 * {@code oc adm release new} sets on the payload image (openshift/oc {@code pkg/cli/admin/release/new.go}).
 */
final class Checks {
    static final String VERSION_LABEL = "io.openshift.release";
    static final String IMAGE_REFERENCES = "release-manifests/image-references";
    static final String HYPERSHIFT_TAG = "hypershift";
    /** Largest config blob read (bytes); payload configs are a few kB. */
    static final long MAX_CONFIG = 1 << 20;
    /** Largest layer read while looking for image-references (bytes); the release-manifests layer is a few MB. */
    static final long MAX_LAYER = 64L << 20;

    private final Hub hub;
    private final MirrorRegistry registry;
    private final WebServer web;
    private final ObjectMapper json = new ObjectMapper();

    Checks(Hub hub, MirrorRegistry registry, WebServer web) {
        this.hub = hub;
        this.registry = registry;
        this.web = web;
    }

    List<Outcome> run(Item item) {
        if (item instanceof Item.Trust t) {
            return trust(t);
        }
        return item instanceof Item.Image i ? image(i) : file((Item.File) item);
    }

    private static List<Outcome> trust(Item.Trust t) {
        java.time.Instant now = java.time.Instant.now();
        List<Outcome> out = new ArrayList<>();
        for (java.security.cert.X509Certificate c : t.bundle().outOfDate(now)) {
            out.add(new Outcome(t, "ca bundle", Outcome.Status.MISMATCH, c.getSubjectX500Principal().getName(),
                    "valid from " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ", not now: the"
                            + " hub's nodes refuse the mirror's certificate chain through it", t.fix()));
        }
        if (out.isEmpty()) {
            java.time.Instant until = t.bundle().certificates().stream().map(c -> c.getNotAfter().toInstant())
                    .min(java.util.Comparator.naturalOrder()).orElse(now);
            out.add(Outcome.present(t, "ca bundle", t.bundle().certificates().size() + " certificate(s)",
                    "valid until " + until));
        }
        return out;
    }

    private List<Outcome> image(Item.Image item) {
        List<Outcome> out = new ArrayList<>();
        String subject = item.pulled().toString();
        MirrorRegistry.Manifest m;
        try {
            m = registry.manifest(item.pulled());
        } catch (MirrorRegistry.Failure f) {
            out.add(failed(item, "manifest", subject, f.problem));
            return out;
        }
        out.add(Outcome.present(item, "manifest", subject, (m.index() ? "image index of " + m.entries().size()
                + " manifests" : "image manifest") + ", " + m.digest()));
        if (item.role() == Item.Role.RELEASE) {
            release(item, m, out);
        }
        return out;
    }

    private void release(Item.Image item, MirrorRegistry.Manifest m, List<Outcome> out) {
        String subject = item.pulled().toString();
        try {
            MirrorRegistry.Manifest image = m;
            Set<String> platforms = new TreeSet<>();
            if (m.index()) {
                MirrorRegistry.Entry chosen = null;
                for (MirrorRegistry.Entry e : m.entries()) {
                    if (e.architecture() != null && !"unknown".equals(e.architecture())) {
                        platforms.add(e.architecture());
                        // read the metadata from the amd64 member, else the first (all members name the same images)
                        if (chosen == null || "amd64".equals(e.architecture()) && !"amd64".equals(chosen.architecture())) {
                            chosen = e;
                        }
                    }
                }
                if (chosen == null) {
                    out.add(new Outcome(item, "platforms", Outcome.Status.MISMATCH, subject,
                            "the image index names no platform", item.fix()));
                    return;
                }
                image = registry.manifest(item.pulled(), chosen.digest());
            }
            JsonNode config = json.readTree(registry.blob(item.pulled(), image.config(), MAX_CONFIG));
            if (!m.index()) {
                platforms.add(config.path("architecture").asText("unknown"));
            }
            Set<String> lacking = new TreeSet<>(item.arches());
            lacking.removeAll(platforms);
            if (lacking.isEmpty()) {
                out.add(Outcome.present(item, "platforms", subject, "carries " + platforms + ", the pools need "
                        + new TreeSet<>(item.arches())));
            } else {
                out.add(new Outcome(item, "platforms", Outcome.Status.MISMATCH, subject, "the payload carries "
                        + platforms + " but the node pools need " + new TreeSet<>(item.arches()) + (item.arches().size() > 1
                        ? ": a cluster with pools of several architectures needs the multi-architecture payload" : ""),
                        item.fix()));
            }
            JsonNode stream = imageReferences(item.pulled(), image);
            String label = config.path("config").path("Labels").path(VERSION_LABEL).asText(null);
            String named = stream == null ? null : stream.path("metadata").path("name").asText(null);
            String found = label != null ? label : named;
            if (item.version() == null) {
                out.add(Outcome.present(item, "version", subject, "release.version is not declared; the payload is "
                        + (found == null ? "of an unknown version" : found)));
            } else if (item.version().equals(found) && (named == null || named.equals(found))) {
                out.add(Outcome.present(item, "version", subject, VERSION_LABEL + "=" + found));
            } else {
                out.add(new Outcome(item, "version", Outcome.Status.MISMATCH, subject, "the payload is "
                        + (found == null ? "of no version (no " + VERSION_LABEL + " label)" : found
                        + (named != null && !named.equals(found) ? " (image-references names " + named + ")" : ""))
                        + ", not the declared release.version " + item.version(), "point the image at the "
                        + item.version() + " payload, or correct release.version; then " + item.fix()));
            }
            hypershift(item, stream, out);
        } catch (MirrorRegistry.Failure f) {
            out.add(failed(item, "payload", subject, f.problem));
        } catch (IOException e) {
            out.add(new Outcome(item, "payload", Outcome.Status.MISMATCH, subject,
                    "the payload's config or layers do not read: " + e.getMessage(), item.fix()));
        }
    }

    private void hypershift(Item.Image item, JsonNode stream, List<Outcome> out) {
        String subject = item.pulled().toString();
        String named = null;
        if (stream != null) {
            for (JsonNode tag : stream.path("spec").path("tags")) {
                if (HYPERSHIFT_TAG.equals(tag.path("name").asText())) {
                    named = tag.path("from").path("name").asText(null);
                }
            }
        }
        Optional<ImageReference> ref = ImageReference.parse(named);
        if (ref.isEmpty()) {
            out.add(new Outcome(item, "hypershift image", Outcome.Status.MISMATCH, subject, stream == null
                    ? "no " + IMAGE_REFERENCES + " in the payload's layers: it is no release payload"
                    : IMAGE_REFERENCES + " names no hypershift image", item.fix()));
            return;
        }
        Optional<ImageReference> pulled = PullableImages.pulledFrom(hub, ref.get());
        if (pulled.isEmpty()) {
            out.add(new Outcome(item, "hypershift image", Outcome.Status.MISSING, ref.get().toString(),
                    "the hub cannot pull it: no spec.hub.mirrors[] source covers " + ref.get().repository(),
                    "add a mirror for " + ref.get().namespace() + " (oc-mirror prints the mirror set), then "
                            + item.fix()));
            return;
        }
        try {
            registry.manifest(pulled.get());
        } catch (MirrorRegistry.Failure f) {
            out.add(failed(item, "hypershift image", pulled.get().toString(), f.problem));
            return;
        }
        String cpo = item.controlPlaneOperatorImage();
        String digest = ref.get().digest();
        if (cpo == null) {
            out.add(Outcome.present(item, "hypershift image", pulled.get().toString(), "the release's hypershift image"
                    + " is " + ref.get() + " (set controlPlaneOperatorImage: " + ref.get() + " to pin it)"));
        } else if (digest != null && ImageReference.parse(cpo).map(c -> digest.equals(c.digest())).orElse(false)) {
            out.add(Outcome.present(item, "hypershift image", pulled.get().toString(),
                    "equals release.controlPlaneOperatorImage"));
        } else {
            out.add(new Outcome(item, "hypershift image", Outcome.Status.MISMATCH, pulled.get().toString(),
                    "release.controlPlaneOperatorImage is " + cpo + ", but the release's hypershift image is " + ref.get(),
                    "set release.controlPlaneOperatorImage: " + ref.get() + " (or remove it: HyperShift then uses"
                            + " the release's)"));
        }
    }

    /** The image-references ImageStream of a payload image, from its last layer that holds it; null when none. */
    private JsonNode imageReferences(ImageReference ref, MirrorRegistry.Manifest image)
            throws MirrorRegistry.Failure, IOException {
        for (int i = image.layers().size() - 1; i >= 0; i--) {
            byte[] layer = registry.blob(ref, image.layers().get(i), MAX_LAYER);
            InputStream in = new ByteArrayInputStream(layer);
            if (layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
                in = new GZIPInputStream(in);
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    String name = e.getName().replaceFirst("^\\./", "");
                    if (name.equals(IMAGE_REFERENCES)) {
                        return json.readTree(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return null;
    }

    private List<Outcome> file(Item.File item) {
        List<Outcome> out = new ArrayList<>();
        String server = java.net.URI.create(item.url()).getAuthority();
        try {
            OptionalLong size = web.size(item.url());
            if (size.isEmpty()) {
                out.add(new Outcome(item, "file", Outcome.Status.MISMATCH, item.url(), "the server gives no size"
                        + " (Content-Length) for it", item.fix()));
                return out;
            }
            out.add(Outcome.present(item, "file", item.url(), size.getAsLong() + " bytes"));
            if (item.sha256() != null) {
                String sum = web.sha256(item.url());
                out.add(sum.equals(item.sha256())
                        ? Outcome.present(item, "checksum", item.url(), "sha256 " + sum + " as the coreos stream gives")
                        : new Outcome(item, "checksum", Outcome.Status.MISMATCH, item.url(), "sha256 " + sum
                                + ", not the " + item.sha256() + " the coreos stream gives: a partial or other file",
                                item.fix()));
            }
            if (item.role() == Item.FileRole.ISO) {
                String label = web.volumeLabel(item.url());
                if (label != null && item.version() != null && label.contains(item.version())) {
                    out.add(Outcome.present(item, "volume label", item.url(), "ISO 9660 volume label " + label));
                } else {
                    out.add(new Outcome(item, "volume label", Outcome.Status.MISMATCH, item.url(), label == null
                            ? "no ISO 9660 primary volume descriptor at byte " + WebServer.PVD_OFFSET + ": not an ISO"
                            : "ISO 9660 volume label " + label + " does not name the declared version " + item.version(),
                            item.fix()));
                }
            }
        } catch (WebServer.Status s) {
            Outcome.Status status = s.code == 404 || s.code == 410 ? Outcome.Status.MISSING
                    : s.code == 401 || s.code == 403 ? Outcome.Status.UNAUTHORIZED : Outcome.Status.UNREACHABLE;
            out.add(new Outcome(item, "file", status, item.url(), server + " answered HTTP " + s.code, item.fix()));
        } catch (IOException e) {
            out.add(failed(item, "file", item.url(), Problem.of(e, server)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.add(new Outcome(item, "file", Outcome.Status.UNREACHABLE, item.url(), "interrupted", item.fix()));
        }
        return out;
    }

    private static Outcome failed(Item item, String check, String subject, Problem p) {
        return new Outcome(item, check, p.status(), subject, p.detail(), p.status() == Outcome.Status.MISSING
                ? item.fix() : p.status() == Outcome.Status.UNAUTHORIZED
                ? "give credentials the mirror accepts: the site's pull secret (or --authfile) needs an auths entry"
                        + " for the registry with a user and password its htpasswd knows"
                : p.status() == Outcome.Status.UNREACHABLE && p.detail().startsWith("TLS")
                ? "the certificate chain must lead to a CA in the trust given (spec.hub.registry.caBundle for the"
                        + " mirror, --web-ca for the web server), be within its validity and name the host"
                : "make the server reachable from here, then run preflight again");
    }
}
