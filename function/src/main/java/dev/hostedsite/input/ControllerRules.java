package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Day 1: the validations the HostedCluster and NodePool controllers apply before acting, and where hostedsite
 * checks each one on the input, so that a cluster the controllers would leave with a {@code Valid*} condition
 * False never renders. {@link #DAY_ONE} is the index (upstream rule, upstream file, the hostedsite check);
 * this class checks the ones no other pass does. Upstream: openshift/hypershift at {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT}.
 */
public final class ControllerRules {
    private ControllerRules() {}

    static final String HC_CONTROLLER = "openshift/hypershift hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go";
    static final String NP_CONDITIONS = "openshift/hypershift hypershift-operator/controllers/nodepool/conditions.go";
    static final String SUPPORTED_VERSION = "openshift/hypershift support/supportedversion/version.go";

    /** One upstream validation mirrored on the input: what it refuses, its file, and the hostedsite class that checks it. */
    public record Mirrored(String rule, String source, String checkedBy) {}

    public static final List<Mirrored> DAY_ONE = List.of(
            new Mirrored("IsValidReleaseVersion (ValidReleaseImage): no release before 4.8; a new cluster on OpenShiftSDN"
                    + " only up to 4.10, on OVNKubernetes only from 4.11; no y-stream downgrade", SUPPORTED_VERSION,
                    "dev.hostedsite.transition.ReleaseGuard"),
            new Mirrored("ValidateVersionSkew (SupportedVersionSkew): a NodePool not newer than its HostedCluster, at most"
                    + " 3 minors behind", SUPPORTED_VERSION + "; " + NP_CONDITIONS, "dev.hostedsite.input.PoolRules"),
            new Mirrored("validArchPlatformCondition, validateHCPayloadSupportsNodePoolCPUArch (ValidArchPlatform): the"
                    + " release payload carries the pool's architecture", NP_CONDITIONS,
                    "dev.hostedsite.input.AgentPoolArchitecture"),
            new Mirrored("validateConfigAndClusterCapabilities (ValidHostedClusterConfiguration): Ingress disabled only"
                    + " with Console disabled", HC_CONTROLLER, "dev.hostedsite.input.HostedClusterFeatureRules"),
            new Mirrored("validateSliceNetworkCIDRs (ValidHostedClusterConfiguration): cluster, service and machine"
                    + " networks do not overlap", HC_CONTROLLER, "dev.hostedsite.input.ClusterNetworkRules"),
            new Mirrored("validateNodePortPortRange (ValidHostedClusterConfiguration): an APIServer node port within"
                    + " 30000-32767", HC_CONTROLLER, "dev.hostedsite.input.ClusterNetworkRules"),
            new Mirrored("validateNodePortVsServiceNetwork (ValidHostedClusterConfiguration): the NodePort address not"
                    + " inside the service network", HC_CONTROLLER, "dev.hostedsite.input.ControllerRules"),
            new Mirrored("validateUserCAConfigMaps (ValidHostedClusterConfiguration): the additionalTrustBundle"
                    + " ConfigMap has key ca-bundle.crt", HC_CONTROLLER, "dev.hostedsite.generate.ClusterGenerator"));

    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                nodePortAddress(site, c, out);
            }
        }
        return out;
    }

    /** validateNodePortVsServiceNetwork: the hub's nodes are reached at the NodePort address, never a Service IP. */
    private static void nodePortAddress(Site site, Cluster c, List<Diagnostic> out) {
        Cluster.ApiServer api = c.apiServer();
        if (api == null || !api.nodePort() || api.address() == null || Net.family(api.address()) == 0) {
            return;
        }
        for (String text : c.networking().serviceNetwork()) {
            Optional<Net.Cidr> cidr = Net.cidr(text);
            if (cidr.isPresent() && cidr.get().family() == Net.family(api.address()) && cidr.get().contains(api.address())) {
                out.add(Diagnostic.error(site.ref(), c.path() + ".apiServer.address", "the NodePort address "
                        + api.address() + " is inside the cluster's service network " + text + ": the HostedCluster"
                        + " controller refuses it (" + HC_CONTROLLER + ", validateNodePortVsServiceNetwork;"
                        + " ValidHostedClusterConfiguration=False) and creates nothing. Give the address of a hub node"
                        + " (or a VIP in front of them) outside " + text + ".").withFile(site.file()).withValue(api.address()));
            }
        }
    }
}
