package dev.hostedsite.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.graph.ReadinessModel;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.kinds.catalog.KindCatalog;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.transition.ImmutableFields;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks every kind unit's test makes of its declaration (the rules of the kind are tested in its own class). */
public final class KindUnitChecks {
    private KindUnitChecks() {}

    /**
     * The catalog serves the declaration, and the passes read its wave, needs (in order), field map rows, origin
     * and emitted kind from it ({@code testing/KindUnits#assertServed}, which the hub units' tests use too).
     */
    public static void servedByTheCatalog(KindSpec spec) {
        dev.hostedsite.testing.KindUnits.assertServed(spec);
        assertEquals(spec, KindCatalog.of(spec.kind()).orElseThrow());
        assertEquals(spec.wave(), WaveAssigner.waveOf(spec.kind()));
        List<ReadinessModel.Need> needs = ReadinessModel.NEEDS.stream().filter(n -> n.kind().equals(spec.kind())).toList();
        assertEquals(spec.needs().stream().map(n -> n.prerequisite() + ": " + n.why()).toList(),
                needs.stream().map(n -> n.prerequisite() + ": " + n.why()).toList(), "needs of " + spec.kind());
        assertEquals(spec.fields().stream().map(f -> f.manifestPath() + " <- " + f.siteField()).toList(),
                FieldMap.rows(spec.kind()).stream().map(r -> r.manifestPath() + " <- " + r.siteField()).toList(),
                "field map rows of " + spec.kind());
    }

    /**
     * The fields the field map marks IMMUTABLE are exactly the transition rules of the kind whose field the map
     * covers, and where a rule names the HostedSite field, the map names the same one.
     */
    public static void immutableRowsAreTheTransitionRules(KindSpec spec) {
        Set<String> mapped = spec.fields().stream().map(KindSpec.FieldSpec::manifestPath).collect(Collectors.toSet());
        List<ImmutableFields.Rule> rules = ImmutableFields.RULES.stream()
                .filter(r -> r.kind().equals(spec.kind()) && mapped.contains(r.field())).toList();
        Set<String> fromRules = rules.stream().map(ImmutableFields.Rule::field)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = spec.fields().stream().filter(f -> f.effect() == KindSpec.Effect.IMMUTABLE)
                .map(KindSpec.FieldSpec::manifestPath).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromRules, declared, "IMMUTABLE rows of " + spec.kind() + " vs transition/ImmutableFields");
        for (ImmutableFields.Rule r : rules) {
            if (r.siteField() != null) {
                assertEquals(r.siteField(), spec.fields().stream().filter(f -> f.manifestPath().equals(r.field()))
                        .findFirst().orElseThrow().siteField(), r.field());
            }
        }
    }

    /** The pin is the one the copied CRD schema {@code schemaFile} (a PROVENANCE.md row) was made from. */
    public static void pinnedAtTheSchemaProvenance(KindSpec spec, String schemaFile) throws IOException {
        String provenance = Files.readString(Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md"));
        String row = provenance.lines().filter(l -> l.contains("`" + schemaFile + "`")).findFirst().orElseThrow();
        assertTrue(row.contains(spec.upstream().commit()), row);
        assertTrue(row.contains(spec.upstream().files().get(0)), row);
        assertTrue(Upstreams.ALL.stream().anyMatch(u -> u.repository().equals(spec.upstream().repository())
                && u.commit().equals(spec.upstream().commit())), spec.upstream().pin() + " is one of Upstreams.ALL");
    }
}
