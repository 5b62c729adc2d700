package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NodePool arch on the Agent platform, and the release and host architectures of a cluster's pools. */
class AgentPoolArchitectureTest {

    @ParameterizedTest
    @CsvSource({"amd64, , ''", "arm64, , WARNING", "ppc64le, , WARNING", "s390x, , ERROR", "arm64, multi, ''",
            "arm64, arm64, WARNING", "s390x, multi, ERROR"})
    void archOnAgent(String arch, String releaseArchitecture, String expected) {
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("arch", arch);
        if (releaseArchitecture != null) {
            ((ObjectNode) Sites.cluster(site).path("release")).put("architecture", releaseArchitecture);
        }
        List<Diagnostic> found = AgentPoolArchitecture.check(List.of(Sites.bind(site)));
        assertEquals(expected, found.stream().map(d -> d.severity().name()).reduce((a, b) -> a + "," + b).orElse(""));
        found.forEach(d -> assertEquals("spec.clusters[0].nodePools[0].arch", d.fieldPath()));
        found.forEach(d -> assertEquals(arch, d.currentValue()));
    }

    /** A second pool of arm64 hosts (worker2), beside the amd64 pool of the example. */
    private static ObjectNode mixed() {
        ObjectNode site = Sites.example();
        ArrayNode pools = (ArrayNode) Sites.cluster(site).path("nodePools");
        pools.addObject().put("name", "arm").put("arch", "arm64").putObject("hostSelector").putObject("matchLabels")
                .put("pool", "arm");
        Sites.host(site, 2).with("labels").put("pool", "arm");
        return site;
    }

    @Test
    void poolsOfSeveralArchitecturesNeedTheMultiPayload() {
        List<Finding> found = RuleRuns.onFirstCluster(mixed(), AgentPoolArchitecture::releaseFindings);
        Finding f = RuleRuns.at(found, "spec.clusters[0].release.architecture");
        assertTrue(f.error() && f.message().contains("NodePools of [amd64, arm64]"), f.message());
        ObjectNode multi = mixed();
        ((ObjectNode) Sites.cluster(multi).path("release")).put("architecture", "multi");
        assertEquals(List.of(), RuleRuns.onFirstCluster(multi, AgentPoolArchitecture::releaseFindings));
    }

    @Test
    void aHostOfAnArchitectureNoPoolHasIsRefused() {
        ObjectNode site = Sites.example();
        Sites.host(site, 1).put("arch", "ppc64le");
        Finding f = RuleRuns.at(RuleRuns.onFirstCluster(site, AgentPoolArchitecture::releaseFindings),
                "spec.clusters[0].hosts[1].arch");
        assertTrue(f.message().contains("no NodePool of the cluster is"), f.message());
        assertEquals("ppc64le", f.value());
    }

    @Test
    void aPoolWhosePayloadIsDeclaredOfAnotherArchIsRefused() {
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("release")).put("architecture", "arm64");
        Finding f = RuleRuns.at(RuleRuns.onFirstCluster(site, AgentPoolArchitecture::releaseFindings),
                "spec.clusters[0].release.architecture");
        assertTrue(f.message().contains("NodePool hosted is amd64 but its release payload is declared arm64"), f.message());
    }
}
