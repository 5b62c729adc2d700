package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.kinds.Hosts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layer one of input validation: the HostedSite JSON Schema shipped in the jar
 * ({@code schema/hostedsite-v1alpha1.json}), checked with networknt, its messages rewritten for people.
 * Built once per process.
 */
public final class SchemaValidator {
    public static final String SCHEMA_ID = "https://hostedsite.dev/schema/hostedsite-v1alpha1.json";
    public static final String SCHEMA_RESOURCE = "schema/hostedsite-v1alpha1.json";

    /** Fields whose values are secret: never echoed in a message. */
    private static final Pattern SECRET_PATH =
            Pattern.compile("(pullSecret|sshKey|etcdEncryptionKey|etcdBackupKey|credentials)(\\.|$)");

    private static final SchemaValidator INSTANCE = new SchemaValidator();

    private final JsonSchema schema;
    private final JsonNode schemaTree;

    private SchemaValidator() {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://hostedsite.dev/schema/", "classpath:schema/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
        this.schema = factory.getSchema(SchemaLocation.of(SCHEMA_ID), config);
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            this.schemaTree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled HostedSite schema", e);
        }
    }

    public static SchemaValidator get() {
        return INSTANCE;
    }

    /** The bundled schema as a tree (read-only: callers must not modify it). */
    JsonNode tree() {
        return schemaTree;
    }

    public List<Diagnostic> validate(JsonNode site, SourceFile file) {
        ObjectRef ref = ObjectRef.of(site);
        List<Diagnostic> bounds = InputBounds.check(site, ref, file);
        if (!bounds.isEmpty()) {
            return bounds; // no pattern runs on an oversized value
        }
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(site));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getType).thenComparing(ValidationMessage::getMessage));
        Set<String> suggested = new HashSet<>();
        for (ValidationMessage m : messages) {
            if (m.getType().equals("additionalProperties")) {
                suggestion(m).ifPresent(s -> suggested.add(join(path(m.getInstanceLocation().toString()), s)));
            }
        }
        for (ValidationMessage m : messages) {
            String at = path(m.getInstanceLocation().toString());
            String schemaPath = m.getSchemaLocation().getFragment().toString();
            Diagnostic d;
            if (m.getType().equals("required") && (schemaPath.contains("/oneOf/") || schemaPath.contains("/anyOf/"))) {
                // a branch of a combinator: one message about the combination instead of one per branch
                if (m.getInstanceNode() == null || !m.getInstanceNode().isObject()) {
                    continue; // not even an object: the type message says so
                }
                d = Diagnostic.error(ref, at, combinatorMessage(schemaPath, at, m.getInstanceNode()));
            } else if (COMBINATORS.contains(m.getType()) && (m.getInstanceNode() == null || !m.getInstanceNode().isObject())) {
                continue; // not even an object: the type message says so
            } else if (m.getType().equals("required") && suggested.contains(join(at, m.getProperty()))) {
                continue; // the unknown field next to it is this one misspelt, and says so
            } else {
                d = translate(m, ref, at, schemaPath);
            }
            d = d.withFile(file);
            out.putIfAbsent(d.fieldPath() + "\u0000" + d.message(), d);
        }
        return List.copyOf(out.values());
    }

    private Optional<String> suggestion(ValidationMessage m) {
        return Suggest.nearest(m.getProperty(), knownFields(m.getSchemaLocation().getFragment().toString()));
    }

    private Diagnostic translate(ValidationMessage m, ObjectRef ref, String at, String schemaPath) {
        String property = m.getProperty();
        JsonNode value = m.getInstanceNode();
        boolean secret = SECRET_PATH.matcher(at).find();
        return switch (m.getType()) {
            case "additionalProperties" -> {
                String field = join(at, property);
                String hint = suggestion(m).map(s -> " Did you mean '" + s + "'?").orElse(" Remove it or check its spelling.");
                yield Diagnostic.error(ref, field, "unknown field '" + property + "'." + hint);
            }
            case "required" -> Diagnostic.error(ref, join(at, property), at.endsWith("apiServer") && property.equals("address")
                    ? "NodePort publishing needs address: the IP or name at which every service of the control plane is"
                            + " reached on its node port."
                    : "required field '" + property + "' is missing" + (at.isEmpty() ? "." : " in " + at + "."));
            case "oneOf", "anyOf", "not" -> Diagnostic.error(ref, at, combinatorMessage(schemaPath, at, value));
            default -> {
                Diagnostic d = Diagnostic.error(ref, at, describe(m, at, schemaPath, secret));
                if (value != null && value.isValueNode() && !secret) {
                    d = d.withValue(value.asText());
                }
                yield d;
            }
        };
    }

    /** The two naming schemes of CPU architectures, both ways: NodePool arch (Go) and osImages/InfraEnv (kernel). */
    private static final Map<String, String> ARCH_NAMES = bothWays(Hosts.KERNEL_ARCH_NAMES);

    private static Map<String, String> bothWays(Map<String, String> m) {
        Map<String, String> out = new java.util.HashMap<>(m);
        m.forEach((k, v) -> out.put(v, k));
        return Map.copyOf(out);
    }

    private static final Pattern TYPE_MISMATCH = Pattern.compile("(\\w+) found, (\\w+) expected");

    private static String typeWord(String jsonType) {
        return switch (jsonType) {
            case "array" -> "a list";
            case "object" -> "a mapping (an object with fields)";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf", "not");

    private static final List<String> SECRET_FORMS = List.of("value", "data", "stringData", "secretRef", "externalSecret");

    private static String combinatorMessage(String schemaPath, String at, JsonNode instance) {
        if (schemaPath.contains("SecretSource")) {
            List<String> given = new ArrayList<>();
            if (instance != null) {
                SECRET_FORMS.stream().filter(instance::has).forEach(given::add);
            }
            return "a secret source takes exactly one of value, data, stringData, secretRef or externalSecret; "
                    + (given.isEmpty() ? "none is given." : "found " + String.join(" and ", given) + ". Keep one.");
        }
        if (schemaPath.contains("Cluster")) {
            return "a cluster takes exactly one of sshKey (a secret source) or sshAuthorizedKey (the public key line)"
                    + (instance != null && instance.has("sshKey") && instance.has("sshAuthorizedKey") ? "; both only when"
                    + " sshKey is a secretRef (the HostedCluster references that Secret, the InfraEnv takes the key)." : ".");
        }
        return "the fields of " + (at.isEmpty() ? "the document" : at) + " do not form one of the allowed combinations.";
    }

    /** networknt's message without its leading location, in words where networknt's are cryptic. */
    private String describe(ValidationMessage m, String at, String schemaPath, boolean secret) {
        String field = at.isEmpty() ? "the value" : at.substring(at.lastIndexOf('.') + 1);
        String msg = m.getMessage();
        int colon = msg.indexOf(": ");
        if (msg.startsWith("$") && colon > 0) {
            msg = msg.substring(colon + 2);
        }
        JsonNode value = m.getInstanceNode();
        switch (m.getType()) {
            case "pattern" -> {
                return field + " " + FormatHints.forPattern(schemaPath)
                        .orElse("does not have the expected format; see the field's description in the HostedSite schema") + ".";
            }
            case "minLength" -> {
                if (schemaTree.at(schemaPath).asInt() == 1) {
                    return field + " must not be empty: give it a value, or remove the field if it is optional.";
                }
            }
            case "uniqueItems" -> {
                return field + " lists the same entry more than once; keep one of each.";
            }
            case "minItems" -> {
                if (schemaTree.at(schemaPath).asInt() == 1) {
                    return field + " must list at least one entry.";
                }
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                schemaTree.at(schemaPath).forEach(v -> allowed.add(v.asText()));
                String hint = value != null && value.isTextual() && !secret
                        ? Optional.ofNullable(ARCH_NAMES.get(value.asText())).filter(allowed::contains)
                                .or(() -> Suggest.nearest(value.asText(), allowed))
                                .map(s -> " Did you mean '" + s + "'?").orElse("") : "";
                return field + " must be one of " + String.join(", ", allowed) + "." + hint;
            }
            case "type" -> {
                var t = TYPE_MISMATCH.matcher(msg);
                String base = t.matches() ? field + " must be " + typeWord(t.group(2)) + ", not " + typeWord(t.group(1)) : msg;
                if (value != null && (value.isNumber() || value.isBoolean()) && msg.endsWith("string expected")) {
                    return base + ". Quote the value in YAML (for example \"4.19\" or \"yes\") so it is read as a string.";
                }
                if (value != null && value.isTextual() && (msg.endsWith("boolean expected") || msg.endsWith("integer expected"))) {
                    return base + ". Write it without quotes (true, false, or a whole number).";
                }
                return base + ".";
            }
            default -> { }
        }
        return msg.endsWith(".") ? msg : msg + ".";
    }

    /** The property names allowed next to the failing additionalProperties keyword. */
    private List<String> knownFields(String schemaPointer) {
        String parent = schemaPointer.endsWith("/additionalProperties")
                ? schemaPointer.substring(0, schemaPointer.length() - "/additionalProperties".length())
                : schemaPointer;
        JsonNode node = parent.isEmpty() ? schemaTree : schemaTree.at(parent);
        List<String> names = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String path(String location) {
        if (location.startsWith("$.")) {
            return location.substring(2);
        }
        return location.equals("$") ? "" : location.replaceFirst("^\\$", "");
    }

    private static String join(String at, String property) {
        return at.isEmpty() ? property : at + "." + property;
    }
}
