package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Day-2: which NodePools this render makes HyperShift roll. In kpt mode the input holds the previous render
 * (items with the owner annotation); a NodePool whose release image, config or tuningConfig references, or the
 * content of the ConfigMaps they name, differ from that render is rolled: HyperShift marks those fields
 * "+rollout" (api/hypershift/v1beta1/nodepool_types.go: "Changing this field will trigger a NodePool rollout").
 * The result is one warning per rolled pool, on the NodePool, saying what changes and what its upgradeType does.
 */
public final class PoolRollouts {
    private PoolRollouts() {}

    /**
     * @param previous the previous render's applied objects by identity (empty when the input holds none), as
     *     {@code transition.Transition.previousObjects} indexes them
     * @param generated the objects this render generates
     */
    public static List<Diagnostic> check(Map<ObjectKey, ? extends JsonNode> previous, List<Manifest> generated) {
        Map<ObjectKey, JsonNode> current = new HashMap<>();
        generated.forEach(m -> current.put(m.key(), m.body()));
        List<Diagnostic> out = new ArrayList<>();
        for (Manifest m : generated) {
            if (!m.key().kind().equals("NodePool")) {
                continue;
            }
            JsonNode before = previous.get(m.key());
            if (before == null) {
                continue;
            }
            List<String> changes = changes(before, m.body(), previous, current);
            if (!changes.isEmpty()) {
                out.add(Diagnostic.warning(ObjectRef.of(m.body()), changes.get(0).startsWith("the release") ?
                        "spec.release.image" : "spec.config", message(m.body(), changes)));
            }
        }
        return out;
    }

    private static List<String> changes(JsonNode before, JsonNode after, Map<ObjectKey, ? extends JsonNode> previous,
                                        Map<ObjectKey, JsonNode> current) {
        List<String> out = new ArrayList<>();
        String oldImage = before.path("spec").path("release").path("image").asText();
        String newImage = after.path("spec").path("release").path("image").asText();
        if (!oldImage.equals(newImage)) {
            out.add("the release changes from " + oldImage + " to " + newImage);
        }
        String ns = after.path("metadata").path("namespace").asText();
        for (String list : List.of("config", "tuningConfig")) {
            JsonNode was = before.path("spec").path(list);
            JsonNode is = after.path("spec").path(list);
            if (!was.equals(is)) {
                out.add("spec." + list + " changes");
                continue;
            }
            for (JsonNode ref : is) {
                ObjectKey cm = ObjectKey.core("ConfigMap", ns, ref.path("name").asText());
                JsonNode a = previous.get(cm);
                JsonNode b = current.get(cm);
                if (a != null && b != null && !Objects.equals(a.path("data"), b.path("data"))) {
                    out.add("ConfigMap " + cm.name() + " (spec." + list + ") changes");
                }
            }
        }
        return out;
    }

    private static String message(JsonNode np, List<String> changes) {
        String upgradeType = np.path("spec").path("management").path("upgradeType").asText();
        String how = "Replace".equals(upgradeType)
                ? "upgradeType Replace: each node is replaced by a new one from a free agent, then removed (keep a spare host)"
                : "upgradeType InPlace: each node is drained and rebooted on the same host, one at a time";
        return "NodePool " + np.path("metadata").path("name").asText() + ": " + String.join("; ", changes)
                + ", so HyperShift rolls its nodes (" + how + "). Apply it in a maintenance window.";
    }
}
