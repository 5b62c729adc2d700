package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.model.Hub;
import dev.hostedsite.platform.agent.AgentServiceConfigKind;
import dev.hostedsite.platform.agent.ProvisioningKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's bare-metal plumbing a site asks for: the {@code provisioning-configuration} Provisioning that makes
 * metal3 watch the hosted clusters' namespaces ({@code hub.provisioning}), the LVMCluster whose device classes make
 * the StorageClasses {@code lvms-<class>} ({@code hub.storage.lvms}), and the ConfigMap with the CA of an https OS
 * image web server ({@code hub.osImages.caBundle}); the Provisioning and the CA ConfigMap are built by their units
 * ({@code platform/agent}). The rules that decide when each is needed are in
 * {@link dev.hostedsite.input.HubPlumbingRules}.
 */
public final class HubPlumbing {
    private HubPlumbing() {}

    /** The objects for a validated hub, in no particular order, each with the site field it comes from. */
    static List<Manifest> generate(Hub hub) {
        List<Manifest> out = new ArrayList<>();
        if (Hub.PROVISIONING_PATCH.equals(hub.provisioning()) || Hub.PROVISIONING_CREATE.equals(hub.provisioning())) {
            out.add(HubGenerator.hub(ProvisioningKind.build(Hub.PROVISIONING_CREATE.equals(hub.provisioning())),
                    "spec.hub.provisioning"));
        }
        if (hub.storage().lvms() != null) {
            out.add(HubGenerator.hub(lvmCluster(hub.storage().lvms(), HubOperatorDefaults.lvmsNamespace(hub)),
                    HubOperatorDefaults.LVMS_DEFAULT_PATH));
        }
        if (hub.osImages().caBundle() != null) {
            out.add(HubGenerator.hub(AgentServiceConfigKind.osImagesCa(hub, Pem.normalize(hub.osImages().caBundle())),
                    "spec.hub.osImages.caBundle"));
        }
        return out;
    }

    /** One LVMCluster with the device classes as written (their fields are the LVMCluster's own). */
    private static ObjectNode lvmCluster(Hub.Lvms lvms, String namespace) {
        ObjectNode c = Objects.resource("lvm.topolvm.io/v1alpha1", "LVMCluster", namespace, lvms.name());
        ArrayNode classes = c.putObject("spec").putObject("storage").putArray("deviceClasses");
        for (JsonNode d : lvms.deviceClasses()) {
            classes.add(d.deepCopy());
        }
        return c;
    }
}
