package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which CPU architectures a NodePool on the Agent platform may have, and what a non-amd64 pool needs.
 *
 * <p>Upstream, openshift/hypershift @ 3ee9615567acffaf3e3ee25c2ca2942d650565cf:
 * <ul>
 *   <li>{@code api/hypershift/v1beta1/nodepool_types.go}, {@code NodePoolSpec} (compiled into the CRD
 *       {@code cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/nodepools-Default.crd.yaml}):
 *       the CEL rule {@code self.arch != 's390x' || has(self.platform.kubevirt)} ("s390x is only supported on
 *       KubeVirt platform") makes the apiserver refuse an s390x NodePool on Agent;
 *       {@code self.arch != 'arm64' || ... || has(self.platform.agent) || ...} accepts arm64 on Agent only with
 *       {@code spec.platform.agent} present (the generator always writes it).</li>
 *   <li>{@code hypershift-operator/controllers/nodepool/nodepool_controller.go}, {@code isArchAndPlatformSupported}:
 *       the Agent platform supports amd64, arm64 and ppc64le; and {@code validateHCPayloadSupportsNodePoolCPUArch}:
 *       a pool whose arch differs from the HostedCluster's release payload is refused (condition
 *       {@code ValidArchPlatform} false) unless the payload is multi-architecture.</li>
 * </ul>
 * Since the hosted control plane runs on the hub (amd64 in practice) from the same release image, a non-amd64
 * pool needs a multi-architecture release image ({@code ocp-release:<version>-multi}).
 */
public final class AgentPoolArchitecture {
    /** NodePool {@code arch} values the Agent platform supports (isArchAndPlatformSupported, case AgentPlatform). */
    public static final Set<String> SUPPORTED = Set.of("amd64", "arm64", "ppc64le");
    /** A release image tag of a multi-architecture payload, such as {@code 4.19.3-multi}. */
    private static final Pattern MULTI_TAG = Pattern.compile(":[^/@:]*-multi(-[^/@:]*)?$");

    private AgentPoolArchitecture() {}

    /** An error for each pool whose arch the Agent platform refuses; a warning for each other non-amd64 pool. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                for (Cluster.NodePool p : c.nodePools()) {
                    check(site, c, p, out);
                }
            }
        }
        return out;
    }

    private static void check(Site site, Cluster c, Cluster.NodePool p, List<Diagnostic> out) {
        String path = p.path() + ".arch";
        if (!SUPPORTED.contains(p.arch())) {
            out.add(Diagnostic.error(site.ref(), path, "NodePool " + p.name() + " has arch " + p.arch()
                    + ", which HyperShift's Agent platform does not support (the NodePool CRD accepts s390x on"
                    + " KubeVirt only). Use one of amd64, arm64, ppc64le.").withValue(p.arch()).withFile(site.file()));
        } else if (!p.arch().equals("amd64") && !MULTI_TAG.matcher(c.release().image()).find()) {
            out.add(Diagnostic.warning(site.ref(), path, "NodePool " + p.name() + " has arch " + p.arch()
                    + ": HyperShift runs it only from a release payload of that architecture or a multi-architecture"
                    + " one, while the hosted control plane runs on the hub from the same release image. Use the"
                    + " multi-architecture release (ocp-release:<version>-multi, mirrored with all its architectures);"
                    + " this release image (" + c.release().image() + ") does not say it is one.")
                    .withValue(p.arch()).withFile(site.file()));
        }
    }
}
