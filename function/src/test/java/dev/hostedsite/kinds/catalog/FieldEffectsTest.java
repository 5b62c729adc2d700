package dev.hostedsite.kinds.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.Effect;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.transition.Consequences;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The field map's effects and the cited table of what the hub's controllers do with a change
 * ({@code transition/Consequences}, which {@code plan}, {@code diff} and the rollout warning read) never disagree:
 * for every declared kind, each rule of the table has the matching effect on the row covering its field, and each
 * row that rolls nodes or needs a manual step has such a rule.
 */
class FieldEffectsTest {
    /** The field map effects each consequence class allows. */
    private static final Map<Consequences.Effect, Set<Effect>> ALLOWED = Map.of(
            Consequences.Effect.ROLLS_NODES, Set.of(Effect.ROLLS_NODES),
            Consequences.Effect.NEEDS_MANUAL_STEP, Set.of(Effect.NEEDS_MANUAL_STEP),
            Consequences.Effect.REFUSED_BY_API, Set.of(Effect.IMMUTABLE),
            Consequences.Effect.NEVER_REACHES_NODES, Set.of(Effect.NEW_NODES_ONLY),
            Consequences.Effect.APPLIED, Set.of(Effect.IN_PLACE, Effect.SCALES));

    @Test
    void everyRuleOfADeclaredKindHasItsEffectInTheFieldMap() {
        TreeSet<String> disagree = new TreeSet<>();
        for (Consequences.Rule r : Consequences.RULES) {
            Optional<KindSpec> kind = KindCatalog.of(r.kind());
            if (kind.isEmpty() || r.referencedBy() != null) {
                continue;
            }
            Optional<KindSpec.FieldSpec> row = covering(kind.get(), r.field());
            if (row.isEmpty() || !ALLOWED.get(r.effect()).contains(row.get().effect())) {
                disagree.add(r.kind() + " " + r.field() + ": Consequences " + r.effect() + ", field map "
                        + row.map(f -> f.manifestPath() + " " + f.effect()).orElse("(no row)"));
            }
        }
        assertEquals(new TreeSet<>(), disagree);
    }

    @Test
    void everyRowThatRollsNodesOrNeedsAManualStepHasARule() {
        TreeSet<String> unruled = new TreeSet<>();
        for (KindSpec k : KindCatalog.DECLARED) {
            for (KindSpec.FieldSpec f : k.fields()) {
                Consequences.Effect wanted = f.effect() == Effect.ROLLS_NODES ? Consequences.Effect.ROLLS_NODES
                        : f.effect() == Effect.NEEDS_MANUAL_STEP ? Consequences.Effect.NEEDS_MANUAL_STEP : null;
                if (wanted != null && Consequences.RULES.stream().noneMatch(r -> r.kind().equals(k.kind())
                        && r.referencedBy() == null && r.effect() == wanted && covers(f.manifestPath(), r.field()))) {
                    unruled.add(k.kind() + " " + f.manifestPath() + " " + f.effect());
                }
            }
        }
        assertEquals(new TreeSet<>(), unruled);
    }

    /** The case that disagreed: a NodePool's agentLabelSelector rolls a Replace pool and only new nodes of an InPlace one. */
    @Test
    void agentLabelSelectorRollsReplacePoolsOnly() {
        String field = "spec.platform.agent.agentLabelSelector";
        assertEquals(Effect.ROLLS_NODES, covering(KindCatalog.of("NodePool").orElseThrow(), field).orElseThrow().effect());
        assertEquals(Consequences.Effect.ROLLS_NODES, Consequences.effect("NodePool", field + ".matchLabels.pool", pool("Replace")));
        assertEquals(Consequences.Effect.NEVER_REACHES_NODES, Consequences.effect("NodePool", field, pool("InPlace")));
        assertEquals(Consequences.Effect.APPLIED, Consequences.effect("NodePool", "spec.nodeDrainTimeout", pool("Replace")));
        assertTrue(Consequences.of("NodePool", field).orElseThrow().source().contains("nodepool/agent.go"));
    }

    private static ObjectNode pool(String upgradeType) {
        ObjectNode np = Yaml.object().put("kind", "NodePool");
        np.putObject("spec").putObject("management").put("upgradeType", upgradeType);
        return np;
    }

    /** The row with the longest manifest path equal to or above {@code field}. */
    private static Optional<KindSpec.FieldSpec> covering(KindSpec k, String field) {
        return k.fields().stream().filter(f -> covers(f.manifestPath(), field))
                .max(java.util.Comparator.comparingInt(f -> f.manifestPath().length()));
    }

    private static boolean covers(String above, String field) {
        return field.equals(above) || field.startsWith(above + ".");
    }
}
