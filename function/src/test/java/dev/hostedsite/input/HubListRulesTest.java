package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One hub list entry per key; tag mirrors warned about. */
class HubListRulesTest {

    private static ObjectNode hub(ObjectNode site) {
        return (ObjectNode) site.path("spec").path("hub");
    }

    @Test
    void theExampleHubPasses() {
        assertEquals(List.of(), HubListRules.check(Sites.bind(Sites.example()).hub()));
    }

    @Test
    void duplicatesAreReportedAtTheLaterEntryInListOrder() {
        ObjectNode site = Sites.example();
        ArrayNode mirrors = (ArrayNode) hub(site).path("mirrors");
        mirrors.add(mirrors.get(1).deepCopy());
        ArrayNode catalogs = (ArrayNode) hub(site).path("catalogs");
        catalogs.add(catalogs.get(0).deepCopy());
        List<Finding> found = HubListRules.check(Sites.bind(site).hub());
        assertEquals(List.of("spec.hub.mirrors[7].source", "spec.hub.catalogs[1].name"),
                found.stream().map(Finding::path).toList());
        assertEquals("duplicate mirror source 'quay.io/openshift-release-dev/ocp-release'.", found.get(0).message());
        assertEquals("quay.io/openshift-release-dev/ocp-release", found.get(0).value());
    }

    @Test
    void aTagMirrorIsOnlyAWarning() {
        ObjectNode site = Sites.example();
        ((ObjectNode) hub(site).path("mirrors").get(2)).put("tags", true);
        Finding f = RuleRuns.at(HubListRules.check(Sites.bind(site).hub()), "spec.hub.mirrors[2].tags");
        assertFalse(f.error());
        assertTrue(f.message().contains("ImageTagMirrorSet"), f.message());
    }
}
