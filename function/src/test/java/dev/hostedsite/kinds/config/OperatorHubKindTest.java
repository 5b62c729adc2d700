package dev.hostedsite.kinds.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import org.junit.jupiter.api.Test;

/** The OperatorHub unit: declaration, the partial object, written only when default sources are turned off. */
class OperatorHubKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(OperatorHubKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(OperatorHubKind.SPEC);
    }

    @Test
    void onlyDisableAllDefaultSourcesIsOurs() {
        var hub = OperatorHubKind.build();
        assertEquals("cluster", hub.path("metadata").path("name").asText());
        assertEquals("{\"disableAllDefaultSources\":true}", hub.path("spec").toString());
    }

    @Test
    void writtenOnlyWhenTheSiteTurnsDefaultSourcesOff() {
        assertTrue(KindUnits.hubOperators().generated().stream().anyMatch(m -> m.key().kind().equals("OperatorHub")));
        var site = Sites.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) site.path("spec").path("hub")).putObject("operatorHub")
                .put("disableDefaultSources", false);
        var r = Sites.compile(site);
        assertEquals(java.util.List.of(), Sites.errors(r));
        assertTrue(r.generated().stream().noneMatch(m -> m.key().kind().equals("OperatorHub")));
    }
}
