package dev.hostedsite.operators.metallb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IPAddressPool unit: declaration, build, the edge to the MetalLB, its field map. */
class IPAddressPoolKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(IPAddressPoolKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(IPAddressPoolKind.SPEC);
    }

    @Test
    void buildsAPoolWithItsAddressesInOrder() {
        var pool = IPAddressPoolKind.build(new Hub.AddressPool("spec.hub.metallb.addressPools[0]", "api",
                List.of("192.168.1.10-192.168.1.20", "10.0.0.0/28")), "metallb-system");
        assertEquals("[\"192.168.1.10-192.168.1.20\",\"10.0.0.0/28\"]", pool.path("spec").path("addresses").toString());
    }

    @Test
    void needsTheMetallbOfItsNamespace() {
        assertEquals(List.of("metadata.namespace -> Namespace null/metallb-system",
                "metadata.namespace (MetalLB) -> MetalLB metallb-system/metallb",
                "metadata.namespace -> Namespace null/metallb-system",
                "metadata.namespace (MetalLB) -> MetalLB metallb-system/metallb"),
                KindUnits.referencesFrom(KindUnits.hubOperators(), "IPAddressPool"));
    }

    @Test
    void itsFieldsMapToTheAddressPoolEntry() {
        String origin = "spec.hub.metallb.addressPools[1]";
        assertEquals(Optional.of(origin + ".addresses"), FieldMap.siteField("IPAddressPool", origin, "spec.addresses[0]"));
        assertEquals(Optional.of(origin + ".name"), FieldMap.siteField("IPAddressPool", origin, "metadata.name"));
    }

    /** A passthrough IPAddressPool (an input item) gets the declared wave, and its CRD's Subscription as a reference. */
    @Test
    void aPassthroughPoolGetsTheDeclaredWave() {
        var rl = dev.hostedsite.testing.ExampleSite.resourceListWithHubOperators();
        var pool = ((com.fasterxml.jackson.databind.node.ArrayNode) rl.path("items")).addObject();
        pool.put("apiVersion", "metallb.io/v1beta1").put("kind", "IPAddressPool");
        pool.putObject("metadata").put("name", "extra").put("namespace", "metallb-system");
        pool.putObject("spec").putArray("addresses").add("192.0.2.0/29");
        List<com.fasterxml.jackson.databind.node.ObjectNode> items = new java.util.ArrayList<>();
        rl.path("items").forEach(i -> items.add((com.fasterxml.jackson.databind.node.ObjectNode) i));
        var r = dev.hostedsite.testing.Sites.compile(items.toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        assertEquals(List.of(), dev.hostedsite.testing.Sites.errors(r));
        var placed = r.deployable().stream().filter(i -> i.path("kind").asText().equals("IPAddressPool")
                && i.path("metadata").path("name").asText().equals("extra")).findFirst().orElseThrow();
        assertEquals(Integer.toString(IPAddressPoolKind.SPEC.wave()),
                placed.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText());
    }
}
