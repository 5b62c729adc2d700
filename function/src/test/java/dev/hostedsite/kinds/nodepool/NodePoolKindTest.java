package dev.hostedsite.kinds.nodepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.KindCatalog;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Sites;
import dev.hostedsite.transition.ImmutableFields;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The NodePool unit's declaration agrees with the passes that read it and with the rules kept elsewhere. */
class NodePoolKindTest {

    @Test
    void theCatalogServesTheDeclaration() {
        assertEquals(NodePoolKind.SPEC, KindCatalog.of("NodePool").orElseThrow());
        assertEquals("hypershift.openshift.io/v1beta1", NodePoolKind.SPEC.apiVersion());
        assertEquals(NodePoolKind.SPEC.wave(), WaveAssigner.waveOf("NodePool"));
    }

    /**
     * The fields the field map marks IMMUTABLE are exactly the NodePool fields of the transition rules that the map
     * covers, and where a rule names the HostedSite field, the map names the same one.
     */
    @Test
    void immutableFieldsAgreeWithTheTransitionRules() {
        Set<String> mapped = NodePoolKind.FIELDS.stream().map(KindSpec.FieldSpec::manifestPath)
                .collect(Collectors.toSet());
        List<ImmutableFields.Rule> rules = ImmutableFields.RULES.stream()
                .filter(r -> r.kind().equals("NodePool") && mapped.contains(r.field())).toList();
        Set<String> fromRules = rules.stream().map(ImmutableFields.Rule::field)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = NodePoolKind.FIELDS.stream().filter(f -> f.effect() == KindSpec.Effect.IMMUTABLE)
                .map(KindSpec.FieldSpec::manifestPath).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromRules, declared);
        for (ImmutableFields.Rule r : rules) {
            if (r.siteField() != null) {
                assertEquals(r.siteField(), NodePoolKind.FIELDS.stream().filter(f -> f.manifestPath().equals(r.field()))
                        .findFirst().orElseThrow().siteField(), r.field());
            }
        }
    }

    /** The pin is the one the copied CRD schema was made from. */
    @Test
    void upstreamPinMatchesTheSchemaProvenance() throws IOException {
        String provenance = Files.readString(Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md"));
        String row = provenance.lines().filter(l -> l.contains("`hypershift.openshift.io/nodepool-v1beta1.json`"))
                .findFirst().orElseThrow();
        assertTrue(row.contains(NodePoolKind.UPSTREAM.commit()), row);
        assertTrue(row.contains(NodePoolKind.UPSTREAM.files().get(0)), row);
    }

    /** The generic reference pass reads the declared fieldSpecs: the example's pool names its HostedCluster. */
    @Test
    void referencesComeFromTheDeclaredFieldSpecs() {
        Compiler.Result r = Sites.compile(Sites.example());
        List<Reference> fromPools = r.references().stream().filter(x -> x.from().kind().equals("NodePool")).toList();
        assertTrue(fromPools.stream().anyMatch(x -> x.field().equals("spec.clusterName")
                && x.to().equals(new ObjectKey("hypershift.openshift.io", "HostedCluster", x.from().namespace(),
                        Sites.cluster(Sites.example()).path("name").asText()))), fromPools.toString());
    }

    @Test
    void listFieldSpecsYieldOneReferencePerElement() {
        var site = Sites.example();
        var pool = (com.fasterxml.jackson.databind.node.ObjectNode) Sites.cluster(site).path("nodePools").get(0);
        var tuning = pool.putArray("tuning");
        for (String name : List.of("b", "a")) {
            var doc = tuning.addObject().put("apiVersion", "tuned.openshift.io/v1").put("kind", "Tuned");
            doc.putObject("metadata").put("name", name);
            doc.putObject("spec").putArray("profile");
        }
        Compiler.Result r = Sites.compile(site);
        assertTrue(Sites.errors(r).isEmpty(), Sites.errors(r).toString());
        List<String> fields = r.references().stream()
                .filter(x -> x.from().kind().equals("NodePool") && x.to().kind().equals("ConfigMap"))
                .map(x -> x.field() + " -> " + x.to().name()).toList();
        String p = pool.path("name").asText();
        assertEquals(List.of("spec.tuningConfig[0].name -> " + p + "-tuning-a", "spec.tuningConfig[1].name -> " + p
                + "-tuning-b"), fields);
    }
}
