package dev.hostedsite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.Manifest;
import org.junit.jupiter.api.Test;

/** The oracle itself: all twenty-three upstream schemas load, and they do reject what the apiserver would. */
class UpstreamSchemasTest {

    @Test
    void allTwentySixSchemasLoad() {
        assertEquals(26, UpstreamSchemas.count());
    }

    @Test
    void rejectsUnknownFieldsAndWrongTypesInGeneratedObjects() {
        Compiler.Result r = Sites.compile(Sites.example());
        ObjectNode bmh = ((ObjectNode) Sites.generated(r, "BareMetalHost", "hosted-worker0")).deepCopy();
        assertEquals(0, UpstreamSchemas.validate(bmh).size());
        ((ObjectNode) bmh.get("spec")).put("bootMacAddress", "x");
        assertFalse(UpstreamSchemas.validate(bmh).isEmpty(), "unknown field not caught");

        ObjectNode hc = ((ObjectNode) Sites.generated(r, "HostedCluster", "hosted")).deepCopy();
        ((ObjectNode) hc.get("spec")).put("fips", "yes");
        assertFalse(UpstreamSchemas.validate(hc).isEmpty(), "wrong type not caught");
    }

    @Test
    void everyGeneratedCustomResourceOfTheExampleHasASchema() {
        for (Manifest m : Sites.compile(Sites.example()).generated()) {
            String group = m.key().group();
            boolean coreOrArtifact = group.isEmpty() || group.equals("rbac.authorization.k8s.io") || m.localConfig();
            assertTrue(coreOrArtifact || UpstreamSchemas.forObject(m.body()).isPresent(), "no schema for " + m.key());
        }
    }
}
