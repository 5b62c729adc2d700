package dev.hostedsite.platform.agent;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import java.util.List;

/**
 * The hub's {@code provisioning-configuration} Provisioning (metal3.io, served by cluster-baremetal-operator) as
 * one unit: the declaration ({@link #SPEC}) and the object that makes metal3 watch the hosted clusters'
 * namespaces ({@link #build}), written for {@code hub.provisioning} {@code patch} or {@code create}. When metal3
 * is needed is decided by {@code input/HubPlumbingRules}; with {@code patch} Argo CD applies it server-side
 * ({@code graph/WaveAssigner} PARTIAL).
 */
public final class ProvisioningKind {
    public static final String GROUP = "metal3.io";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "Provisioning";

    /** openshift/cluster-baremetal-operator at the commit the copied CRD schema comes from (PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.CLUSTER_BAREMETAL_OPERATOR,
            "config/crd/bases/metal3.io_provisionings.yaml",
            "api/v1alpha1/provisioning_types.go",
            "api/v1alpha1/provisioning_validation.go");

    /**
     * The field map (the origin is {@code spec.hub.provisioning}). cluster-baremetal-operator reconciles the
     * metal3 deployment from the Provisioning on every change ({@code controllers/provisioning_controller.go}):
     * watching all namespaces and the provisioning network mode change the running metal3 pod.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.provisioningNetwork", "spec.hub.provisioning", IN_PLACE),
            new FieldSpec("spec.watchAllNamespaces", "spec.hub.provisioning", IN_PLACE));

    /**
     * The declaration; sync wave 2, before the BareMetalHosts metal3 then reconciles. Applied server-side (with
     * {@code patch} it is the hub's own object, of which the render owns one field) and protected
     * ({@link KindSpec.Protection#CONFIRM}): losing it removes metal3 from the hub (cluster-baremetal-operator deletes
     * its deployment), so no host is reconciled.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "provisionings", false,
            "spec.hub.provisioning", UPSTREAM, 2, List.of(), List.of(), FIELDS,
            new KindSpec.Sync(KindSpec.Protection.CONFIRM, true));

    private ProvisioningKind() {}

    /**
     * {@code patch} ({@code create} false): only {@code watchAllNamespaces: true}, applied server-side onto the
     * Provisioning the baremetal platform installed. {@code create}: the object the documentation creates on a
     * hub without one, with {@code provisioningNetwork: Disabled}: cluster-baremetal-operator @ 4ecb36c0
     * api/v1alpha1/provisioning_validation.go {@code getProvisioningNetworkMode} reads an empty mode as Managed,
     * which needs provisioningIP, provisioningNetworkCIDR and provisioningDHCPRange, and
     * controllers/provisioning_enabled.go {@code EnabledFeatures} allows only Disabled on platforms other than
     * BareMetal and None.
     */
    public static ObjectNode build(boolean create) {
        ObjectNode p = Objects.resource(SPEC.apiVersion(), KIND, null, Names.PROVISIONING);
        ObjectNode spec = p.putObject("spec");
        if (create) {
            spec.put("provisioningNetwork", "Disabled");
        }
        spec.put("watchAllNamespaces", true);
        return p;
    }
}
