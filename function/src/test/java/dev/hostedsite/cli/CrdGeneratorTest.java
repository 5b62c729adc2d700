package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed HostedSite CRD is what {@code hostedsite crd} prints (drift check; {@code -Dfixtures.update=true}
 * rewrites it), it is a structural schema as the API server demands (checked here in Java: kubectl's
 * client-side dry run needs a server for discovery), and it accepts and rejects what the JSON Schema does.
 */
class CrdGeneratorTest {
    static final Path COMMITTED = Repo.root().resolve(CrdGenerator.COMMITTED_PATH);

    @Test
    void committedCrdMatchesTheGenerator() throws IOException {
        Run r = Run.of(new byte[0], "crd");
        assertEquals(Main.OK, r.exit(), r.stderr());
        if (Boolean.getBoolean("fixtures.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, r.stdout(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), r.stdout(),
                CrdGenerator.COMMITTED_PATH + " is stale: run the tests with -Dfixtures.update=true and commit it");
    }

    @Test
    void crdIsStructural() throws IOException {
        JsonNode crd = Yaml.readAll(Files.readString(COMMITTED)).get(0);
        assertEquals("apiextensions.k8s.io/v1", crd.path("apiVersion").asText());
        assertEquals("hostedsites.hostedsite.dev", crd.path("metadata").path("name").asText());
        JsonNode spec = crd.path("spec");
        assertEquals(spec.path("names").path("plural").asText() + "." + spec.path("group").asText(),
                crd.path("metadata").path("name").asText());
        assertEquals(1, spec.path("versions").size());
        JsonNode schema = spec.path("versions").get(0).path("schema").path("openAPIV3Schema");
        List<String> problems = new ArrayList<>();
        structural(schema, "openAPIV3Schema", false, problems);
        JsonNode meta = schema.path("properties").path("metadata");
        if (!meta.equals(Yaml.object().put("type", "object"))) {
            problems.add("metadata at the root may only restrict name and generateName");
        }
        assertEquals(List.of(), problems);
        assertTrue(schema.path("properties").path("spec").path("properties").has("clusters"), "spec.clusters kept");
    }

    /** The fields of apiextensions.k8s.io/v1 JSONSchemaProps a CRD may use. */
    static final Set<String> ALLOWED = Set.of("description", "type", "format", "title", "default", "maximum", "exclusiveMaximum",
            "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "multipleOf", "enum",
            "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf", "not", "properties",
            "additionalProperties", "nullable", "example", "externalDocs", "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys",
            "x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-validations");
    /** Inside allOf/anyOf/oneOf/not (value validation) these are forbidden. */
    static final Set<String> NOT_IN_VALUE_VALIDATION = Set.of("type", "description", "default", "additionalProperties",
            "nullable", "title", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-validations");

    static void structural(JsonNode s, String at, boolean valueValidation, List<String> problems) {
        if (!s.isObject()) {
            problems.add(at + ": not a schema object");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = s.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!ALLOWED.contains(f.getKey())) {
                problems.add(at + ": field " + f.getKey() + " is not allowed in a CRD schema");
            }
            if (valueValidation && NOT_IN_VALUE_VALIDATION.contains(f.getKey())) {
                problems.add(at + ": " + f.getKey() + " is not allowed inside allOf/anyOf/oneOf/not");
            }
        }
        if (!valueValidation && !s.has("type") && !s.has("x-kubernetes-int-or-string")
                && !s.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            problems.add(at + ": no type");
        }
        if (s.has("properties") && s.has("additionalProperties")) {
            problems.add(at + ": properties and additionalProperties are mutually exclusive");
        }
        if (s.has("additionalProperties") && !s.get("additionalProperties").isObject()) {
            problems.add(at + ": additionalProperties must be a schema");
        }
        if (s.has("uniqueItems")) {
            problems.add(at + ": uniqueItems is forbidden; use x-kubernetes-list-type: set");
        }
        if (s.path("x-kubernetes-list-type").asText().equals("set") && s.path("items").path("type").asText().equals("object")) {
            problems.add(at + ": a set list needs scalar items");
        }
        if (s.has("type") && !Set.of("object", "array", "string", "integer", "number", "boolean").contains(s.get("type").asText())) {
            problems.add(at + ": type " + s.get("type"));
        }
        s.path("properties").fields().forEachRemaining(p -> structural(p.getValue(), at + ".properties." + p.getKey(),
                valueValidation, problems));
        if (s.has("items")) {
            structural(s.get("items"), at + ".items", valueValidation, problems);
        }
        if (s.path("additionalProperties").isObject()) {
            structural(s.get("additionalProperties"), at + ".additionalProperties", valueValidation, problems);
        }
        for (String k : List.of("allOf", "anyOf", "oneOf")) {
            int i = 0;
            for (JsonNode alt : s.path(k)) {
                structural(alt, at + "." + k + "[" + i++ + "]", true, problems);
            }
        }
        if (s.has("not")) {
            structural(s.get("not"), at + ".not", true, problems);
        }
        if (s.has("default") && s.path("type").asText().equals("object") && !s.get("default").isObject()) {
            problems.add(at + ": default does not match type object");
        }
    }

    /** The CRD's schema (OpenAPI v3.0, validated here as draft 4) agrees with the JSON Schema on the schema fixtures. */
    @Test
    void crdSchemaAcceptsValidSitesAndRejectsBadValues() throws IOException {
        JsonNode schemaNode = Yaml.readAll(Files.readString(COMMITTED)).get(0)
                .path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaNode);
        Path fixtures = Repo.root().resolve("function/src/test/resources/schema");
        List<Path> valid;
        try (Stream<Path> files = Files.list(fixtures.resolve("valid"))) {
            valid = files.sorted().toList();
        }
        valid = new ArrayList<>(valid);
        valid.add(Repo.root().resolve("packages/hosted-site/site.yaml"));
        for (Path f : valid) {
            JsonNode site = Yaml.readAll(Files.readString(f)).get(0);
            assertEquals(Set.of(), schema.validate(site), f + " is valid against the JSON Schema and must be against the CRD");
        }
        for (String bad : List.of("bad-mac", "port-out-of-range", "bad-store-kind", "two-secret-forms", "both-ssh-forms",
                "no-ssh-key", "negative-replicas", "empty-mirrors", "release-by-tag")) {
            JsonNode site = Yaml.readAll(Files.readString(fixtures.resolve("invalid/" + bad + ".yaml"))).get(0);
            assertFalse(schema.validate(site).isEmpty(), bad + " must be rejected by the CRD schema too");
        }
    }

    /** The nodePort-needs-address rule, an if/then in the JSON Schema, survives as a CEL rule. */
    @Test
    void conditionalBecomesCelRule() throws IOException {
        JsonNode apiServer = Yaml.readAll(Files.readString(COMMITTED)).get(0).path("spec").path("versions").get(0)
                .path("schema").path("openAPIV3Schema").at("/properties/spec/properties/clusters/items/properties/apiServer");
        assertEquals("!has(self.publishing) || self.publishing != 'NodePort' || has(self.address)",
                apiServer.path("x-kubernetes-validations").get(0).path("rule").asText(), apiServer.toString());
    }

    /**
     * The API server prunes every field a structural schema does not declare (unless the node says
     * x-kubernetes-preserve-unknown-fields), and strict field validation refuses them: with {@code hosts[].network} a
     * closed empty object, a HostedSite applied to a cluster lost its NMState documents. Pruned here as
     * k8s.io/apiextensions-apiserver {@code pkg/apiserver/schema/pruning} does, the documents of the metal fixture and
     * of the example survive whole, and nothing else of the site is pruned either.
     */
    @Test
    void nmstateDocumentsSurviveThePruning() throws IOException {
        JsonNode schema = Yaml.readAll(Files.readString(COMMITTED)).get(0).path("spec").path("versions").get(0)
                .path("schema").path("openAPIV3Schema");
        for (String fixture : List.of("metal-static-network", "example-lab")) {
            JsonNode rl = Yaml.readAll(Files.readString(Repo.fixture(fixture).resolve("input.yaml"))).get(0);
            JsonNode site = null;
            for (JsonNode item : rl.path("items")) {
                if (item.path("kind").asText().equals("HostedSite")) {
                    site = item;
                }
            }
            JsonNode pruned = prune(site.deepCopy(), schema);
            int documents = 0;
            for (JsonNode c : site.path("spec").path("clusters")) {
                for (JsonNode h : c.path("hosts")) {
                    documents += h.has("network") ? 1 : 0;
                }
            }
            assertTrue(documents > 0, fixture + " has no NMState document");
            assertEquals(site.path("spec"), pruned.path("spec"), fixture + ": the API server would prune part of the spec");
        }
        ObjectNode closed = (ObjectNode) schema.at("/properties/spec/properties/clusters/items/properties/hosts/items"
                + "/properties/network").deepCopy();
        closed.remove("x-kubernetes-preserve-unknown-fields");
        assertEquals(Yaml.object(), prune(Yaml.object().put("interfaces", "x"), closed),
                "without preserve-unknown-fields the document is emptied (the fault this guards against)");
    }

    /** Structural pruning: drop object fields the schema does not declare, below nodes that do not preserve them. */
    static JsonNode prune(JsonNode value, JsonNode schema) {
        if (value.isObject()) {
            ObjectNode o = (ObjectNode) value;
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode sub = schema.path("properties").get(name);
                if (sub == null && schema.path("additionalProperties").isObject()) {
                    sub = schema.get("additionalProperties");
                }
                if (sub != null) {
                    o.set(name, prune(o.get(name), sub));
                } else if (!preserve) {
                    o.remove(name);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                ((ArrayNode) value).set(i, prune(value.get(i), schema.get("items")));
            }
        }
        return value;
    }
}
