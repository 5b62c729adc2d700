package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code apiServer.services} written as given: each once, the blocks each type takes, the APIServer as apiServer says. */
class PublishedServicesRulesTest {

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, (s, c) -> PublishedServicesRules.check(c));
    }

    private static ObjectNode nodePortSite(ArrayNode services) {
        ObjectNode site = Sites.example();
        ObjectNode api = Sites.cluster(site).putObject("apiServer");
        api.put("publishing", "NodePort").put("address", "10.0.0.50");
        api.set("services", services);
        return site;
    }

    private static ArrayNode hcpServices(String apiAddress) {
        ArrayNode services = dev.hostedsite.krm.Yaml.NODES.arrayNode();
        for (String svc : List.of("APIServer", "Ignition", "Konnectivity", "OAuthServer", "OIDC")) {
            services.addObject().put("service", svc).putObject("servicePublishingStrategy").put("type", "NodePort")
                    .putObject("nodePort").put("address", svc.equals("APIServer") ? apiAddress : "10.0.0.50");
        }
        return services;
    }

    @Test
    void withoutServicesNothingIsSaid() {
        assertEquals(List.of(), run(Sites.example()));
    }

    @Test
    void hcpsListAgreeingWithApiServerPasses() {
        assertEquals(List.of(), run(nodePortSite(hcpServices("10.0.0.50"))));
    }

    @Test
    void anApiServerOnAnotherAddressIsRefused() {
        Finding f = RuleRuns.errors(run(nodePortSite(hcpServices("10.0.0.51")))).get(0);
        assertEquals("spec.clusters[0].apiServer.services", f.path());
        assertTrue(f.message().contains("NodePort on 10.0.0.51 here, and apiServer says NodePort on 10.0.0.50"), f.message());
    }

    @Test
    void twiceTheSameServiceAndAMisplacedBlockAreRefused() {
        ArrayNode services = hcpServices("10.0.0.50");
        services.add(services.get(1).deepCopy());
        ((ObjectNode) services.get(2).path("servicePublishingStrategy")).put("type", "Route");
        List<String> paths = RuleRuns.errors(run(nodePortSite(services))).stream().map(Finding::path).toList();
        assertEquals(List.of("spec.clusters[0].apiServer.services[2].servicePublishingStrategy",
                "spec.clusters[0].apiServer.services[5].service"), paths);
    }
}
