package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changed fields of one object in the user's words: old and new value (a release as its version when the
 * render carries it; a Secret's values never, only that they changed) and the consequence class of each
 * ({@link Consequences}, {@link ImmutableFields}, {@link ReleaseGuard}).
 */
final class FieldValues {
    private FieldValues() {}

    /** Values longer than this many characters are cut, with "…". */
    static final int MAX_SHOWN = 160;
    static final String SECRET = "(secret value)";

    static List<ChangeSet.FieldChange> of(Transition t, ObjectKey k, JsonNode before, JsonNode after, List<String> fields,
                                          List<ImmutableFields.Rule> refused) {
        List<ChangeSet.FieldChange> out = new ArrayList<>();
        for (String f : fields) {
            out.add(new ChangeSet.FieldChange(f, change(k, f, before, after), effect(t, k, f, before, after, refused),
                    sitePath(t, k, f)));
        }
        return List.copyOf(out);
    }

    private static Consequences.Effect effect(Transition t, ObjectKey k, String f, JsonNode before, JsonNode after,
                                              List<ImmutableFields.Rule> refused) {
        for (ImmutableFields.Rule r : refused) {
            if (f.equals(r.field()) || f.startsWith(r.field() + ".") || r.field().startsWith(f + ".")) {
                return Consequences.Effect.REFUSED_BY_API;
            }
        }
        if (f.equals("spec.release.image") && refusedReleaseMove(t, before, after)) {
            return Consequences.Effect.REFUSED_AT_RECONCILE;
        }
        if (k.kind().equals("Secret") || k.kind().equals("ConfigMap")) {
            for (Map.Entry<ObjectKey, com.fasterxml.jackson.databind.node.ObjectNode> hc
                    : t.inNamespace(t.after(), "HostedCluster", k.namespace()).entrySet()) {
                for (Consequences.Rule r : Consequences.RULES) {
                    JsonNode name = r.referencedBy() == null ? null : ImmutableFields.at(hc.getValue(), r.referencedBy());
                    if (name != null && name.asText().equals(k.name()) && r.covers(k.kind(), f)) {
                        return r.effect();
                    }
                }
            }
            if (k.kind().equals("ConfigMap") && poolConfigMap(t, k)) {
                return Consequences.Effect.ROLLS_NODES;
            }
        }
        return Consequences.effect(k.kind(), f, after);
    }

    /**
     * The HostedSite field a changed field comes from: the field map ({@code kinds/catalog/FieldMap}, the rows of
     * each kind's unit), else the site field of the immutability rule covering it ({@link ImmutableFields}); null
     * when neither knows it.
     */
    static String sitePath(Transition t, ObjectKey k, String f) {
        Transition.Origin origin = t.origin(k).orElse(null);
        if (origin == null) {
            return null;
        }
        // a pool that follows its cluster's release takes it from the cluster's field
        if (k.kind().equals("NodePool") && f.equals("spec.release.image")) {
            boolean own = origin.cluster().nodePools().stream()
                    .anyMatch(p -> p.path().equals(origin.path()) && p.release() != null);
            return (own ? origin.path() : origin.cluster().path()) + ".release";
        }
        java.util.Optional<String> mapped = dev.hostedsite.kinds.catalog.FieldMap.siteField(k.kind(), origin.path(), f);
        if (mapped.isPresent() && !mapped.get().equals(origin.path())) {
            return mapped.get();
        }
        String site = null;
        for (ImmutableFields.Rule r : ImmutableFields.RULES) {
            if (r.kind().equals(k.kind()) && r.siteField() != null && (f.equals(r.field()) || f.startsWith(r.field() + "."))) {
                site = r.siteField();
            }
        }
        return site == null ? null : site.startsWith("spec.") ? site : origin.path() + "." + site;
    }

    /** Whether a NodePool of the new render names this ConfigMap in spec.config or spec.tuningConfig. */
    private static boolean poolConfigMap(Transition t, ObjectKey cm) {
        for (JsonNode np : t.inNamespace(t.after(), "NodePool", cm.namespace()).values()) {
            for (String list : List.of("config", "tuningConfig")) {
                for (JsonNode ref : np.path("spec").path(list)) {
                    if (ref.path("name").asText().equals(cm.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether HyperShift refuses the release move between two renders of a HostedCluster or NodePool
     * ({@link ReleaseGuard#refusal}), with the network type of the HostedCluster (the pool's, by {@code clusterName}).
     */
    static boolean refusedReleaseMove(Transition t, JsonNode before, JsonNode after) {
        String kind = after.path("kind").asText();
        if (!kind.equals("HostedCluster") && !kind.equals("NodePool")) {
            return false;
        }
        return ReleaseGuard.refusal(before, after, networkType(t, after)).isPresent();
    }

    /** The network type of a HostedCluster, or of the HostedCluster a NodePool names, in the new render. */
    static String networkType(Transition t, JsonNode o) {
        JsonNode hc = o;
        if (o.path("kind").asText().equals("NodePool")) {
            hc = t.after().get(new ObjectKey("hypershift.openshift.io", "HostedCluster",
                    o.path("metadata").path("namespace").asText(), o.path("spec").path("clusterName").asText()));
        }
        return hc == null ? null : hc.path("spec").path("networking").path("networkType").asText(null);
    }

    static String version(JsonNode o) {
        return o.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
    }

    /**
     * The node at a dot path whose keys may hold dots themselves ({@code data.registries.conf},
     * {@code metadata.annotations.hostedsite.dev/owner}): at each level the longest key that the path goes on
     * with is taken. Null when absent.
     */
    static JsonNode lookup(JsonNode node, String path) {
        if (path.isEmpty() || node == null) {
            return node == null || node.isNull() || node.isMissingNode() ? null : node;
        }
        if (!node.isObject()) {
            return null;
        }
        String best = null;
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if ((path.equals(name) || path.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? null : lookup(node.get(best), path.length() == best.length() ? "" : path.substring(best.length() + 1));
    }

    /** The change of one field in words. */
    static String change(ObjectKey k, String f, JsonNode before, JsonNode after) {
        JsonNode a = lookup(ImmutableFields.asStored(before), f);
        JsonNode b = lookup(ImmutableFields.asStored(after), f);
        boolean secret = k.kind().equals("Secret") && (f.startsWith("data") || f.startsWith("stringData"));
        if (!secret && a != null && b != null && a.isArray() && b.isArray()) {
            List<String> was = items(a);
            List<String> is = items(b);
            List<String> added = new ArrayList<>(is);
            added.removeAll(was);
            List<String> removed = new ArrayList<>(was);
            removed.removeAll(is);
            if (added.isEmpty() && removed.isEmpty()) {
                return "same items, new order: " + cut(String.join(", ", is));
            }
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("adds " + cut(String.join(", ", added)));
            }
            if (!removed.isEmpty()) {
                parts.add("removes " + cut(String.join(", ", removed)));
            }
            return String.join("; ", parts);
        }
        if (!secret && a != null && b != null && a.isTextual() && b.isTextual()
                && (a.asText().contains("\n") || b.asText().contains("\n"))) {
            List<String> was = List.of(a.asText().split("\n"));
            List<String> is = List.of(b.asText().split("\n"));
            List<String> added = is.stream().filter(l -> !was.contains(l) && !l.isBlank()).toList();
            List<String> removed = was.stream().filter(l -> !is.contains(l) && !l.isBlank()).toList();
            return "text of " + was.size() + " → " + is.size() + " lines" + (added.isEmpty() ? "" : "; adds lines "
                    + cut(String.join(" | ", added.stream().map(String::strip).toList()))) + (removed.isEmpty() ? ""
                    : "; removes lines " + cut(String.join(" | ", removed.stream().map(String::strip).toList())));
        }
        String moved = show(k, f, before) + " → " + show(k, f, after);
        // the version and the image of a release moved apart: say which one the hub acts on
        if (f.equals("spec.release.image") || f.equals("metadata.annotations." + ClusterGenerator.RELEASE_VERSION)) {
            Optional<String> mismatch = ReleaseGuard.mismatch(before, after);
            if (mismatch.isPresent() && mismatch.get().equals(ReleaseGuard.IMAGE_WITHOUT_VERSION)
                    && f.equals("spec.release.image")) {
                // the version shown for an image would read "4.15.8 → 4.15.8": show the images themselves
                return cut(lookup(before, f).asText()) + " → " + cut(lookup(after, f).asText()) + "; " + mismatch.get();
            }
            if (mismatch.isPresent()) {
                return moved + "; " + mismatch.get();
            }
        }
        return moved;
    }

    /** A list's items, each by its identity field when it has one (source, name, cidr, service), else as JSON. */
    private static List<String> items(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list) {
            String id = null;
            for (String key : List.of("source", "name", "cidr", "service", "key")) {
                if (item.path(key).isValueNode()) {
                    id = item.path(key).asText();
                    break;
                }
            }
            out.add(id != null && item.size() <= 1 ? id : id != null ? id + " " + Yaml.json(item) : item.isValueNode()
                    ? item.asText() : Yaml.json(item));
        }
        return out;
    }

    private static String cut(String text) {
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }

    private static String show(ObjectKey k, String f, JsonNode rendered) {
        JsonNode o = ImmutableFields.asStored(rendered);
        JsonNode v = lookup(o, f);
        if (v == null) {
            return "(none)";
        }
        if (k.kind().equals("Secret") && (f.startsWith("data") || f.startsWith("stringData"))) {
            return SECRET;
        }
        if (f.equals("spec.release.image") && version(rendered) != null) {
            return version(rendered);
        }
        return cut(v.isValueNode() ? v.asText() : Yaml.json(v).strip());
    }
}
