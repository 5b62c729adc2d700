package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index of mirrored controller validations names real checks; the NodePort address rule refuses what HyperShift refuses. */
class ControllerRulesTest {
    @Test
    void everyMirroredRuleNamesAnExistingCheckAndAnUpstreamFile() throws ClassNotFoundException {
        for (ControllerRules.Mirrored m : ControllerRules.DAY_ONE) {
            Class.forName(m.checkedBy());
            for (String source : m.source().split("; ")) {
                assertTrue(source.matches("openshift/hypershift [\\w./-]+\\.go"), m + ": " + source);
            }
        }
    }

    @Test
    void nodePortAddressInsideTheServiceNetworkIsRefused() {
        ObjectNode site = Sites.nodePort(Sites.example(), "172.31.0.10", 30443);
        Sites.cluster(site).putObject("networking").putArray("serviceNetwork").add("172.31.0.0/16");
        Compiler.Result r = Sites.compile(site);
        List<String> errors = Sites.errors(r);
        assertEquals(1, errors.stream().filter(e -> e.contains("validateNodePortVsServiceNetwork")).count(), errors.toString());
        assertTrue(errors.get(0).startsWith("spec.clusters[0].apiServer.address"), errors.toString());
    }

    @Test
    void nodePortAddressOutsideTheServiceNetworkPasses() {
        ObjectNode site = Sites.nodePort(Sites.example(), "192.168.122.10", 30443);
        Sites.cluster(site).putObject("networking").putArray("serviceNetwork").add("172.31.0.0/16");
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).stream().noneMatch(e -> e.contains("validateNodePortVsServiceNetwork")), Sites.errors(r).toString());
    }
}
