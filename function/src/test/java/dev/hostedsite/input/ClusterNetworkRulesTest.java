package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cluster and service networks: CIDRs, families, overlaps (validateSliceNetworkCIDRs). */
class ClusterNetworkRulesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "10.132.0.0/14 | 172.31.0.0/16 | | ",
        "10.128.0.0/14 | 10.130.0.0/16 | spec.clusters[0].networking.serviceNetwork[0] | overlaps clusterNetwork[0] 10.128.0.0/14",
        "10.132.0.0/14 | fd02::/112 | spec.clusters[0].networking.serviceNetwork | IP families of clusterNetwork",
        "10.132.0.0/33 | 172.31.0.0/16 | spec.clusters[0].networking.clusterNetwork[0] | '10.132.0.0/33' is not a CIDR (the prefix length 33 is more than 32",
        "10.132.0.0/14 | 172.31.0.1/16 | spec.clusters[0].networking.serviceNetwork[0] | '172.31.0.1/16' has host bits set: use the network address, 172.31.0.0/16.",
    })
    void networks(String clusterCidr, String serviceCidr, String path, String fragment) {
        ObjectNode site = Sites.example();
        ObjectNode net = Sites.cluster(site).putObject("networking");
        net.putArray("clusterNetwork").add(clusterCidr);
        net.putArray("serviceNetwork").add(serviceCidr);
        List<Finding> errors = RuleRuns.errors(RuleRuns.onFirstCluster(site, (s, c) -> ClusterNetworkRules.check(c)));
        if (path == null) {
            assertEquals(List.of(), errors);
        } else {
            assertTrue(RuleRuns.at(errors, path).message().contains(fragment), errors.toString());
        }
    }
}
