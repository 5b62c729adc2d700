package dev.hostedsite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CEL oracle on its own, on a small schema written here, one Kubernetes semantic per test (kubernetes.io,
 * "Validation rules" of CustomResourceDefinitions): each test has an object the apiserver accepts and one it
 * rejects, so an oracle that accepted everything (or refused everything) fails it. CelRulesTest runs the same
 * oracle on the upstream schemas and the fixtures.
 */
class CelOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {
              "x-kubernetes-group-version-kind": [{"group": "example.dev", "version": "v1", "kind": "Widget"}],
              "type": "object",
              "properties": {
                "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
                "spec": {
                  "type": "object",
                  "x-kubernetes-validations": [
                    {"rule": "self.replicas >= 0", "message": "replicas must not be negative"},
                    {"rule": "self.mode == 'Auto' || has(self.target)", "message": "target is required unless mode is Auto"},
                    {"rule": "self.size == oldSelf.size", "message": "size is immutable"}
                  ],
                  "properties": {
                    "replicas": {"type": "integer"},
                    "mode": {"type": "string", "default": "Auto"},
                    "target": {"type": "string"},
                    "size": {"type": "string"},
                    "note": {"type": "string", "x-kubernetes-validations": [{"rule": "self.size() > 2", "message": "note too short"}]},
                    "ports": {
                      "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                      "items": {
                        "type": "object",
                        "x-kubernetes-validations": [{"rule": "self.port == oldSelf.port", "message": "port is immutable"}],
                        "properties": {"name": {"type": "string"}, "port": {"type": "integer"}}
                      }
                    },
                    "labels": {
                      "type": "object",
                      "additionalProperties": {"type": "string", "x-kubernetes-validations": [{"rule": "self != ''", "message": "empty label"}]}
                    }
                  }
                }
              }
            }
            """;
    private static CelOracle oracle;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("widget.json"), SCHEMA);
        oracle = CelOracle.load(dir);
    }

    private static JsonNode widget(String spec) throws IOException {
        return JSON.readTree("{\"apiVersion\": \"example.dev/v1\", \"kind\": \"Widget\", \"metadata\": {\"name\": \"w\"}, \"spec\": "
                + spec + "}");
    }

    private static List<String> create(String spec) throws IOException {
        return messages(oracle.check(widget(spec), null));
    }

    private static List<String> update(String oldSpec, String spec) throws IOException {
        return messages(oracle.check(widget(spec), widget(oldSpec)));
    }

    private static List<String> messages(CelOracle.Result r) {
        return r.violations().stream().map(v -> v.field() + ": " + v.rule().message()).toList();
    }

    @Test
    void aFalseRuleIsAViolationWithItsMessageAndATrueOneIsNot() throws IOException {
        assertEquals(List.of(), create("{\"replicas\": 1, \"size\": \"s\"}"));
        assertEquals(List.of("spec: replicas must not be negative"), create("{\"replicas\": -1, \"size\": \"s\"}"));
    }

    @Test
    void schemaDefaultsAreAppliedBeforeTheRules() throws IOException {
        // mode is absent: defaulted to Auto, so target is not needed
        assertEquals(List.of(), create("{\"replicas\": 1, \"size\": \"s\"}"));
        assertEquals(List.of("spec: target is required unless mode is Auto"), create("{\"replicas\": 1, \"size\": \"s\", \"mode\": \"Manual\"}"));
        assertEquals(List.of(), create("{\"replicas\": 1, \"size\": \"s\", \"mode\": \"Manual\", \"target\": \"t\"}"));
    }

    @Test
    void anEvaluationErrorIsAViolation() throws IOException {
        // no replicas: self.replicas has no such key, which the apiserver reports as the rule failing
        List<String> violations = create("{\"size\": \"s\"}");
        assertEquals(List.of("spec: replicas must not be negative"), violations);
    }

    @Test
    void anAbsentFieldIsNotEvaluated() throws IOException {
        assertEquals(List.of(), create("{\"replicas\": 1, \"size\": \"s\"}"));
        assertEquals(List.of("spec.note: note too short"), create("{\"replicas\": 1, \"size\": \"s\", \"note\": \"ab\"}"));
    }

    @Test
    void aTransitionRuleRunsOnlyOnAnUpdate() throws IOException {
        CelOracle.Result created = oracle.check(widget("{\"replicas\": 1, \"size\": \"s\"}"), null);
        assertEquals(List.of(), messages(created));
        assertTrue(created.transitionSkips() > 0, "a create skips transition rules");
        assertEquals(List.of(), update("{\"replicas\": 1, \"size\": \"s\"}", "{\"replicas\": 2, \"size\": \"s\"}"));
        assertEquals(List.of("spec: size is immutable"), update("{\"replicas\": 1, \"size\": \"s\"}", "{\"replicas\": 1, \"size\": \"m\"}"));
    }

    @Test
    void mapListItemsAreComparedWithTheOldItemOfTheSameKey() throws IOException {
        String old = "{\"replicas\": 1, \"size\": \"s\", \"ports\": [{\"name\": \"a\", \"port\": 1}, {\"name\": \"b\", \"port\": 2}]}";
        // reordered, plus a new item that has no old one: nothing changed for the rule
        assertEquals(List.of(), update(old,
                "{\"replicas\": 1, \"size\": \"s\", \"ports\": [{\"name\": \"c\", \"port\": 9}, {\"name\": \"b\", \"port\": 2}, {\"name\": \"a\", \"port\": 1}]}"));
        assertEquals(List.of("spec.ports[1]: port is immutable"), update(old,
                "{\"replicas\": 1, \"size\": \"s\", \"ports\": [{\"name\": \"b\", \"port\": 2}, {\"name\": \"a\", \"port\": 3}]}"));
    }

    @Test
    void aRuleUnderAdditionalPropertiesRunsOnEveryMapValue() throws IOException {
        assertEquals(List.of(), create("{\"replicas\": 1, \"size\": \"s\", \"labels\": {\"a\": \"x\", \"b\": \"y\"}}"));
        assertEquals(List.of("spec.labels.b: empty label"), create("{\"replicas\": 1, \"size\": \"s\", \"labels\": {\"a\": \"x\", \"b\": \"\"}}"));
    }

    @Test
    void objectsOfAnotherKindAreNotJudged() throws IOException {
        JsonNode other = JSON.readTree("{\"apiVersion\": \"example.dev/v1\", \"kind\": \"Gadget\", \"spec\": {\"replicas\": -1}}");
        assertEquals(false, oracle.covers(other));
        assertEquals(List.of(), messages(oracle.check(other, null)));
        assertEquals(true, oracle.covers(widget("{}")));
    }
}
