package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindUnitChecks;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.testing.Sites;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NMStateConfig unit: declaration, the InfraEnv label reference (not needed first), the built object. */
class NMStateConfigKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        KindUnitChecks.servedByTheCatalog(NMStateConfigKind.SPEC);
        assertTrue(NMStateConfigKind.SPEC.needs().isEmpty(), "no health of its own: ready once it exists");
        assertTrue(NMStateConfigKind.SPEC.wave() < InfraEnvKind.SPEC.wave(), "in place before the InfraEnv's image");
    }

    /** assisted-service's webhooks hold no NMStateConfig field immutable; the map marks none. */
    @Test
    void noImmutableRows() {
        KindUnitChecks.immutableRowsAreTheTransitionRules(NMStateConfigKind.SPEC);
        assertFalse(NMStateConfigKind.SPEC.fields().stream().anyMatch(f -> f.effect() == KindSpec.Effect.IMMUTABLE));
    }

    @Test
    void upstreamPinMatchesTheSchemaProvenance() throws IOException {
        KindUnitChecks.pinnedAtTheSchemaProvenance(NMStateConfigKind.SPEC, "agent-install.openshift.io/nmstateconfig-v1beta1.json");
    }

    /** The label names the InfraEnv of the host's architecture; the reference does not order the sync. */
    @Test
    void theLabelReferenceIsReadFromTheMapKeyFieldSpec() {
        var site = Sites.example();
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        Cluster c = Sites.bind(site).clusters().get(0);
        List<Reference> refs = r.references().stream().filter(x -> x.from().kind().equals("NMStateConfig")
                && !x.field().equals("metadata.namespace")).toList();
        long withNetwork = c.hosts().stream().filter(h -> h.network() != null).count();
        assertTrue(withNetwork > 0, "the example has hosts with static networking");
        assertEquals(withNetwork, refs.size(), refs.toString());
        for (Reference ref : refs) {
            assertEquals("metadata.labels[" + Names.INFRAENV_LABEL + "]", ref.field());
            assertFalse(ref.targetFirst());
            assertEquals(new ObjectKey(InfraEnvKind.GROUP, InfraEnvKind.KIND, c.controlPlaneNamespace(),
                    ref.to().name()), ref.to());
        }
    }

    /** The interfaces list every NIC of the host's network with its MAC; the config is the host's network as given. */
    @Test
    void builtFromTheHostsNetwork() {
        Cluster c = Sites.bind(Sites.example()).clusters().get(0);
        Cluster.Host h = c.hosts().stream().filter(x -> x.network() != null).findFirst().orElseThrow();
        var nm = NMStateConfigKind.build(c, h);
        assertEquals(h.network(), nm.path("spec").path("config"));
        assertEquals(dev.hostedsite.kinds.Hosts.interfaceMacs(h).size(), nm.path("spec").path("interfaces").size());
        assertEquals(InfraEnvKind.of(c, h), nm.path("metadata").path("labels").path(Names.INFRAENV_LABEL).asText());
        assertEquals(Names.bareMetalHost(c, h), nm.path("metadata").path("name").asText());
    }
}
