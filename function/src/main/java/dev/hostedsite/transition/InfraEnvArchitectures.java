package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps each InfraEnv on the architecture it was created with. A cluster's InfraEnv named after the cluster serves
 * its primary architecture ({@link Hosts#architectures}); when the previous render has that InfraEnv, its
 * {@code spec.cpuArchitecture} stays the primary one, so adding a pool of another architecture (or reordering
 * pools) never asks the hub to change it: assisted-service's InfraEnv webhook refuses that ("Attempted to change
 * Spec.CpuArchitecture which is immutable after InfraEnv creation.", openshift/assisted-service
 * pkg/webhooks/agentinstall/v1beta1/infraenv_admission_hook.go), and the hosts that booted from it belong to it.
 * When its last pool goes, the InfraEnv goes with it and the others keep their {@code <cluster>-<arch>} names.
 * When the previous render has only {@code <cluster>-<arch>} InfraEnvs, the primary is the first of
 * {@link Hosts#PRIMARY_ORDER} that none of them serves, so none is renamed. Without a previous render the order
 * of {@link Hosts#PRIMARY_ORDER} decides.
 */
public final class InfraEnvArchitectures {
    private InfraEnvArchitectures() {}

    /** The primary architecture the previous render fixes for a cluster, if it has InfraEnvs of it. */
    static java.util.Optional<String> pinned(Cluster c, Map<ObjectKey, ObjectNode> previous) {
        ObjectNode named = previous.get(new ObjectKey(AGENT, "InfraEnv", c.controlPlaneNamespace(), c.name()));
        if (named != null) {
            return java.util.Optional.of(Hosts.nodePoolArch(named.path("spec").path("cpuArchitecture").asText()));
        }
        List<String> others = new ArrayList<>();
        for (String arch : Hosts.PRIMARY_ORDER) {
            if (previous.containsKey(new ObjectKey(AGENT, "InfraEnv", c.controlPlaneNamespace(), c.name() + "-" + arch))) {
                others.add(arch);
            }
        }
        return others.isEmpty() ? java.util.Optional.empty()
                : Hosts.PRIMARY_ORDER.stream().filter(a -> !others.contains(a)).findFirst();
    }

    private static final String AGENT = "agent-install.openshift.io";

    /** The sites with each cluster's primary architecture fixed from the previous render, where it has one. */
    public static List<Site> pin(List<Site> sites, Map<ObjectKey, ObjectNode> previous) {
        if (previous.isEmpty()) {
            return sites;
        }
        List<Site> out = new ArrayList<>();
        for (Site s : sites) {
            List<Cluster> clusters = new ArrayList<>();
            for (Cluster c : s.clusters()) {
                clusters.add(pinned(c, previous).map(c::withPrimaryArchitecture).orElse(c));
            }
            out.add(new Site(s.name(), s.baseDomain(), s.hub(), List.copyOf(clusters), s.externalSecrets(), s.ref(), s.file()));
        }
        return out;
    }
}
