package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NodePool rules taken from upstream, at their edges. */
class PoolRulesTest {

    @Test
    void skewAllowsTheSameVersionAndUpToThreeMinorsBehind() {
        assertEquals(Optional.empty(), PoolRules.skewProblem("4.19.3", "4.19.3"));
        assertEquals(Optional.empty(), PoolRules.skewProblem("4.19.3", "4.19.2"));
        assertEquals(Optional.empty(), PoolRules.skewProblem("4.19.3", "4.16.0"));
        assertTrue(PoolRules.skewProblem("4.19.3", "4.15.40").orElseThrow().contains("from 4.16 on"));
    }

    @Test
    void skewRefusesANewerPoolPatchIncluded() {
        assertTrue(PoolRules.skewProblem("4.18.5", "4.18.6").orElseThrow().contains("newer"));
        assertTrue(PoolRules.skewProblem("4.18.5", "4.19.0").orElseThrow().contains("newer"));
        // semver: a pre-release sorts before its release
        assertEquals(Optional.empty(), PoolRules.skewProblem("4.19.0", "4.19.0-rc.1"));
        assertTrue(PoolRules.skewProblem("4.19.0-rc.1", "4.19.0").orElseThrow().contains("newer"));
        assertTrue(PoolRules.skewProblem("4.19.0-rc.2", "4.19.0-rc.10").orElseThrow().contains("newer"));
    }

    @Test
    void skewCountsFiveAsFourTwentyThreeOn() {
        assertEquals(Optional.empty(), PoolRules.skewProblem("5.0.1", "4.20.0"));
        assertTrue(PoolRules.skewProblem("5.0.1", "4.19.9").orElseThrow().contains("from 4.20 on"));
        assertTrue(PoolRules.skewProblem("5.4.0", "5.0.0").orElseThrow().contains("from 5.1 on"));
        assertTrue(PoolRules.skewProblem("4.22.0", "5.0.0").orElseThrow().contains("newer"));
    }

    @Test
    void taintAndLabelFormatsFollowTheUpstreamRules() {
        assertFalse(PoolRules.taintKeyProblem("node-role.kubernetes.io/infra").isPresent());
        assertTrue(PoolRules.taintKeyProblem("Example.com/x").isPresent(), "the prefix is a lower-case subdomain");
        assertTrue(PoolRules.taintKeyProblem("a".repeat(64)).isPresent(), "a name part has at most 63 characters");
        assertFalse(PoolRules.taintValueProblem("").isPresent());
        assertTrue(PoolRules.taintValueProblem("a_").isPresent());
        assertFalse(PoolRules.labelValueProblem("a".repeat(63)).isPresent());
        assertTrue(PoolRules.labelValueProblem("a".repeat(64)).isPresent(), "label values have at most 63 characters");
        assertTrue(PoolRules.labelKeyProblem("a".repeat(254) + "/x").isPresent(), "the prefix has at most 253 characters");
    }

    @Test
    void autoscalingNeedsMaxAtLeastMinAndNoScaleFromZero() {
        assertFalse(PoolRules.autoscalingProblem(1, 1).isPresent());
        assertTrue(PoolRules.autoscalingProblem(2, 1).isPresent());
        assertTrue(PoolRules.autoscalingProblem(0, 3).orElseThrow().contains("AWS and Azure"));
    }

    @Test
    void replicasAndAutoscalingExcludeEachOther() {
        assertTrue(PoolRules.replicasWithAutoscalingProblem(true, true).orElseThrow().contains("exclude each other"));
        assertEquals(Optional.empty(), PoolRules.replicasWithAutoscalingProblem(true, false));
        assertEquals(Optional.empty(), PoolRules.replicasWithAutoscalingProblem(false, true));
    }

    @Test
    void atMostOnePerformanceProfilePerPool() {
        var one = dev.hostedsite.krm.Yaml.object().put("kind", "PerformanceProfile");
        one.putObject("metadata").put("name", "a");
        var two = one.deepCopy();
        two.with("metadata").put("name", "b");
        var tuned = dev.hostedsite.krm.Yaml.object().put("kind", "Tuned");
        assertEquals(Optional.empty(), PoolRules.performanceProfilesProblem("p", java.util.List.of(one, tuned)));
        assertEquals(Optional.of("pool p has 2 PerformanceProfiles [a, b]; HyperShift takes at most one per NodePool."),
                PoolRules.performanceProfilesProblem("p", java.util.List.of(one, tuned, two)));
    }
}
