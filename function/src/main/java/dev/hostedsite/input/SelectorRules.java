package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster.NodePool;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NodePool {@code hostSelector}s against the hosts a cluster declares. A pool's selector becomes its
 * {@code spec.platform.agent.agentLabelSelector}, and a host's {@code labels} become its Agent's labels (BMAC copies
 * the BareMetalHost's {@code bmac.agent-install.openshift.io.agent-label.*} annotations: openshift/assisted-service
 * {@code internal/controller/controllers/bmh_agent_controller.go}); HyperShift copies the selector into the pool's AgentMachines,
 * and the Cluster API agent provider gives a machine only an Agent that carries those labels
 * (openshift/cluster-api-provider-agent {@code api/v1beta1/agentmachine_types.go} {@code AgentLabelSelector}: "The
 * labels that must be set on an Agent in order to be selected for this Machine"). Per cluster, with hosts of the pool's
 * architecture ({@link Hosts#hostsFor}):
 * <ul>
 *   <li>a pool that selects no host, while a host is selected by no pool: an error naming both sides (the pool's
 *       replicas default to 0, or it waits forever; the host sits unbound) — the {@code pool: devworkers} versus
 *       {@code pool: dev-workers} typo; a pool that selects no host while every host has a pool: a warning;</li>
 *   <li>a host no pool selects: a warning naming the pools and their selectors (when no empty pool explains it);</li>
 *   <li>a host two pools select: an error when the two pools together want more agents than the hosts they can
 *       take (a defaulted {@code replicas} counts the shared host in both), else a warning: which pool gets it is
 *       the order agents happen to be bound in.</li>
 * </ul>
 */
public final class SelectorRules {
    private SelectorRules() {}

    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            List<Finding> findings = new ArrayList<>();
            site.clusters().forEach(c -> findings.addAll(check(c)));
            out.addAll(Finding.diagnostics(site, findings));
        }
        return out;
    }

    static List<Finding> check(Cluster c) {
        List<Finding> out = new ArrayList<>();
        if (c.hosts().isEmpty()) {
            return out; // agents booted by hand: nothing declared to compare with
        }
        // hosts whose architecture is ambiguous or has no pool are the architecture rules' to report
        List<String> arches = Hosts.architectures(c);
        List<Host> candidates = c.hosts().stream()
                .filter(h -> Hosts.archOf(c, h).map(arches::contains).orElse(false)).toList();
        if (candidates.isEmpty()) {
            return out;
        }
        List<Host> orphans = candidates.stream()
                .filter(h -> c.nodePools().stream().noneMatch(p -> Hosts.hostsFor(c, p).contains(h))).toList();
        for (NodePool p : c.nodePools()) {
            if (!Hosts.hostsFor(c, p).isEmpty()) {
                continue;
            }
            String path = p.hostSelector() != null ? p.path() + ".hostSelector" : p.path() + ".arch";
            String selector = describe(p);
            if (!orphans.isEmpty()) {
                out.add(Finding.error(path, "NodePool " + p.name() + " (" + selector + ") selects none of the cluster's"
                        + " hosts, and " + names(orphans) + " " + (orphans.size() == 1 ? "is" : "are") + " selected by no"
                        + " pool (labels " + labels(orphans) + "): the pool gets no workers and the host"
                        + (orphans.size() == 1 ? "" : "s") + " never join" + (orphans.size() == 1 ? "s" : "") + "."
                        + hint(p, orphans) + " Make the selector and the hosts' labels agree.", selector));
            } else {
                out.add(Finding.warning(path, selector, "NodePool " + p.name() + " (" + selector + ") selects none of"
                        + " the cluster's hosts: " + (p.replicas() == null && p.autoscaling() == null
                        ? "its replicas default to 0, so it has no nodes" : "it waits for agents booted by hand from the"
                        + " discovery ISO") + ". Correct the selector or the hosts' labels, or remove the pool."));
            }
        }
        boolean explained = c.nodePools().stream().anyMatch(p -> Hosts.hostsFor(c, p).isEmpty());
        if (!explained) {
            for (Host h : orphans) {
                out.add(Finding.warning(h.path() + ".labels", labels(List.of(h)), "host " + h.name() + " (labels "
                        + labels(List.of(h)) + ", arch " + Hosts.archOf(c, h).orElse("?") + ") is selected by no"
                        + " NodePool (" + c.nodePools().stream().map(p -> p.name() + ": " + describe(p))
                        .collect(Collectors.joining("; ")) + "): it registers as an Agent that no pool takes. Label it"
                        + " for a pool, or remove it."));
            }
        }
        shared(c, out);
        return out;
    }

    private static void shared(Cluster c, List<Finding> out) {
        List<NodePool> pools = c.nodePools();
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                NodePool a = pools.get(i);
                NodePool b = pools.get(j);
                List<Host> ha = Hosts.hostsFor(c, a);
                List<Host> hb = Hosts.hostsFor(c, b);
                List<Host> both = ha.stream().filter(hb::contains).toList();
                if (both.isEmpty() || a.name().equals(b.name())) { // a duplicate name is reported as such
                    continue;
                }
                Set<Host> union = new LinkedHashSet<>(ha);
                union.addAll(hb);
                int wanted = wanted(a, ha.size()) + wanted(b, hb.size());
                String msg = names(both) + (both.size() == 1 ? " is" : " are") + " selected by both NodePool " + a.name()
                        + " (" + describe(a) + ", at " + a.path() + ") and NodePool " + b.name() + " (" + describe(b)
                        + "): an Agent goes to whichever pool binds it first.";
                String path = b.hostSelector() != null ? b.path() + ".hostSelector" : b.path();
                if (wanted > union.size()) {
                    out.add(Finding.error(path, msg + " Together the pools want " + wanted + " agents but only "
                            + union.size() + " host(s) can join them" + (a.replicas() == null || b.replicas() == null
                            ? " (a pool without replicas counts every host it selects, the shared ones twice)" : "")
                            + ", so one pool waits forever. Give the pools disjoint selectors.", describe(b)));
                } else {
                    out.add(Finding.warning(path, describe(b), msg + " Give the pools disjoint selectors so each host"
                            + " has one pool."));
                }
            }
        }
    }

    /** Agents a pool waits for: its replicas, its autoscaling minimum, or (defaulted) the hosts it selects. */
    private static int wanted(NodePool p, int selected) {
        if (p.autoscaling() != null) {
            return p.autoscaling().min();
        }
        return p.replicas() != null ? p.replicas() : selected;
    }

    /** A pool's selector as text: {@code pool=dev-workers}, or {@code no hostSelector, arch arm64}. */
    static String describe(NodePool p) {
        if (p.hostSelector() == null) {
            return "no hostSelector, arch " + p.arch();
        }
        List<String> parts = new ArrayList<>();
        p.hostSelector().path("matchLabels").fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode r : p.hostSelector().path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            r.path("values").forEach(v -> values.add(v.asText()));
            parts.add(r.path("key").asText() + " " + r.path("operator").asText() + (values.isEmpty() ? "" : " " + values));
        }
        return (parts.isEmpty() ? "an empty selector" : String.join(", ", parts)) + ", arch " + p.arch();
    }

    /** When a host label differs from a pool's matchLabels value only by a typo, say which. */
    private static String hint(NodePool p, List<Host> orphans) {
        if (p.hostSelector() == null) {
            return "";
        }
        var it = p.hostSelector().path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            List<String> values = orphans.stream().map(h -> h.labels().get(e.getKey())).filter(v -> v != null)
                    .distinct().toList();
            Optional<String> near = Suggest.nearest(e.getValue().asText(), values);
            if (near.isPresent() && !near.get().equals(e.getValue().asText())) {
                return " The selector asks " + e.getKey() + "=" + e.getValue().asText() + "; did you mean "
                        + e.getKey() + "=" + near.get() + "?";
            }
        }
        return "";
    }

    private static String names(List<Host> hosts) {
        return "host" + (hosts.size() == 1 ? " " : "s ") + hosts.stream().map(Host::name).collect(Collectors.joining(", "));
    }

    private static String labels(List<Host> hosts) {
        return hosts.stream().map(Host::labels).distinct().map(SelectorRules::labelText)
                .collect(Collectors.joining(" / "));
    }

    private static String labelText(Map<String, String> labels) {
        return labels.isEmpty() ? "none" : labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
