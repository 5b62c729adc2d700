package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The semantic rule classes run in their listed order, so a site's findings come in a stable, documented order. */
class SemanticValidatorTest {

    @Test
    void findingsComeInTheOrderOfTheRuleClasses() {
        ObjectNode site = Sites.example();
        ArrayNode catalogs = (ArrayNode) site.path("spec").path("hub").path("catalogs");
        catalogs.add(catalogs.get(0).deepCopy());                                                      // HubListRules
        ((ObjectNode) Sites.cluster(site).path("release")).put("version", "4.20.1");                   // OsImageCoverageRules
        Sites.cluster(site).putObject("etcdEncryptionKey").put("value", "c2hvcnQ=");                   // ClusterSecretRules
        ObjectNode net = Sites.cluster(site).putObject("networking");                                  // ClusterNetworkRules
        net.putArray("clusterNetwork").add("10.128.0.0/14");
        net.putArray("serviceNetwork").add("10.130.0.0/16");
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("replicas", 2)                 // NodePoolRules
                .putObject("autoscaling").put("min", 1).put("max", 2);
        ((ObjectNode) Sites.host(site, 0).path("bmc")).put("address", "ftp://10.0.0.1/x");            // BareMetalHostRules
        Sites.host(site, 2).put("name", "worker0");                                                    // HostNameRules
        Sites.host(site, 1).put("bootMACAddress", "52:54:00:10:00:00");                                // IdentityRules, across sites
        List<String> expected = List.of("spec.hub.catalogs[1].name", "spec.clusters[0].release.version",
                "spec.clusters[0].etcdEncryptionKey", "spec.clusters[0].networking.serviceNetwork[0]",
                "spec.clusters[0].nodePools[0].replicas", "spec.clusters[0].hosts[0].bmc.address",
                "spec.clusters[0].hosts[2].name", "spec.clusters[0].hosts[1].bootMACAddress");
        List<String> found = SemanticValidator.validate(List.of(Sites.bind(site)), List.of()).stream().filter(Diagnostic::isError)
                .map(Diagnostic::fieldPath).filter(Set.copyOf(expected)::contains).toList();
        assertEquals(expected, found);
    }
}
