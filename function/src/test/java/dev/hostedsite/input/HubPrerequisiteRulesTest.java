package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub prerequisites a site installs: the operators chain, one OperatorGroup per namespace, MetalLB's pools. */
class HubPrerequisiteRulesTest {

    private static List<Diagnostic> errors(ObjectNode site) {
        return HubPrerequisiteRules.check(Sites.bind(site)).stream().filter(Diagnostic::isError).toList();
    }

    private static ObjectNode hub(ObjectNode site) {
        return (ObjectNode) site.path("spec").path("hub");
    }

    @Test
    void theExampleHubHasNoErrors() {
        assertEquals(List.of(), errors(Sites.example()));
    }

    @Test
    void anOperatorFromAnUnknownCatalogIsRefusedAtItsCatalog() {
        ObjectNode site = Sites.example();
        ((ObjectNode) hub(site).path("operators").get(0)).put("catalog", "nowhere");
        List<Diagnostic> found = errors(site);
        assertEquals("spec.hub.operators[0].catalog", found.get(0).fieldPath(), found.toString());
        assertTrue(found.get(0).message().contains("catalog 'nowhere' is none of spec.hub.catalogs"), found.toString());
    }

    @Test
    void twoOperatorsInOneNamespaceNeedTheSameInstallMode() {
        ObjectNode site = Sites.example();
        ArrayNode operators = (ArrayNode) hub(site).path("operators");
        ObjectNode second = operators.get(0).deepCopy();
        second.put("package", "metallb-operator").put("channel", "stable").put("installMode", "AllNamespaces");
        operators.add(second);
        List<Diagnostic> found = errors(site).stream()
                .filter(d -> d.message().contains("gets one OperatorGroup")).toList();
        assertEquals(1, found.size(), errors(site).toString());
        assertEquals("spec.hub.operators[1].installMode", found.get(0).fieldPath());
    }

    @Test
    void metallbPoolsMustNotOverlap() {
        ObjectNode site = Sites.example();
        ArrayNode pools = (ArrayNode) hub(site).path("metallb").path("addressPools");
        pools.addObject().put("name", "more").putArray("addresses").add("192.168.122.16/28");
        List<Diagnostic> found = errors(site);
        assertEquals(1, found.size(), found.toString());
        assertEquals("spec.hub.metallb.addressPools[1].addresses[0]", found.get(0).fieldPath());
        assertTrue(found.get(0).message().contains("overlaps"), found.get(0).message());
    }
}
