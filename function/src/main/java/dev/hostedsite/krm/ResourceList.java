package dev.hostedsite.krm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** The KRM functions spec's ResourceList: what the function reads on stdin and writes on stdout. */
public record ResourceList(List<ObjectNode> items, ObjectNode functionConfig) {
    /** The annotation that marks an object as input only: kpt, kustomize and this function never apply it. */
    public static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    /**
     * True when {@code item} carries {@code config.kubernetes.io/local-config: "true"}: kpt and kustomize never
     * apply it (kptdev/kpt {@code site/reference/annotations/local-config/README.md}).
     */
    public static boolean isLocalConfig(com.fasterxml.jackson.databind.JsonNode item) {
        return "true".equals(item.path("metadata").path("annotations").path(LOCAL_CONFIG).asText());
    }

    public static final String API_VERSION = "config.kubernetes.io/v1";
    public static final String KIND = "ResourceList";

    /** Thrown for input that is not a ResourceList at all; the message is for the user. */
    public static final class NotAResourceList extends Exception {
        public NotAResourceList(String message) {
            super(message);
        }
    }

    public static ResourceList from(JsonNode doc) throws NotAResourceList {
        if (doc == null || !doc.isObject()) {
            throw new NotAResourceList("the input is not a YAML or JSON object; a KRM function reads a ResourceList");
        }
        if (!KIND.equals(doc.path("kind").asText())) {
            throw new NotAResourceList("the input is a " + (doc.has("kind") ? doc.path("kind").asText() : "document without kind")
                    + ", not a ResourceList (kind: ResourceList, apiVersion: " + API_VERSION + "). Run the function"
                    + " through kpt or kustomize, or render a directory with: hostedsite render PATH");
        }
        JsonNode items = doc.path("items");
        if (!items.isMissingNode() && !items.isNull() && !items.isArray()) {
            throw new NotAResourceList("ResourceList.items must be a list of objects; it is " + kind(items));
        }
        List<ObjectNode> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new NotAResourceList("ResourceList.items[" + i + "] is " + kind(item)
                        + ", not an object: every item must be a Kubernetes object (apiVersion, kind, metadata)");
            }
            list.add((ObjectNode) item);
            i++;
        }
        JsonNode fc = doc.get("functionConfig");
        return new ResourceList(list, fc != null && fc.isObject() ? (ObjectNode) fc : null);
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    /**
     * The output ResourceList: {@code items}, then {@code results} with the errors first, then warnings, then infos,
     * each group in the order found (a stable sort). kpt prints a function's results in their order and cuts the
     * list after a few lines by default, so an error after the warnings would be hidden behind "lines truncated".
     */
    public static String write(List<ObjectNode> items, List<Diagnostic> results) {
        ObjectNode out = Yaml.object();
        out.put("apiVersion", API_VERSION);
        out.put("kind", KIND);
        ArrayNode list = out.putArray("items");
        items.forEach(list::add);
        if (!results.isEmpty()) {
            ArrayNode rs = out.putArray("results");
            results.stream().sorted(java.util.Comparator.comparingInt(d -> d.severity().ordinal()))
                    .forEach(d -> rs.add(d.toResult()));
        }
        return Yaml.write(out);
    }
}
