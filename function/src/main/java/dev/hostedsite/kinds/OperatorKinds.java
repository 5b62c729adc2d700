package dev.hostedsite.kinds;

import java.util.List;
import java.util.Optional;

/**
 * Custom resources whose CRD an OLM operator's bundle installs, so that a passthrough item of that kind can only
 * be applied after the operator's Subscription (wave 4) has installed the CSV: the operator's own CR in wave 5
 * (with the MultiClusterEngine and MetalLB), the kinds that need that CR running in wave 6. Each such item gets
 * {@code SkipDryRunOnMissingResource=true}: its CRD arrives in the same sync.
 *
 * <p>Sources (each package's bundle, where the CRDs and the CSV come from):
 * <ul>
 *   <li>{@code lvms-operator}: openshift/lvm-operator @ de3cc31a {@code bundle/manifests/lvm.topolvm.io_lvmclusters.yaml}
 *       and {@code lvms-operator.clusterserviceversion.yaml}; the operator reconciles the LVMCluster
 *       ({@code internal/controllers/lvmcluster/controller.go}) and makes StorageClass {@code lvms-<deviceClass>}
 *       ({@code internal/controllers/lvmcluster/resource/topolvm_storageclass.go},
 *       {@code internal/controllers/constants/constants.go} StorageClassPrefix);</li>
 *   <li>{@code metallb-operator}: metallb/metallb-operator {@code bundle/manifests/metallb.io_metallbs.yaml},
 *       {@code metallb.io_ipaddresspools.yaml}, {@code metallb.io_l2advertisements.yaml},
 *       {@code metallb.io_bgpadvertisements.yaml}, {@code metallb.io_bgppeers.yaml}, {@code metallb.io_bfdprofiles.yaml},
 *       {@code metallb.io_communities.yaml}; the pools and advertisements act only once the MetalLB CR runs the
 *       controller and speakers ({@code controllers/metallb_controller.go});</li>
 *   <li>{@code kubernetes-nmstate-operator} (the OpenShift package name of the Kubernetes NMState Operator):
 *       nmstate/kubernetes-nmstate {@code deploy/crds/nmstate.io_nmstates.yaml} and
 *       {@code nmstate.io_nodenetworkconfigurationpolicies.yaml}; policies are enacted by the handler the NMState CR
 *       deploys;</li>
 *   <li>{@code multicluster-engine}: stolostron/backplane-operator {@code bundle/manifests}
 *       (multiclusterengines.multicluster.openshift.io).</li>
 * </ul>
 */
public final class OperatorKinds {

    /**
     * One kind an operator's bundle brings.
     *
     * @param group the API group of the CRD
     * @param kind the kind
     * @param pkg the OLM package whose CSV installs the CRD
     * @param wave the Argo CD sync wave a passthrough item of this kind gets; null for a kind the render emits
     *     and declares as a unit ({@code kinds/catalog/KindCatalog}), whose declaration has the wave
     * @param needs what it waits for (the operator, or its CR), for messages
     */
    public record Kind(String group, String kind, String pkg, Integer wave, String needs) {}

    /** The wave of a kind the render emits comes from its unit's declaration, not from this table. */
    private static final Integer DECLARED = null;

    /** The operator's CR: after its Subscription (wave 4), with the MultiClusterEngine and MetalLB. */
    public static final int OPERATOR_CR_WAVE = 5;
    /** Kinds that act only once the operator's CR runs its controllers. */
    static final int OPERAND_WAVE = 6;

    public static final List<Kind> KINDS = List.of(
            new Kind("lvm.topolvm.io", "LVMCluster", "lvms-operator", OPERATOR_CR_WAVE, "the LVMS operator"),
            new Kind("metallb.io", "MetalLB", "metallb-operator", DECLARED, "the MetalLB operator"),
            new Kind("metallb.io", "IPAddressPool", "metallb-operator", DECLARED, "the MetalLB controller"),
            new Kind("metallb.io", "BFDProfile", "metallb-operator", OPERAND_WAVE, "the MetalLB speakers"),
            new Kind("metallb.io", "BGPPeer", "metallb-operator", OPERAND_WAVE, "the MetalLB speakers"),
            new Kind("metallb.io", "Community", "metallb-operator", OPERAND_WAVE, "the MetalLB speakers"),
            new Kind("metallb.io", "L2Advertisement", "metallb-operator", DECLARED, "its IPAddressPools"),
            new Kind("metallb.io", "BGPAdvertisement", "metallb-operator", OPERAND_WAVE + 1, "its IPAddressPools"),
            new Kind("nmstate.io", "NMState", "kubernetes-nmstate-operator", OPERATOR_CR_WAVE, "the NMState operator"),
            new Kind("nmstate.io", "NodeNetworkConfigurationPolicy", "kubernetes-nmstate-operator", OPERAND_WAVE,
                    "the nmstate handler the NMState CR deploys"),
            new Kind("multicluster.openshift.io", "MultiClusterEngine", "multicluster-engine", DECLARED,
                    "the multicluster engine operator"));

    private OperatorKinds() {}

    /** The table's entry for a group and kind. */
    public static Optional<Kind> of(String group, String kind) {
        return KINDS.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).findFirst();
    }
}
