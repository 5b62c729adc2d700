package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import org.junit.jupiter.api.Test;

/** The Provisioning unit: declaration; patch writes only watchAllNamespaces, create also the network mode. */
class ProvisioningKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(ProvisioningKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(ProvisioningKind.SPEC);
    }

    @Test
    void patchOwnsOneFieldCreateDisablesTheProvisioningNetwork() {
        assertEquals("{\"watchAllNamespaces\":true}", ProvisioningKind.build(false).path("spec").toString());
        assertEquals("{\"provisioningNetwork\":\"Disabled\",\"watchAllNamespaces\":true}",
                ProvisioningKind.build(true).path("spec").toString());
        assertEquals("provisioning-configuration", ProvisioningKind.build(true).path("metadata").path("name").asText());
    }

    @Test
    void theRenderWritesTheCreateFormForHubProvisioningCreate() {
        var r = KindUnits.hubPlumbing();
        var p = Sites.generated(r, "Provisioning", "provisioning-configuration");
        assertEquals("Disabled", p.path("spec").path("provisioningNetwork").asText());
        assertEquals("Delete=confirm,Prune=confirm,ServerSideApply=true", KindUnits.syncOptions(r, "Provisioning"));
    }
}
