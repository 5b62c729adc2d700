package dev.hostedsite.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates the documents under {@code schema/valid} (no message allowed) and {@code schema/invalid}
 * (first line {@code # expect: <substring>} must occur in one of the messages) against the shipped
 * HostedSite schema. New fixtures are picked up automatically.
 */
class HostedSiteSchemaTest {

    static {
        // networknt brings slf4j-api without a provider; keep SLF4J's "no providers" notice off the test output.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    static final String SCHEMA_ID = "https://hostedsite.dev/schema/hostedsite-v1alpha1.json";
    static final String SCHEMA_RESOURCE = "schema/hostedsite-v1alpha1.json";
    static final String EXPECT = "# expect:";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://hostedsite.dev/schema/", "classpath:schema/")));
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    static final JsonSchema SCHEMA = FACTORY.getSchema(SchemaLocation.of(SCHEMA_ID), CONFIG);

    @TestFactory
    Stream<DynamicTest> validDocumentsHaveNoMessages() throws Exception {
        return fixtures("valid").map(file -> DynamicTest.dynamicTest("valid/" + file.getFileName(), () -> {
            Set<ValidationMessage> messages = SCHEMA.validate(YAML.readTree(file.toFile()));
            assertTrue(messages.isEmpty(), () -> file.getFileName() + " should be valid, got:\n" + render(messages));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidDocumentsReportTheExpectedLocation() throws Exception {
        return fixtures("invalid").map(file -> DynamicTest.dynamicTest("invalid/" + file.getFileName(), () -> {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).startsWith(EXPECT)) {
                fail(file.getFileName() + ": first line must be '" + EXPECT + " <substring of a message>'");
            }
            String expected = lines.get(0).substring(EXPECT.length()).trim();
            Set<ValidationMessage> messages = SCHEMA.validate(YAML.readTree(file.toFile()));
            assertFalse(messages.isEmpty(), () -> file.getFileName() + " should be invalid, but validated");
            assertTrue(messages.stream().anyMatch(m -> m.getMessage().contains(expected)),
                    () -> file.getFileName() + ": no message contains '" + expected + "'; got:\n" + render(messages));
        }));
    }

    @Test
    void fixtureFoldersAreNotEmpty() throws Exception {
        assertTrue(fixtures("valid").count() >= 3, "expected at least 3 valid fixtures");
        assertTrue(fixtures("invalid").count() >= 15, "expected at least 15 invalid fixtures");
    }

    @Test
    void schemaIsValidAgainstTheDraft202012MetaSchema() throws Exception {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
        Set<ValidationMessage> messages = meta.validate(schemaNode());
        assertTrue(messages.isEmpty(), () -> render(messages));
    }

    @Test
    void schemaDeclaresItsIdAndDialect() throws Exception {
        JsonNode schema = schemaNode();
        assertEquals(SCHEMA_ID, schema.path("$id").asText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    }

    /** Every object node that declares properties must say what happens to the others. */
    @Test
    void everyObjectWithPropertiesIsClosed() throws Exception {
        List<String> open = new ArrayList<>();
        walk(schemaNode(), "#", open);
        assertTrue(open.isEmpty(), () -> "object nodes with properties but no additionalProperties: " + open);
    }

    private static void walk(JsonNode node, String pointer, List<String> open) {
        if (node.isObject()) {
            if (node.has("properties") && !node.has("additionalProperties")
                    && !pointer.endsWith("/then") && !pointer.endsWith("/else") && !pointer.endsWith("/if")
                    && !pointer.endsWith("/not")) { // a condition, not an object's shape (CRDs forbid additionalProperties there)
                open.add(pointer);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), pointer + "/" + e.getKey(), open);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, open);
            }
        }
    }

    private static JsonNode schemaNode() throws IOException {
        try (InputStream in = HostedSiteSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IOException(SCHEMA_RESOURCE + " not on the classpath");
            }
            return JSON.readTree(in);
        }
    }

    private static Stream<Path> fixtures(String folder) throws IOException, URISyntaxException {
        URL url = HostedSiteSchemaTest.class.getClassLoader().getResource("schema/" + folder);
        if (url == null) {
            throw new IOException("schema/" + folder + " not on the test classpath");
        }
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    private static String render(Set<ValidationMessage> messages) {
        return messages.stream().map(m -> "  " + m.getMessage()).sorted().collect(Collectors.joining("\n"));
    }
}
