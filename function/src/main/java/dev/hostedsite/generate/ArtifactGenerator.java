package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Canonical;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.krm.ResourceList;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Files for the operator to use by hand, never applied: the oc-mirror v2 ImageSetConfiguration, DNS
 * records and the web server's RHCOS download list. They travel as ConfigMaps marked {@code config.kubernetes.io/local-config: "true"}.
 */
public final class ArtifactGenerator {
    private ArtifactGenerator() {}

    public static List<Manifest> generate(Site site) {
        List<Manifest> out = new ArrayList<>();
        out.add(artifact(site, Names.ocMirrorArtifact(site.name()),
                Map.of("imageset-config.yaml", Yaml.write(Canonical.sorted(imageSetConfiguration(site))))));
        if (site.clusters().stream().anyMatch(c -> c.dns() != null)) {
            out.add(artifact(site, Names.dnsArtifact(site.name()),
                    Map.of("dnsmasq.conf", dnsmasq(site), "records.zone", zone(site))));
        }
        if (!site.hub().osImages().downloads().isEmpty()) {
            out.add(artifact(site, Names.rhcosArtifact(site.name()), Map.of(RHCOS_DOWNLOADS, rhcosDownloads(site))));
        }
        return out;
    }

    /** The web server's download list: the file name under {@code artifacts/<site>/}. */
    public static final String RHCOS_DOWNLOADS = "rhcos-downloads.txt";

    /**
     * The RHCOS files the web server must hold, from the coreos stream metadata: one line per file,
     * {@code SOURCE-URL SHA256 FILE} (FILE relative to the web root that {@code osImages.webServer} serves), with
     * the commands that download and check them in the header.
     */
    static String rhcosDownloads(Site site) {
        Hub.OsImages os = site.hub().osImages();
        StringBuilder b = new StringBuilder("# RHCOS files for the web server of HostedSite ").append(site.name())
                .append(" (").append(os.webServer()).append("),\n# from the coreos stream metadata"
                        + " (openshift-install coreos print-stream-json). On a connected machine, in the directory"
                        + " the web server\n# serves as ").append(os.webServer()).append(":\n"
                        + "#   grep -v '^#' rhcos-downloads.txt | while read -r url sum file; do curl -fL --create-dirs"
                        + " -o \"$file\" \"$url\"; done\n"
                        + "#   grep -v '^#' rhcos-downloads.txt | awk '{print $2 \"  \" $3}' | sha256sum -c\n"
                        + "# then check the web server with: hostedsite preflight SITE\n"
                        + "# SOURCE-URL SHA256 FILE\n");
        for (Hub.Download d : os.downloads()) {
            b.append(d.source()).append(' ').append(d.sha256()).append(' ').append(d.file()).append('\n');
        }
        return b.toString();
    }

    private static Manifest artifact(Site site, String name, Map<String, String> files) {
        ObjectNode cm = Core.configMap(null, name, null, files);
        cm.with("metadata").putObject("annotations").put(ResourceList.LOCAL_CONFIG, "true");
        return new Manifest(cm, site.name(), true);
    }

    /** The payload architecture oc-mirror mirrors when the ImageSetConfiguration names none. */
    static final String DEFAULT_MIRROR_ARCH = "amd64";

    /** oc-mirror rejects unknown fields, so the document has no metadata. */
    static ObjectNode imageSetConfiguration(Site site) {
        ObjectNode isc = Yaml.object();
        isc.put("apiVersion", "mirror.openshift.io/v2alpha1");
        isc.put("kind", "ImageSetConfiguration");
        ObjectNode mirror = isc.putObject("mirror");
        TreeSet<String> versions = new TreeSet<>();
        TreeSet<String> architectures = new TreeSet<>();
        for (Cluster c : site.clusters()) {
            List<Cluster.Release> releases = new ArrayList<>(List.of(c.release()));
            c.nodePools().stream().filter(p -> p.release() != null).forEach(p -> releases.add(p.release()));
            for (Cluster.Release r : releases) {
                if (r.version() != null) {
                    versions.add(r.version());
                }
            }
            c.nodePools().forEach(p -> {
                String declared = c.releaseOf(p).architecture();
                architectures.add(declared != null ? declared : p.arch());
            });
        }
        if (!versions.isEmpty()) {
            ObjectNode platform = mirror.putObject("platform");
            if (!architectures.equals(new TreeSet<>(List.of(DEFAULT_MIRROR_ARCH)))) {
                // oc-mirror v2 platform.architectures (default amd64): multi mirrors the multi-architecture payload.
                architectures.forEach(platform.withArray("architectures")::add);
            }
            ArrayNode channels = platform.putArray("channels");
            for (String v : versions) {
                String[] p = v.split("\\.");
                channels.addObject().put("name", "stable-" + p[0] + "." + p[1])
                        .put("minVersion", v).put("maxVersion", v).put("type", "ocp");
            }
            platform.put("graph", true);
        }
        if (!site.hub().catalogs().isEmpty()) {
            List<Hub.Operator> subscribed = HubOperatorDefaults.effective(site.hub());
            ArrayNode operators = mirror.putArray("operators");
            for (Hub.Catalog cat : site.hub().catalogs()) {
                ObjectNode op = operators.addObject().put("catalog", cat.source());
                ArrayNode pkgs = op.putArray("packages");
                for (String p : cat.packages()) {
                    ObjectNode pkg = pkgs.addObject().put("name", p);
                    TreeSet<String> channels = new TreeSet<>();
                    subscribed.stream().filter(o -> o.pkg().equals(p) && o.catalog().equals(cat.name())
                            && o.channel() != null).forEach(o -> channels.add(o.channel()));
                    // oc-mirror v2 mirrors only the default channel's head of a package without channels: the
                    // channel a Subscription pins must be listed, or the mirrored catalog cannot resolve it.
                    channels.forEach(ch -> pkg.withArray("channels").addObject().put("name", ch));
                }
            }
        }
        if (site.hub().mirrorsRepository(BuildInfo.imageRepository())) {
            // Only when a hub.mirrors source says where the function's image is mirrored from: an unpublished
            // image in the list would make oc-mirror fail.
            mirror.putArray("additionalImages").addObject().put("name", BuildInfo.image());
        }
        return isc;
    }

    static String dnsmasq(Site site) {
        StringBuilder b = new StringBuilder("# dnsmasq records for HostedSite ").append(site.name()).append('\n');
        for (Cluster c : site.clusters()) {
            if (c.dns() == null) {
                continue;
            }
            String domain = c.name() + "." + site.baseDomain();
            b.append("# cluster ").append(c.namespace()).append('/').append(c.name()).append('\n');
            for (String name : List.of("api.", "api-int.")) {
                for (String ip : c.dns().apiAddresses()) {
                    b.append("host-record=").append(name).append(domain).append(',').append(ip).append('\n');
                }
            }
            for (String ip : c.dns().ingressAddresses()) {
                b.append("address=/apps.").append(domain).append('/').append(ip).append('\n');
            }
        }
        return b.toString();
    }

    static String zone(Site site) {
        StringBuilder b = new StringBuilder("; zone records for HostedSite ").append(site.name()).append('\n');
        for (Cluster c : site.clusters()) {
            if (c.dns() == null) {
                continue;
            }
            String domain = c.name() + "." + site.baseDomain() + ".";
            b.append("; cluster ").append(c.namespace()).append('/').append(c.name()).append('\n');
            for (String name : List.of("api.", "api-int.")) {
                for (String ip : c.dns().apiAddresses()) {
                    record(b, name + domain, ip);
                }
            }
            for (String ip : c.dns().ingressAddresses()) {
                record(b, "*.apps." + domain, ip);
            }
        }
        return b.toString();
    }

    private static void record(StringBuilder b, String name, String ip) {
        b.append(name).append("\tIN\t").append(isIpv6(ip) ? "AAAA" : "A").append('\t').append(ip).append('\n');
    }

    /** Addresses are validated as IP literals before generation, so no name lookup happens here. */
    static boolean isIpv6(String ip) {
        return ip.contains(":");
    }
}
