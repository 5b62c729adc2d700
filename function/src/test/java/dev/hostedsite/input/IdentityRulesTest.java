package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Control-plane namespaces that fit and differ; cluster names and boot MACs unique across sites. */
class IdentityRulesTest {

    @Test
    void aControlPlaneNamespaceLongerThan63IsRefusedAtTheClusterName() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).put("name", "c".repeat(55));
        Finding f = RuleRuns.at(RuleRuns.onFirstCluster(site, IdentityRules::check), "spec.clusters[0].name");
        assertTrue(f.error() && f.message().contains("longer than 63"), f.toString());
        assertEquals(List.of(), RuleRuns.onFirstCluster(Sites.example(), IdentityRules::check));
    }

    @Test
    void aDuplicateBootMacIsReportedAtTheLaterHost() {
        ObjectNode site = Sites.example();
        Sites.host(site, 1).put("bootMACAddress", "52:54:00:10:00:00");
        List<Diagnostic> found = IdentityRules.acrossSites(List.of(Sites.bind(site)));
        assertEquals(1, found.size(), found.toString());
        assertEquals("spec.clusters[0].hosts[1].bootMACAddress", found.get(0).fieldPath());
        assertTrue(found.get(0).message().contains("also used by lab spec.clusters[0].hosts[0]"), found.get(0).message());
    }

    @Test
    void twoSitesDeclaringOneClusterGetOneErrorNotTwo() {
        ObjectNode other = Sites.example();
        other.with("metadata").put("name", "other");
        for (int i = 0; i < 3; i++) {
            Sites.host(other, i).put("bootMACAddress", "52:54:00:20:00:0" + i);
        }
        List<Diagnostic> found = IdentityRules.acrossSites(List.of(Sites.bind(Sites.example()), Sites.bind(other)));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("is also declared by lab spec.clusters[0]"), found.get(0).message());
    }

    @Test
    void clustersWhoseControlPlaneNamespacesCoincideAreRefused() {
        ObjectNode other = Sites.example();
        other.with("metadata").put("name", "other");
        Sites.cluster(other).put("namespace", "clusters-hosted").put("name", "x");
        ObjectNode first = Sites.example();
        Sites.cluster(first).put("namespace", "clusters").put("name", "hosted-x");
        for (int i = 0; i < 3; i++) {
            Sites.host(other, i).put("bootMACAddress", "52:54:00:20:00:0" + i);
        }
        List<Diagnostic> found = IdentityRules.acrossSites(List.of(Sites.bind(first), Sites.bind(other)));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("control-plane namespace clusters-hosted-x"), found.get(0).message());
    }
}
