package dev.hostedsite.operators.mce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import dev.hostedsite.transition.ImmutableFields;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MultiClusterEngine unit: declaration, build, the target namespace marked as the webhook keeps it. */
class MultiClusterEngineKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(MultiClusterEngineKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(MultiClusterEngineKind.SPEC);
    }

    @Test
    void turnsOnAssistedServiceAndHyperShiftInItsTargetNamespace() {
        var mce = MultiClusterEngineKind.build("mce");
        assertTrue(mce.path("metadata").path("namespace").isMissingNode(), "cluster-scoped");
        assertEquals("mce", mce.path("spec").path("targetNamespace").asText());
        assertEquals("[{\"enabled\":true,\"name\":\"assisted-service\"},{\"enabled\":true,\"name\":\"hypershift\"}]",
                mce.path("spec").path("overrides").path("components").toString());
    }

    /** backplane-operator's ValidateUpdate refuses a new target namespace; it comes from hub.mceNamespace. */
    @Test
    void theTargetNamespaceIsImmutableAndComesFromMceNamespace() {
        assertEquals(List.of(new KindSpec.FieldSpec("spec.targetNamespace", "spec.hub.mceNamespace",
                KindSpec.Effect.IMMUTABLE)), MultiClusterEngineKind.FIELDS);
    }

    /**
     * The fields marked IMMUTABLE are exactly the MultiClusterEngine rows of the day-2 table, with the same HostedSite
     * field, and the row refuses a new target namespace (not a first one, nor the same one).
     */
    @Test
    void immutableFieldsAgreeWithTheTransitionRules() throws java.io.IOException {
        List<ImmutableFields.Rule> rules = ImmutableFields.RULES.stream()
                .filter(r -> r.kind().equals(MultiClusterEngineKind.KIND)).toList();
        assertEquals(MultiClusterEngineKind.FIELDS.stream().filter(f -> f.effect() == KindSpec.Effect.IMMUTABLE)
                .map(f -> f.manifestPath() + " <- " + f.siteField()).toList(),
                rules.stream().map(r -> r.field() + " <- " + r.siteField()).toList());
        var before = mce("multicluster-engine");
        assertEquals(rules, ImmutableFields.refusals(before, mce("mce")));
        assertEquals(List.of(), ImmutableFields.refusals(before, mce("multicluster-engine")));
        assertEquals(List.of(), ImmutableFields.refusals(mce(""), mce("mce")), "an empty old value may be set");
        assertTrue(rules.get(0).source().startsWith("stolostron/backplane-operator api/v1/multiclusterengine_webhook.go"),
                rules.get(0).source());
        assertTrue(MultiClusterEngineKind.UPSTREAM.files().contains("api/v1/multiclusterengine_webhook.go"));
    }

    private static com.fasterxml.jackson.databind.JsonNode mce(String targetNamespace) throws java.io.IOException {
        return dev.hostedsite.krm.Yaml.readAll("kind: MultiClusterEngine\nspec: {targetNamespace: '" + targetNamespace
                + "'}").get(0);
    }

    /** The edge to the multicluster-engine Subscription exists only when the render subscribes it. */
    @Test
    void needsItsSubscriptionOnlyWhenTheRenderHasOne() {
        var hub = KindUnits.hubOperators();
        assertEquals(List.of("spec.targetNamespace (operator) -> Subscription multicluster-engine/multicluster-engine"),
                KindUnits.referencesFrom(hub, "MultiClusterEngine"));
        assertEquals("Delete=confirm,Prune=confirm,SkipDryRunOnMissingResource=true",
                KindUnits.syncOptions(hub, "MultiClusterEngine"), "protected; its CRD may arrive in the same sync");
        var site = Sites.example();
        var catalogs = site.path("spec").path("hub").path("catalogs");
        catalogs.forEach(c -> ((com.fasterxml.jackson.databind.node.ArrayNode) c.path("packages")).removeIf(
                p -> p.asText().equals("multicluster-engine")));
        var r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        assertEquals(List.of(), KindUnits.referencesFrom(r, "MultiClusterEngine"));
    }
}
