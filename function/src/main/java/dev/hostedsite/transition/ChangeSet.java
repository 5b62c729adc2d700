package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a render changes against the previous one: objects created, changed (with the dot paths of the fields
 * that differ; a list counts as one field) and deleted, in identity order. Each change says whether the hub
 * will refuse it ({@link ImmutableFields}) and whether it destroys data.
 *
 * @param previous false when there was no previous render to compare with (then there are no changes)
 */
public record ChangeSet(boolean previous, List<Change> changes, List<RolloutGuard.Roll> rolls) {
    public static final ChangeSet NONE = new ChangeSet(false, List.of(), List.of());

    public enum Type { CREATED, CHANGED, DELETED }

    /**
     * One object's change. {@code fields}: for CHANGED, the dot paths that differ; {@code values}: each of them
     * with its old and new value as shown to the user; {@code refused}: the rules of {@link ImmutableFields} it
     * breaks; {@code destroys}: what data it destroys, or null; {@code effect}: the most severe consequence of its
     * fields ({@link Consequences}); {@code origin}: where in the HostedSites it comes from, or null.
     */
    public record Change(ObjectKey key, Type type, List<String> fields, List<FieldChange> values,
                         List<ImmutableFields.Rule> refused, String destroys, Consequences.Effect effect,
                         Transition.Origin origin) {}

    /**
     * One changed field: dot path; the change in words ({@code old → new}; for a list, the items it adds and
     * removes; for a text of several lines, the lines; a Secret's values never, only that they changed); its effect;
     * the HostedSite field it comes from ({@code spec.clusters[0].release.image}), or null when not known.
     */
    public record FieldChange(String path, String change, Consequences.Effect effect, String sitePath) {}

    public static ChangeSet of(Transition t) {
        if (!t.hasPrevious()) {
            return NONE;
        }
        // active etcd keys of HostedClusters that keep no backup key: changing one loses what it encrypted
        TreeSet<String> unguardedKeys = new TreeSet<>();
        t.after().values().forEach(o -> {
            JsonNode name = ImmutableFields.at(o, "spec.secretEncryption.aescbc.activeKey.name");
            if (o.path("kind").asText().equals("HostedCluster") && name != null
                    && ImmutableFields.at(o, "spec.secretEncryption.aescbc.backupKey") == null) {
                unguardedKeys.add(o.path("metadata").path("namespace").asText() + "/" + name.asText());
            }
        });
        List<Change> out = new ArrayList<>();
        TreeSet<ObjectKey> keys = new TreeSet<>(t.before().keySet());
        keys.addAll(t.after().keySet());
        for (ObjectKey k : keys) {
            ObjectNode before = t.before().get(k);
            ObjectNode after = t.after().get(k);
            Transition.Origin origin = t.origin(k).orElse(null);
            if (before == null) {
                out.add(new Change(k, Type.CREATED, List.of(), List.of(), List.of(), null, Consequences.Effect.APPLIED, origin));
            } else if (after == null) {
                out.add(new Change(k, Type.DELETED, List.of(), List.of(), List.of(), deletionDestroys(k),
                        Consequences.Effect.APPLIED, origin));
            } else if (!before.equals(after)) {
                List<String> fields = new ArrayList<>();
                diff("", before, after, fields);
                if (fields.contains("spec.release.image")) {
                    fields.remove("metadata.annotations." + ClusterGenerator.RELEASE_VERSION);
                }
                boolean secretSwapped = k.kind().equals("HostedCluster")
                        && fields.contains("spec.secretEncryption.aescbc.activeKey.name")
                        && unguardedKeys.contains(k.namespace() + "/" + ImmutableFields.at(after,
                                "spec.secretEncryption.aescbc.activeKey.name").asText());
                boolean keyChanged = k.kind().equals("Secret") && fields.contains("data.key")
                        && unguardedKeys.contains(k.namespace() + "/" + k.name());
                String destroys = keyChanged ? "the active etcd encryption key changes and no backup key is kept: what"
                        + " the hosted etcd encrypted with the old key becomes unreadable"
                        : secretSwapped ? "the active etcd encryption key is read from another Secret and no backup key"
                                + " is kept: unless both Secrets hold the same key, what the hosted etcd encrypted"
                                + " becomes unreadable" : null;
                List<ImmutableFields.Rule> refused = ImmutableFields.refusals(before, after);
                List<FieldChange> values = FieldValues.of(t, k, before, after, fields, refused);
                Consequences.Effect effect = values.stream().map(FieldChange::effect).min(Enum::compareTo)
                        .orElse(Consequences.Effect.APPLIED);
                out.add(new Change(k, Type.CHANGED, List.copyOf(fields), values, refused, destroys, effect, origin));
            }
        }
        return new ChangeSet(true, List.copyOf(out), RolloutGuard.rolls(t));
    }

    /** What deleting an object of this kind destroys, or null when nothing that cannot be re-created. */
    static String deletionDestroys(ObjectKey k) {
        return switch (k.kind()) {
            case "HostedCluster" -> "the hosted cluster: its control plane, its etcd data and every node";
            case "NodePool" -> "every node of the pool";
            case "BareMetalHost" -> "the host leaves the hub; a node running on it is lost";
            case "Namespace" -> "everything in the namespace";
            default -> null;
        };
    }

    public long count(Type type) {
        return changes.stream().filter(c -> c.type() == type).count();
    }

    /** Dot paths where two objects differ; objects are walked, lists and scalars compared whole. */
    static void diff(String prefix, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(prefix.isEmpty() ? n : prefix + "." + n, a.get(n), b.get(n), out);
            }
        } else if (a == null || !a.equals(b)) {
            out.add(prefix);
        }
    }
}
