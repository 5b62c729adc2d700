package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release rules the HostedCluster controller applies before acting: {@code validateReleaseImage}
 * ({@value Consequences#HC_CONTROLLER}) calls {@code IsValidReleaseVersion} ({@value Consequences#SUPPORTED_VERSION})
 * with the version asked for, the version the cluster runs (null for a new cluster) and the network type. When it
 * fails, the condition {@code ValidReleaseImage} turns False and the controller does nothing more with the
 * HostedCluster: the sync succeeds, but the change never happens and later changes wait behind it.
 *
 * <p>Mirrored here, for every cluster whose {@code release.version} is given (the running version is the
 * {@link ClusterGenerator#RELEASE_VERSION} annotation of the previous render's HostedCluster):
 * <ul>
 *   <li>any cluster: no release before 4.8;</li>
 *   <li>an existing cluster: no y-stream downgrade (running minor above the new one); with OpenShiftSDN, no
 *       y-stream upgrade;</li>
 *   <li>a new cluster: OpenShiftSDN only up to 4.10, OVNKubernetes only from 4.11.</li>
 * </ul>
 * 5.x counts as 4.(23+x) ({@code normalizeToV4}). The minimum and latest supported versions are left out: they
 * belong to the HyperShift operator the hub runs, which the render does not know.
 */
public final class ReleaseGuard {
    private ReleaseGuard() {}

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+).*");
    static final int V5_MINOR_OFFSET = 23;
    static final int SDN_MAX_MINOR = 10;
    static final int MIN_RELEASE_MINOR = 8;

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : t.sites()) {
            for (Cluster c : site.clusters()) {
                check(t, c, out);
            }
        }
        return out;
    }

    private static void check(Transition t, Cluster c, List<Diagnostic> out) {
        ObjectKey hc = new ObjectKey("hypershift.openshift.io", "HostedCluster", c.namespace(), c.name());
        Transition.Origin origin = t.origin(hc).orElse(null);
        if (origin == null) {
            return;
        }
        String field = c.path() + ".release.version";
        String version = c.release().version();
        String network = c.networking().networkType();
        ObjectNode previous = t.before().get(hc);
        Optional<Integer> minor = minor(version);
        if (minor.isEmpty()) {
            if (previous == null && "OpenShiftSDN".equals(network)) {
                out.add(Diagnostic.warning(origin.ref(), c.path() + ".networking.networkType", "a new cluster on"
                        + " OpenShiftSDN: HyperShift refuses OpenShiftSDN for new clusters above 4.10 (" + SUPPORTED_VERSION_RULE
                        + "). Give release.version so that the render can check it, or use OVNKubernetes.")
                        .withFile(origin.file()).withValue(network));
            }
            return;
        }
        String refused = "the HostedCluster controller refuses it at reconcile (" + SUPPORTED_VERSION_RULE + "; "
                + Consequences.HC_CONTROLLER + " sets ValidReleaseImage=False): the sync succeeds but the cluster"
                + " never moves, and every later release change waits behind this one.";
        if (minor.get() < MIN_RELEASE_MINOR) {
            out.add(Diagnostic.error(origin.ref(), field, "release " + version + " is before 4.8: " + refused
                    + " Use a supported release.").withFile(origin.file()).withValue(version));
            return;
        }
        if (previous != null) {
            String running = previous.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
            Optional<Integer> runningMinor = minor(running);
            if (runningMinor.isPresent() && runningMinor.get() > minor.get()) {
                out.add(Diagnostic.error(origin.ref(), field, "this render moves HostedCluster " + c.namespace() + "/"
                        + c.name() + " from release " + running + " to " + version + ", a y-stream downgrade: " + refused
                        + " HyperShift never downgrades a control plane to an earlier minor version. Keep release "
                        + running + " (revert the release change in Git; a z-stream change within "
                        + majorMinor(running) + " is accepted). To run " + majorMinor(version) + " again, create a new"
                        + " cluster at that release and move the workloads.").withFile(origin.file()).withValue(version));
            } else if (runningMinor.isPresent() && "OpenShiftSDN".equals(network) && runningMinor.get() < minor.get()) {
                out.add(Diagnostic.error(origin.ref(), field, "this render upgrades HostedCluster " + c.namespace() + "/"
                        + c.name() + " on OpenShiftSDN from " + running + " to " + version + ", a y-stream upgrade: "
                        + refused + " HyperShift does not upgrade OpenShiftSDN clusters across minor versions. Keep"
                        + " the release within " + majorMinor(running) + "; to move on, create a new cluster on"
                        + " OVNKubernetes.").withFile(origin.file()).withValue(version));
            }
            return;
        }
        if ("OpenShiftSDN".equals(network) && minor.get() > SDN_MAX_MINOR) {
            out.add(Diagnostic.error(origin.ref(), c.path() + ".networking.networkType", "a new cluster at release "
                    + version + " with network type OpenShiftSDN: " + refused + " HyperShift creates OpenShiftSDN"
                    + " clusters only up to 4.10. Use networkType OVNKubernetes (the default).")
                    .withFile(origin.file()).withValue(network));
        } else if ("OVNKubernetes".equals(network) && minor.get() <= SDN_MAX_MINOR) {
            out.add(Diagnostic.error(origin.ref(), c.path() + ".networking.networkType", "a new cluster at release "
                    + version + " with network type OVNKubernetes: " + refused + " HyperShift creates OVNKubernetes"
                    + " clusters only from 4.11. Use a release from 4.11 on.").withFile(origin.file()).withValue(network));
        }
    }

    private static final String SUPPORTED_VERSION_RULE = Consequences.SUPPORTED_VERSION;

    /** The 4.x-normalized minor of an x.y.z version (5.y counts as 4.(23+y)), or empty when not a version. */
    static Optional<Integer> minor(String version) {
        Matcher m = version == null ? null : VERSION.matcher(version);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int major;
        int minor;
        try {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (major) {
            case 4 -> Optional.of(minor);
            case 5 -> Optional.of(minor + V5_MINOR_OFFSET);
            default -> Optional.empty();
        };
    }

    static String majorMinor(String version) {
        String[] p = version.split("\\.");
        return p[0] + "." + p[1];
    }
}
