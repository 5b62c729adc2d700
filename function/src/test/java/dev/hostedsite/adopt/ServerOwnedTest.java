package dev.hostedsite.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerOwned#DEFAULTS} is what the copied CRD schemas say ({@code fixtures/upstream-schemas}): for every kind it
 * lists, each {@code default} outside list items and other platforms' subtrees, with the same value, and nothing else.
 */
class ServerOwnedTest {
    /** kind → the copied schema file. */
    static final Map<String, String> SCHEMAS = Map.of(
            "HostedCluster", "hypershift.openshift.io/hostedcluster-v1beta1.json",
            "NodePool", "hypershift.openshift.io/nodepool-v1beta1.json",
            "InfraEnv", "agent-install.openshift.io/infraenv-v1beta1.json",
            "AgentServiceConfig", "agent-install.openshift.io/agentserviceconfig-v1beta1.json",
            "BareMetalHost", "metal3.io/baremetalhost-v1alpha1.json",
            "MultiClusterEngine", "multicluster.openshift.io/multiclusterengine-v1.json",
            "OperatorGroup", "operators.coreos.com/operatorgroup-v1.json");
    static final List<String> OTHER_PLATFORMS = List.of("spec.platform.aws", "spec.platform.azure", "spec.platform.kubevirt",
            "spec.platform.powervs", "spec.platform.ibmcloud", "spec.platform.openstack", "spec.platform.gcp");

    @Test
    void theDefaultsAreTheCrdSchemasDefaults() throws IOException {
        for (Map.Entry<String, String> e : SCHEMAS.entrySet()) {
            JsonNode schema = Yaml.readAll(Files.readString(Repo.fixtures().resolve("upstream-schemas").resolve(e.getValue()))).get(0);
            Map<String, JsonNode> fromSchema = new TreeMap<>();
            walk(schema, "", fromSchema);
            Map<String, JsonNode> fromTable = new TreeMap<>();
            ServerOwned.DEFAULTS.stream().filter(d -> d.kind().equals(e.getKey())).forEach(d -> fromTable.put(d.path(), d.value()));
            assertEquals(fromSchema, fromTable, e.getKey() + ": ServerOwned.DEFAULTS against " + e.getValue());
        }
    }

    private static void walk(JsonNode n, String path, Map<String, JsonNode> out) {
        if (path.startsWith("status") || OTHER_PLATFORMS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
            return;
        }
        if (n.has("default") && !path.isEmpty()) {
            out.put(path, n.get("default"));
        }
        n.path("properties").fields().forEachRemaining(f -> walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        for (String k : List.of("allOf", "anyOf", "oneOf")) {
            n.path(k).forEach(s -> walk(s, path, out));
        }
        // list items are left out: a default inside an item applies per item, which this table does not model
    }

    @Test
    void defaultsApplyOnlyUnderAParentThatExists() {
        ObjectNode hc = Yaml.object().put("kind", "HostedCluster");
        hc.putObject("spec").putObject("networking").put("networkType", "OVNKubernetes");
        ObjectNode out = ServerOwned.withDefaults(hc);
        assertEquals("172.31.0.0/16", out.at("/spec/networking/serviceNetwork/0/cidr").asText());
        assertEquals("HighlyAvailable", out.at("/spec/controllerAvailabilityPolicy").asText());
        assertTrue(out.at("/spec/configuration").isMissingNode(), "no configuration: no apiServer.audit default");
        assertEquals("8Gi", out.at("/spec/etcd/managed/storage/persistentVolume/size").asText());
        assertFalse(hc.at("/spec/etcd").isObject(), "the input is not changed");
    }

    @Test
    void platformObjectsAreNotTheUsers() {
        ObjectNode owned = Yaml.object().put("kind", "Secret");
        owned.putObject("metadata").put("name", "hosted-admin-kubeconfig").putArray("ownerReferences").addObject()
                .put("kind", "HostedCluster").put("name", "hosted").put("controller", true);
        assertTrue(ServerOwned.madeByPlatform(owned).orElseThrow().contains("HostedCluster hosted"));
        ObjectNode mine = Yaml.object().put("kind", "Secret");
        mine.putObject("metadata").put("name", "hosted-pull-secret");
        assertTrue(ServerOwned.madeByPlatform(mine).isEmpty());
        ObjectNode agent = Yaml.object().put("kind", "Agent");
        agent.putObject("metadata").put("name", "x");
        assertTrue(ServerOwned.madeByPlatform(agent).isPresent());
    }

    @Test
    void aDefaultIsKnownAsOne() {
        ObjectNode ie = Yaml.object().put("kind", "InfraEnv");
        ie.putObject("spec").put("ipxeScriptType", "DiscoveryImageAlways");
        assertTrue(ServerOwned.isDefault(ie, "spec.ipxeScriptType"));
        ((ObjectNode) ie.get("spec")).put("ipxeScriptType", "BootOrderControl");
        assertFalse(ServerOwned.isDefault(ie, "spec.ipxeScriptType"));
    }
}
