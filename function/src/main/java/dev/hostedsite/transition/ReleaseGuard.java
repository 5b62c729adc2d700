package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.input.SupportedVersion;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 *   <li>an existing cluster whose {@code release.version} changes while {@code release.image} does not: an error
 *       ({@link #VERSION_WITHOUT_IMAGE}; HyperShift acts on the image, so nothing moves and the y-stream rules are
 *       not applied to a version nothing runs); the image changing without the version: a warning
 *       ({@link #IMAGE_WITHOUT_VERSION}); plan and diff say the same beside the changed field;</li>
 *   <li>any cluster: no release before 4.8;</li>
 *   <li>an existing cluster: no y-stream downgrade (running minor above the new one); with OpenShiftSDN, no
 *       y-stream upgrade;</li>
 *   <li>a new cluster: OpenShiftSDN only up to 4.10, OVNKubernetes only from 4.11.</li>
 * </ul>
 * NodePools with a release of their own ({@code nodePools[].release}) get the same existing-object rules: the NodePool
 * controller calls the same {@code IsValidReleaseVersion} for the pool ({@link #NODEPOOL_RULE}); a refused move
 * neither rolls the pool ({@link RolloutGuard}) nor counts as applied in plan/diff ({@link #refusal}).
 * 5.x counts as 4.(23+x) ({@code normalizeToV4}, {@link SupportedVersion}). The minimum and latest supported versions are left out: they
 * belong to the HyperShift operator the hub runs, which the render does not know.
 */
public final class ReleaseGuard {
    private ReleaseGuard() {}

    static final int SDN_MAX_MINOR = 10;
    static final int MIN_RELEASE_MINOR = 8;

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : t.sites()) {
            for (Cluster c : site.clusters()) {
                check(t, c, out);
                for (Cluster.NodePool p : c.nodePools()) {
                    if (p.release() != null) {
                        checkPool(t, c, p, out);
                    }
                }
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
            ObjectNode next = t.after().get(hc);
            Optional<String> mismatch = next == null ? Optional.empty() : mismatch(previous, next);
            String wasImage = image(previous);
            if (mismatch.isPresent() && mismatch.get().equals(VERSION_WITHOUT_IMAGE)) {
                // nothing moves on the hub: judging the version as an upgrade or downgrade would misreport it
                out.add(Diagnostic.error(origin.ref(), field, VERSION_WITHOUT_IMAGE + " (" + wasImage + "), so HostedCluster "
                        + c.namespace() + "/" + c.name() + " keeps running " + running + ": only its annotation "
                        + ClusterGenerator.RELEASE_VERSION + " would say " + version + ", and the render's release checks"
                        + " (y-stream rules, NodePool rolls, default catalogs) would judge a release nothing runs. To move"
                        + " to " + version + ", set release.image to its release image (by digest, from your mirror);"
                        + " otherwise set release.version back to " + running + ".")
                        .withFile(origin.file()).withValue(version));
                return;
            }
            if (mismatch.isPresent()) {
                out.add(Diagnostic.warning(origin.ref(), c.path() + ".release.image", IMAGE_WITHOUT_VERSION + "; release.version"
                        + " still says " + running + ", so the render cannot tell which release the new image holds, so it checks the move"
                        + " as no release change. If the new image is another release, set release.version to it (the"
                        + " render then checks the y-stream rules and which NodePools roll); if it is " + running
                        + " from another registry, nothing changes.").withFile(origin.file()).withValue(image(next)));
            }
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

    /**
     * The same rules for a NodePool with a release of its own ({@code nodePools[].release}): the NodePool controller
     * applies {@code IsValidReleaseVersion} to the pool's release too ({@value #NODEPOOL_RULE}), with the version the
     * pool runs, and sets the pool's {@code ValidReleaseImage} condition False when it fails; the pool then keeps its
     * nodes at their release. A pool that follows its cluster's release is judged with the HostedCluster.
     */
    private static void checkPool(Transition t, Cluster c, Cluster.NodePool p, List<Diagnostic> out) {
        ObjectKey np = new ObjectKey("hypershift.openshift.io", "NodePool", c.namespace(), p.name());
        Transition.Origin origin = t.origin(np).orElse(null);
        ObjectNode previous = t.before().get(np);
        ObjectNode next = t.after().get(np);
        if (origin == null || previous == null || next == null) {
            return;
        }
        String field = p.path() + ".release.version";
        String version = p.release().version();
        String running = previous.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
        Optional<String> mismatch = mismatch(previous, next);
        if (mismatch.isPresent() && mismatch.get().equals(VERSION_WITHOUT_IMAGE)) {
            out.add(Diagnostic.error(origin.ref(), field, VERSION_WITHOUT_IMAGE + " (" + image(previous) + "), so NodePool "
                    + c.namespace() + "/" + p.name() + " keeps running " + running + ": only its annotation "
                    + ClusterGenerator.RELEASE_VERSION + " would say " + version + ", and the render's checks (version skew,"
                    + " rollouts) would judge a release nothing runs. To move the pool to " + version + ", set its"
                    + " release.image to that release image (by digest, from your mirror); otherwise set its"
                    + " release.version back to " + running + ".").withFile(origin.file()).withValue(version));
            return;
        }
        refusal(previous, next, c.networking().networkType()).ifPresent(why -> out.add(Diagnostic.error(origin.ref(),
                field, "this render moves NodePool " + c.namespace() + "/" + p.name() + " from release " + running
                + " to " + version + ", " + why + ": the NodePool controller refuses it at reconcile (" + SUPPORTED_VERSION_RULE
                + "; " + NODEPOOL_RULE + " sets ValidReleaseImage=False on the pool): the sync succeeds but the pool's"
                + " nodes keep " + running + ". Keep the pool's release within " + majorMinor(running) + " or later"
                + " (revert the change in Git); to run " + majorMinor(version) + " nodes, create a new pool at that"
                + " release (within the version skew of its cluster) and move the workloads.")
                .withFile(origin.file()).withValue(version)));
    }

    /** Where the NodePool controller checks a pool's release ({@code getReleaseImage}). */
    static final String NODEPOOL_RULE = "openshift/hypershift hypershift-operator/controllers/nodepool/nodepool_controller.go"
            + " (getReleaseImage)";

    /**
     * Whether HyperShift refuses to move an existing HostedCluster or NodePool from the release of {@code before}
     * to that of {@code after} ({@value Consequences#SUPPORTED_VERSION} {@code IsValidReleaseVersion} with a current
     * version): a y-stream downgrade, or a y-stream upgrade on OpenShiftSDN. Versions are the render's
     * {@link ClusterGenerator#RELEASE_VERSION} annotations; empty when either is missing or the move is accepted.
     *
     * @return the reason in a few words ("a y-stream downgrade"), or empty
     */
    public static Optional<String> refusal(com.fasterxml.jackson.databind.JsonNode before,
                                           com.fasterxml.jackson.databind.JsonNode after, String networkType) {
        Optional<Integer> was = minor(before.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null));
        Optional<Integer> is = minor(after.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null));
        if (was.isEmpty() || is.isEmpty()) {
            return Optional.empty();
        }
        if (was.get() > is.get()) {
            return Optional.of("a y-stream downgrade");
        }
        if ("OpenShiftSDN".equals(networkType) && was.get() < is.get()) {
            return Optional.of("a y-stream upgrade on OpenShiftSDN");
        }
        return Optional.empty();
    }

    private static final String SUPPORTED_VERSION_RULE = Consequences.SUPPORTED_VERSION;

    /** Said when a render changes the release version of an object but not its image. */
    public static final String VERSION_WITHOUT_IMAGE = "release.version changed but release.image did not: the hub runs"
            + " what the image is";
    /** Said when a render changes the release image of an object but not its version. */
    public static final String IMAGE_WITHOUT_VERSION = "release.image changed but release.version did not: the hub runs"
            + " what the image is";

    /**
     * Whether two renders of an object with a release (HostedCluster, NodePool) move its version
     * ({@link ClusterGenerator#RELEASE_VERSION} annotation) and its image ({@code spec.release.image}) apart:
     * {@link #VERSION_WITHOUT_IMAGE}, {@link #IMAGE_WITHOUT_VERSION}, or empty when both or neither changed (or the
     * object carries no version). HyperShift acts on the image alone (the HostedCluster controller reads the version
     * from the release image's metadata, hostedcluster_controller.go validateReleaseImage); the version is the
     * render's own record of it. Two images with the same {@code @sha256} digest count as the same release.
     */
    public static Optional<String> mismatch(com.fasterxml.jackson.databind.JsonNode before,
                                            com.fasterxml.jackson.databind.JsonNode after) {
        String wasVersion = before.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
        String isVersion = after.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
        if (wasVersion == null || isVersion == null || image(before) == null || image(after) == null) {
            return Optional.empty();
        }
        boolean versionChanged = !wasVersion.equals(isVersion);
        boolean imageChanged = !sameRelease(image(before), image(after));
        if (versionChanged && !imageChanged) {
            return Optional.of(VERSION_WITHOUT_IMAGE);
        }
        return imageChanged && !versionChanged ? Optional.of(IMAGE_WITHOUT_VERSION) : Optional.empty();
    }

    private static String image(com.fasterxml.jackson.databind.JsonNode o) {
        return o.path("spec").path("release").path("image").asText(null);
    }

    private static boolean sameRelease(String a, String b) {
        int da = a.indexOf("@sha256:");
        int db = b.indexOf("@sha256:");
        return a.equals(b) || da >= 0 && db >= 0 && a.substring(da).equals(b.substring(db));
    }

    /** The 4.x-normalized minor of an x.y.z version ({@link SupportedVersion#v4Minor}). */
    static Optional<Integer> minor(String version) {
        return SupportedVersion.v4Minor(version);
    }

    static String majorMinor(String version) {
        String[] p = version.split("\\.");
        return p[0] + "." + p[1];
    }
}
