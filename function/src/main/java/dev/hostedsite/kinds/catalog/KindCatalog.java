package dev.hostedsite.kinds.catalog;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.acm.KlusterletAddonConfigKind;
import dev.hostedsite.kinds.acm.ManagedClusterKind;
import dev.hostedsite.kinds.agent.BareMetalHostKind;
import dev.hostedsite.kinds.agent.CapiProviderRoleKind;
import dev.hostedsite.kinds.agent.InfraEnvKind;
import dev.hostedsite.kinds.agent.NMStateConfigKind;
import dev.hostedsite.kinds.hostedcluster.HostedClusterKind;
import dev.hostedsite.kinds.nodepool.NodePoolKind;
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
            HostedClusterKind.SPEC,
            InfraEnvKind.SPEC, NMStateConfigKind.SPEC, BareMetalHostKind.SPEC, CapiProviderRoleKind.SPEC,
            ManagedClusterKind.SPEC, KlusterletAddonConfigKind.SPEC);

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
