package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capabilities a HostedCluster may disable, and catalog images only all together and on the hub. */
class HostedClusterFeatureRulesTest {

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, (s, c) -> HostedClusterFeatureRules.check(c));
    }

    private static ObjectNode disable(ObjectNode site, String... capabilities) {
        ArrayNode disabled = Sites.cluster(site).putObject("capabilities").putArray("disabled");
        for (String c : capabilities) {
            disabled.add(c);
        }
        return site;
    }

    @Test
    void theExampleSetsNothingToJudge() {
        assertEquals(List.of(), run(Sites.example()));
    }

    @Test
    void ingressOnlyWithConsole() {
        Finding f = RuleRuns.errors(run(disable(Sites.example(), "Ingress"))).get(0);
        assertEquals("spec.clusters[0].capabilities.disabled", f.path());
        assertTrue(f.message().contains("only be disabled together with Console"), f.message());
        ObjectNode both = disable(Sites.example(), "Ingress", "Console");
        ((ObjectNode) Sites.cluster(both).path("release")).put("version", "4.20.1");
        assertEquals(List.of(), run(both));
    }

    @Test
    void capabilitiesOfFourTwentyAreOnlyAWarningBefore() {
        Finding f = RuleRuns.at(run(disable(Sites.example(), "Console")), "spec.clusters[0].capabilities.disabled");
        assertFalse(f.error());
        assertTrue(f.message().contains("disabling Console is supported from OpenShift 4.20 on; with release 4.19.3"),
                f.message());
        assertEquals(List.of(), run(disable(Sites.example(), "ImageRegistry")));
    }

    @Test
    void catalogImagesComeAllTogetherAndOnlyWithManagementPlacement() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("olmCatalogImages").put("redhat-operators",
                "registry.example.krnl.es:5000/redhat/redhat-operator-index@sha256:" + "a".repeat(64));
        List<Finding> found = run(site);
        assertEquals(1, RuleRuns.errors(found).size(), found.toString());
        assertTrue(RuleRuns.errors(found).get(0).message().contains("certified-operators, community-operators are missing"),
                found.toString());
        Sites.cluster(site).put("olmCatalogPlacement", "management");
        assertEquals(1, run(site).size(), run(site).toString());
        Sites.cluster(site).put("olmCatalogPlacement", "guest");
        List<Finding> guest = run(site);
        assertEquals(2, guest.size(), guest.toString());
        assertTrue(guest.get(1).message().contains("only with olmCatalogPlacement: management"), guest.toString());
    }
}
