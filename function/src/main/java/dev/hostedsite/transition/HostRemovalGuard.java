package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.Hosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Host removal and scale-down, which HyperShift cannot do for a chosen host by itself. When a NodePool's
 * replicas go down, Cluster API's MachineSet deletes the Machine its delete policy picks, not the one on the
 * host you mean, unless that Machine carries {@code cluster.x-k8s.io/delete-machine}, which every policy
 * deletes first (kubernetes-sigs/cluster-api api/v1beta1/common_types.go, {@code DeleteMachineAnnotation};
 * HyperShift runs one MachineSet/MachineDeployment per NodePool in the hosted control plane namespace, where
 * the Agent platform's Agents, AgentMachines and Machines live).
 *
 * <p>The choice made here: the render refuses to remove a host while the pool that selected it has not been
 * scaled down first. Removing a host is an error when, in the same render, the pool's replicas drop (the
 * BareMetalHost is deleted under a running node, and the scale-down may take another node too) or the pool
 * keeps more replicas than it has hosts left; the message gives the two-render procedure, with the exact
 * Agent and Machine to mark. A removal after the scale-down is a warning that says how to check that the
 * host is free. A scale-down without a host removal is a warning saying how to choose the node that goes.
 */
public final class HostRemovalGuard {
    private HostRemovalGuard() {}

    /** BareMetalHost label of the Agent that runs on it (openshift/assisted-service internal/controller/controllers/bmh_agent_controller.go, AGENT_BMH_LABEL). */
    static final String AGENT_BMH_LABEL = "agent-install.openshift.io/bmh";
    static final String DELETE_MACHINE = "cluster.x-k8s.io/delete-machine";

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectKey hc : t.ofKind(t.after(), "HostedCluster").keySet()) {
            if (t.before().containsKey(hc)) {
                check(t, hc, out);
            }
        }
        return out;
    }

    private static void check(Transition t, ObjectKey hc, List<Diagnostic> out) {
        String cpns = RenameGuard.agentNamespace(t.after().get(hc));
        Map<ObjectKey, ObjectNode> before = t.inNamespace(t.before(), "BareMetalHost", cpns);
        Map<ObjectKey, ObjectNode> after = t.inNamespace(t.after(), "BareMetalHost", cpns);
        Transition.Origin cluster = t.origin(hc).orElseThrow();
        List<ObjectKey> poolsWithRemovals = new ArrayList<>();
        for (Map.Entry<ObjectKey, ObjectNode> gone : before.entrySet()) {
            ObjectKey host = gone.getKey();
            if (after.containsKey(host) || after.values().stream().anyMatch(a -> RenameGuard.renamedFrom(before, t.after(), a)
                    .map(host::equals).orElse(false))) {
                continue;
            }
            for (ObjectKey pool : RenameGuard.poolsOf(t, t.before(), hc)) {
                ObjectNode poolBefore = t.before().get(pool);
                ObjectNode poolAfter = t.after().get(pool);
                if (poolAfter == null || !Hosts.matches(selector(poolBefore), labels(gone.getValue()))) {
                    continue;
                }
                poolsWithRemovals.add(pool);
                int was = poolBefore.path("spec").path("replicas").asInt();
                int now = poolAfter.path("spec").path("replicas").asInt();
                long left = after.values().stream().filter(h -> Hosts.matches(selector(poolAfter), labels(h))).count();
                String field = cluster.path() + ".hosts";
                if (now < was || was > left) {
                    String why = now < was ? "and lowers the pool's replicas from " + was + " to " + now + " in the same"
                            + " sync: the BareMetalHost is deleted under its running node, and for the lower replica count"
                            + " Cluster API deletes the Machine its delete policy picks, possibly another node"
                            : "while the pool keeps " + was + " replicas for " + left + " remaining "
                            + (left == 1 ? "host" : "hosts") + ": the BareMetalHost is deleted under its running node and"
                            + " the pool cannot replace it";
                    out.add(Diagnostic.error(cluster.ref(), field, "this render removes host " + host.name() + " (BareMetalHost "
                            + RenameGuard.display(host) + ") of NodePool " + RenameGuard.display(pool) + " " + why + "."
                            + " Remove a host in two renders. (1) Keep the host, set the pool's replicas to "
                            + Math.min(was - 1, (int) left) + ", and before syncing mark the Machine on that host: "
                            + drainCommands(cpns, host) + " Sync, and wait until the node is gone and the Agent is unbound"
                            + " (spec.clusterDeploymentName empty). (2) Remove the host from the HostedSite and sync.")
                            .withFile(cluster.file()).withValue(host.name()));
                } else {
                    out.add(Diagnostic.warning(cluster.ref(), field, "this render removes host " + host.name()
                            + " (BareMetalHost " + RenameGuard.display(host) + "): the sync deletes the BareMetalHost."
                            + " Before syncing, make sure no node runs on it: oc get agents -n " + cpns + " -l "
                            + AGENT_BMH_LABEL + "=" + host.name() + " must show no cluster (spec.clusterDeploymentName"
                            + " empty). If one does, scale the pool down first with that host's Machine marked "
                            + DELETE_MACHINE + ".").withFile(cluster.file()).withValue(host.name()));
                }
            }
        }
        for (ObjectKey pool : RenameGuard.poolsOf(t, t.after(), hc)) {
            ObjectNode poolBefore = t.before().get(pool);
            if (poolBefore == null || poolsWithRemovals.contains(pool)) {
                continue;
            }
            int was = poolBefore.path("spec").path("replicas").asInt();
            int now = t.after().get(pool).path("spec").path("replicas").asInt();
            if (now < was) {
                Transition.Origin origin = t.origin(pool).orElse(cluster);
                out.add(Diagnostic.warning(origin.ref(), origin.path() + ".replicas", "this render lowers the replicas of"
                        + " NodePool " + RenameGuard.display(pool) + " from " + was + " to " + now + ": Cluster API deletes"
                        + " the Machines its delete policy picks. To choose the node that goes (for instance before"
                        + " removing its host), mark its Machine before syncing: " + drainCommands(cpns, null))
                        .withFile(origin.file()).withValue(Integer.toString(now)));
            }
        }
    }

    /** The commands that find a host's Agent and Machine and mark the Machine for deletion. */
    static String drainCommands(String cpns, ObjectKey host) {
        String agentSelector = host == null ? "" : " -l " + AGENT_BMH_LABEL + "=" + host.name();
        return "find the host's Agent (oc get agents -n " + cpns + agentSelector + "), the AgentMachine bound to it"
                + " (oc get agentmachines -n " + cpns + " -o custom-columns=NAME:.metadata.name,AGENT:.status.agentRef.name,"
                + "MACHINE:.metadata.ownerReferences[0].name) and annotate its Machine: oc annotate machine -n " + cpns
                + " MACHINE " + DELETE_MACHINE + "=yes.";
    }

    /** The pool's agentLabelSelector; an empty selector (no selector) matches every host. */
    static JsonNode selector(JsonNode pool) {
        return pool.path("spec").path("platform").path("agent").path("agentLabelSelector");
    }

    /** The agent labels the previous render put on the host as BareMetalHost annotations. */
    static Map<String, String> labels(JsonNode host) {
        Map<String, String> out = new TreeMap<>();
        host.path("metadata").path("annotations").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(ClusterGenerator.AGENT_LABEL_PREFIX)) {
                out.put(e.getKey().substring(ClusterGenerator.AGENT_LABEL_PREFIX.length()), e.getValue().asText());
            }
        });
        return out;
    }
}
