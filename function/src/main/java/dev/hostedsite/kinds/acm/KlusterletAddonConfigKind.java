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
import java.util.List;

/**
 * The ACM KlusterletAddonConfig of a hosted cluster with {@code managedCluster}, as one unit: in the cluster
 * namespace of its ManagedCluster (same name), with the add-ons the hypershift add-on's auto-import enables
 * (stolostron/hypershift-addon-operator {@code pkg/agent/auto_import_controller.go} at caeb4e29,
 * {@code createKlusterletAddonConfig}). Its declaration ({@link #SPEC}) and how it is built ({@link #build}).
 *
 * <p>Its references stay in {@code graph/References}: its namespace names the ManagedCluster (ACM's registration
 * makes that namespace, so it has no Namespace edge), a form a fieldSpec does not express.
 */
public final class KlusterletAddonConfigKind {
    public static final String GROUP = "agent.open-cluster-management.io";
    public static final String VERSION = "v1";
    public static final String KIND = "KlusterletAddonConfig";

    /** stolostron/klusterlet-addon-controller at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.KLUSTERLET_ADDON_CONTROLLER,
            "deploy/agent.open-cluster-management.io_klusterletaddonconfigs_crd.yaml",
            "pkg/apis/agent/v1/klusterletaddonconfig_types.go");

    /**
     * The field map. Name, namespace and clusterName are the cluster's (a rename registers another cluster); the
     * add-ons are reconciled into ManagedClusterAddOns by klusterlet-addon-controller as they change.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.namespace", "name", RECREATES),
            new FieldSpec("spec", "managedCluster.addons", IN_PLACE),
            new FieldSpec("spec.clusterName", "name", RECREATES),
            new FieldSpec("spec.clusterNamespace", "name", RECREATES));

    /**
     * What a KlusterletAddonConfig waits for: open-cluster-management-io/ocm pkg/registration/hub/managedcluster:
     * an accepted ManagedCluster gets its cluster namespace, where the KlusterletAddonConfig lives
     * (stolostron/klusterlet-addon-controller reconciles it into ManagedClusterAddOns there).
     */
    static final List<Need> NEEDS = List.of(new Need("ManagedCluster", "its namespace is the ManagedCluster's"));

    /** The declaration; sync wave 13, after its ManagedCluster (12), whose registration makes its namespace. */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "klusterletaddonconfigs", true, "spec.clusters[]",
            UPSTREAM, 13, NEEDS, List.of(), FIELDS);

    private KlusterletAddonConfigKind() {}

    /** The KlusterletAddonConfig of cluster {@code c}, which has {@code managedCluster}. */
    public static ObjectNode build(Cluster c) {
        ObjectNode kac = Objects.resource(SPEC.apiVersion(), KIND, c.name(), c.name());
        ObjectNode spec = kac.putObject("spec");
        spec.put("clusterName", c.name());
        spec.put("clusterNamespace", c.name());
        c.managedCluster().addons().forEach((addon, enabled) -> spec.putObject(addon).put("enabled", enabled));
        return kac;
    }
}
