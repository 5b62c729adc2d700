package dev.hostedsite.kinds.olm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import org.junit.jupiter.api.Test;

/** The OperatorGroup unit: declaration, install modes, one group per namespace in a render. */
class OperatorGroupKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(OperatorGroupKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(OperatorGroupKind.SPEC);
    }

    @Test
    void ownNamespaceTargetsItsNamespaceAllNamespacesNone() {
        ObjectNode own = OperatorGroupKind.build("openshift-storage", OlmPackages.OWN_NAMESPACE);
        assertEquals("openshift-storage", own.path("metadata").path("name").asText());
        assertEquals("[\"openshift-storage\"]", own.path("spec").path("targetNamespaces").toString());
        ObjectNode all = OperatorGroupKind.build("metallb-system", OlmPackages.ALL_NAMESPACES);
        assertFalse(all.has("spec"), all.toString());
    }

    @Test
    void theRenderWritesOneGroupPerOperatorNamespace() {
        var r = KindUnits.hubOperators();
        assertEquals("[\"multicluster-engine\"]", Sites.generated(r, "OperatorGroup", "multicluster-engine")
                .path("spec").path("targetNamespaces").toString());
        assertEquals(3, r.generated().stream().filter(m -> m.key().kind().equals("OperatorGroup")).count());
    }
}
