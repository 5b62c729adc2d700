package dev.hostedsite.kinds.olm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CatalogSource unit: declaration, build, and its needs come before it. */
class CatalogSourceKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(CatalogSourceKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(CatalogSourceKind.SPEC);
    }

    @Test
    void buildsAGrpcCatalogInTheMarketplace() {
        ObjectNode cs = CatalogSourceKind.build(new Hub.Catalog("mirror", "registry.redhat.io/redhat/redhat-operator-index:v4.19",
                "registry.example:8443/redhat/redhat-operator-index:v4.19", null, List.of("metallb-operator")));
        assertEquals("openshift-marketplace", cs.path("metadata").path("namespace").asText());
        assertEquals("grpc", cs.path("spec").path("sourceType").asText());
        assertEquals("registry.example:8443/redhat/redhat-operator-index:v4.19", cs.path("spec").path("image").asText());
        assertFalse(cs.path("spec").has("displayName"));
    }

    /** The mirror sets and the registry trust it needs to pull its index image are applied in an earlier wave. */
    @Test
    void itsNeedsAreInEarlierWaves() {
        for (KindSpec.Need n : CatalogSourceKind.SPEC.needs()) {
            assertTrue(WaveAssigner.waveOf(n.prerequisite()) < CatalogSourceKind.SPEC.wave(), n.toString());
        }
    }
}
