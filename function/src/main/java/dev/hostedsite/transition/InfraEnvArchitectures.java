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
 * {@code spec.cpuArchitecture} stays the primary one as long as a pool of that architecture remains, so adding a
 * pool of another architecture (or reordering pools) never asks the hub to change it: assisted-service's InfraEnv
 * webhook refuses that ("Attempted to change Spec.CpuArchitecture which is immutable after InfraEnv creation.",
 * openshift/assisted-service pkg/webhooks/agentinstall/v1beta1/infraenv_admission_hook.go), and the hosts that
 * booted from it belong to it. Without a previous render the order of {@link Hosts#PRIMARY_ORDER} decides.
 */
public final class InfraEnvArchitectures {
    private InfraEnvArchitectures() {}

    /** The sites with each cluster's primary architecture fixed from the previous render, where it has one. */
    public static List<Site> pin(List<Site> sites, Map<ObjectKey, ObjectNode> previous) {
        if (previous.isEmpty()) {
            return sites;
        }
        List<Site> out = new ArrayList<>();
        for (Site s : sites) {
            List<Cluster> clusters = new ArrayList<>();
            for (Cluster c : s.clusters()) {
                ObjectNode ie = previous.get(new ObjectKey("agent-install.openshift.io", "InfraEnv",
                        c.controlPlaneNamespace(), c.name()));
                String arch = ie == null ? null : Hosts.nodePoolArch(ie.path("spec").path("cpuArchitecture").asText());
                boolean kept = arch != null && c.nodePools().stream().anyMatch(p -> p.arch().equals(arch));
                clusters.add(kept ? c.withPrimaryArchitecture(arch) : c);
            }
            out.add(new Site(s.name(), s.baseDomain(), s.hub(), List.copyOf(clusters), s.externalSecrets(), s.ref(), s.file()));
        }
        return out;
    }
}
