package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a render that changes a field the hub refuses to change once the object exists
 * ({@link ImmutableFields}): the API server would reject Argo CD's apply, and the failed sync blocks every
 * other change of the site until the Git history is fixed.
 */
public final class ImmutableFieldGuard {
    private ImmutableFieldGuard() {}

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<ObjectKey, ObjectNode> e : t.after().entrySet()) {
            ObjectNode before = t.before().get(e.getKey());
            if (before == null) {
                continue;
            }
            for (ImmutableFields.Rule r : ImmutableFields.refusals(before, e.getValue())) {
                out.add(finding(t, e.getKey(), r, before, e.getValue()));
            }
        }
        return out;
    }

    private static Diagnostic finding(Transition t, ObjectKey key, ImmutableFields.Rule r, JsonNode before, JsonNode after) {
        JsonNode old = r.valueIn(before);
        JsonNode now = r.valueIn(after);
        String change = now == null ? "removes it (it was " + show(old) + ")" : "changes it from " + show(old) + " to " + show(now);
        String message = key + " exists on the hub, and its " + r.field() + " cannot change after creation (upstream rule '"
                + r.rule() + "', " + r.source() + "). This render " + change + ": the API server would refuse Argo CD's"
                + " apply, and the failed sync blocks every other change of the site. Revert the change. "
                + procedure(key);
        Transition.Origin origin = t.origin(key).orElse(null);
        if (origin == null) {
            // a hub object (the MultiClusterEngine): its rule names the absolute HostedSite field
            var site = t.ownerSite(after).orElse(t.sites().get(0));
            String field = r.siteField() != null && r.siteField().startsWith("spec.") ? r.siteField() : "spec.clusters";
            return Diagnostic.error(site.ref(), field, message).withFile(site.file())
                    .withValue(now == null ? null : show(now));
        }
        String field = r.siteField() == null ? origin.path()
                : r.siteField().startsWith("spec.") ? r.siteField() : origin.path() + "." + r.siteField();
        return Diagnostic.error(origin.ref(), field, message).withFile(origin.file()).withValue(now == null ? null : show(now));
    }

    /** How to make the change on purpose: the object has to be created anew. */
    static String procedure(ObjectKey key) {
        return switch (key.kind()) {
            case "HostedCluster" -> "The value is only taken when the HostedCluster is created; to have it, replace the"
                    + " cluster on purpose, in two renders: back up what runs in it, remove the cluster from the HostedSite"
                    + " and sync (its control plane, etcd data and nodes are deleted), then add it again with the new value"
                    + " and sync.";
            case "NodePool" -> "The value is only taken when the NodePool is created; to have it, add a new pool with"
                    + " another name and the new value, move the hosts to it (lower the old pool's replicas first), sync,"
                    + " and remove the old pool in a later render.";
            case "BareMetalHost" -> "The value is only taken when the BareMetalHost is registered; to have it, remove the"
                    + " host from the HostedSite (scale its pool down first), sync, then add it again with the new value.";
            case "InfraEnv" -> "An InfraEnv serves one architecture's discovery image for as long as it exists, and the"
                    + " hosts that booted from it belong to it. hostedsite names the InfraEnv of a cluster's primary"
                    + " architecture after the cluster (" + Hosts.PRIMARY_ORDER.get(0) + " when a pool is "
                    + Hosts.PRIMARY_ORDER.get(0) + ", else " + String.join(", ", Hosts.PRIMARY_ORDER.subList(1,
                    Hosts.PRIMARY_ORDER.size())) + " in that"
                    + " order, whatever the order of nodePools) and the others <cluster>-<arch>: keep the pools of the"
                    + " architecture the InfraEnv serves. To change it on purpose, remove the hosts and pools of that"
                    + " architecture first (see the host removal procedure), sync, then add the new ones.";
            // stolostron/backplane-operator api/v1/multiclusterengine_webhook.go: ValidateUpdate refuses the change,
            // ValidateDelete refuses the delete while the resources of blockDeletionResources (and ManagedClusters
            // other than the local cluster) exist; the operator's uninstall removes every component it installed
            case "MultiClusterEngine" -> "The multicluster engine runs HyperShift and assisted-service (with its"
                    + " database of hosts and agents) in its target namespace, and that namespace cannot be moved: keep"
                    + " spec.hub.mceNamespace as it was. Do not delete the MultiClusterEngine by hand to get past this:"
                    + " deleting it uninstalls HyperShift and assisted-service from the hub (its webhook refuses the"
                    + " delete anyway while an AgentServiceConfig, a ManagedCluster other than the local cluster, a"
                    + " ClusterPool or a DiscoveryConfig exists). Moving the engine to another namespace is a"
                    + " reinstall of the multicluster engine: do it only as a planned hub rebuild, after every hosted"
                    + " cluster has been removed from the HostedSites (or moved to another hub) and synced, following"
                    + " the multicluster engine's uninstall procedure; then render with the new namespace.";
            default -> "To have the new value, delete " + key + " by hand before the sync; Argo CD then creates it anew.";
        };
    }

    static String show(JsonNode n) {
        return n == null ? "(none)" : n.isTextual() ? n.asText() : Yaml.json(n).strip();
    }
}
