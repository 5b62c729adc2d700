package dev.hostedsite.kinds.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import org.junit.jupiter.api.Test;

/** The Image config unit: declaration, the partial Image, its CA ConfigMap in openshift-config. */
class ImageConfigKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(ImageConfigKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(ImageConfigKind.SPEC);
    }

    @Test
    void theTrustConfigMapIsKeyedByHostDotDotPort() {
        ObjectNode cm = ImageConfigKind.trust(new Hub.Registry("registry.example", 8443, null), "PEM\n");
        assertEquals("openshift-config", cm.path("metadata").path("namespace").asText());
        assertEquals("PEM\n", cm.path("data").path("registry.example..8443").asText());
        assertEquals(1, cm.path("data").size());
    }

    /** The fieldSpec's fixed namespace: the ConfigMap is found in openshift-config, the only place the config reads. */
    @Test
    void referencesTheCaConfigMapInOpenshiftConfig() {
        var r = Sites.compile(Sites.example());
        assertEquals(java.util.List.of("spec.additionalTrustedCA.name -> ConfigMap openshift-config/registry-config"),
                KindUnits.referencesFrom(r, "Image"));
        assertTrue(Sites.generated(r, "Image", "cluster").path("spec").path("additionalTrustedCA").has("name"));
        assertEquals("Delete=false,Prune=false,ServerSideApply=true", KindUnits.syncOptions(r, "Image"),
                "a partial hub singleton Argo CD never deletes");
    }
}
