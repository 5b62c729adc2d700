package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Identity of a Kubernetes object: API group, kind, namespace (null when cluster-scoped), name. */
public record ObjectKey(String group, String kind, String namespace, String name) implements Comparable<ObjectKey> {
    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::kind)
            .thenComparing(ObjectKey::group)
            .thenComparing(k -> k.namespace == null ? "" : k.namespace)
            .thenComparing(ObjectKey::name);

    public static ObjectKey of(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        JsonNode meta = object.path("metadata");
        String ns = meta.path("namespace").asText(null);
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash), object.path("kind").asText(""),
                ns == null || ns.isEmpty() ? null : ns, meta.path("name").asText(""));
    }

    public static ObjectKey core(String kind, String namespace, String name) {
        return new ObjectKey("", kind, namespace, name);
    }

    // Written out rather than generated: a record's generated equals/hashCode bootstrap through
    // invokedynamic (ObjectMethods), whose method handles a start-up archive cannot hold.
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectKey k && group.equals(k.group) && kind.equals(k.kind)
                && java.util.Objects.equals(namespace, k.namespace) && name.equals(k.name);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(group, kind, namespace, name);
    }

    @Override
    public int compareTo(ObjectKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
