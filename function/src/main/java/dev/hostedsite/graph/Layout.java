package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Where each generated object lives in a kpt package: {@code generated/<dir>/[<namespace>/]<kind>_<name>.yaml},
 * one object per file, set through kpt's path and index annotations.
 */
public final class Layout {
    public static final String PATH = dev.hostedsite.krm.ItemRole.PATH;
    public static final String INDEX = dev.hostedsite.krm.ItemRole.INDEX;
    public static final String INTERNAL_PATH = dev.hostedsite.krm.ItemRole.INTERNAL_PATH;
    public static final String INTERNAL_INDEX = dev.hostedsite.krm.ItemRole.INTERNAL_INDEX;
    /** Annotations only the KRM tool chain reads; the directory render and the Argo CD plugin drop them. */
    public static final List<String> TOOL_ANNOTATIONS = List.of(PATH, INDEX, INTERNAL_PATH, INTERNAL_INDEX,
            "internal.config.kubernetes.io/id", "internal.config.kubernetes.io/annotations-migration-resource-id",
            "internal.config.kubernetes.io/seqindent", "config.k8s.io/id");

    /** The part holding hub singletons and what the clusters of a namespace share. */
    public static final String HUB_PART = "hub";

    private Layout() {}

    /**
     * The part of a render an object belongs to, for one Argo CD Application each: {@link #HUB_PART} for
     * {@code generated/hub/} and {@code generated/namespaces/}, {@code <site>/<cluster>} for everything of
     * one hosted cluster ({@code generated/<site>/<cluster>/}).
     */
    public static String partOf(Manifest m) {
        return m.dir().equals("hub") || m.dir().equals("namespaces") ? HUB_PART : m.dir();
    }

    public static String pathOf(Manifest m) {
        ObjectKey k = m.key();
        return "generated/" + m.dir() + "/" + (k.namespace() == null ? "" : k.namespace() + "/")
                + k.kind().toLowerCase(Locale.ROOT) + "_" + k.name() + ".yaml";
    }

    public static void annotate(List<Manifest> manifests) {
        for (Manifest m : manifests) {
            ObjectNode a = m.annotations();
            String path = pathOf(m);
            a.put(PATH, path);
            a.put(INDEX, "0");
            a.put(INTERNAL_PATH, path);
            a.put(INTERNAL_INDEX, "0");
        }
    }

    /** A copy of the object without the KRM tool chain's annotations (and without annotations if none remain). */
    public static ObjectNode withoutToolAnnotations(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode meta = copy.path("metadata").isObject() ? (ObjectNode) copy.get("metadata") : null;
        if (meta != null && meta.path("annotations").isObject()) {
            ObjectNode annotations = (ObjectNode) meta.get("annotations");
            annotations.remove(TOOL_ANNOTATIONS);
            if (annotations.isEmpty()) {
                meta.remove("annotations");
            }
        }
        return copy;
    }
}
