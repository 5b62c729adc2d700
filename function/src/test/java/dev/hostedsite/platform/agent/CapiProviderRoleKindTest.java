package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capi-provider Role unit: written only for releases before HyperShift makes it itself (4.23). */
class CapiProviderRoleKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        KindUnitChecks.servedByTheCatalog(CapiProviderRoleKind.SPEC);
        assertEquals("rbac.authorization.k8s.io/v1", CapiProviderRoleKind.SPEC.apiVersion());
    }

    @Test
    void neededBefore423AndWithoutAVersion() {
        assertTrue(needed("4.22.9"));
        assertFalse(needed("4.23.0"));
        assertFalse(needed("5.0.1"));
        assertTrue(needed(null));
    }

    /** The example (4.19) renders it, in the agent namespace, beside nothing else of its kind. */
    @Test
    void theExampleRendersIt() {
        ObjectNode site = Sites.example();
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Cluster c = Sites.bind(site).clusters().get(0);
        List<String> roles = r.generated().stream().filter(m -> m.body().path("kind").asText().equals("Role"))
                .map(m -> m.body().path("metadata").path("namespace").asText() + "/"
                        + m.body().path("metadata").path("name").asText()).toList();
        assertEquals(List.of(c.controlPlaneNamespace() + "/" + Names.CAPI_PROVIDER_ROLE), roles);
    }

    @Test
    void grantsEverythingOnAgentsInTheAgentNamespace() {
        ObjectNode role = CapiProviderRoleKind.build("clusters-x");
        assertEquals(Names.CAPI_PROVIDER_ROLE, role.path("metadata").path("name").asText());
        assertEquals("clusters-x", role.path("metadata").path("namespace").asText());
        assertEquals("[{\"apiGroups\":[\"agent-install.openshift.io\"],\"resources\":[\"agents\"],\"verbs\":[\"*\"]}]",
                role.path("rules").toString());
    }

    private static boolean needed(String version) {
        ObjectNode site = Sites.example();
        ObjectNode release = (ObjectNode) Sites.cluster(site).path("release");
        if (version == null) {
            release.remove("version");
        } else {
            release.put("version", version);
        }
        return CapiProviderRoleKind.needed(Sites.bind(site).clusters().get(0));
    }
}
