package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings on each NodePool of a site, from the upstream rules {@link PoolRules} holds (label, taint,
 * autoscaling, version skew, config and tuning kinds, one PerformanceProfile: each cited there) plus what the
 * site itself knows:
 * how many hosts each pool can take, the names of the ConfigMaps its tuning documents become, and pool names
 * unique within a namespace (a NodePool is named by namespace/name). Findings name the HostedSite field.
 */
final class NodePoolRules extends FindingCollector {
    /** A ConfigMap name is a DNS-1123 subdomain: at most 253 characters (apimachinery IsDNS1123Subdomain). */
    private static final int CONFIGMAP_NAME_MAX = 253;


    private NodePoolRules() {}

    /** For each pool of the cluster: replicas against its hosts, autoscaling, labels and taints, release, config and tuning. */
    static List<Finding> check(Site site, Cluster c) {
        NodePoolRules r = new NodePoolRules();
        for (Cluster.NodePool np : c.nodePools()) {
            int available = Hosts.hostsFor(c, np).size();
            if (np.replicas() != null && np.replicas() > available) {
                r.warning(np.path() + ".replicas", "NodePool " + np.name() + " asks for " + np.replicas()
                        + (np.replicas() == 1 ? " replica" : " replicas") + " but the site declares " + available
                        + (available == 1 ? " host" : " hosts") + " for it; it waits for agents booted"
                        + " by hand from the discovery ISO.");
            }
            r.autoscaling(np, available);
            r.nodeLabelsAndTaints(np);
            r.release(c, np);
            r.nodeConfig(np);
        }
        return r.out;
    }

    /**
     * The pools of {@code c} whose namespace/name an earlier pool of the site (of this cluster or one before it in
     * the site) already has.
     */
    static List<Finding> uniqueNames(Site site, Cluster c) {
        List<Finding> out = new ArrayList<>();
        java.util.Map<String, String> pools = new java.util.HashMap<>();
        for (Cluster other : site.clusters()) {
            for (Cluster.NodePool p : other.nodePools()) {
                String prev = pools.putIfAbsent(other.namespace() + "/" + p.name(), p.path());
                if (prev != null && other == c) {
                    out.add(Finding.error(p.path() + ".name", "NodePool " + other.namespace() + "/" + p.name()
                            + " is also declared at " + prev + "; pool names must be unique within a namespace.", p.name()));
                }
            }
            if (other == c) {
                break;
            }
        }
        return out;
    }

    private void autoscaling(Cluster.NodePool np, int available) {
        Cluster.Autoscaling as = np.autoscaling();
        if (as == null) {
            return;
        }
        String p = np.path() + ".autoscaling";
        PoolRules.replicasWithAutoscalingProblem(np.replicas() != null, true)
                .ifPresent(m -> error(np.path() + ".replicas", m, np.replicas().toString()));
        PoolRules.autoscalingProblem(as.min(), as.max()).ifPresent(m -> error(p, m));
        if (as.max() > available) {
            warning(p + ".max", "NodePool " + np.name() + " may scale to " + as.max() + " nodes but the site declares "
                    + available + " host(s) for it; above that it waits for agents booted by hand from the discovery ISO.");
        }
    }

    private void nodeLabelsAndTaints(Cluster.NodePool np) {
        np.nodeLabels().forEach((k, v) -> {
            PoolRules.labelKeyProblem(k).ifPresent(m -> error(np.path() + ".nodeLabels", m, k));
            PoolRules.labelValueProblem(v).ifPresent(m -> error(np.path() + ".nodeLabels." + k, m, v));
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < np.taints().size(); i++) {
            Cluster.Taint t = np.taints().get(i);
            String p = np.path() + ".taints[" + i + "]";
            PoolRules.taintKeyProblem(t.key()).ifPresent(m -> error(p + ".key", m, t.key()));
            if (t.value() != null) {
                PoolRules.taintValueProblem(t.value()).ifPresent(m -> error(p + ".value", m, t.value()));
            }
            if (!seen.add(t.key() + ":" + t.effect())) {
                error(p, "taint " + t.key() + ":" + t.effect() + " is given twice; a Node holds one taint per key and"
                        + " effect.", t.key());
            }
        }
    }

    private void release(Cluster c, Cluster.NodePool np) {
        if (np.release() == null) {
            return;
        }
        String p = np.path() + ".release";
        if (c.release().version() == null) {
            error(p, "a pool with its own release needs the cluster's release.version, to check that the pool stays"
                    + " within the version skew HyperShift supports. Add spec.clusters[].release.version.");
            return;
        }
        PoolRules.skewProblem(c.release().version(), np.release().version())
                .ifPresent(m -> error(p + ".version", m, np.release().version()));
    }

    private void nodeConfig(Cluster.NodePool np) {
        for (int i = 0; i < np.config().size(); i++) {
            String p = np.path() + ".config[" + i + "]";
            JsonNode doc = np.config().get(i);
            PoolRules.configKindProblem(doc).ifPresent(m -> error(p + ".kind", m, doc.path("kind").asText()));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < np.tuning().size(); i++) {
            String p = np.path() + ".tuning[" + i + "]";
            JsonNode doc = np.tuning().get(i);
            PoolRules.tuningKindProblem(doc).ifPresent(m -> error(p + ".kind", m, doc.path("kind").asText()));
            String name = doc.path("metadata").path("name").asText();
            if (!names.add(name)) {
                error(p + ".metadata.name", "two tuning documents of pool " + np.name() + " are named '" + name
                        + "'; each becomes the ConfigMap " + Names.poolTuning(np, name) + ", so names must differ.", name);
            } else if (Names.poolTuning(np, name).length() > CONFIGMAP_NAME_MAX) {
                error(p + ".metadata.name", "the ConfigMap name " + Names.poolTuning(np, name) + " would be longer than"
                        + " 253 characters; shorten the document name.", name);
            }
        }
        PoolRules.performanceProfilesProblem(np.name(), np.tuning()).ifPresent(m -> error(np.path() + ".tuning", m));
    }
}
