package dev.hostedsite.generate;

import static dev.hostedsite.generate.HubGenerator.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.ManagedCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ACM registration of a hosted cluster with {@code managedCluster}: the cluster-scoped ManagedCluster and the
 * KlusterletAddonConfig in the namespace of the same name, as the hypershift add-on's auto-import creates them
 * (stolostron/hypershift-addon-operator {@code pkg/agent/auto_import_controller.go} at
 * caeb4e29: {@code createManagedCluster}, {@code populateManagedClusterData}, {@code createKlusterletAddonConfig}).
 * Both are named after the HostedCluster: the add-on finds a hosted cluster's ManagedCluster by that name.
 */
public final class AcmRegistration {
    public static final String CLUSTER_API = "cluster.open-cluster-management.io/v1";
    public static final String AGENT_API = "agent.open-cluster-management.io/v1";
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

    private AcmRegistration() {}

    /** The ManagedCluster and the KlusterletAddonConfig of {@code c}, or nothing without {@code managedCluster}. */
    public static List<ObjectNode> generate(Cluster c) {
        ManagedCluster m = c.managedCluster();
        if (m == null) {
            return List.of();
        }
        ObjectNode mc = resource(CLUSTER_API, "ManagedCluster", null, c.name());
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

        ObjectNode kac = resource(AGENT_API, "KlusterletAddonConfig", c.name(), c.name());
        ObjectNode spec = kac.putObject("spec");
        spec.put("clusterName", c.name());
        spec.put("clusterNamespace", c.name());
        m.addons().forEach((addon, enabled) -> spec.putObject(addon).put("enabled", enabled));
        return List.of(mc, kac);
    }
}
