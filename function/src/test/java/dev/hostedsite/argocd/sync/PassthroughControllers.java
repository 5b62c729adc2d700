package dev.hostedsite.argocd.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.References;

/**
 * Controllers of the {@link SimulatedHub} for kinds a site passes through rather than generates:
 * <ul>
 *   <li>LVMCluster (openshift/lvm-operator @ de3cc31a): needs the lvms-operator running (its CSV brings the
 *       {@code lvm.topolvm.io} CRD, {@link SimulatedHub#CSV_GROUPS}). Reconcile first sets {@code ResourcesAvailable}
 *       False (ReconciliationInProgress) and {@code VolumeGroupsReady} False (VGReadinessInProgress), state
 *       Progressing; then ResourcesAvailable True; then VolumeGroupsReady True (VGsReady), state Ready and
 *       {@code ready: true} ({@code internal/controllers/lvmcluster/controller.go} reconcile and
 *       updateLVMClusterStatus, {@code status.go} computeLVMClusterReadiness: Ready only when every condition is).
 *       Ready, it has StorageClass {@code lvms-<deviceClass>} per {@code spec.storage.deviceClasses[].name}
 *       (provisioner {@code topolvm.io}, {@code WaitForFirstConsumer}: {@code resource/topolvm_storageclass.go},
 *       {@code constants.go} StorageClassPrefix). Upstream applies the StorageClass with the other resources before
 *       the volume groups are ready, but a volume of it binds only once they are; the simulation creates it at
 *       Ready, which is the same for what consumes it.</li>
 *   <li>SealedSecret (bitnami-labs/sealed-secrets {@code pkg/controller/controller.go}, unseal): the controller
 *       writes the Secret ({@code spec.template.metadata.name}, else the SealedSecret's name) in the next tick and
 *       sets {@code Synced=True}.</li>
 * </ul>
 * Left out: device discovery and node selection, thin pools, snapshots, the webhook refusing a second LVMCluster,
 * the sealing keys (every SealedSecret unseals).
 */
final class PassthroughControllers {
    static final String LVM_GROUP = "lvm.topolvm.io";
    /** internal/controllers/constants/constants.go StorageClassPrefix. */
    static final String STORAGE_CLASS_PREFIX = "lvms-";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PassthroughControllers() {}

    static void reconcile(SimulatedHub hub, ObjectNode o) {
        switch (o.path("kind").asText()) {
            case "LVMCluster" -> lvmCluster(hub, o);
            case "SealedSecret" -> sealedSecret(hub, o);
            default -> { }
        }
    }

    private static void lvmCluster(SimulatedHub hub, ObjectNode lvm) {
        if (!hub.operatorRuns("lvms-operator") || lvm.path("status").path("state").asText().equals("Ready")) {
            return;
        }
        ObjectNode status = lvm.with("status");
        if (!status.has("conditions")) {
            condition(lvm, "ResourcesAvailable", "False", "ReconciliationInProgress", "Reconciliation is still in progress");
            condition(lvm, "VolumeGroupsReady", "False", "VGReadinessInProgress", "Waiting for the volume groups to be ready");
            status.put("state", "Progressing").put("ready", false);
        } else if (!SimulatedHub.conditionTrue(lvm, "ResourcesAvailable")) {
            condition(lvm, "ResourcesAvailable", "True", "ResourcesAvailable",
                    "Reconciliation is complete and all the resources are available");
        } else {
            condition(lvm, "VolumeGroupsReady", "True", "VGsReady", "All the VGs are ready");
            status.put("state", "Ready").put("ready", true);
            for (JsonNode dc : lvm.path("spec").path("storage").path("deviceClasses")) {
                ObjectNode sc = JSON.objectNode().put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
                sc.putObject("metadata").put("name", STORAGE_CLASS_PREFIX + dc.path("name").asText());
                sc.put("provisioner", "topolvm.io").put("volumeBindingMode", "WaitForFirstConsumer")
                        .put("reclaimPolicy", "Delete");
                hub.create(sc);
            }
        }
    }

    private static void sealedSecret(SimulatedHub hub, ObjectNode sealed) {
        if (SimulatedHub.conditionTrue(sealed, "Synced")) {
            return;
        }
        ObjectKey target = References.producedSecret(sealed).orElseThrow();
        ObjectNode secret = JSON.objectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", target.name()).put("namespace", target.namespace());
        hub.create(secret);
        condition(sealed, "Synced", "True", "", "");
    }

    private static void condition(ObjectNode o, String type, String status, String reason, String message) {
        ArrayNode conditions = o.with("status").withArray("conditions");
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                ((ObjectNode) c).put("status", status).put("reason", reason).put("message", message);
                return;
            }
        }
        conditions.addObject().put("type", type).put("status", status).put("reason", reason).put("message", message);
    }
}
