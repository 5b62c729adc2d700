package dev.hostedsite.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Sites;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the documentation's examples are wrong, the generators must be right. */
class GeneratorsTest {

    @Test
    void etcdKeySecretHoldsTheRawKeyEncodedOnce() {
        ObjectNode site = Sites.example();
        String key = Sites.cluster(site).path("etcdEncryptionKey").path("value").asText();
        Compiler.Result r = Sites.compile(site);
        JsonNode secret = Sites.generated(r, "Secret", "hosted-etcd-encryption-key");
        assertEquals(key, secret.path("data").path("key").asText());
        assertEquals(32, Base64.getDecoder().decode(secret.path("data").path("key").asText()).length);
    }

    @Test
    void agentServiceConfigIsClusterScopedAndNothingHasStatusOrEmptyObjects() {
        Compiler.Result r = Sites.compile(Sites.example());
        assertTrue(Sites.generated(r, "AgentServiceConfig", "agent").path("metadata").path("namespace").isMissingNode());
        for (Manifest m : r.generated()) {
            assertFalse(m.body().has("status"), m.key().toString());
            assertNoEmptyContainers(m.body(), m.key().toString());
        }
    }

    private static void assertNoEmptyContainers(JsonNode n, String where) {
        if (n.isContainerNode()) {
            assertFalse(n.isEmpty(), "empty object or list in " + where);
            n.forEach(child -> assertNoEmptyContainers(child, where));
        }
    }

    @Test
    void caValuesEndInExactlyOneNewline() {
        ObjectNode site = Sites.example();
        ObjectNode registry = (ObjectNode) site.path("spec").path("hub").path("registry");
        registry.put("caBundle", registry.path("caBundle").asText().replace("\n", "\r\n") + "\n\n\n");
        Compiler.Result r = Sites.compile(site);
        String ca = Sites.generated(r, "ConfigMap", "registry-config").path("data").path("registry.example.krnl.es..5000").asText();
        assertTrue(ca.endsWith("-----END CERTIFICATE-----\n"), ca);
        assertFalse(ca.contains("\r"));
        assertTrue(Yaml.write((ObjectNode) Sites.generated(r, "ConfigMap", "user-ca-bundle")).contains("ca-bundle.crt: |\n"));
    }

    @ParameterizedTest
    @CsvSource({"4.19.3,true", "4.22.9,true", "4.23.0,false", "5.0.1,false", ",true"})
    void capiProviderRoleOnlyBefore423(String version, boolean expected) {
        ObjectNode site = Sites.example();
        ObjectNode release = (ObjectNode) Sites.cluster(site).path("release");
        if (version == null) {
            release.remove("version");
        } else {
            release.put("version", version);
            String xy = version.substring(0, version.lastIndexOf('.'));
            ((ObjectNode) site.path("spec").path("hub").path("osImages").path("images").get(0)).put("openshiftVersion", xy);
        }
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        boolean hasRole = r.generated().stream().anyMatch(m -> m.key().kind().equals("Role"));
        assertEquals(expected, hasRole);
    }

    @Test
    void nodePortPublishesEveryServiceOnTheAddress() {
        ObjectNode site = Sites.nodePort(Sites.example(), "192.168.122.10", 30443);
        JsonNode services = Sites.generated(Sites.compile(site), "HostedCluster", "hosted").path("spec").path("services");
        assertEquals(4, services.size());
        for (JsonNode s : services) {
            JsonNode strategy = s.path("servicePublishingStrategy");
            assertEquals("NodePort", strategy.path("type").asText());
            assertEquals("192.168.122.10", strategy.path("nodePort").path("address").asText());
            assertEquals(s.path("service").asText().equals("APIServer"), strategy.path("nodePort").has("port"));
        }
    }

    @Test
    void loadBalancerPublishesApiServerAndRoutesTheRest() {
        JsonNode services = Sites.generated(Sites.compile(Sites.example()), "HostedCluster", "hosted").path("spec").path("services");
        assertEquals("LoadBalancer", services.get(0).path("servicePublishingStrategy").path("type").asText());
        assertEquals("api.hosted.example.krnl.es", services.get(0).path("servicePublishingStrategy").path("loadBalancer").path("hostname").asText());
        for (int i = 1; i < 4; i++) {
            assertEquals("Route", services.get(i).path("servicePublishingStrategy").path("type").asText());
        }
    }

    @Test
    void replicasDefaultToTheHostsThePoolSelects() {
        ObjectNode site = Sites.example();
        Sites.host(site, 2).with("labels").put("pool", "other");
        JsonNode pool = Sites.generated(Sites.compile(site), "NodePool", "hosted");
        assertEquals(2, pool.path("spec").path("replicas").asInt());
    }

    @Test
    void externalSecretPullSecretIsEmittedInBothNamespaces() {
        ObjectNode site = Sites.example();
        ObjectNode ps = Sites.cluster(site).putObject("pullSecret");
        ps.putObject("externalSecret").put("remoteKey", "ocp/pull-secret")
                .putObject("storeRef").put("name", "vault").put("kind", "ClusterSecretStore");
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        List<Manifest> es = r.generated().stream().filter(m -> m.key().kind().equals("ExternalSecret")).toList();
        assertEquals(List.of("clusters", "clusters-hosted"), es.stream().map(m -> m.key().namespace()).toList());
        JsonNode spec = es.get(0).body().path("spec");
        assertEquals("hosted-pull-secret", spec.path("target").path("name").asText());
        assertEquals("kubernetes.io/dockerconfigjson", spec.path("target").path("template").path("type").asText());
        assertEquals(".dockerconfigjson", spec.path("data").get(0).path("secretKey").asText());
        assertTrue(r.generated().stream().noneMatch(m -> m.key().kind().equals("Secret") && m.key().name().equals("hosted-pull-secret")));
    }

    @Test
    void redHatCatalogsGetTheOlmRegistryOverride() {
        JsonNode hc = Sites.generated(Sites.compile(Sites.example()), "HostedCluster", "hosted");
        assertEquals("registry.redhat.io/redhat=registry.example.krnl.es:5000/redhat",
                hc.path("metadata").path("annotations").path(ClusterGenerator.OLM_OVERRIDES).asText());
    }

    @Test
    void hostLabelsBecomeAgentLabelAnnotations() {
        JsonNode bmh = Sites.generated(Sites.compile(Sites.example()), "BareMetalHost", "hosted-worker0");
        JsonNode a = bmh.path("metadata").path("annotations");
        assertEquals("hosted", a.path("bmac.agent-install.openshift.io.agent-label.pool").asText());
        assertEquals("disabled", a.path("inspect.metal3.io").asText());
        assertEquals("hosted-worker0", a.path("bmac.agent-install.openshift.io/hostname").asText(),
                "the node host name defaults to <cluster>-<host>, as the documentation's BareMetalHost has it");
        assertEquals("hosted", bmh.path("metadata").path("labels").path("infraenvs.agent-install.openshift.io").asText());
        assertEquals("disabled", bmh.path("spec").path("automatedCleaningMode").asText());
        assertTrue(bmh.path("spec").path("online").asBoolean());
    }

    @Test
    void hostnameOverridesTheNodeHostNameAndBracketedIpv4IsWrittenBare() {
        ObjectNode site = Sites.example();
        Sites.host(site, 0).put("hostname", "node-a.example.krnl.es");
        ((ObjectNode) Sites.host(site, 0).path("bmc")).put("address", "redfish-virtualmedia://[10.1.2.3]:8000/redfish/v1/Systems/1");
        Compiler.Result r = Sites.compile(site);
        JsonNode bmh = Sites.generated(r, "BareMetalHost", "hosted-worker0");
        assertEquals("node-a.example.krnl.es",
                bmh.path("metadata").path("annotations").path("bmac.agent-install.openshift.io/hostname").asText());
        assertEquals("redfish-virtualmedia://10.1.2.3:8000/redfish/v1/Systems/1", bmh.path("spec").path("bmc").path("address").asText());
        assertTrue(r.diagnostics().stream().anyMatch(d -> !d.isError()
                && "spec.clusters[0].hosts[0].bmc.address".equals(d.fieldPath()) && d.message().contains("brackets")));
    }
}
