package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API server and controllers add to an object, which no site can or should reproduce: {@code status},
 * the server-set metadata ({@code managedFields}, {@code uid}, {@code resourceVersion}, {@code creationTimestamp},
 * {@code generation}, {@code selfLink}, {@code ownerReferences}, {@code finalizers}, {@code deletionTimestamp}),
 * {@code kubectl.kubernetes.io/last-applied-configuration}, Argo CD's {@code argocd.argoproj.io/tracking-id}, and the
 * KRM tool chain's annotations. The other helper's
 * {@code LiveExport} cleans an export before import; this is the import's own guard, so noisy input never reaches the
 * site or the kept objects.
 */
final class LiveNoise {
    static final List<String> METADATA = List.of("managedFields", "uid", "resourceVersion", "creationTimestamp",
            "generation", "selfLink", "ownerReferences", "finalizers", "deletionTimestamp",
            "deletionGracePeriodSeconds");
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** Argo CD's resource tracking annotation, which it writes on every object it applies. */
    static final String ARGOCD_TRACKING = "argocd.argoproj.io/tracking-id";

    private LiveNoise() {}

    /** A clean copy of an object and the paths of what was removed. */
    record Cleaned(ObjectNode object, List<String> dropped) {}

    static Cleaned clean(ObjectNode in) {
        ObjectNode o = Layout.withoutToolAnnotations(in);
        List<String> dropped = new ArrayList<>();
        if (o.remove("status") != null) {
            dropped.add("status");
        }
        JsonNode meta = o.path("metadata");
        if (meta.isObject()) {
            ObjectNode m = (ObjectNode) meta;
            for (String f : METADATA) {
                if (m.remove(f) != null) {
                    dropped.add("metadata." + f);
                }
            }
            if (m.path("annotations").isObject()) {
                ObjectNode a = (ObjectNode) m.get("annotations");
                for (String key : List.of(LAST_APPLIED, ARGOCD_TRACKING)) {
                    if (a.remove(key) != null) {
                        dropped.add("metadata.annotations." + key);
                    }
                }
                if (a.isEmpty()) {
                    m.remove("annotations");
                }
            }
        }
        return new Cleaned(o, List.copyOf(dropped));
    }
}
