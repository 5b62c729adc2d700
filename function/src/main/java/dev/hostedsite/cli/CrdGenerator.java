package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.input.SchemaValidator;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HostedSite CustomResourceDefinition, generated from the same JSON Schema (draft 2020-12) the function
 * validates with, converted to a structural OpenAPI v3 schema: {@code $ref}s inlined, {@code const} as a
 * one-value {@code enum}, {@code additionalProperties: false} dropped (the API server prunes unknown fields) and
 * {@code additionalProperties: true} as {@code x-kubernetes-preserve-unknown-fields},
 * {@code uniqueItems} as {@code x-kubernetes-list-type: set}, an {@code if/then} "field required when another
 * has a value" as a CEL rule, {@code propertyNames} and {@code $comment} dropped. The root keeps only the
 * {@code metadata} restrictions Kubernetes allows (none).
 */
public final class CrdGenerator {
    public static final String PLURAL = "hostedsites";
    public static final String VERSION = "v1alpha1";
    public static final String COMMITTED_PATH = "packages/crd/" + Compiler.API_GROUP + "_" + PLURAL + ".yaml";

    private static final Set<String> DROPPED = Set.of("$schema", "$id", "$comment", "$defs", "propertyNames", "if", "then",
            "else", "title");

    private final JsonNode defs;

    private CrdGenerator(JsonNode defs) {
        this.defs = defs;
    }

    public static String yaml() {
        return Yaml.write(crd());
    }

    public static ObjectNode crd() {
        JsonNode schema = bundledSchema();
        ObjectNode openApi = new CrdGenerator(schema.path("$defs")).convert(schema);
        ObjectNode props = (ObjectNode) openApi.get("properties");
        props.set("apiVersion", Yaml.object().put("type", "string")
                .put("description", "hostedsite.dev/v1alpha1"));
        props.set("kind", Yaml.object().put("type", "string").put("description", "HostedSite"));
        props.set("metadata", Yaml.object().put("type", "object"));
        ArrayNode required = Yaml.NODES.arrayNode();
        openApi.path("required").forEach(r -> {
            if (!List.of("apiVersion", "kind", "metadata").contains(r.asText())) {
                required.add(r);
            }
        });
        openApi.set("required", required);

        ObjectNode crd = Yaml.object();
        crd.put("apiVersion", "apiextensions.k8s.io/v1");
        crd.put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", PLURAL + "." + Compiler.API_GROUP)
                .putObject("annotations").put("hostedsite.dev/generated-from", SchemaValidator.SCHEMA_RESOURCE);
        ObjectNode spec = crd.putObject("spec");
        spec.put("group", Compiler.API_GROUP);
        spec.putObject("names").put("kind", Compiler.KIND).put("listKind", Compiler.KIND + "List")
                .put("plural", PLURAL).put("singular", "hostedsite").putArray("shortNames").add("hsite");
        spec.put("scope", "Namespaced");
        ObjectNode version = spec.putArray("versions").addObject();
        version.put("name", VERSION).put("served", true).put("storage", true);
        version.putObject("schema").set("openAPIV3Schema", openApi);
        return crd;
    }

    static JsonNode bundledSchema() {
        try (InputStream in = CrdGenerator.class.getClassLoader().getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled HostedSite schema", e);
        }
    }

    private ObjectNode convert(JsonNode node) {
        ObjectNode out = Yaml.object();
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/$defs/") || !defs.has(ref.substring("#/$defs/".length()))) {
                throw new IllegalStateException("unsupported $ref " + ref);
            }
            out = convert(defs.get(ref.substring("#/$defs/".length())));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (DROPPED.contains(key) || key.equals("$ref")) {
                continue;
            }
            switch (key) {
                case "const" -> out.putArray("enum").add(v);
                case "properties" -> {
                    ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
                    v.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue())));
                }
                case "items" -> out.set("items", merge(out.get("items"), convert(v)));
                case "additionalProperties" -> {
                    if (v.isObject()) {
                        out.set("additionalProperties", merge(out.get("additionalProperties"), convert(v)));
                    } else if (v.asBoolean(false)) {
                        // an open object (embedded documents): keep the fields the schema does not list
                        out.put("x-kubernetes-preserve-unknown-fields", true);
                    }
                }
                case "oneOf", "anyOf", "allOf" -> {
                    ArrayNode list = out.putArray(key);
                    v.forEach(alt -> list.add(convert(alt)));
                }
                case "not" -> out.set("not", convert(v));
                case "uniqueItems" -> {
                    if (v.asBoolean()) {
                        out.put("x-kubernetes-list-type", "set");
                    }
                }
                default -> out.set(key, v.deepCopy());
            }
        }
        if (out.has("properties")) {
            out.remove("additionalProperties");
        }
        if (!out.has("type") && out.has("enum") && out.get("enum").get(0).isTextual()) {
            out.put("type", "string");
        }
        if (out.has("x-kubernetes-list-type") && out.path("items").path("type").asText().equals("object")) {
            out.remove("x-kubernetes-list-type");
        }
        JsonNode cel = celRule(node);
        if (cel != null) {
            out.putArray("x-kubernetes-validations").add(cel);
        }
        return out;
    }

    /** {@code a} deep-merged with {@code b} (b wins on scalars). */
    private static JsonNode merge(JsonNode a, JsonNode b) {
        if (a == null || !a.isObject() || !b.isObject()) {
            return b;
        }
        ObjectNode out = ((ObjectNode) a).deepCopy();
        b.fields().forEachRemaining(f -> out.set(f.getKey(), merge(out.get(f.getKey()), f.getValue())));
        return out;
    }

    /**
     * {@code if: {required: [a], properties: {a: {const: v}}}, then: {required: [b...]}} as the CEL rule
     * {@code !has(self.a) || self.a != 'v' || has(self.b)}; other conditionals are not expressible and dropped.
     */
    private static JsonNode celRule(JsonNode node) {
        JsonNode cond = node.get("if");
        JsonNode then = node.get("then");
        if (cond == null || then == null || cond.path("required").size() != 1) {
            return null;
        }
        String field = cond.path("required").get(0).asText();
        JsonNode value = cond.path("properties").path(field).get("const");
        if (value == null || !value.isTextual() || then.path("required").isEmpty() || then.size() != 1) {
            return null;
        }
        List<String> needs = new ArrayList<>();
        then.path("required").forEach(r -> needs.add("has(self." + r.asText() + ")"));
        List<String> names = new ArrayList<>();
        then.path("required").forEach(r -> names.add(r.asText()));
        return Yaml.object()
                .put("rule", "!has(self." + field + ") || self." + field + " != '" + value.asText() + "' || "
                        + String.join(" && ", needs))
                .put("message", String.join(", ", names) + " is required when " + field + " is " + value.asText());
    }
}
