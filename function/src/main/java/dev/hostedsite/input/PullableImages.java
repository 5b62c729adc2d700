package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images a disconnected hub can pull. Every image reference the render writes into an applied object must be on
 * the mirror registry ({@code spec.hub.registry} host and port) or lie under a {@code spec.hub.mirrors[].source}
 * that serves it: any source for a reference by digest (the ImageDigestMirrorSet has every source), a
 * {@code tags: true} source for a reference by tag (only those go into the ImageTagMirrorSet).
 *
 * <p>Of several sources that cover an image, only the most specific one applies: containers-registries.conf(5)
 * uses the {@code [[registry]]} table with the longest matching prefix (containers/image
 * {@code docs/containers-registries.conf.5.md}, "Choosing a [[registry]] TOML table"), and openshift/api
 * {@code config/v1/types_image_digest_mirror_set.go} says the same of mirror sets ("only the objects which define
 * the most specific namespace match will be used"). So a tag reference under a digest-only
 * {@code quay.io/org/repo} is not served by a {@code tags: true} {@code quay.io/org}.
 *
 * <p>The images checked are those {@link #written} lists; the catalogs' {@code source} is not among them: oc-mirror
 * pulls it on the connected side. Findings name the field, the value and what to do.
 */
public final class PullableImages {

    /** An image reference the render writes, and the HostedSite field it comes from. */
    public record WrittenImage(String path, String image) {}

    private PullableImages() {}

    /** Every image reference of a site that the render writes into an object the hub applies. */
    public static List<WrittenImage> written(Site site) {
        List<WrittenImage> out = new ArrayList<>();
        List<Hub.Catalog> catalogs = site.hub().catalogs();
        for (int i = 0; i < catalogs.size(); i++) {
            out.add(new WrittenImage("spec.hub.catalogs[" + i + "].image", catalogs.get(i).image()));
        }
        for (Cluster c : site.clusters()) {
            out.add(new WrittenImage(c.path() + ".release.image", c.release().image()));
            if (c.release().controlPlaneOperatorImage() != null) {
                out.add(new WrittenImage(c.path() + ".release.controlPlaneOperatorImage",
                        c.release().controlPlaneOperatorImage()));
            }
            for (Cluster.NodePool np : c.nodePools()) {
                if (np.release() != null) {
                    out.add(new WrittenImage(np.path() + ".release.image", np.release().image()));
                }
            }
            for (Map.Entry<String, String> e : c.olmCatalogImages().entrySet()) {
                out.add(new WrittenImage(c.path() + ".olmCatalogImages." + e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** Errors for each written image of each site that the hub could not pull. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (WrittenImage w : written(site)) {
                problem(site.hub(), w).ifPresent(msg -> out.add(Diagnostic.error(site.ref(), w.path(), msg)
                        .withValue(w.image()).withFile(site.file())));
            }
            List<Hub.Catalog> catalogs = site.hub().catalogs();
            for (int i = 0; i < catalogs.size(); i++) {
                if (ImageReference.parse(catalogs.get(i).source()).isEmpty()) {
                    out.add(Diagnostic.error(site.ref(), "spec.hub.catalogs[" + i + "].source", notAReference())
                            .withValue(catalogs.get(i).source()).withFile(site.file()));
                }
            }
        }
        return out;
    }

    /** Why the hub could not pull {@code w}, if it could not. */
    static Optional<String> problem(Hub hub, WrittenImage w) {
        Optional<ImageReference> parsed = ImageReference.parse(w.image());
        if (parsed.isEmpty()) {
            return Optional.of(notAReference());
        }
        ImageReference ref = parsed.get();
        String registry = hub.registry().address();
        if (ref.registry().equals(registry)) {
            return Optional.empty();
        }
        Optional<Indexed> mirror = servingSource(hub, ref);
        String onRegistry = registry + "/" + ref.path() + (ref.byDigest() ? "@" + ref.digest() : ":" + ref.tag());
        if (mirror.isEmpty()) {
            return Optional.of("a disconnected hub cannot pull " + ref + ": it is not on the mirror registry "
                    + registry + " and no spec.hub.mirrors[].source covers " + ref.repository() + ". Point the field"
                    + " at the mirror registry (e.g. " + onRegistry + "), or add a mirror whose source is "
                    + ref.namespace() + " or a prefix of it" + (ref.byDigest() ? "" : ", with tags: true because the"
                    + " image is referenced by tag") + ".");
        }
        if (!ref.byDigest() && !mirror.get().mirror().tags()) {
            return Optional.of("a disconnected hub cannot pull " + ref + ": it is referenced by tag, and the mirror"
                    + " that covers it, spec.hub.mirrors[" + mirror.get().index() + "] (source "
                    + mirror.get().mirror().source() + "), is digest-only: an ImageDigestMirrorSet redirects pulls by"
                    + " digest only. Reference the image by digest, point the field at the mirror registry (e.g. "
                    + onRegistry + "), or set tags: true on that mirror (an ImageTagMirrorSet, which reboots the"
                    + " hub's nodes when applied).");
        }
        for (String location : mirror.get().mirror().mirrors()) {
            if (ref.moved(mirror.get().mirror().source(), location).isEmpty()) {
                return Optional.of("a disconnected hub cannot pull " + ref + ": spec.hub.mirrors["
                        + mirror.get().index() + "] sends it to " + location + ", which leaves no repository path."
                        + " Give that mirror the repository path the images were mirrored to (e.g. " + location + "/"
                        + ref.path() + ").");
            }
        }
        return Optional.empty();
    }

    private static String notAReference() {
        return "not a fully qualified image reference: write registry host[:port]/repository path with :tag or"
                + " @sha256:digest, in lower case after the registry (e.g."
                + " registry.example.krnl.es:5000/redhat/redhat-operator-index:v4.19); a name without a registry host"
                + " would be looked up on docker.io.";
    }

    private record Indexed(int index, Hub.Mirror mirror) {}

    /** The most specific mirror source that covers {@code ref}, the only one whose mirrors apply to it. */
    private static Optional<Indexed> servingSource(Hub hub, ImageReference ref) {
        List<Indexed> covering = new ArrayList<>();
        for (int i = 0; i < hub.mirrors().size(); i++) {
            if (ref.under(hub.mirrors().get(i).source())) {
                covering.add(new Indexed(i, hub.mirrors().get(i)));
            }
        }
        return covering.stream().max(Comparator.comparingInt(m -> m.mirror().source().length()));
    }

    /**
     * Where the hub actually pulls {@code ref}: the reference itself when it is on the mirror registry, else the
     * reference rewritten to the first mirror of the source that serves it. Empty when the hub cannot pull it (a
     * site that passed {@link #check} never gives such a reference).
     */
    public static Optional<ImageReference> pulledFrom(Hub hub, ImageReference ref) {
        if (ref.registry().equals(hub.registry().address())) {
            return Optional.of(ref);
        }
        return servingSource(hub, ref).filter(m -> ref.byDigest() || m.mirror().tags())
                .flatMap(m -> ref.moved(m.mirror().source(), m.mirror().mirrors().get(0)));
    }
}
