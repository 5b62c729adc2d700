package dev.hostedsite.kinds.catalog;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.acm.KlusterletAddonConfigKind;
import dev.hostedsite.kinds.acm.ManagedClusterKind;
import dev.hostedsite.platform.agent.BareMetalHostKind;
import dev.hostedsite.platform.agent.CapiProviderRoleKind;
import dev.hostedsite.platform.agent.InfraEnvKind;
import dev.hostedsite.platform.agent.NMStateConfigKind;
import dev.hostedsite.kinds.hostedcluster.HostedClusterKind;
import dev.hostedsite.kinds.config.ImageConfigKind;
import dev.hostedsite.kinds.config.MirrorSetKinds;
import dev.hostedsite.kinds.config.OperatorHubKind;
import dev.hostedsite.kinds.nodepool.NodePoolKind;
import dev.hostedsite.kinds.olm.CatalogSourceKind;
import dev.hostedsite.kinds.olm.OperatorGroupKind;
import dev.hostedsite.kinds.olm.SubscriptionKind;
import dev.hostedsite.operators.mce.MultiClusterEngineKind;
import dev.hostedsite.operators.metallb.IPAddressPoolKind;
import dev.hostedsite.operators.metallb.L2AdvertisementKind;
import dev.hostedsite.operators.metallb.MetalLBKind;
import dev.hostedsite.platform.agent.AgentServiceConfigKind;
import dev.hostedsite.platform.agent.ProvisioningKind;
import java.util.List;
import java.util.Optional;

/**
 * The kinds declared as units ({@code kinds/<kind>/}), which the generic passes read instead of tables of their
 * own: sync waves, readiness needs, references, field map. Kinds move here one family at a time (NodePool
 * first); the passes keep their tables for the kinds not declared yet.
 */
public final class KindCatalog {
    /** Every declared kind. */
    public static final List<KindSpec> DECLARED = List.of(
            NodePoolKind.SPEC,
            // the hosted clusters: HyperShift, the Agent platform's per-cluster objects, ACM registration
            HostedClusterKind.SPEC,
            InfraEnvKind.SPEC, NMStateConfigKind.SPEC, BareMetalHostKind.SPEC, CapiProviderRoleKind.SPEC,
            ManagedClusterKind.SPEC, KlusterletAddonConfigKind.SPEC,
            // the hub: OLM, config.openshift.io, the agent platform's operators, MetalLB
            SubscriptionKind.SPEC, OperatorGroupKind.SPEC, CatalogSourceKind.SPEC,
            ImageConfigKind.SPEC, OperatorHubKind.SPEC, MirrorSetKinds.DIGEST, MirrorSetKinds.TAG,
            MultiClusterEngineKind.SPEC, AgentServiceConfigKind.SPEC, ProvisioningKind.SPEC,
            MetalLBKind.SPEC, IPAddressPoolKind.SPEC, L2AdvertisementKind.SPEC);

    private KindCatalog() {}

    /** The declaration of a kind (by kind name: the render emits each kind from one API group), if declared. */
    public static Optional<KindSpec> of(String kind) {
        for (KindSpec k : DECLARED) {
            if (k.kind().equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
