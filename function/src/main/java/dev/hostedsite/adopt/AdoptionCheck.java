package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.KindCatalog;
import dev.hostedsite.model.Site;
import dev.hostedsite.transition.ChangeSet;
import dev.hostedsite.transition.Consequences;
import dev.hostedsite.transition.RolloutGuard;
import dev.hostedsite.transition.Transition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the first sync of an imported site would change on the hub: each cleaned hub object ({@link LiveExport})
 * against the render of the imported site (its deployable stream, {@code Compiler.Result#deployable}), as a day-2
 * transition from the hub to the render, so every difference gets its consequence from the project's day-2
 * tables ({@code transition/ImmutableFields}: refused by the API server; {@code transition/Consequences}: rolls
 * nodes, never reaches nodes, needs a manual step; {@link KindSpec.Effect} of the declared kinds
 * ({@code kinds/nodepool/NodePoolKind}): scales, new nodes only, in place; {@code transition/RenameGuard}'s
 * identity rule: an object under another name is a new object beside the running one).
 *
 * <p>How each side is read, so that only what a controller would see differ is reported:
 * <ul>
 *   <li>annotations and labels this tool adds (sync waves, sync options, {@code hostedsite.dev/*}) are taken off
 *       the render and listed apart ({@link Result#toolAdditions});</li>
 *   <li>the API server's defaults ({@link ServerOwned#DEFAULTS}) are applied on both sides, and empty maps and
 *       lists are read as absent (except NodePool {@code spec.platform.agent}, whose presence a CEL rule reads);</li>
 *   <li>a field the hub has and the render leaves out stays on the hub after a client-side apply, unless the
 *       object's last-applied configuration lists it (kubectl's three-way merge then removes it); with
 *       {@code ServerSideApply=true} it always stays. Those that stay are listed in {@link Result#keptOnHub}.</li>
 * </ul>
 * Objects of the hub that the render does not hold stay on the hub as they are (Argo CD prunes only what it
 * applied): they are listed, not counted as changes. Secret values are never shown, only that they differ.
 */
public final class AdoptionCheck {
    private AdoptionCheck() {}

    /** What a difference does on the hub, most severe first. */
    public enum Consequence {
        REFUSED_BY_API("refused by the API server"),
        REFUSED_AT_RECONCILE("refused by a controller at reconcile"),
        RECREATES("creates a new object beside the running one"),
        NEEDS_MANUAL_STEP("needs a manual step"),
        ROLLS_NODES("rolls nodes"),
        SCALES("scales the pool"),
        NEW_NODES_ONLY("reaches new nodes only"),
        NEVER_REACHES_NODES("never reaches running nodes"),
        CREATES("creates the object"),
        IN_PLACE("applied in place");

        private final String words;

        Consequence(String words) {
            this.words = words;
        }

        /** The class in words, as the report prints it. */
        public String words() {
            return words;
        }
    }

    /** Whether a difference sets a field, removes one (the last-applied configuration listed it), or an object. */
    public enum Type { ADDED_OBJECT, CHANGED, REMOVED }

    /**
     * One difference the first sync makes: the object, the type, the dot path ({@code ""} for a whole object), the
     * change in words ({@code hub → render}; a Secret's values never), its consequence, and the HostedSite field it
     * comes from (or null).
     */
    public record Difference(ObjectKey key, Type type, String path, String change, Consequence consequence,
                             String sitePath) {}

    /**
     * A field the apply removes with no effect: object, dot path, the hub's value (JSON) and the
     * {@link ServerOwned#NO_EFFECT_REMOVALS} row that says why.
     */
    public record NoEffect(ObjectKey key, String path, String value, ServerOwned.NoEffectRemoval row) {}

    /** A field the hub has that the render leaves out and the apply leaves alone: object and dot path. */
    public record Kept(ObjectKey key, String path) {}

    /** An annotation or label this tool adds to an object: {@code metadata.annotations.<key>} and its value. */
    public record ToolAddition(ObjectKey key, String path, String value) {}

    /**
     * The check's outcome. {@code differences}: what the first sync changes (empty: adoption changes nothing a
     * controller reads); {@code toolAdditions}: this tool's own annotations and labels; {@code keptOnHub}: fields
     * the hub has that the render leaves out and the apply leaves alone; {@code notRendered}: hub objects the
     * render does not hold (they stay as they are); {@code rolls}: the NodePools the differences roll, with why;
     * {@code noEffect}: removals with no effect (the value equals the API's default), not differences.
     */
    public record Result(List<Difference> differences, List<ToolAddition> toolAdditions, List<Kept> keptOnHub,
                         List<ObjectKey> notRendered, List<RolloutGuard.Roll> rolls, List<NoEffect> noEffect) {
        /** True when the first sync changes nothing a controller reads. */
        public boolean clean() {
            return differences.isEmpty();
        }
    }

    /**
     * Compares.
     *
     * @param hub the cleaned hub objects ({@link LiveExport.Result#objects})
     * @param lastApplied each hub object's last-applied configuration ({@link LiveExport.Result#lastApplied})
     * @param rendered the render's deployable stream (generated and passthrough objects, with this tool's annotations)
     * @param sites the imported sites as the render bound them (for the site field of each difference), may be empty
     */
    public static Result check(List<ObjectNode> hub, Map<ObjectKey, ObjectNode> lastApplied, List<ObjectNode> rendered,
                               List<Site> sites) {
        List<ToolAddition> tool = new ArrayList<>();
        Map<ObjectKey, ObjectNode> after = new TreeMap<>();
        Map<ObjectKey, Boolean> serverSide = new TreeMap<>();
        for (ObjectNode o : rendered) {
            ObjectKey k = ObjectKey.of(o);
            serverSide.put(k, o.path("metadata").path("annotations").path(WaveAssigner.SYNC_OPTIONS).asText("")
                    .contains("ServerSideApply=true"));
            after.put(k, normal(withoutToolMetadata(o, k, tool)));
        }
        Map<ObjectKey, ObjectNode> before = new TreeMap<>();
        List<Kept> kept = new ArrayList<>();
        List<ObjectKey> notRendered = new ArrayList<>();
        for (ObjectNode o : hub) {
            ObjectKey k = ObjectKey.of(o);
            ObjectNode b = normal(withoutToolMetadata(o, k, new ArrayList<>()));
            ObjectNode a = after.get(k);
            if (a == null) {
                notRendered.add(k);
                continue;
            }
            JsonNode applied = Boolean.TRUE.equals(serverSide.get(k)) ? null : lastApplied.get(k);
            keepOnlyApplied(k, "", b, a, applied == null ? null : normal((ObjectNode) applied), kept);
            before.put(k, b);
        }
        List<Manifest> manifests = new ArrayList<>();
        after.values().forEach(o -> manifests.add(new Manifest(o, "import", false)));
        Transition t = Transition.of(sites, before, manifests);
        ChangeSet changes = ChangeSet.of(t);
        List<Difference> out = new ArrayList<>();
        List<NoEffect> noEffect = new ArrayList<>();
        for (ChangeSet.Change c : changes.changes()) {
            switch (c.type()) {
                case CREATED -> out.add(new Difference(c.key(), Type.ADDED_OBJECT, "", created(c.key(), notRendered),
                        renamed(c.key(), notRendered) ? Consequence.RECREATES : Consequence.CREATES,
                        c.origin() == null ? null : c.origin().path()));
                case CHANGED -> {
                    for (ChangeSet.FieldChange f : c.values()) {
                        boolean removed = ImmutableLookup.at(t.after().get(c.key()), f.path()) == null;
                        JsonNode was = removed ? ImmutableLookup.at(before.get(c.key()), f.path()) : null;
                        Optional<ServerOwned.NoEffectRemoval> row = was == null ? Optional.empty()
                                : ServerOwned.noEffectRemoval(c.key().kind(), f.path(), was);
                        if (row.isPresent()) {
                            noEffect.add(new NoEffect(c.key(), f.path(), was.toString(), row.get()));
                            continue;
                        }
                        out.add(new Difference(c.key(), removed ? Type.REMOVED : Type.CHANGED, f.path(),
                                removed ? f.change() + " (the last-applied configuration lists it: the apply removes it)"
                                        : f.change(), consequence(c.key().kind(), f), f.sitePath()));
                    }
                }
                case DELETED -> { } // hub objects the render lacks were left out of before: never here
            }
        }
        return new Result(List.copyOf(out), List.copyOf(tool), List.copyOf(kept), List.copyOf(notRendered),
                changes.rolls(), List.copyOf(noEffect));
    }

    /** ChangeSet's class, refined by the field map of a declared kind where the table says only "applied". */
    static Consequence consequence(String kind, ChangeSet.FieldChange f) {
        Consequences.Effect e = f.effect();
        if (e == Consequences.Effect.APPLIED) {
            Optional<KindSpec> spec = KindCatalog.of(kind);
            if (spec.isPresent()) {
                KindSpec.FieldSpec best = null;
                for (KindSpec.FieldSpec fs : spec.get().fields()) {
                    if ((f.path().equals(fs.manifestPath()) || f.path().startsWith(fs.manifestPath() + "."))
                            && (best == null || fs.manifestPath().length() > best.manifestPath().length())) {
                        best = fs;
                    }
                }
                if (best != null) {
                    return switch (best.effect()) {
                        case IMMUTABLE -> Consequence.REFUSED_BY_API;
                        case ROLLS_NODES -> Consequence.ROLLS_NODES;
                        case SCALES -> Consequence.SCALES;
                        case NEW_NODES_ONLY -> Consequence.NEW_NODES_ONLY;
                        case RECREATES -> Consequence.RECREATES;
                        case IN_PLACE -> Consequence.IN_PLACE;
                        case NEEDS_MANUAL_STEP -> Consequence.NEEDS_MANUAL_STEP;
                    };
                }
            }
        }
        return switch (e) {
            case REFUSED_BY_API -> Consequence.REFUSED_BY_API;
            case REFUSED_AT_RECONCILE -> Consequence.REFUSED_AT_RECONCILE;
            case NEEDS_MANUAL_STEP -> Consequence.NEEDS_MANUAL_STEP;
            case ROLLS_NODES -> Consequence.ROLLS_NODES;
            case NEVER_REACHES_NODES -> Consequence.NEVER_REACHES_NODES;
            case APPLIED -> Consequence.IN_PLACE;
        };
    }

    /** Kinds whose identity RenameGuard protects: under another name they are another object. */
    static final List<String> IDENTITY_KINDS = List.of("HostedCluster", "NodePool", "BareMetalHost");

    /** True when the hub holds an object of the same kind and namespace that the render does not: a rename. */
    static boolean renamed(ObjectKey added, List<ObjectKey> notRendered) {
        return IDENTITY_KINDS.contains(added.kind()) && notRendered.stream().anyMatch(k -> k.kind().equals(added.kind())
                && java.util.Objects.equals(k.namespace(), added.namespace()));
    }

    private static String created(ObjectKey added, List<ObjectKey> notRendered) {
        Optional<ObjectKey> old = notRendered.stream().filter(k -> IDENTITY_KINDS.contains(added.kind())
                && k.kind().equals(added.kind()) && java.util.Objects.equals(k.namespace(), added.namespace())).findFirst();
        return old.map(o -> "the hub has " + o.kind() + " " + o.name() + " here, the render names it " + added.name()
                + ": the sync creates a second one beside the running one (Kubernetes cannot rename)")
                .orElse("not on the hub: the first sync creates it");
    }

    /**
     * Removes from {@code b} (the hub side) every field the render leaves out and the apply leaves alone (not in
     * {@code applied}), recording it in {@code kept}; lists and scalars are compared whole.
     */
    private static void keepOnlyApplied(ObjectKey k, String prefix, ObjectNode b, ObjectNode a, JsonNode applied,
                                        List<Kept> kept) {
        List<String> names = new ArrayList<>();
        b.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            String path = prefix.isEmpty() ? n : prefix + "." + n;
            JsonNode av = a == null ? null : a.get(n);
            JsonNode appliedValue = applied == null ? null : applied.get(n);
            if (av == null) {
                if (appliedValue == null) {
                    b.remove(n);
                    kept.add(new Kept(k, path));
                }
            } else if (b.get(n) instanceof ObjectNode bo && av instanceof ObjectNode ao) {
                keepOnlyApplied(k, path, bo, ao, appliedValue, kept);
            }
        }
    }

    /** A copy without this tool's annotations and labels, which go to {@code tool}. */
    static ObjectNode withoutToolMetadata(ObjectNode o, ObjectKey k, List<ToolAddition> tool) {
        ObjectNode out = o.deepCopy();
        if (!(out.path("metadata") instanceof ObjectNode meta)) {
            return out;
        }
        for (String field : List.of("annotations", "labels")) {
            if (!(meta.get(field) instanceof ObjectNode map)) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            map.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                boolean ours = field.equals("annotations") ? isToolAnnotation(key) : ServerOwned.key(ServerOwned.LABELS, "*", key).isPresent();
                if (ours) {
                    tool.add(new ToolAddition(k, "metadata." + field + "." + key, map.get(key).asText()));
                    map.remove(key);
                }
            }
            if (map.isEmpty()) {
                meta.remove(field);
            }
        }
        return out;
    }

    /** Annotations this tool writes that no hub controller reads: Argo CD's sync order and options, its own. */
    static boolean isToolAnnotation(String key) {
        return key.equals(WaveAssigner.WAVE) || key.equals(WaveAssigner.SYNC_OPTIONS) || key.startsWith("hostedsite.dev/")
                || key.startsWith("config.kubernetes.io/") || key.startsWith("internal.config.kubernetes.io/")
                || key.equals("config.k8s.io/id");
    }

    /** Defaults applied, empty maps and lists and nulls removed (NodePool spec.platform.agent kept). */
    static ObjectNode normal(ObjectNode o) {
        ObjectNode out = ServerOwned.withDefaults(o);
        prune(out, "", out.path("kind").asText());
        return out;
    }

    private static void prune(JsonNode n, String path, String kind) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                prune(e.getValue(), p, kind);
                JsonNode v = e.getValue();
                boolean meaningful = kind.equals("NodePool") && p.equals("spec.platform.agent");
                if (v.isNull() || v.isMissingNode() || !meaningful && (v.isContainerNode() && v.isEmpty())) {
                    it.remove();
                }
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(item -> prune(item, path + "[]", kind));
        }
    }

    /** Dot-path lookup whose keys may hold dots (annotation keys), as the change list writes paths. */
    static final class ImmutableLookup {
        private ImmutableLookup() {}

        static JsonNode at(JsonNode node, String path) {
            if (node == null) {
                return null;
            }
            if (path.isEmpty()) {
                return node.isNull() || node.isMissingNode() ? null : node;
            }
            if (!node.isObject()) {
                return null;
            }
            String best = null;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if ((path.equals(name) || path.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                    best = name;
                }
            }
            return best == null ? null : at(node.get(best), path.length() == best.length() ? "" : path.substring(best.length() + 1));
        }
    }
}
