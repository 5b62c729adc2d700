package dev.hostedsite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The upstream CRD schemas in {@code fixtures/upstream-schemas} (an external oracle: see its PROVENANCE.md),
 * looked up by apiVersion and kind.
 */
public final class UpstreamSchemas {
    private static final Map<String, JsonNode> ROOTS = new HashMap<>();
    private static final Map<String, JsonSchema> BY_GVK = load();

    private UpstreamSchemas() {}

    private static Map<String, JsonSchema> load() {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonSchema> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(Repo.fixtures().resolve("upstream-schemas"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode tree = json.readTree(f.toFile());
                JsonNode gvk = tree.path("x-kubernetes-group-version-kind").get(0);
                String key = gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/" + gvk.path("kind").asText();
                out.put(key, factory.getSchema(tree));
                ROOTS.put(key, tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static int count() {
        return BY_GVK.size();
    }

    public static Optional<JsonSchema> forObject(JsonNode object) {
        return Optional.ofNullable(BY_GVK.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText()));
    }

    /** The schema file's JSON tree for the object's apiVersion and kind (missing node when none). */
    public static JsonNode root(JsonNode object) {
        JsonNode tree = ROOTS.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        return tree != null ? tree : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Schema messages for the object; empty when valid or when no upstream schema covers its kind. */
    public static List<String> validate(JsonNode object) {
        List<String> out = new ArrayList<>();
        forObject(object).ifPresent(s -> {
            for (ValidationMessage m : s.validate(object)) {
                out.add(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText() + ": " + m.getMessage());
            }
        });
        return out;
    }
}
