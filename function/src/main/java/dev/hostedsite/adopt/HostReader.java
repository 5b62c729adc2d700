package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.krm.Yaml;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hosts[]} of a cluster from the BareMetalHosts in its control-plane namespace named
 * {@code <cluster>-<host>}, the inverse of the generator's BareMetalHost and NMStateConfig: BMC address and
 * credentials (a reference to the Secret), certificate verification, boot MAC, root device hints, Agent labels (the
 * {@code bmac.agent-install.openshift.io.agent-label.} annotations), the node host name annotation when it is not the
 * default, the architecture in a mixed cluster (from the InfraEnv the host boots), and the static network from its
 * NMStateConfig.
 */
final class HostReader {
    private static final String HOSTNAME = "bmac.agent-install.openshift.io/hostname";
    /**
     * BareMetalHost fields assisted-service's BMAC sets on hosts of an InfraEnv (the discovery ISO as {@code image},
     * the assisted {@code customDeploy} method in the converged flow): the controller's, not the site's.
     */
    static final List<String> BMAC_WRITES = List.of("image", "customDeploy");

    private HostReader() {}

    static ArrayNode read(Inventory inv, SecretReader secrets, ClusterReader cluster) {
        ArrayNode hosts = Yaml.NODES.arrayNode();
        String prefix = cluster.name() + "-";
        boolean mixed = NodePoolReader.mixed(inv, cluster);
        for (ObjectNode bmh : inv.readable("BareMetalHost")) {
            if (!cluster.controlPlaneNamespace().equals(Inventory.namespace(bmh))) {
                continue;
            }
            String bmhName = Inventory.name(bmh);
            if (!bmhName.startsWith(prefix)) {
                inv.warn(bmh, "metadata.name", "the render names BareMetalHosts <cluster>-<host>; " + bmhName
                        + " is kept as it is (a renamed BareMetalHost would be deprovisioned and registered again).");
                continue;
            }
            String path = cluster.path() + ".hosts[" + hosts.size() + "]";
            hosts.add(host(inv, secrets, cluster, bmh, bmhName.substring(prefix.length()), path, mixed));
        }
        return hosts;
    }

    private static ObjectNode host(Inventory inv, SecretReader secrets, ClusterReader cluster, ObjectNode bmh,
                                   String name, String path, boolean mixed) {
        JsonNode spec = bmh.path("spec");
        JsonNode annotations = bmh.path("metadata").path("annotations");
        ObjectNode h = Yaml.object();
        h.put("name", name);
        String hostname = annotations.path(HOSTNAME).asText(null);
        if (hostname != null && !hostname.equals(cluster.name() + "-" + name)) {
            h.put("hostname", hostname);
        } else if (hostname == null) {
            inv.warn(bmh, "metadata.annotations", "the render annotates " + HOSTNAME + ": " + cluster.name() + "-" + name
                    + "; without it the node takes the name DHCP or the agent gives it.");
        }
        String infraEnv = bmh.path("metadata").path("labels").path(Names.INFRAENV_LABEL).asText(null);
        if (mixed && infraEnv != null) {
            inv.get("InfraEnv", cluster.controlPlaneNamespace(), infraEnv).ifPresent(ie ->
                    h.put("arch", Hosts.nodePoolArch(ie.path("spec").path("cpuArchitecture").asText("x86_64"))));
        }
        h.put("bootMACAddress", spec.path("bootMACAddress").asText());
        ObjectNode bmc = h.putObject("bmc");
        bmc.put("address", spec.path("bmc").path("address").asText());
        String credentials = spec.path("bmc").path("credentialsName").asText(null);
        if (credentials != null) {
            bmc.set("credentials", secrets.source(path + ".bmc.credentials", credentials,
                    cluster.name() + "-" + name + "-bmc-secret", List.of(cluster.controlPlaneNamespace())));
        }
        if (spec.path("bmc").path("disableCertificateVerification").asBoolean(false)) {
            bmc.put("disableCertificateVerification", true);
        }
        ObjectNode labels = Yaml.object();
        Iterator<Map.Entry<String, JsonNode>> it = annotations.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(ClusterGenerator.AGENT_LABEL_PREFIX)) {
                labels.put(e.getKey().substring(ClusterGenerator.AGENT_LABEL_PREFIX.length()), e.getValue().asText());
            }
        }
        if (!labels.isEmpty()) {
            h.set("labels", labels);
        }
        if (spec.path("rootDeviceHints").isObject() && !spec.path("rootDeviceHints").isEmpty()) {
            h.set("rootDeviceHints", spec.path("rootDeviceHints").deepCopy());
        }
        network(inv, cluster, bmh, h, path);
        differences(inv, bmh, spec, annotations);
        List<String> known = new java.util.ArrayList<>(List.of(HOSTNAME, "inspect.metal3.io"));
        labels.fieldNames().forEachRemaining(k -> known.add(ClusterGenerator.AGENT_LABEL_PREFIX + k));
        inv.otherAnnotations(bmh, known);
        inv.claim(bmh, path, Disposition.SITE_FIELD, "a bare-metal host");
        return h;
    }

    private static void network(Inventory inv, ClusterReader cluster, ObjectNode bmh, ObjectNode h, String path) {
        Optional<ObjectNode> nm = inv.get("NMStateConfig", cluster.controlPlaneNamespace(), Inventory.name(bmh));
        if (nm.isEmpty()) {
            return;
        }
        JsonNode config = nm.get().path("spec").path("config");
        ObjectNode network = config.isObject() ? config.deepCopy() : Yaml.object();
        // the render lists each ethernet interface's MAC from its mac-address (or the boot MAC for a lone one): write
        // the MACs the NMStateConfig maps into the document where it names none
        long ethernet = 0;
        for (JsonNode i : network.path("interfaces")) {
            ethernet += "ethernet".equals(i.path("type").asText()) ? 1 : 0;
        }
        for (JsonNode nic : nm.get().path("spec").path("interfaces")) {
            boolean bootNic = ethernet == 1 && nic.path("macAddress").asText().equalsIgnoreCase(h.path("bootMACAddress").asText());
            for (JsonNode i : network.path("interfaces")) {
                if (i.path("name").asText().equals(nic.path("name").asText()) && "ethernet".equals(i.path("type").asText())
                        && !i.has("mac-address") && !bootNic) {
                    ((ObjectNode) i).put("mac-address", nic.path("macAddress").asText());
                    inv.warn(nm.get(), "spec.config", "interface " + i.path("name").asText() + " gets mac-address "
                            + nic.path("macAddress").asText() + " in spec.config (the site reads NIC MACs from the"
                            + " document): nmstate then matches it by MAC, as the interfaces list does now.");
                }
            }
        }
        h.set("network", network);
        inv.claim(nm.get(), path + ".network", Disposition.SITE_FIELD, "the host's static network");
    }

    /** Fields of the hub's BareMetalHost the render writes otherwise. */
    private static void differences(Inventory inv, ObjectNode bmh, JsonNode spec, JsonNode annotations) {
        if (!spec.path("online").asBoolean(false)) {
            inv.warn(bmh, "spec.online", "the render powers the host on (online: true).");
        }
        if (!"disabled".equals(spec.path("automatedCleaningMode").asText("disabled"))) {
            inv.warn(bmh, "spec.automatedCleaningMode", "the render disables automated cleaning; "
                    + spec.path("automatedCleaningMode").asText() + " would change to disabled.");
        }
        if (!"disabled".equals(annotations.path("inspect.metal3.io").asText("disabled"))) {
            inv.warn(bmh, "metadata.annotations", "the render disables inspection (inspect.metal3.io: disabled).");
        }
        for (String f : BMAC_WRITES) {
            if (spec.has(f)) {
                inv.field(bmh, "spec." + f, null, Disposition.SERVER_OWNED, "written by assisted-service's"
                        + " BareMetalAgentController when the Agent flow boots the host (openshift/assisted-service"
                        + " internal/controller/controllers/bmh_agent_controller.go); Argo CD leaves it alone");
            }
        }
        for (String f : List.of("userData", "networkData", "metaData", "firmware", "raid",
                "preprovisioningNetworkDataName", "bootMode", "hardwareProfile", "consumerRef", "externallyProvisioned")) {
            if (spec.has(f)) {
                inv.warn(bmh, "spec." + f, "the render's BareMetalHost has no " + f + "; it would be dropped.");
            }
        }
    }
}
