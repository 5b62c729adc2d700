package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each host as its BareMetalHost, BMC Secret and NMStateConfig take it. */
class BareMetalHostRulesTest {

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, BareMetalHostRules::check);
    }

    private static ObjectNode bmc(ObjectNode site, int host) {
        return (ObjectNode) Sites.host(site, host).path("bmc");
    }

    @Test
    void theExampleHostsGetOnlyWarnings() {
        List<Finding> found = run(Sites.example());
        assertEquals(List.of(), RuleRuns.errors(found));
        // per host: the bracket-free address is fine, inline credentials and unverified TLS are warned about
        assertEquals(6, found.size(), found.toString());
        assertFalse(RuleRuns.at(found, "spec.clusters[0].hosts[0].bmc.disableCertificateVerification").error());
    }

    @Test
    void anUnknownBmcDriverIsRefused() {
        ObjectNode site = Sites.example();
        bmc(site, 0).put("address", "ftp://10.0.0.1/x");
        assertTrue(RuleRuns.at(run(site), "spec.clusters[0].hosts[0].bmc.address").message().contains("unknown BMC driver 'ftp'"));
    }

    @Test
    void credentialsDataThatIsNotBase64IsRefusedAtItsKey() {
        ObjectNode site = Sites.example();
        bmc(site, 0).set("credentials", Yaml.object().set("data", Yaml.object().put("username", "admin").put("password", "YWRtaW4=")));
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].hosts[0].bmc.credentials.data.username");
        assertTrue(f.error() && f.message().contains("under stringData"), f.message());
    }

    @Test
    void aRootDeviceHintOutsideDevIsRefused() {
        ObjectNode site = Sites.example();
        Sites.host(site, 0).set("rootDeviceHints", Yaml.object().put("deviceName", "sda"));
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].hosts[0].rootDeviceHints.deviceName");
        assertTrue(f.message().contains("Write /dev/sda"), f.message());
    }

    @Test
    void aLabelKeyTooLongForTheAgentLabelAnnotationIsRefused() {
        ObjectNode site = Sites.example();
        Sites.host(site, 0).with("labels").put("a-very-long-label-key-name", "x");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].hosts[0].labels.a-very-long-label-key-name");
        assertTrue(f.error() && f.message().contains("not a valid annotation key"), f.message());
        Sites.host(site, 0).with("labels").remove("a-very-long-label-key-name");
        Sites.host(site, 0).with("labels").put("example.com/a-very-long-label-key-name", "x");
        assertEquals(List.of(), RuleRuns.errors(run(site)));
    }

    @Test
    void twoEthernetInterfacesNeedTheirMacs() {
        ObjectNode site = Sites.example();
        ObjectNode second = ((com.fasterxml.jackson.databind.node.ArrayNode) Sites.host(site, 2).path("network")
                .path("interfaces")).addObject();
        second.put("name", "enp2s0").put("type", "ethernet").put("state", "up");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].hosts[2].network.interfaces");
        assertTrue(f.message().contains("no mac-address"), f.message());
    }
}
