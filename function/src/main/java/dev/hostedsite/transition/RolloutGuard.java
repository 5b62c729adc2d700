package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which NodePools a render makes HyperShift roll, and why, from {@link Consequences}: a pool rolls when an
 * input of its rollout hash changes (openshift/hypershift hypershift-operator/controllers/nodepool/config.go,
 * {@code ConfigGenerator.Hash}): its release version, its config and tuning ConfigMaps (name or content), its
 * machine template (agentLabelSelector; Replace pools only: {@link Consequences#MACHINE_TEMPLATE_FIELDS}), and,
 * from its HostedCluster, the mirrors ({@code imageContentSources}), the trust bundle's name, the pull secret's
 * name and the ssh key. Content changes of the pull secret or trust bundle under the same name are not rolled
 * out ({@link ConsequenceGuard}). One warning per rolled pool, on the pool's place in the HostedSite.
 */
public final class RolloutGuard {
    private RolloutGuard() {}

    /** A NodePool that rolls: its identity, upgradeType, and one reason per changed input (with its source). */
    public record Roll(ObjectKey pool, String upgradeType, List<String> reasons) {}

    /** The HostedCluster fields that roll every pool of the cluster (each a ROLLS_NODES rule of {@link Consequences}). */
    static final List<String> CLUSTER_FIELDS = List.of("spec.imageContentSources", "spec.additionalTrustBundle.name",
            "spec.pullSecret.name", "spec.sshKey.name");

    /** The pools this transition rolls, in identity order. */
    public static List<Roll> rolls(Transition t) {
        List<Roll> out = new ArrayList<>();
        for (Map.Entry<ObjectKey, ObjectNode> e : t.ofKind(t.after(), "NodePool").entrySet()) {
            ObjectNode before = t.before().get(e.getKey());
            if (before == null) {
                continue;
            }
            List<String> reasons = reasons(t, before, e.getValue());
            if (!reasons.isEmpty()) {
                out.add(new Roll(e.getKey(), e.getValue().path("spec").path("management").path("upgradeType").asText(),
                        List.copyOf(reasons)));
            }
        }
        return out;
    }

    private static List<String> reasons(Transition t, JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        String ns = after.path("metadata").path("namespace").asText();
        // a release move HyperShift refuses (ReleaseGuard) leaves the nodes where they are: not a roll
        if (!before.path("spec").path("release").equals(after.path("spec").path("release"))
                && ReleaseGuard.refusal(before, after, FieldValues.networkType(t, after)).isEmpty()) {
            out.add("release " + release(before) + " → " + release(after) + because("NodePool", "spec.release.image"));
        }
        for (String list : List.of("config", "tuningConfig")) {
            JsonNode was = before.path("spec").path(list);
            JsonNode is = after.path("spec").path(list);
            if (!was.equals(is)) {
                out.add("spec." + list + " " + names(was) + " → " + names(is) + because("NodePool", "spec." + list));
                continue;
            }
            for (JsonNode ref : is) {
                ObjectKey cm = ObjectKey.core("ConfigMap", ns, ref.path("name").asText());
                JsonNode a = t.before().get(cm);
                JsonNode b = t.after().get(cm);
                if (a != null && b != null && !Objects.equals(a.path("data"), b.path("data"))) {
                    out.add("the content of ConfigMap " + cm.name() + " (spec." + list + ")" + because("NodePool", "spec." + list));
                }
            }
        }
        for (String f : Consequences.MACHINE_TEMPLATE_FIELDS) {
            JsonNode was = ImmutableFields.at(before, f);
            JsonNode is = ImmutableFields.at(after, f);
            if (!Objects.equals(was, is) && Consequences.rollsByMachineTemplate(after, f)) {
                out.add("the machine template (" + f + ") " + ImmutableFieldGuard.show(was) + " → "
                        + ImmutableFieldGuard.show(is) + because("NodePool", f));
            }
        }
        ObjectKey hc = new ObjectKey("hypershift.openshift.io", "HostedCluster", ns, after.path("spec").path("clusterName").asText());
        JsonNode hcBefore = t.before().get(hc);
        JsonNode hcAfter = t.after().get(hc);
        if (hcBefore == null || hcAfter == null) {
            return out;
        }
        for (String f : CLUSTER_FIELDS) {
            JsonNode was = ImmutableFields.at(hcBefore, f);
            JsonNode is = ImmutableFields.at(hcAfter, f);
            if (!Objects.equals(was, is)) {
                String what = f.equals("spec.imageContentSources") ? "the mirrors (HostedCluster " + hc.name()
                        + " spec.imageContentSources) " + mirrors(was) + " → " + mirrors(is)
                        : "HostedCluster " + hc.name() + " " + f + " " + ImmutableFieldGuard.show(was) + " → "
                        + ImmutableFieldGuard.show(is);
                out.add(what + because("HostedCluster", f));
            }
        }
        JsonNode ssh = ImmutableFields.at(hcAfter, "spec.sshKey.name");
        if (ssh != null && Objects.equals(ssh, ImmutableFields.at(hcBefore, "spec.sshKey.name"))) {
            ObjectKey secret = ObjectKey.core("Secret", ns, ssh.asText());
            JsonNode a = t.before().get(secret);
            JsonNode b = t.after().get(secret);
            if (a != null && b != null && !(Objects.equals(a.path("data"), b.path("data"))
                    && Objects.equals(a.path("stringData"), b.path("stringData")))) {
                out.add("the content of ssh key Secret " + secret.name() + Consequences.ofReferenced("Secret", "data",
                        "spec.sshKey.name").map(r -> " (" + r.why() + "; " + r.source() + ")").orElse(""));
            }
        }
        return out;
    }

    private static String because(String kind, String field) {
        return Consequences.of(kind, field).map(r -> " (" + r.why() + "; " + r.source() + ")").orElse("");
    }

    /** A pool's release as its version when the render carries it, else its image. */
    static String release(JsonNode pool) {
        String v = pool.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText("");
        return v.isEmpty() ? pool.path("spec").path("release").path("image").asText() : v;
    }

    private static String names(JsonNode refs) {
        List<String> out = new ArrayList<>();
        refs.forEach(r -> out.add(r.path("name").asText()));
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    private static String mirrors(JsonNode ics) {
        List<String> out = new ArrayList<>();
        if (ics != null) {
            ics.forEach(e -> out.add(e.path("source").asText()));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** What an upgradeType does on bare metal with the Agent platform. */
    public static String upgradeTypeMeaning(String upgradeType) {
        return "Replace".equals(upgradeType)
                ? "upgradeType Replace: for each node a new Machine is created first and needs a free Agent (a spare"
                + " registered host), then the old node is drained and deleted and its host is deprovisioned; without"
                + " a spare host the rollout waits"
                : "upgradeType InPlace: each node in turn is drained, gets the new config or release on the same host"
                + " and reboots; no spare host is needed";
    }

    /** One warning per rolled pool, at the pool's place in the HostedSite. */
    public static List<Diagnostic> check(Transition t, List<Roll> rolls) {
        List<Diagnostic> out = new ArrayList<>();
        for (Roll r : rolls) {
            Transition.Origin origin = t.origin(r.pool()).orElse(null);
            if (origin == null) {
                continue;
            }
            out.add(Diagnostic.warning(origin.ref(), origin.path(), "this render rolls NodePool "
                    + RenameGuard.display(r.pool()) + ": " + String.join("; ", r.reasons()) + ". HyperShift replaces"
                    + " the configuration of every node of the pool (" + upgradeTypeMeaning(r.upgradeType()) + ")."
                    + " Sync it in a maintenance window.").withFile(origin.file()));
        }
        return out;
    }
}
