package dev.hostedsite.kinds.olm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Subscription unit's declaration agrees with the passes and upstream; its build and references. */
class SubscriptionKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(SubscriptionKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(SubscriptionKind.SPEC);
    }

    @Test
    void buildsFromAResolvedOperatorEntry() {
        ObjectNode sub = SubscriptionKind.build(new Hub.Operator("spec.hub.operators[0]", "lvms-operator", null,
                "mirror", "openshift-storage", "Manual", "lvms-operator.v4.19.0", "OwnNamespace"));
        assertEquals("openshift-storage", sub.path("metadata").path("namespace").asText());
        assertEquals("lvms-operator", sub.path("metadata").path("name").asText());
        assertFalse(sub.path("spec").has("channel"), "no channel: the package's default channel");
        assertEquals("openshift-marketplace", sub.path("spec").path("sourceNamespace").asText());
        assertEquals("Manual", sub.path("spec").path("installPlanApproval").asText());
        assertEquals("lvms-operator.v4.19.0", sub.path("spec").path("startingCSV").asText());
    }

    /**
     * The CatalogSource fieldSpec takes its namespace from spec.sourceNamespace (not the Subscription's own); the
     * OperatorGroup edge of the namespace still comes from graph/References.
     */
    @Test
    void referencesItsCatalogInTheSourceNamespace() {
        Compiler.Result r = KindUnits.hubOperators();
        List<String> refs = KindUnits.referencesFrom(r, "Subscription").stream()
                .filter(x -> x.startsWith("spec.source")).toList();
        assertEquals(List.of(
                "spec.source -> CatalogSource openshift-marketplace/redhat-operators-disconnected",
                "spec.source -> CatalogSource openshift-marketplace/redhat-operators-disconnected",
                "spec.source -> CatalogSource openshift-marketplace/redhat-operators-disconnected"), refs);
        assertEquals(List.of("metadata.namespace -> Namespace null/metallb-system",
                "spec.source -> CatalogSource openshift-marketplace/redhat-operators-disconnected",
                "metadata.namespace (OperatorGroup) -> OperatorGroup metallb-system/metallb-system"),
                r.references().stream().filter(x -> x.from().kind().equals("Subscription")
                        && x.from().name().equals("metallb-operator"))
                        .map(x -> x.field() + " -> " + x.to().kind() + " " + x.to().namespace() + "/" + x.to().name())
                        .toList());
    }
}
