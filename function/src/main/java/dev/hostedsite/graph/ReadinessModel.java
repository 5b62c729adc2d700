package dev.hostedsite.graph;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.KindCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each applied kind's controller needs before the object turns Healthy, as judged by the health checks
 * in {@code packages/argocd/health} (or Argo CD's built-in rule for kinds without one). Argo CD applies wave
 * N+1 only once every resource of the earlier waves is Healthy (argoproj/gitops-engine
 * {@code pkg/sync/sync_context.go}, {@code Sync}: a multi-step sync waits while any applied task is running,
 * i.e. not yet Healthy; argoproj/argo-cd {@code docs/user-guide/sync-waves.md}). So a kind must never need a
 * kind of a later wave: {@link WaveAssigner#verify} checks every {@link Need} against the wave table.
 *
 * <p>Kinds without a Healthy state of their own (Namespace, Secret, ConfigMap, Role, Image, mirror sets,
 * OperatorHub, OperatorGroup, IPAddressPool, L2Advertisement, NMStateConfig) count as ready once they exist
 * (CatalogSource and MetalLB have shipped checks; Subscription has Argo CD's built-in one): gitops-engine {@code pkg/health/health.go}
 * {@code GetResourceHealth} returns no health for them and the sync marks such tasks successful on apply.
 * Every namespaced object also needs its Namespace; that edge is implied, not listed.
 */
public final class ReadinessModel {

    /**
     * One edge: {@code kind} turns Healthy only after {@code prerequisite} is Healthy (or exists, for a kind
     * without health).
     *
     * @param kind the waiting kind
     * @param prerequisite the kind it waits for
     * @param why what the controller does, with the upstream file it does it in
     */
    public record Need(String kind, String prerequisite, String why) {
    }

    /** The model. Agents are not rendered; their chain (BareMetalHost → Agent → NodePool) is folded into one edge. */
    public static final List<Need> NEEDS = withDeclared(List.of(
            // openshift/lvm-operator @ de3cc31a bundle/manifests (lvm.topolvm.io_lvmclusters.yaml,
            // lvms-operator.clusterserviceversion.yaml): the LVMCluster CRD and the operator that reconciles it come
            // with the CSV of the lvms-operator Subscription (an LVMCluster is a passthrough item of the input).
            new Need("LVMCluster", "Subscription", "the LVMCluster CRD and the LVMS operator come from its CSV")));

    /**
     * The need that made the shipped table of version 0.1 deadlock: a HostedCluster whose health waits for
     * its version history to say Completed needs worker nodes (openshift/hypershift
     * {@code api/hypershift/v1beta1/hostedcluster_types.go}, {@code ClusterVersionStatus.history}: the
     * cluster version operator completes only when ingress and the console run on workers). The shipped
     * HostedCluster check reports Healthy once the control plane is Available, so this edge is not in
     * {@link #NEEDS}; tests use it to show what verify rejects.
     */
    public static final Need HOSTED_CLUSTER_VERSION_COMPLETED =
            new Need("HostedCluster", "NodePool", "version history Completed needs workers");

    private ReadinessModel() {}

    /** The table above (kinds not declared as units yet), then each declared kind's needs ({@link KindCatalog}). */
    private static List<Need> withDeclared(List<Need> undeclared) {
        List<Need> out = new ArrayList<>(undeclared);
        for (KindSpec k : KindCatalog.DECLARED) {
            k.needs().forEach(n -> out.add(new Need(k.kind(), n.prerequisite(), n.why())));
        }
        return List.copyOf(out);
    }

    /**
     * The needs among the given kinds that wait on a later wave: for each, a sentence naming both kinds,
     * their waves and why. Empty when the table lets every sync finish.
     *
     * @param needs the readiness edges to check
     * @param waves the wave table (kind → wave); kinds missing from it are skipped
     * @param kinds the kinds the render emits
     */
    public static List<String> laterWaveNeeds(List<Need> needs, Map<String, Integer> waves, Set<String> kinds) {
        List<String> out = new ArrayList<>();
        for (Need n : needs) {
            if (!kinds.contains(n.kind()) || !kinds.contains(n.prerequisite())) {
                continue;
            }
            Integer waiting = waves.get(n.kind());
            Integer needed = waves.get(n.prerequisite());
            if (waiting != null && needed != null && needed > waiting) {
                out.add(n.kind() + " (wave " + waiting + ") turns Healthy only after " + n.prerequisite()
                        + " (wave " + needed + "): " + n.why() + "; Argo CD never applies wave " + needed
                        + " while wave " + waiting + " is not Healthy");
            }
        }
        return out;
    }
}
