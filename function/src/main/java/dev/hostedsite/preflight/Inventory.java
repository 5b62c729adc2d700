package dev.hostedsite.preflight;

import dev.hostedsite.input.PullableImages;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a preflight checks for one site: every image reference {@link PullableImages#written} lists (the same
 * set the render writes into applied objects), each resolved to where the hub pulls it with
 * {@link PullableImages#pulledFrom} (IDMS digest mirrors, ITMS tag mirrors, most specific source), and every
 * osImages ISO and rootfs URL, built as the AgentServiceConfig's {@code osImages[].url}/{@code rootFSUrl}
 * ({@code webServer} + "/" + file, as {@code HubGenerator} writes them).
 *
 * <p>Operator bundle and operand images are not listed: the site names only packages, and which images they pull
 * is known once the catalog is read on the hub.
 */
public final class Inventory {
    private Inventory() {}

    /** The items of {@code site}, in field order. */
    public static List<Item> of(Site site) {
        List<Item> out = new ArrayList<>();
        Hub hub = site.hub();
        String isc = "artifacts/" + site.name() + "/imageset-config.yaml";
        for (PullableImages.WrittenImage w : PullableImages.written(site)) {
            Optional<ImageReference> ref = ImageReference.parse(w.image());
            if (ref.isEmpty()) {
                continue; // validate refuses such a site before preflight runs
            }
            ImageReference pulled = PullableImages.pulledFrom(hub, ref.get()).orElse(ref.get());
            out.add(image(site, w.path(), ref.get(), pulled, isc));
        }
        List<Hub.OsImage> images = hub.osImages().images();
        String base = hub.osImages().webServer().replaceAll("/+$", "");
        for (int i = 0; i < images.size(); i++) {
            Hub.OsImage o = images.get(i);
            String at = "spec.hub.osImages.images[" + i + "]";
            out.add(new Item.File(at + ".iso", Item.FileRole.ISO, base + "/" + o.iso(), o.version(),
                    sha256(hub, at + ".iso"), download("live ISO", "iso.disk", o, base, site)));
            if (o.rootfs() != null) {
                out.add(new Item.File(at + ".rootfs", Item.FileRole.ROOTFS, base + "/" + o.rootfs(), o.version(),
                        sha256(hub, at + ".rootfs"), download("live rootfs", "pxe.rootfs", o, base, site)));
            }
        }
        return out;
    }

    private static Item.Image image(Site site, String field, ImageReference ref, ImageReference pulled, String isc) {
        String via = pulled.equals(ref) ? "" : " (the hub pulls it as " + pulled + ", through spec.hub.mirrors)";
        for (int ci = 0; ci < site.clusters().size(); ci++) {
            Cluster c = site.clusters().get(ci);
            if (field.equals(c.path() + ".release.image")) {
                Set<String> arches = new TreeSet<>();
                c.nodePools().forEach(p -> arches.add(p.arch()));
                return release(field, ref, pulled, arches, c.release(), isc, via);
            }
            if (field.equals(c.path() + ".release.controlPlaneOperatorImage")) {
                return new Item.Image(field, Item.Role.CONTROL_PLANE_OPERATOR, ref, pulled, Set.of(), null, null,
                        "it is the hypershift image of release " + orUnknown(c.release().version()) + ": mirror that"
                                + " release with oc-mirror (" + isc + "), or set the field to the hypershift image the"
                                + " release names (oc adm release info --image-for hypershift)" + via);
            }
            for (Cluster.NodePool p : c.nodePools()) {
                if (field.equals(p.path() + ".release.image")) {
                    return release(field, ref, pulled, Set.of(p.arch()), p.release(), isc, via);
                }
            }
            for (Map.Entry<String, String> e : c.olmCatalogImages().entrySet()) {
                if (field.equals(c.path() + ".olmCatalogImages." + e.getKey())) {
                    return new Item.Image(field, Item.Role.OLM_CATALOG, ref, pulled, Set.of(), null, null,
                            "mirror the " + e.getKey() + " catalog image with oc-mirror (add it to mirror.additionalImages"
                                    + " of " + isc + ")" + via);
                }
            }
        }
        List<Hub.Catalog> catalogs = site.hub().catalogs();
        for (int i = 0; i < catalogs.size(); i++) {
            if (field.equals("spec.hub.catalogs[" + i + "].image")) {
                Hub.Catalog cat = catalogs.get(i);
                return new Item.Image(field, Item.Role.CATALOG, ref, pulled, Set.of(), null, null,
                        "mirror catalog " + cat.source() + " with oc-mirror (" + isc + " lists it under"
                                + " mirror.operators with packages " + cat.packages() + ") and push the index as "
                                + ref + via);
            }
        }
        throw new IllegalStateException("PullableImages.written gave a field Inventory does not know: " + field);
    }

    private static Item.Image release(String field, ImageReference ref, ImageReference pulled, Set<String> arches,
                                      Cluster.Release r, String isc, String via) {
        String multi = arches.size() > 1 || Cluster.Release.MULTI.equals(r.architecture()) ? " (the multi payload,"
                + " platform.architectures: [multi])" : " (" + String.join(", ", arches) + ")";
        return new Item.Image(field, Item.Role.RELEASE, ref, pulled, Set.copyOf(arches), r.version(),
                r.controlPlaneOperatorImage(), "mirror release " + orUnknown(r.version()) + multi + " with oc-mirror: "
                + isc + " names its channel with minVersion and maxVersion " + orUnknown(r.version()) + via);
    }

    /** The checksum the coreos stream gives for the file of {@code field}, or null without a stream. */
    private static String sha256(Hub hub, String field) {
        return hub.osImages().downloads().stream().filter(d -> d.path().equals(field)).map(Hub.Download::sha256)
                .findFirst().orElse(null);
    }

    private static String download(String what, String format, Hub.OsImage o, String base, Site site) {
        String arch = o.cpuArchitecture();
        String list = site.hub().osImages().downloads().isEmpty() ? "" : " (artifacts/" + site.name() + "/"
                + dev.hostedsite.generate.ArtifactGenerator.RHCOS_DOWNLOADS + " lists it with its checksum)";
        return "download the RHCOS " + o.version() + " " + what + " for " + arch + " (openshift-install coreos"
                + " print-stream-json: architectures." + arch + ".artifacts.metal.formats." + format + ") into the web"
                + " server so that " + base + "/" + (format.equals("iso.disk") ? o.iso() : o.rootfs()) + " serves it"
                + list;
    }

    private static String orUnknown(String version) {
        return version == null ? "(version not declared)" : version;
    }
}
