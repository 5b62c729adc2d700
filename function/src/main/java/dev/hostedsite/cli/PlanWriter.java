package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.Manifest;
import java.util.ArrayList;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.transition.ChangeSet;
import dev.hostedsite.transition.Consequences;
import dev.hostedsite.transition.ImmutableFields;
import dev.hostedsite.transition.RolloutGuard;
import java.util.function.BiFunction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan as Markdown-friendly text: a heading per sync wave, one list entry per object with what it refers
 * to. Reads as plain text in a terminal and renders as lists in a pull request.
 */
final class PlanWriter {
    private PlanWriter() {}

    /** The plan of {@code result} (a successful render) over its graph {@code g}. */
    static String write(String source, List<String> sites, ObjectGraph g, Compiler.Result result) {
        StringBuilder b = new StringBuilder();
        Map<Integer, List<ObjectGraph.Node>> waves = g.byWave();
        int objects = waves.values().stream().mapToInt(List::size).sum();
        long fromInput = waves.values().stream().flatMap(List::stream).filter(n -> n.origin() == ObjectGraph.Origin.INPUT).count();
        // the files render -o writes under artifacts/: one per data key of each local-config ConfigMap
        List<String> localFiles = List.copyOf(OutputDirectory.files(g.artifacts()).keySet());
        b.append("# hostedsite plan: ").append(source).append("\n\n");
        b.append("HostedSite ").append(String.join(", ", sites)).append(": ")
                .append(count(objects, "object")).append(fromInput == 0 ? "" : " (" + fromInput + " of them from the input)")
                .append(" to apply in ").append(count(waves.size(), "sync wave"))
                .append(", ").append(count(localFiles.size(), "local file"))
                .append(g.artifacts().isEmpty() ? "" : " (in " + count(g.artifacts().size(), "local-config ConfigMap") + ")")
                .append(" for the operator.\n");
        for (Map.Entry<Integer, List<ObjectGraph.Node>> wave : waves.entrySet()) {
            b.append("\n## Wave ").append(wave.getKey()).append(" (").append(count(wave.getValue().size(), "object"))
                    .append(")\n\n");
            for (ObjectGraph.Node n : wave.getValue()) {
                b.append("- ").append(n.key().kind()).append(' ').append(name(n))
                        .append(n.origin() == ObjectGraph.Origin.INPUT ? " (" + n.note() + ")" : "").append('\n');
                for (ObjectGraph.Edge e : g.edgesFrom(n)) {
                    if (e.namespaceOnly()) {
                        continue;
                    }
                    b.append("  - ").append(e.field()).append(" → ").append(e.to().key().kind()).append(' ')
                            .append(name(e.to()));
                    if (e.to().note() != null) {
                        b.append(" (").append(e.to().note()).append(')');
                    }
                    b.append('\n');
                }
            }
        }
        nodePools(b, result);
        List<ObjectGraph.Node> outside = g.outside();
        if (!outside.isEmpty()) {
            b.append("\n## Referenced, not generated\n\n");
            for (ObjectGraph.Node n : outside) {
                b.append("- ").append(n.key().kind()).append(' ').append(name(n)).append(": ").append(n.note()).append('\n');
            }
        }
        if (!localFiles.isEmpty()) {
            b.append("\n## Local files (never applied; `render -o DIR` writes them under artifacts/)\n\n");
            localFiles.forEach(f -> b.append("- ").append(f).append('\n'));
        }
        b.append("\nEvery namespaced object also needs its Namespace; those references are not listed.\n");
        return b.toString();
    }

    /**
     * One line per NodePool: arch, size, upgrade type, and whether it follows its cluster's release (and so
     * upgrades with it) or runs its own; below it, what this render rolls ({@code RolloutGuard.Roll}, one line per reason).
     */
    private static void nodePools(StringBuilder b, Compiler.Result result) {
        Map<String, String> clusterImages = new TreeMap<>();
        List<JsonNode> pools = new ArrayList<>();
        for (Manifest m : result.generated()) {
            JsonNode o = m.body();
            String id = o.path("metadata").path("namespace").asText() + "/";
            if (m.key().kind().equals("HostedCluster")) {
                clusterImages.put(id + m.key().name(), o.path("spec").path("release").path("image").asText());
            } else if (m.key().kind().equals("NodePool")) {
                pools.add(o);
            }
        }
        if (pools.isEmpty()) {
            return;
        }
        b.append("\n## NodePools\n\n");
        for (JsonNode np : pools) {
            JsonNode spec = np.path("spec");
            String ns = np.path("metadata").path("namespace").asText();
            String name = np.path("metadata").path("name").asText();
            JsonNode as = spec.path("autoScaling");
            String size = as.isObject() ? "autoscaling " + as.path("min").asInt() + "–" + as.path("max").asInt()
                    : count(spec.path("replicas").asInt(), "replica");
            String image = spec.path("release").path("image").asText();
            String cluster = ns + "/" + spec.path("clusterName").asText();
            String release = image.equals(clusterImages.get(cluster))
                    ? "follows the release of HostedCluster `" + cluster + "` (upgrades with it)"
                    : "runs its own release `" + image + "` (upgrades apart from HostedCluster `" + cluster + "`)";
            b.append("- NodePool `").append(ns).append('/').append(name).append("` (").append(spec.path("arch").asText())
                    .append(", ").append(size).append(", ").append(spec.path("management").path("upgradeType").asText())
                    .append("): ").append(release).append('\n');
            for (RolloutGuard.Roll r : result.changes().rolls()) {
                if (r.pool().name().equals(name) && ns.equals(r.pool().namespace())) {
                    b.append("  - rolls: ").append(String.join("; ", r.reasons())).append('\n');
                }
            }
        }
    }

    /**
     * The changes against the previous render, one line each: {@code - created|changed|deleted: Kind `ns/name`},
     * where in the HostedSite it comes from, and the consequence class; below a changed object, each field (with its
     * HostedSite field and line when known) with
     * its old and new value (secret values never shown) and class; the marks {@code REFUSED by the hub} (with the
     * upstream rule) and {@code DESTROYS DATA} (with what); then the NodePools that roll, each with why and what
     * its upgradeType does. {@code where}: {@code file:line} and site path of a change, or of one of its
     * HostedSite fields (the second argument; null for the object's own place), or null when unknown.
     */
    static String changes(ChangeSet changes, BiFunction<ChangeSet.Change, String, String> where) {
        StringBuilder b = new StringBuilder();
        long refused = changes.changes().stream().filter(c -> !c.refused().isEmpty()
                || c.effect() == Consequences.Effect.REFUSED_AT_RECONCILE).count();
        long destroys = changes.changes().stream().filter(c -> c.destroys() != null).count();
        b.append(changes.count(ChangeSet.Type.CREATED)).append(" created, ").append(changes.count(ChangeSet.Type.CHANGED))
                .append(" changed, ").append(changes.count(ChangeSet.Type.DELETED)).append(" deleted; ")
                .append(refused).append(" refused by the hub, ").append(destroys).append(" destroying data; ")
                .append(count(changes.rolls().size(), "NodePool")).append(" rolling.\n");
        if (!changes.changes().isEmpty()) {
            b.append('\n');
        }
        for (ChangeSet.Change c : changes.changes()) {
            ObjectKey k = c.key();
            b.append("- ").append(c.type().name().toLowerCase(Locale.ROOT)).append(": ").append(k.kind()).append(" `")
                    .append(k.namespace() == null ? "" : k.namespace() + "/").append(k.name()).append('`');
            String at = where.apply(c, null);
            if (at != null) {
                b.append(" (").append(at).append(')');
            }
            if (c.type() == ChangeSet.Type.CHANGED) {
                b.append(": ").append(c.effect().words());
            }
            b.append('\n');
            for (ChangeSet.FieldChange f : c.values()) {
                b.append("  - ").append(f.path());
                String fieldAt = f.sitePath() == null ? null : where.apply(c, f.sitePath());
                if (fieldAt != null) {
                    b.append(" (").append(fieldAt).append(')');
                }
                b.append(": ").append(f.change()).append(" (").append(f.effect().words()).append(")\n");
            }
            for (ImmutableFields.Rule r : c.refused()) {
                b.append("  - REFUSED by the hub: ").append(r.field()).append(" cannot change (`").append(r.rule())
                        .append("`, ").append(r.source()).append(")\n");
            }
            if (c.destroys() != null) {
                b.append("  - DESTROYS DATA: ").append(c.destroys()).append('\n');
            }
        }
        if (!changes.rolls().isEmpty()) {
            b.append("\n### Rolls\n\n");
            for (RolloutGuard.Roll r : changes.rolls()) {
                b.append("- NodePool `").append(r.pool().namespace()).append('/').append(r.pool().name()).append("` (")
                        .append(RolloutGuard.upgradeTypeMeaning(r.upgradeType())).append("):\n");
                r.reasons().forEach(reason -> b.append("  - ").append(reason).append('\n'));
            }
        }
        return b.toString();
    }

    private static String name(ObjectGraph.Node n) {
        return "`" + (n.key().namespace() == null ? "" : n.key().namespace() + "/") + n.key().name() + "`";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
