package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The canonical form of generated objects: keys sorted at every level; no nulls, no empty objects or lists. */
public final class Canonical {
    private Canonical() {}

    public static ObjectNode sorted(ObjectNode node) {
        return (ObjectNode) canon(node);
    }

    private static JsonNode canon(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = Yaml.object();
            for (String name : names) {
                JsonNode v = canon(node.get(name));
                if (!isEmpty(v)) {
                    out.set(name, v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Yaml.NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode v = canon(item);
                if (!isEmpty(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    private static boolean isEmpty(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() && v.isEmpty();
    }
}
