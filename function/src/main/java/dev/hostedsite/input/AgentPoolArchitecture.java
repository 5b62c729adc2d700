package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *       {@code spec.platform.agent} present: not a rule on the input, since the NodePool generator always writes
 *       it and {@code graph/Canonical.MEANINGFUL_EMPTY} (which cites the rule) keeps it when empty.</li>
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
 *
 * <p>{@link #releaseFindings} holds what follows for a cluster whose pools have several architectures, after
 * HyperShift docs/content/how-to/agent/create-heterogeneous-nodepools.md: the release must be the multi payload;
 * a declared single-arch payload must be the pool's arch ({@link Cluster.Release#carries}); each host needs a pool of
 * its architecture, and an unambiguous one ({@link Hosts#archOf}), since it boots from the InfraEnv of that
 * architecture (one per architecture, named by {@link Names#infraEnv}, a label value on every BareMetalHost).
 * This class is the one place of HyperShift's architecture rules on the input; {@link Hosts} computes the
 * architectures, {@code transition/InfraEnvArchitectures} keeps an InfraEnv's (immutable) architecture, and
 * preflight checks the real payload's platforms.
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

    /**
     * The release and host architecture findings of one cluster, in order: a cluster of several pool architectures
     * whose release is not declared multi; InfraEnv names too long for a label value; pools whose declared payload
     * does not carry their arch; hosts with no or an unknown architecture.
     */
    static List<Finding> releaseFindings(Site site, Cluster c) {
        List<Finding> out = new ArrayList<>();
        List<String> arches = Hosts.architectures(c);
        boolean mixed = arches.size() > 1;
        if (mixed && !Cluster.Release.MULTI.equals(c.release().architecture())) {
            out.add(Finding.error(c.path() + ".release.architecture", "the cluster has NodePools of " + arches + ", so its"
                    + " release must carry every architecture: the multi-architecture payload (tag <version>-multi, such as"
                    + " quay.io/openshift-release-dev/ocp-release:4.19.3-multi; `oc adm release info <image>` shows"
                    + " release.openshift.io/architecture=multi), mirrored and given by digest, with"
                    + " release.architecture: multi. A single-arch payload cannot start nodes of another architecture.",
                    c.release().architecture()));
        }
        for (String arch : arches) {
            String infraEnv = Names.infraEnv(c, arch);
            if (infraEnv.length() > PoolRules.MAX_LABEL_VALUE) {
                out.add(Finding.error(c.path() + ".name", "the InfraEnv " + infraEnv + " of the cluster's " + arch
                        + " hosts would be longer than 63 characters, and its name is a label value on every"
                        + " BareMetalHost; shorten the cluster name.", c.name()));
            }
        }
        for (Cluster.NodePool np : c.nodePools()) {
            Cluster.Release r = c.releaseOf(np);
            boolean own = np.release() != null;
            if ((own || !mixed) && !r.carries(np.arch(), np.arch())) {
                out.add(Finding.error((own ? np.path() : c.path()) + ".release.architecture", "NodePool " + np.name()
                        + " is " + np.arch() + " but its release payload is declared " + r.architecture() + ": use the "
                        + np.arch() + " or the multi payload.", r.architecture()));
            }
        }
        for (Host h : c.hosts()) {
            Optional<String> arch = Hosts.archOf(c, h);
            if (arch.isEmpty()) {
                out.add(Finding.error(h.path() + ".arch", "NodePools of different architectures select host " + h.name()
                        + ": give its arch (one of " + arches + ") so it boots from the InfraEnv of that architecture.", null));
            } else if (!arches.contains(arch.get())) {
                out.add(Finding.error(h.path() + ".arch", "host " + h.name() + " is " + arch.get() + " but no NodePool of"
                        + " the cluster is: no InfraEnv would serve it and no pool could take it. Add a pool with arch "
                        + arch.get() + " or correct the host's arch.", arch.get()));
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
