package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host names, BareMetalHost names and node host names of one cluster. */
class HostNameRulesTest {

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, (s, c) -> HostNameRules.check(c));
    }

    @Test
    void theExampleHostsPass() {
        assertEquals(List.of(), run(Sites.example()));
    }

    @Test
    void aHostNameUsedTwiceIsRefusedAtTheSecond() {
        ObjectNode site = Sites.example();
        Sites.host(site, 2).put("name", "worker0");
        assertTrue(RuleRuns.at(run(site), "spec.clusters[0].hosts[2].name").message().contains("already used"));
    }

    @Test
    void aNodeHostNameUsedTwiceIsRefusedAtTheHostnameGiven() {
        ObjectNode site = Sites.example();
        Sites.host(site, 2).put("hostname", "hosted-worker1");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].hosts[2].hostname");
        assertTrue(f.message().contains("also the host name of spec.clusters[0].hosts[1]"), f.message());
    }

    @Test
    void localhostIsRefused() {
        ObjectNode site = Sites.example();
        Sites.host(site, 0).put("hostname", "localhost");
        assertTrue(RuleRuns.at(run(site), "spec.clusters[0].hosts[0].hostname").message().contains("refuses the host name"));
    }
}
