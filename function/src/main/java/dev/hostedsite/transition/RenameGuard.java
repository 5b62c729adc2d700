package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a render that renames or moves a HostedCluster, NodePool or BareMetalHost. Kubernetes cannot rename
 * an object: with Argo CD's automatic prune the sync deletes the running one and creates an empty one.
 * <ul>
 *   <li>HostedCluster: in one render a site drops one and adds another (same name in another namespace, or
 *       a new name);</li>
 *   <li>NodePool: a HostedCluster that stays loses one pool and gains another;</li>
 *   <li>BareMetalHost: in a HostedCluster that stays, a host disappears and one with the same
 *       {@code bootMACAddress} appears under another name.</li>
 * </ul>
 * Removing an object alone is not a rename: a HostedCluster or NodePool removed on purpose is a warning,
 * a host is for {@link HostRemovalGuard}.
 */
public final class RenameGuard {
    private RenameGuard() {}

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        hostedClusters(t, out);
        for (ObjectKey hc : t.ofKind(t.after(), "HostedCluster").keySet()) {
            if (t.before().containsKey(hc)) {
                nodePools(t, hc, out);
                hosts(t, hc, out);
            }
        }
        return out;
    }

    private static void hostedClusters(Transition t, List<Diagnostic> out) {
        for (Site site : t.sites()) {
            List<ObjectKey> gone = new ArrayList<>();
            t.ofKind(t.before(), "HostedCluster").forEach((k, o) -> {
                if (!t.after().containsKey(k) && t.ownerSite(o).map(s -> s == site).orElse(false)) {
                    gone.add(k);
                }
            });
            List<ObjectKey> added = new ArrayList<>();
            for (ObjectKey k : t.ofKind(t.after(), "HostedCluster").keySet()) {
                if (!t.before().containsKey(k) && t.origin(k).map(o -> o.site() == site).orElse(false)) {
                    added.add(k);
                }
            }
            for (ObjectKey k : added) {
                Optional<ObjectKey> old = gone.stream().filter(g -> g.name().equals(k.name())).findFirst()
                        .or(() -> gone.stream().findFirst());
                if (old.isEmpty()) {
                    continue;
                }
                gone.remove(old.get());
                Transition.Origin origin = t.origin(k).orElseThrow();
                boolean moved = old.get().name().equals(k.name());
                String message = "this render " + (moved ? "moves HostedCluster " + old.get().name() + " from namespace "
                        + old.get().namespace() + " to " + k.namespace() : "replaces HostedCluster " + display(old.get())
                        + " with " + display(k) + " (a rename)") + ". Kubernetes cannot rename or move an object: the"
                        + " sync deletes the running hosted cluster " + display(old.get()) + " (its control plane, its etcd"
                        + " data, its nodes; its hosts are deprovisioned) and creates an empty one. Keep the "
                        + (moved ? "namespace" : "name") + " of an existing cluster. To replace it on purpose, use two"
                        + " renders: remove the cluster from the HostedSite and sync (it is deleted), then add it under"
                        + " the new " + (moved ? "namespace" : "name") + " and sync.";
                out.add(Diagnostic.error(origin.ref(), origin.path() + (moved ? ".namespace" : ".name"), message)
                        .withFile(origin.file()).withValue(moved ? k.namespace() : k.name()));
            }
            for (ObjectKey k : gone) {
                out.add(Diagnostic.warning(site.ref(), "spec.clusters", "this render deletes HostedCluster " + display(k)
                        + ", which the previous render created: the sync destroys its control plane, its etcd data and"
                        + " every node, and deprovisions its hosts. Make sure that is meant and that what runs in it is"
                        + " backed up.").withFile(site.file()));
            }
        }
    }

    private static void nodePools(Transition t, ObjectKey hc, List<Diagnostic> out) {
        List<ObjectKey> gone = poolsOf(t, t.before(), hc);
        gone.removeIf(t.after()::containsKey);
        List<ObjectKey> added = poolsOf(t, t.after(), hc);
        added.removeIf(t.before()::containsKey);
        Transition.Origin cluster = t.origin(hc).orElseThrow();
        for (ObjectKey k : added) {
            if (gone.isEmpty()) {
                break;
            }
            ObjectKey old = gone.remove(0);
            Transition.Origin origin = t.origin(k).orElseThrow();
            out.add(Diagnostic.error(origin.ref(), origin.path() + ".name", "this render renames NodePool "
                    + display(old) + " of HostedCluster " + display(hc) + " to " + k.name() + ": the sync deletes NodePool "
                    + old.name() + " (HyperShift drains and deletes every one of its nodes) and creates " + k.name()
                    + ", which installs them again from scratch. Keep the name of an existing pool. To replace a pool on"
                    + " purpose, use two renders: add the new pool beside the old one (with hosts of its own, or after"
                    + " lowering the old pool's replicas) and sync, then remove the old pool and sync.")
                    .withFile(origin.file()).withValue(k.name()));
        }
        for (ObjectKey k : gone) {
            out.add(Diagnostic.warning(cluster.ref(), cluster.path() + ".nodePools", "this render deletes NodePool "
                    + display(k) + ", which the previous render created: the sync drains and deletes every node of the"
                    + " pool. Make sure that is meant.").withFile(cluster.file()));
        }
    }

    private static void hosts(Transition t, ObjectKey hc, List<Diagnostic> out) {
        String agentNamespace = agentNamespace(t.after().get(hc));
        Map<ObjectKey, ObjectNode> before = t.inNamespace(t.before(), "BareMetalHost", agentNamespace);
        Map<ObjectKey, ObjectNode> after = t.inNamespace(t.after(), "BareMetalHost", agentNamespace);
        for (Map.Entry<ObjectKey, ObjectNode> added : after.entrySet()) {
            if (before.containsKey(added.getKey())) {
                continue;
            }
            Optional<ObjectKey> old = renamedFrom(before, t.after(), added.getValue());
            Optional<Transition.Origin> origin = t.origin(added.getKey());
            if (old.isPresent() && origin.isPresent()) {
                out.add(Diagnostic.error(origin.get().ref(), origin.get().path() + ".name", "this render renames"
                        + " BareMetalHost " + display(old.get()) + " to " + added.getKey().name() + " (same bootMACAddress "
                        + mac(added.getValue()) + "): the sync deletes BareMetalHost " + old.get().name() + " (a node"
                        + " running on it is lost) and registers the machine again as a new host, which boots the"
                        + " discovery image. Keep the name of an existing host. To rename it on purpose, remove the host"
                        + " first (scale its pool down, see the host removal procedure), sync, then add it under the new"
                        + " name.").withFile(origin.get().file()).withValue(added.getKey().name()));
            }
        }
    }

    /** A host of {@code before} with the same boot MAC that the new render no longer has. */
    static Optional<ObjectKey> renamedFrom(Map<ObjectKey, ObjectNode> before, Map<ObjectKey, ObjectNode> after, JsonNode host) {
        return before.entrySet().stream().filter(b -> !after.containsKey(b.getKey()) && !mac(host).isEmpty()
                && mac(b.getValue()).equalsIgnoreCase(mac(host))).map(Map.Entry::getKey).findFirst();
    }

    /** The NodePools of a HostedCluster on one side of the transition. */
    static List<ObjectKey> poolsOf(Transition t, Map<ObjectKey, ObjectNode> side, ObjectKey hc) {
        List<ObjectKey> out = new ArrayList<>();
        t.inNamespace(side, "NodePool", hc.namespace()).forEach((k, o) -> {
            if (hc.name().equals(o.path("spec").path("clusterName").asText())) {
                out.add(k);
            }
        });
        return out;
    }

    static String agentNamespace(JsonNode hostedCluster) {
        return hostedCluster.path("spec").path("platform").path("agent").path("agentNamespace").asText("");
    }

    static String mac(JsonNode host) {
        return host.path("spec").path("bootMACAddress").asText("");
    }

    static String display(ObjectKey k) {
        return (k.namespace() == null ? "" : k.namespace() + "/") + k.name();
    }
}
