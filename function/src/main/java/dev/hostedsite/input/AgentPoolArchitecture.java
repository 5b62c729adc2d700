package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which CPU architectures a NodePool on the Agent platform may have, and what a non-amd64 pool needs.
 *
 * <p>Upstream, openshift/hypershift at {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT}:
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
 *       {@code ValidArchPlatform} false) unless the payload is multi-architecture, which
 *       {@code support/releaseinfo/registryclient/client.go} {@code IsMultiArchManifestList} decides from the
 *       image's manifest (a manifest list with amd64/arm64/ppc64le/s390x entries).</li>
 * </ul>
 * The hosted control plane runs on the hub (amd64 in practice) from the same release image, so a non-amd64 pool
 * needs the multi-architecture release ({@code ocp-release:<version>-multi}). The input gives the release by
 * digest only, which does not show that: hence a warning for every non-amd64 pool, not an error, unless the
 * cluster's {@code release.architecture} is declared {@code multi}.
 */
public final class AgentPoolArchitecture {
    /** NodePool {@code arch} values the Agent platform supports (isArchAndPlatformSupported, case AgentPlatform). */
    public static final Set<String> SUPPORTED = Set.of("amd64", "arm64", "ppc64le");

    private AgentPoolArchitecture() {}

    /** An error for each pool whose arch the Agent platform refuses; a warning for other non-amd64 pools of a release not declared multi. */
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
        } else if (!p.arch().equals("amd64") && !Cluster.Release.MULTI.equals(c.release().architecture())) {
            out.add(Diagnostic.warning(site.ref(), path, "NodePool " + p.name() + " has arch " + p.arch()
                    + ": HyperShift accepts it only when the release image is a multi-architecture payload (a manifest"
                    + " list; the hosted control plane runs from the same image on the hub). A digest cannot show that:"
                    + " make sure release.image is the digest of ocp-release:<version>-multi, mirrored with all its"
                    + " architectures, and declare release.architecture: multi.").withValue(p.arch()).withFile(site.file()));
        }
    }
}
