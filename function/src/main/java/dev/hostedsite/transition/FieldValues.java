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
            out.add(new ChangeSet.FieldChange(f, show(k, f, before), show(k, f, after), effect(t, k, f, before, after, refused)));
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
        if (f.equals("spec.release.image") && isDowngrade(before, after)) {
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
        return Consequences.of(k.kind(), f).map(Consequences.Rule::effect).orElse(Consequences.Effect.APPLIED);
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

    /** A y-stream downgrade between the versions two renders of a HostedCluster carry. */
    static boolean isDowngrade(JsonNode before, JsonNode after) {
        if (!after.path("kind").asText().equals("HostedCluster")) {
            return false;
        }
        Optional<Integer> was = ReleaseGuard.minor(version(before));
        Optional<Integer> is = ReleaseGuard.minor(version(after));
        return was.isPresent() && is.isPresent() && was.get() > is.get();
    }

    static String version(JsonNode o) {
        return o.path("metadata").path("annotations").path(ClusterGenerator.RELEASE_VERSION).asText(null);
    }

    private static String show(ObjectKey k, String f, JsonNode o) {
        JsonNode v = ImmutableFields.at(o, f);
        if (v == null) {
            return "(none)";
        }
        if (k.kind().equals("Secret") && (f.startsWith("data") || f.startsWith("stringData"))) {
            return SECRET;
        }
        if (f.equals("spec.release.image") && version(o) != null) {
            return version(o);
        }
        String text = v.isValueNode() ? v.asText() : Yaml.json(v).strip();
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }
}
