package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.Sites;
import java.util.List;
import java.util.function.BiFunction;

/** Runs one rule class on a bound site and picks out its findings, for the rule classes' own tests. */
final class RuleRuns {
    private RuleRuns() {}

    /** The findings of {@code rule} on the first cluster of {@code site}, bound as the compiler binds it. */
    static List<Finding> onFirstCluster(ObjectNode site, BiFunction<Site, dev.hostedsite.model.Cluster, List<Finding>> rule) {
        Site s = Sites.bind(site);
        return rule.apply(s, s.clusters().get(0));
    }

    /** The one finding at {@code path}; fails when there is none or more than one. */
    static Finding at(List<Finding> found, String path) {
        List<Finding> there = found.stream().filter(f -> f.path().equals(path)).toList();
        assertEquals(1, there.size(), () -> "findings at " + path + " in " + found);
        return there.get(0);
    }

    /** Only the errors. */
    static List<Finding> errors(List<Finding> found) {
        return found.stream().filter(Finding::error).toList();
    }
}
