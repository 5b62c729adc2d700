package dev.hostedsite.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.kinds.Upstreams.Crd;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas in {@code fixtures/upstream-schemas} are exactly what {@link CrdToSchema} makes from the committed
 * upstream CRDs the table {@link Upstreams#SCHEMAS} names, byte for byte; and the converter's rules, one by one.
 *
 * <p>{@code -Dupstream.clones=DIR} first remakes the committed CRDs from clones of the upstream repositories at the
 * pinned commits (see {@link CrdSources#refresh}); {@code -Dupstream.schemas.update=true} then rewrites the schemas
 * instead of comparing them. Read {@code git diff -- fixtures/upstream-schemas} after either.
 */
class CrdToSchemaTest {
    static final Path SCHEMAS = Repo.fixtures().resolve("upstream-schemas");

    @Test
    void everyCommittedSchemaIsTheConversionOfItsCommittedSource() throws IOException {
        String clones = System.getProperty("upstream.clones", "");
        if (!clones.isEmpty()) {
            CrdSources.refresh(Path.of(clones));
        }
        boolean update = Boolean.getBoolean("upstream.schemas.update");
        List<String> differing = new ArrayList<>();
        for (Crd crd : Upstreams.SCHEMAS) {
            CrdSources.Input input = CrdSources.read(crd);
            assertTrue(input.blob().matches("[0-9a-f]{40}") && input.blob().startsWith(crd.blob()),
                    CrdSources.file(crd) + " names blob " + input.blob() + ", the table " + crd.blob());
            Map<String, String> converted = CrdToSchema.convert(input.yaml(), CrdSources.source(crd));
            for (String schema : crd.schemas()) {
                assertTrue(converted.containsKey(schema), crd.path() + " serves no " + schema + ": " + converted.keySet());
                Path committed = SCHEMAS.resolve(schema);
                if (update) {
                    Files.createDirectories(committed.getParent());
                    Files.writeString(committed, converted.get(schema));
                } else if (!Files.exists(committed) || !Files.readString(committed).equals(converted.get(schema))) {
                    differing.add(schema);
                }
            }
        }
        assertEquals(List.of(), differing, "committed schemas that are not the conversion of their source"
                + " (-Dupstream.schemas.update=true rewrites them)");
    }

    /** No schema file, and no committed source, that the table does not name. */
    @Test
    void theTableNamesEverySchemaAndSource() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        for (Crd crd : Upstreams.SCHEMAS) {
            named.addAll(crd.schemas());
            sources.add(CrdSources.dir().relativize(CrdSources.file(crd)).toString());
        }
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            TreeSet<String> json = new TreeSet<>(files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> SCHEMAS.relativize(p).toString()).toList());
            assertEquals(named, json);
        }
        try (Stream<Path> files = Files.walk(CrdSources.dir())) {
            assertEquals(sources, new TreeSet<>(files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> CrdSources.dir().relativize(p).toString()).toList()));
        }
        assertTrue(Files.readString(CrdSources.dir().resolve("LICENSE-Apache-2.0")).contains("Apache License"));
    }

    private static String crd(String versionSchema, String... moreVersions) {
        StringBuilder versions = new StringBuilder("""
                  - name: v1
                    served: true
                    storage: true
                    subresources:
                      status: {}
                    schema:
                      openAPIV3Schema:
                """).append(versionSchema.indent(8));
        for (String v : moreVersions) {
            versions.append(v);
        }
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  names:
                    kind: Widget
                  scope: Namespaced
                  versions:
                """ + versions;
    }

    /** The converted {@code spec} node of a CRD whose {@code spec} schema is {@code schema}, as compact JSON. */
    private static String spec(String schema) throws IOException {
        String json = CrdToSchema.convert(crd("""
                type: object
                properties:
                  spec:
                """ + schema.indent(4)), "src").get("example.com/widget-v1.json");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("properties").path("spec").toString();
    }

    @Test
    void objectsAreClosedUnlessUnknownFieldsArePreservedOrTheyAreBranches() throws IOException {
        assertEquals("{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\",\"additionalProperties\":false}",
                spec("properties: {a: {type: string}}\ntype: object"));
        assertEquals("{\"type\":\"object\"}", spec("type: object\nx-kubernetes-preserve-unknown-fields: true"));
        assertEquals("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
                spec("type: object\nadditionalProperties: {type: string}"));
        assertEquals("{\"anyOf\":[{\"type\":\"object\"}],\"type\":\"object\",\"additionalProperties\":false}",
                spec("anyOf: [{type: object}]\ntype: object"));
    }

    @Test
    void kubernetesExtensionsBecomeJsonSchema() throws IOException {
        assertEquals("{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",null]}",
                spec("type: string\nnullable: true\nenum: [a]"));
        assertEquals("{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}", spec("x-kubernetes-int-or-string: true"));
        assertEquals("{\"items\":{\"type\":\"string\"},\"type\":\"array\",\"uniqueItems\":true}",
                spec("items: {type: string}\ntype: array\nx-kubernetes-list-type: set"));
        assertEquals("{\"items\":{\"type\":\"string\"},\"type\":\"array\"}",
                spec("items: {type: string}\ntype: array\nx-kubernetes-list-type: atomic"));
        assertEquals("{\"type\":\"array\",\"x-kubernetes-list-map-keys\":[\"name\"],\"x-kubernetes-list-type\":\"map\"}",
                spec("type: array\nx-kubernetes-list-map-keys: [name]\nx-kubernetes-list-type: map"));
        assertEquals("{\"type\":\"string\",\"x-kubernetes-validations\":[{\"message\":\"m\",\"rule\":\"self != 'x'\"}]}",
                spec("type: string\nx-kubernetes-validations: [{message: m, rule: \"self != 'x'\"}]"));
        assertEquals("{\"type\":\"string\"}", spec("description: gone\ntitle: gone\ntype: string"));
    }

    @Test
    void unknownKeywordsAndUnservedVersionsAreNotCopied() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> spec("type: object\nx-kubernetes-embedded-resource: true"));
        assertThrows(IllegalArgumentException.class, () -> spec("type: integer\nexclusiveMinimum: true\nminimum: 0"));
        assertThrows(IllegalArgumentException.class, () -> spec("type: number\ndefault: 0.5"));
        Map<String, String> two = CrdToSchema.convert(crd("type: object", """
                  - name: v0
                    served: false
                    storage: false
                    schema:
                      openAPIV3Schema:
                        type: object
                """), "src");
        assertEquals(List.of("example.com/widget-v1.json"), List.copyOf(two.keySet()));
        String root = two.get("example.com/widget-v1.json");
        assertTrue(root.contains("\"$comment\": \"generated by tools/crd2schema from src; descriptions removed\""), root);
        assertTrue(root.contains("\"const\": \"example.com/v1\""), root);
        assertTrue(root.contains("\"x-kubernetes-subresources\": [\n    \"status\"\n  ]"), root);
    }

    @Test
    void strippingRemovesDescriptionKeywordsOnly() {
        String yaml = """
                properties:
                  description:
                    description: a field named description
                    type: string
                  list:
                    items:
                    - description: |-
                        first line
                        second line
                      type: string
                    description: plain scalar
                      continued
                    type: array
                """;
        assertEquals("""
                properties:
                  description:
                    type: string
                  list:
                    items:
                    - type: string
                    type: array
                """, CrdToSchema.stripDescriptions(yaml));
        assertFalse(CrdToSchema.stripDescriptions("description: x\n").contains("description"));
    }
}
