package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Sites;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One mutation of the example site → the field path and message fragment of the error it must produce. */
class InputValidationTest {

    record Case(String name, Consumer<ObjectNode> mutate, String path, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("misspelt field", s -> Sites.host(s, 0).put("bootMacAddress", "x"),
                        "spec.clusters[0].hosts[0].bootMacAddress", "Did you mean 'bootMACAddress'?"),
                new Case("release by tag", s -> release(s).put("image", "quay.io/openshift-release-dev/ocp-release:4.19.3-x86_64"),
                        "spec.clusters[0].release.image", "oc adm release info"),
                new Case("overlapping networks", s -> networking(s, "10.128.0.0/14", "10.130.0.0/16"),
                        "spec.clusters[0].networking.serviceNetwork[0]", "overlaps clusterNetwork[0] 10.128.0.0/14"),
                new Case("family mismatch", s -> networking(s, "10.132.0.0/14", "fd02::/112"),
                        "spec.clusters[0].networking.serviceNetwork", "IP families of clusterNetwork"),
                new Case("bad cidr", s -> networking(s, "10.132.0.0/33", "172.31.0.0/16"),
                        "spec.clusters[0].networking.clusterNetwork[0]", "not a CIDR"),
                new Case("unknown bmc driver", s -> bmc(s).put("address", "ftp://10.0.0.1/x"),
                        "spec.clusters[0].hosts[0].bmc.address", "unknown BMC driver 'ftp'"),
                new Case("duplicate MAC", s -> Sites.host(s, 1).put("bootMACAddress", "52:54:00:10:00:00"),
                        "spec.clusters[0].hosts[1].bootMACAddress", "also used by"),
                new Case("etcd key too short", s -> Sites.cluster(s).putObject("etcdEncryptionKey").put("value", "c2hvcnQ="),
                        "spec.clusters[0].etcdEncryptionKey", "decodes to 5 bytes"),
                new Case("no osImage for release", s -> release(s).put("version", "4.20.1"),
                        "spec.clusters[0].release.version", "openshiftVersion \"4.20\""),
                new Case("nodeport without address", s -> ((ObjectNode) Sites.cluster(s).path("apiServer")).removeAll().put("publishing", "NodePort"),
                        "spec.clusters[0].apiServer.address", "NodePort publishing needs address"),
                new Case("broken CA", s -> ((ObjectNode) s.path("spec").path("hub").path("registry")).put("caBundle",
                        "-----BEGIN CERTIFICATE-----\nnotbase64\n-----END CERTIFICATE-----\n"),
                        "spec.hub.registry.caBundle", "X.509"),
                new Case("pull secret not json", s -> Sites.cluster(s).putObject("pullSecret").put("value", "hunter2"),
                        "spec.clusters[0].pullSecret", "not valid JSON"),
                new Case("duplicate host name", s -> Sites.host(s, 2).put("name", "worker0"),
                        "spec.clusters[0].hosts[2].name", "already used"),
                new Case("duplicate node host name", s -> Sites.host(s, 2).put("hostname", "hosted-worker1"),
                        "spec.clusters[0].hosts[2].hostname", "also the host name of spec.clusters[0].hosts[1]"),
                new Case("bmc credentials data not base64", s -> bmc(s).set("credentials", Yaml.object().set("data",
                        Yaml.object().put("username", "admin").put("password", "YWRtaW4="))),
                        "spec.clusters[0].hosts[0].bmc.credentials.data.username", "under stringData"),
                new Case("root device hint not /dev/", s -> Sites.host(s, 0).set("rootDeviceHints",
                        Yaml.object().put("deviceName", "sda")), "spec.clusters[0].hosts[0].rootDeviceHints.deviceName",
                        "Write /dev/sda"),
                new Case("label key too long", s -> Sites.host(s, 0).with("labels").put("a-very-long-label-key-name", "x"),
                        "spec.clusters[0].hosts[0].labels.a-very-long-label-key-name", "not a valid annotation key"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mutationIsReportedAtItsField(Case c) {
        ObjectNode site = Sites.example();
        c.mutate().accept(site);
        Compiler.Result r = Sites.compile(site);
        assertTrue(r.failed(), c.name() + ": expected a failure");
        assertTrue(r.generated().isEmpty());
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.stream().anyMatch(d -> c.path().equals(d.fieldPath()) && d.message().contains(c.fragment())),
                () -> c.name() + ": no error at " + c.path() + " containing '" + c.fragment() + "' in " + errors);
        errors.forEach(d -> assertEquals("HostedSite", d.resource().kind()));
    }

    @Test
    void replicasAboveHostsIsOnlyAWarning() {
        ObjectNode site = Sites.example();
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("replicas", 5);
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> !d.isError()
                && "spec.clusters[0].nodePools[0].replicas".equals(d.fieldPath()) && d.message().contains("asks for 5")));
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").put("value", "{\"notauths\": \"SUPERSECRET-PULL\"}");
        Sites.cluster(site).putObject("etcdEncryptionKey").put("value", "U1VQRVJTRUNSRVQtRVRDRA==");
        Compiler.Result r = Sites.compile(site);
        assertTrue(r.failed());
        for (Diagnostic d : r.diagnostics()) {
            String all = d.message() + " " + d.currentValue();
            assertTrue(!all.contains("SUPERSECRET") && !all.contains("U1VQRVJTRUNSRVQtRVRDRA"), all);
        }
    }

    private static ObjectNode release(ObjectNode s) {
        return (ObjectNode) Sites.cluster(s).path("release");
    }

    private static ObjectNode bmc(ObjectNode s) {
        return (ObjectNode) Sites.host(s, 0).path("bmc");
    }

    private static void networking(ObjectNode s, String clusterCidr, String serviceCidr) {
        ObjectNode net = Sites.cluster(s).putObject("networking");
        ((ArrayNode) net.putArray("clusterNetwork")).add(clusterCidr);
        ((ArrayNode) net.putArray("serviceNetwork")).add(serviceCidr);
    }
}
