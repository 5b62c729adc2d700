package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.util.List;

/**
 * One {@code nodePools[]} entry from a NodePool, the inverse of {@code kinds/nodepool/NodePoolKind#build}: arch,
 * replicas or autoscaling, management, drain timeout, node labels, taints, the pool's own release when it is not the
 * cluster's, the host selector (without the InfraEnv label the render adds in mixed clusters), and the documents of
 * the config and tuning ConfigMaps it names.
 */
final class NodePoolReader {
    private NodePoolReader() {}

    static ObjectNode read(Inventory inv, ClusterReader cluster, ObjectNode np, String path) {
        JsonNode spec = np.path("spec");
        String name = Inventory.name(np);
        ObjectNode p = Yaml.object();
        p.put("name", name);
        if (spec.has("replicas")) {
            p.put("replicas", spec.path("replicas").asInt());
        }
        p.put("arch", spec.path("arch").asText("amd64"));
        JsonNode mgmt = spec.path("management");
        p.put("upgradeType", mgmt.path("upgradeType").asText("InPlace"));
        if (mgmt.has("autoRepair")) {
            p.put("autoRepair", mgmt.path("autoRepair").asBoolean());
        }
        if (spec.hasNonNull("nodeDrainTimeout")) {
            p.put("nodeDrainTimeout", spec.path("nodeDrainTimeout").asText());
        }
        JsonNode selector = spec.path("platform").path("agent").path("agentLabelSelector");
        if (selector.isObject()) {
            ObjectNode sel = selector.deepCopy();
            JsonNode infraEnv = sel.path("matchLabels").path(Names.INFRAENV_LABEL);
            if (infraEnv.isTextual() && mixed(inv, cluster)) {
                ((ObjectNode) sel.get("matchLabels")).remove(Names.INFRAENV_LABEL);
                if (sel.path("matchLabels").isEmpty()) {
                    sel.remove("matchLabels");
                }
            }
            if (!sel.isEmpty()) {
                p.set("hostSelector", sel);
            }
        }
        if (spec.path("nodeLabels").size() > 0) {
            p.set("nodeLabels", spec.path("nodeLabels").deepCopy());
        }
        if (spec.path("taints").size() > 0) {
            p.set("taints", spec.path("taints").deepCopy());
        }
        if (spec.path("autoScaling").isObject()) {
            p.putObject("autoscaling").put("min", spec.path("autoScaling").path("min").asInt())
                    .put("max", spec.path("autoScaling").path("max").asInt());
        }
        String image = spec.path("release").path("image").asText();
        String version = ClusterReader.recordedVersion(np);
        if (!image.equals(cluster.releaseImage())) {
            ObjectNode rel = p.putObject("release").put("image", image);
            if (version != null) {
                rel.put("version", version);
            }
        }
        documents(inv, cluster, np, spec.path("config"), p, "config", ClusterGenerator.CONFIG_KEY, path);
        documents(inv, cluster, np, spec.path("tuningConfig"), p, "tuning", ClusterGenerator.TUNING_KEY, path);
        inv.otherAnnotations(np, List.of());
        inv.claim(np, path, Disposition.SITE_FIELD, "a NodePool");
        return p;
    }

    /** Whether the cluster's pools are of several architectures (then the render adds the InfraEnv label). */
    static boolean mixed(Inventory inv, ClusterReader cluster) {
        return inv.readable("NodePool").stream()
                .filter(np -> cluster.namespace().equals(Inventory.namespace(np))
                        && cluster.name().equals(np.path("spec").path("clusterName").asText()))
                .map(np -> np.path("spec").path("arch").asText("amd64")).distinct().count() > 1;
    }

    /** The YAML documents of the ConfigMaps a pool's {@code config} or {@code tuningConfig} names. */
    private static void documents(Inventory inv, ClusterReader cluster, ObjectNode np, JsonNode refs, ObjectNode pool,
                                  String field, String key, String path) {
        if (refs.size() == 0) {
            return;
        }
        ArrayNode docs = pool.putArray(field);
        for (JsonNode ref : refs) {
            String cmName = ref.path("name").asText();
            var cm = inv.get("ConfigMap", cluster.namespace(), cmName);
            if (cm.isEmpty()) {
                inv.warn(np, "spec." + (field.equals("config") ? "config" : "tuningConfig"), "ConfigMap "
                        + cluster.namespace() + "/" + cmName + " is not in the export; its documents are unknown.");
                continue;
            }
            try {
                List<JsonNode> read = Yaml.readAll(cm.get().path("data").path(key).asText(""));
                read.forEach(docs::add);
            } catch (IOException e) {
                inv.warn(cm.get(), "data." + key, "the documents do not parse as YAML: " + e.getMessage());
                continue;
            }
            String expected = field.equals("config") ? Inventory.name(np) + "-config" : null;
            if (expected != null && !expected.equals(cmName)
                    || expected == null && !cmName.startsWith(Inventory.name(np) + "-tuning-")) {
                inv.warn(cm.get(), "metadata.name", "the render names this ConfigMap "
                        + (expected != null ? expected : Inventory.name(np) + "-tuning-<document name>")
                        + "; the NodePool would point at the new name, which rolls its nodes.");
            }
            inv.claim(cm.get(), path + "." + field, Disposition.SITE_FIELD, "the pool's " + field + " documents");
        }
        if (docs.isEmpty()) {
            pool.remove(field);
        }
    }
}
