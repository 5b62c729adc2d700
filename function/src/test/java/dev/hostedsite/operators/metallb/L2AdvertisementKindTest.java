package dev.hostedsite.operators.metallb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The L2Advertisement unit: declaration, build, one reference per advertised pool. */
class L2AdvertisementKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(L2AdvertisementKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(L2AdvertisementKind.SPEC);
    }

    @Test
    void advertisesEveryPoolInOrder() {
        var l2 = L2AdvertisementKind.build(List.of(new Hub.AddressPool("p0", "b", List.of("10.0.0.0/30")),
                new Hub.AddressPool("p1", "a", List.of("10.0.1.0/30"))), "metallb-system");
        assertEquals("hostedsite", l2.path("metadata").path("name").asText());
        assertEquals("[\"b\",\"a\"]", l2.path("spec").path("ipAddressPools").toString());
    }

    /** The list fieldSpec yields one indexed reference per element. */
    @Test
    void referencesEachPoolByIndex() {
        assertEquals(List.of("metadata.namespace -> Namespace null/metallb-system",
                "spec.ipAddressPools[0] -> IPAddressPool metallb-system/hosted-api",
                "spec.ipAddressPools[1] -> IPAddressPool metallb-system/spare"),
                KindUnits.referencesFrom(KindUnits.hubOperators(), "L2Advertisement"));
    }
}
