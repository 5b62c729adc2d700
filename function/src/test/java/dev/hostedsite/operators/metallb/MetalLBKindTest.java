package dev.hostedsite.operators.metallb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.testing.KindUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MetalLB unit: declaration, the fixed name, the implied edge to its operator's Subscription. */
class MetalLBKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(MetalLBKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(MetalLBKind.SPEC);
    }

    @Test
    void theOnlyNameTheOperatorReconciles() {
        var m = MetalLBKind.build("metallb-system");
        assertEquals("metallb", m.path("metadata").path("name").asText());
        assertEquals("metallb-system", m.path("metadata").path("namespace").asText());
    }

    @Test
    void needsTheMetallbOperatorSubscriptionOfItsNamespace() {
        assertEquals(List.of("metadata.namespace -> Namespace null/metallb-system",
                "metadata.namespace (operator) -> Subscription metallb-system/metallb-operator"),
                KindUnits.referencesFrom(KindUnits.hubOperators(), "MetalLB"));
    }
}
