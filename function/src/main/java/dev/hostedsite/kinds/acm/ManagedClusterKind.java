package dev.hostedsite.kinds.acm;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.ManagedCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ACM ManagedCluster of a hosted cluster with {@code managedCluster}, as one unit: cluster-scoped, named after
 * the HostedCluster, in Hosted klusterlet mode, as the hypershift add-on's auto-import creates it
 * (stolostron/hypershift-addon-operator {@code pkg/agent/auto_import_controller.go} at caeb4e29:
 * {@code createManagedCluster}, {@code populateManagedClusterData}); the add-on finds a hosted cluster's
 * ManagedCluster by that name. Its declaration ({@link #SPEC}) and how it is built ({@link #build}). The site
 * checks are in {@code input/AcmRules}.
 */
public final class ManagedClusterKind {
    public static final String GROUP = "cluster.open-cluster-management.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ManagedCluster";
    /** Klusterlet mode: Hosted runs the klusterlet on the hosting cluster (auto_import_controller.go klueterletDeployMode). */
    public static final String DEPLOY_MODE = "import.open-cluster-management.io/klusterlet-deploy-mode";
    /** The ManagedCluster that runs the hosted klusterlet (auto_import_controller.go hostingClusterNameAnno). */
    public static final String HOSTING_CLUSTER = "import.open-cluster-management.io/hosting-cluster-name";
    /**
     * {@code hypershift}: the add-on syncs HostedCluster labels to it (managedcluster_sync_controller.go) and deletes
     * it with its HostedCluster (agent.go, only for created-via other than hive and deploy mode Hosted).
     */
    public static final String CREATED_VIA = "open-cluster-management/created-via";
    /** The ClusterSet label; the add-on puts new clusters into {@code default}. */
    public static final String CLUSTER_SET = "cluster.open-cluster-management.io/clusterset";

    /** open-cluster-management-io/api at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OCM_API,
            "cluster/v1/0000_00_clusters.open-cluster-management.io_managedclusters.crd.yaml",
            "cluster/v1/types.go");

    /**
     * The field map. The name is the HostedCluster's (a rename registers another cluster); labels (Placements
     * and ClusterSets select on them) are applied to the object as it is. The annotations are left unmapped: the
     * passes add their own there (a field no row covers maps to the cluster itself).
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.labels", "managedCluster.labels", IN_PLACE));

    /**
     * What a ManagedCluster waits for to turn Healthy: stolostron/hypershift-addon-operator pkg/agent/agent.go and
     * auto_import_controller.go: the add-on writes the hosted cluster's admin kubeconfig for the Hosted-mode
     * klusterlet (external-managed-kubeconfig in klusterlet-<name>) once the control plane is Available;
     * open-cluster-management-io/ocm registration then reports ManagedClusterJoined and
     * ManagedClusterConditionAvailable.
     */
    static final List<Need> NEEDS = List.of(new Need("HostedCluster", "the hosted klusterlet reaches the hosted API server"));

    /** The declaration; sync wave 12, after the NodePools (11) and before its KlusterletAddonConfig (13). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "managedclusters", false, "spec.clusters[]",
            UPSTREAM, 12, NEEDS, List.of(), FIELDS);

    private ManagedClusterKind() {}

    /** The ManagedCluster of cluster {@code c}, which has {@code managedCluster}. */
    public static ObjectNode build(Cluster c) {
        ManagedCluster m = c.managedCluster();
        ObjectNode mc = Objects.resource(SPEC.apiVersion(), KIND, null, c.name());
        Map<String, String> labels = new TreeMap<>(m.labels());
        labels.putIfAbsent("name", c.name());
        labels.putIfAbsent(CLUSTER_SET, "default");
        ObjectNode meta = (ObjectNode) mc.get("metadata");
        ObjectNode l = meta.putObject("labels");
        labels.forEach(l::put);
        meta.putObject("annotations")
                .put(HOSTING_CLUSTER, m.hostingClusterName())
                .put(DEPLOY_MODE, "Hosted")
                .put(CREATED_VIA, "hypershift");
        mc.putObject("spec").put("hubAcceptsClient", true).put("leaseDurationSeconds", 60);
        return mc;
    }
}
