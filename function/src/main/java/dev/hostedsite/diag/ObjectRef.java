package dev.hostedsite.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** apiVersion/kind/namespace/name of an object, as in a KRM result's {@code resourceRef}. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static ObjectRef of(JsonNode object) {
        JsonNode meta = object.path("metadata");
        return new ObjectRef(text(object.get("apiVersion")), text(object.get("kind")),
                text(meta.get("namespace")), text(meta.get("name")));
    }

    private static String text(JsonNode n) {
        return n != null && n.isValueNode() ? n.asText() : null;
    }

    public ObjectNode toNode() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (apiVersion != null) n.put("apiVersion", apiVersion);
        if (kind != null) n.put("kind", kind);
        if (name != null) n.put("name", name);
        if (namespace != null) n.put("namespace", namespace);
        return n;
    }

    public String display() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
