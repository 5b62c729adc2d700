package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code default} values of the HostedSite JSON Schema ({@code schema/hostedsite-v1alpha1.json}), read from the
 * schema itself, so that {@link SiteBinder} applies exactly what the schema (and the CRD generated from it)
 * documents. Paths are dot paths from the object root, {@code []} stepping into array items
 * ({@code spec.clusters[].networking.networkType}); local {@code $ref}s are followed.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {}

    /** The schema's default at {@code path}; a path without one is a bug (the binder asks only for documented ones). */
    public static JsonNode at(String path) {
        JsonNode root = SchemaValidator.get().tree();
        JsonNode n = root;
        for (String step : path.split("\\.")) {
            boolean items = step.endsWith("[]");
            String name = items ? step.substring(0, step.length() - 2) : step;
            n = deref(root, n).path("properties").path(name);
            if (items) {
                n = deref(root, n).path("items");
            }
        }
        // a default may sit beside a $ref ({"default": "lvmcluster", "$ref": "#/$defs/dnsLabel"}): read it first
        JsonNode d = n.has("default") ? n.get("default") : deref(root, n).get("default");
        if (d == null) {
            throw new IllegalStateException("the HostedSite schema has no default at " + path);
        }
        return d;
    }

    /** The text default at {@code path}. */
    public static String text(String path) {
        return at(path).asText();
    }

    /** The boolean default at {@code path}. */
    public static boolean bool(String path) {
        return at(path).asBoolean();
    }

    /** The list-of-strings default at {@code path}. */
    public static List<String> strings(String path) {
        List<String> out = new ArrayList<>();
        at(path).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static JsonNode deref(JsonNode root, JsonNode n) {
        while (n.has("$ref") && n.get("$ref").asText().startsWith("#")) {
            n = root.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }
}
