package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pool's release x.y and architecture has a discovery image. */
class OsImageCoverageRulesTest {

    private static ObjectNode release(ObjectNode site) {
        return (ObjectNode) Sites.cluster(site).path("release");
    }

    @Test
    void theExampleIsCovered() {
        assertEquals(List.of(), RuleRuns.onFirstCluster(Sites.example(), OsImageCoverageRules::check));
    }

    @Test
    void aReleaseWithoutItsOsImageIsReportedAtItsVersion() {
        ObjectNode site = Sites.example();
        release(site).put("version", "4.20.1");
        Finding f = RuleRuns.at(RuleRuns.onFirstCluster(site, OsImageCoverageRules::check), "spec.clusters[0].release.version");
        assertTrue(f.error() && f.message().contains("openshiftVersion \"4.20\" and cpuArchitecture x86_64"), f.message());
        assertEquals("4.20.1", f.value());
    }

    @Test
    void aPoolOfAnotherArchitectureNeedsItsOwnImage() {
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("arch", "arm64");
        Finding f = RuleRuns.at(RuleRuns.onFirstCluster(site, OsImageCoverageRules::check), "spec.clusters[0].release.version");
        assertTrue(f.message().contains("cpuArchitecture aarch64"), f.message());
    }
}
