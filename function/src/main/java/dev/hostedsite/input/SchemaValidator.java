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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public List<Diagnostic> validate(JsonNode site, SourceFile file) {
        ObjectRef ref = ObjectRef.of(site);
        Map<String, Diagnostic> out = new LinkedHashMap<>();
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(site));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getType).thenComparing(ValidationMessage::getMessage));
        for (ValidationMessage m : messages) {
            Diagnostic d = translate(m, site, ref).withFile(file);
            out.putIfAbsent(d.fieldPath() + "\u0000" + d.message(), d);
        }
        return List.copyOf(out.values());
    }

    private Diagnostic translate(ValidationMessage m, JsonNode site, ObjectRef ref) {
        String at = path(m.getInstanceLocation().toString());
        String property = m.getProperty();
        String type = m.getType();
        String schemaPath = m.getSchemaLocation().getFragment().toString();
        return switch (type) {
            case "additionalProperties" -> {
                String field = join(at, property);
                String hint = Suggest.nearest(property, knownFields(schemaPath))
                        .map(s -> " Did you mean '" + s + "'?").orElse(" Remove it or check its spelling.");
                yield Diagnostic.error(ref, field, "unknown field '" + property + "'." + hint);
            }
            case "required" -> Diagnostic.error(ref, join(at, property), at.endsWith("apiServer") && property.equals("address")
                    ? "NodePort publishing needs address: the IP or name at which every service of the control plane is"
                            + " reached on its node port."
                    : "required field '" + property + "' is missing" + (at.isEmpty() ? "." : " in " + at + "."));
            case "oneOf", "anyOf", "not" -> Diagnostic.error(ref, at, combinatorMessage(schemaPath, at));
            default -> {
                Diagnostic d = Diagnostic.error(ref, at, describe(m, at) + ".");
                JsonNode value = at(site, m);
                if (value != null && value.isValueNode() && !SECRET_PATH.matcher(at).find()) {
                    d = d.withValue(value.asText());
                }
                yield d;
            }
        };
    }

    private static String combinatorMessage(String schemaPath, String at) {
        if (schemaPath.contains("SecretSource")) {
            return "a secret source takes exactly one of value, data, stringData, secretRef or externalSecret.";
        }
        if (schemaPath.contains("Cluster")) {
            return "a cluster takes exactly one of sshKey (a secret source) or sshAuthorizedKey (the public key).";
        }
        return "the fields of " + (at.isEmpty() ? "the document" : at) + " do not form one of the allowed combinations.";
    }

    /** networknt's message without its leading location, or a hint in words for format failures. */
    private static String describe(ValidationMessage m, String at) {
        if (m.getType().equals("pattern") || m.getType().equals("format")) {
            String field = at.isEmpty() ? "the value" : at.substring(at.lastIndexOf('.') + 1);
            return FormatHints.forPath(at).map(h -> h.startsWith("the ") ? h : field + " " + h)
                    .orElse(field + " does not have the expected format (see the HostedSite schema)");
        }
        String msg = m.getMessage();
        int colon = msg.indexOf(": ");
        if (msg.startsWith("$") && colon > 0) {
            msg = msg.substring(colon + 2);
        }
        return msg;
    }

    private static JsonNode at(JsonNode site, ValidationMessage m) {
        JsonNode instance = m.getInstanceNode();
        return instance != null ? instance : null;
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
