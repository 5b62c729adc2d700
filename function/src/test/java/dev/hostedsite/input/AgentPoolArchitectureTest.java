package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NodePool arch on the Agent platform: refused, warned about, or accepted silently. */
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
}
