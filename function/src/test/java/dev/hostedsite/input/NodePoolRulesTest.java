package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each NodePool against its hosts, HyperShift's field rules, and the other pools of its namespace. */
class NodePoolRulesTest {

    private static ObjectNode pool(ObjectNode site) {
        return (ObjectNode) Sites.cluster(site).path("nodePools").get(0);
    }

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, NodePoolRules::check);
    }

    @Test
    void theExamplePoolPasses() {
        assertEquals(List.of(), run(Sites.example()));
    }

    @Test
    void replicasAboveHostsIsOnlyAWarning() {
        ObjectNode site = Sites.example();
        pool(site).put("replicas", 5);
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].replicas");
        assertFalse(f.error());
        assertTrue(f.message().contains("asks for 5 replicas but the site declares 3 hosts"), f.message());
    }

    @Test
    void oneReplicaAndOneHostAreSingular() {
        ObjectNode site = Sites.example();
        pool(site).put("replicas", 1);
        assertEquals(List.of(), run(site));
        Sites.cluster(site).withArray("hosts").remove(2);
        Sites.cluster(site).withArray("hosts").remove(1);
        pool(site).put("replicas", 2);
        Finding two = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].replicas");
        assertTrue(two.message().contains("asks for 2 replicas but the site declares 1 host for it"), two.message());
        Sites.cluster(site).withArray("hosts").remove(0);
        pool(site).put("replicas", 1);
        Finding one = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].replicas");
        assertTrue(one.message().contains("asks for 1 replica but the site declares 0 hosts for it"), one.message());
    }

    @Test
    void replicasAndAutoscalingExcludeEachOther() {
        ObjectNode site = Sites.example();
        pool(site).put("replicas", 2).putObject("autoscaling").put("min", 1).put("max", 3);
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].replicas");
        assertTrue(f.error() && f.message().contains("exclude each other"), f.message());
        assertEquals("2", f.value());
    }

    @Test
    void aTaintGivenTwiceIsRefusedAtTheSecond() {
        ObjectNode site = Sites.example();
        ArrayNode taints = pool(site).putArray("taints");
        taints.addObject().put("key", "dedicated").put("value", "a").put("effect", "NoSchedule");
        taints.addObject().put("key", "dedicated").put("value", "b").put("effect", "NoSchedule");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].taints[1]");
        assertTrue(f.message().contains("given twice"), f.message());
    }

    @Test
    void aPoolReleaseNeedsTheClusterVersion() {
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("release")).remove("version");
        pool(site).putObject("release").put("image", "registry.example.krnl.es:5000/openshift/release-images@sha256:"
                + "1".repeat(64)).put("version", "4.19.2");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].nodePools[0].release");
        assertTrue(f.error() && f.message().contains("needs the cluster's release.version"), f.message());
    }

    @Test
    void poolNamesAreUniquePerNamespaceAcrossTheSitesClusters() {
        ObjectNode site = Sites.example();
        ObjectNode second = Sites.cluster(site).deepCopy();
        second.put("name", "second");
        ((ArrayNode) site.path("spec").path("clusters")).add(second);
        Site s = Sites.bind(site);
        assertEquals(List.of(), NodePoolRules.uniqueNames(s, s.clusters().get(0)));
        List<Finding> found = NodePoolRules.uniqueNames(s, s.clusters().get(1));
        assertEquals(1, found.size(), found.toString());
        assertEquals("spec.clusters[1].nodePools[0].name", found.get(0).path());
        assertTrue(found.get(0).message().contains("is also declared at spec.clusters[0].nodePools[0]"), found.get(0).message());
    }
}
