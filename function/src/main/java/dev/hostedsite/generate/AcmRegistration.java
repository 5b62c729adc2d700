package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.acm.KlusterletAddonConfigKind;
import dev.hostedsite.kinds.acm.ManagedClusterKind;
import dev.hostedsite.model.Cluster;
import java.util.List;

/**
 * The ACM registration of a hosted cluster with {@code managedCluster}: the cluster-scoped ManagedCluster and the
 * KlusterletAddonConfig in the namespace of the same name ({@code kinds/acm}), as the hypershift add-on's
 * auto-import creates them.
 */
public final class AcmRegistration {
    private AcmRegistration() {}

    /** The ManagedCluster and the KlusterletAddonConfig of {@code c}, or nothing without {@code managedCluster}. */
    public static List<ObjectNode> generate(Cluster c) {
        if (c.managedCluster() == null) {
            return List.of();
        }
        return List.of(ManagedClusterKind.build(c), KlusterletAddonConfigKind.build(c));
    }
}
