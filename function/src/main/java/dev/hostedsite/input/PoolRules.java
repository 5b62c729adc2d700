package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules the hub enforces on NodePool fields, taken from upstream so the compiler can check them first. Each
 * returns the problem as a sentence (what is wrong and what to do), or empty. Upstream sources (openshift/hypershift
 * at {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT} unless noted) are cited next to each rule.
 */
public final class PoolRules {
    private PoolRules() {}

    // --- labels and taints -------------------------------------------------------------------------------------

    /**
     * A qualified name: optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. The taint
     * key CEL rule of api/hypershift/v1beta1/nodepool_types.go (Taint.Key) uses this regular expression; Node label
     * keys follow the same rule (kubernetes apimachinery pkg/util/validation IsQualifiedName, which
     * NodePool.spec.nodeLabels documents as its syntax).
     */
    static final Pattern QUALIFIED_NAME =
            Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                    + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    /** Taint value CEL rule (nodepool_types.go Taint.Value) and label value syntax (IsValidLabelValue), empty allowed. */
    static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    /** apimachinery: a label key's prefix is at most 253 characters; a label value at most 63. */
    static final int MAX_PREFIX = 253;
    static final int MAX_LABEL_VALUE = 63;

    /** Node label key: apimachinery IsQualifiedName (prefix at most 253 characters). */
    public static Optional<String> labelKeyProblem(String key) {
        int slash = key.indexOf('/');
        if (!QUALIFIED_NAME.matcher(key).matches() || slash > MAX_PREFIX) {
            return Optional.of("'" + key + "' is not a valid label key: a name of at most 63 characters (letters, digits,"
                    + " '-', '_', '.', starting and ending alphanumeric), optionally prefixed by a DNS subdomain and '/',"
                    + " such as node-role.kubernetes.io/infra.");
        }
        return Optional.empty();
    }

    /** Node label value: apimachinery IsValidLabelValue. */
    public static Optional<String> labelValueProblem(String value) {
        if (value.length() > MAX_LABEL_VALUE || !LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not a valid label value: at most 63 characters, letters, digits,"
                    + " '-', '_' and '.', starting and ending alphanumeric (or empty).");
        }
        return Optional.empty();
    }

    /** Taint key: the CEL rule of nodepool_types.go Taint.Key, with its upstream message. */
    public static Optional<String> taintKeyProblem(String key) {
        return QUALIFIED_NAME.matcher(key).matches() ? Optional.empty()
                : Optional.of("the hub refuses taint key '" + key + "': key must be a qualified name with an optional"
                        + " subdomain prefix e.g. example.com/MyName (NodePool CEL rule).");
    }

    /** Taint value: the CEL rule of nodepool_types.go Taint.Value, with its upstream message. */
    public static Optional<String> taintValueProblem(String value) {
        return LABEL_VALUE.matcher(value).matches() ? Optional.empty()
                : Optional.of("the hub refuses taint value '" + value + "': Value must start and end with alphanumeric"
                        + " characters and can only contain '-', '_', '.' in the middle (NodePool CEL rule).");
    }

    // --- autoscaling -------------------------------------------------------------------------------------------

    /**
     * NodePool CEL rules (nodepool_types.go): on spec.autoScaling "max must be equal or greater than min"; on spec
     * "Scale-from-zero (autoScaling.min=0) is currently only supported for AWS and Azure platforms" (so never on
     * Agent).
     */
    public static Optional<String> autoscalingProblem(int min, int max) {
        if (max < min) {
            return Optional.of("autoscaling max (" + max + ") is below min (" + min + "): max must be equal or greater"
                    + " than min.");
        }
        if (min == 0) {
            return Optional.of("autoscaling min 0 (scale from zero) is only supported on the AWS and Azure platforms,"
                    + " not on Agent: use min 1 or more.");
        }
        return Optional.empty();
    }

    /**
     * NodePool CEL rule on spec (nodepool_types.go): {@code !has(self.replicas) || !has(self.autoScaling)}; the
     * problem when a pool gives both.
     */
    public static Optional<String> replicasWithAutoscalingProblem(boolean replicas, boolean autoscaling) {
        return replicas && autoscaling ? Optional.of("replicas and autoscaling exclude each other (the hub refuses a"
                + " NodePool with both): drop replicas, and the autoscaler keeps the pool between autoscaling.min and"
                + " max.") : Optional.empty();
    }

    // --- version skew ------------------------------------------------------------------------------------------

    /** NodePools may run up to this many minors behind their HostedCluster (ValidateVersionSkew maxAllowedDiff). */
    public static final int MAX_MINOR_SKEW = 3;

    /**
     * HyperShift's NodePool version skew rule, support/supportedversion/version.go ValidateVersionSkew (documented in
     * docs/content/reference/versioning-support.md, "Version Skew Policy"): a NodePool's version may not be higher
     * than its HostedCluster's (semantic version order, patch included), nor more than {@value #MAX_MINOR_SKEW}
     * minors behind it; 5.x counts as 4.(23+x) ({@link SupportedVersion}). Versions are x.y.z with optional -pre-release and +build.
     */
    public static Optional<String> skewProblem(String clusterVersion, String poolVersion) {
        Optional<SupportedVersion.Version> hc = SupportedVersion.Version.parse(clusterVersion);
        Optional<SupportedVersion.Version> np = SupportedVersion.Version.parse(poolVersion);
        if (hc.isEmpty() || np.isEmpty()) {
            return Optional.empty();
        }
        SupportedVersion.Version h = hc.get().normalized();
        SupportedVersion.Version n = np.get().normalized();
        if (n.compareTo(h) > 0) {
            return Optional.of("the pool's version " + poolVersion + " is newer than its cluster's " + clusterVersion
                    + ": a NodePool may not run a higher version than its HostedCluster. Upgrade the cluster's"
                    + " release first, then the pool.");
        }
        if (h.minor() - n.minor() > MAX_MINOR_SKEW) {
            int minMinor = Math.max(h.minor() - MAX_MINOR_SKEW, 0);
            String min = SupportedVersion.majorMinorOf(minMinor);
            return Optional.of("the pool's version " + poolVersion + " is more than " + MAX_MINOR_SKEW
                    + " minor versions behind its cluster's " + clusterVersion + ": HyperShift supports NodePools from "
                    + min + " on with this HostedCluster. Upgrade the pool to " + min + " or later.");
        }
        return Optional.empty();
    }

    // --- node configuration ------------------------------------------------------------------------------------

    /**
     * apiVersion/kind of the documents HyperShift accepts in a NodePool's config ConfigMaps:
     * hypershift-operator/controllers/nodepool/config.go defaultAndValidateConfigManifest decodes them with a scheme
     * of machineconfiguration.openshift.io/v1, operator.openshift.io/v1alpha1, config.openshift.io/v1 and v1alpha1,
     * and accepts only these types (anything else: "unsupported config type").
     */
    public static final Set<String> CONFIG_KINDS = Set.of(
            "machineconfiguration.openshift.io/v1/MachineConfig",
            "machineconfiguration.openshift.io/v1/KubeletConfig",
            "machineconfiguration.openshift.io/v1/ContainerRuntimeConfig",
            "operator.openshift.io/v1alpha1/ImageContentSourcePolicy",
            "config.openshift.io/v1/ImageDigestMirrorSet",
            "config.openshift.io/v1/ClusterImagePolicy",
            "config.openshift.io/v1alpha1/ClusterImagePolicy");

    /**
     * apiVersion/kind HyperShift accepts in a tuning ConfigMap: hypershift-operator/controllers/nodepool/nto.go
     * validateTuningConfigManifest decodes one object, a Tuned or a PerformanceProfile (at most one per NodePool).
     */
    public static final Set<String> TUNING_KINDS = Set.of(
            "tuned.openshift.io/v1/Tuned",
            "performance.openshift.io/v2/PerformanceProfile");
    public static final String PERFORMANCE_PROFILE = "PerformanceProfile";

    /** A config document's problem: a kind HyperShift does not accept in spec.config. */
    public static Optional<String> configKindProblem(JsonNode doc) {
        return kindProblem(doc, CONFIG_KINDS, "config", "MachineConfig, KubeletConfig or ContainerRuntimeConfig"
                + " (machineconfiguration.openshift.io/v1), ImageContentSourcePolicy (operator.openshift.io/v1alpha1),"
                + " ImageDigestMirrorSet or ClusterImagePolicy (config.openshift.io/v1)");
    }

    /** A tuning document's problem: a kind HyperShift does not accept in spec.tuningConfig. */
    public static Optional<String> tuningKindProblem(JsonNode doc) {
        return kindProblem(doc, TUNING_KINDS, "tuning", "Tuned (tuned.openshift.io/v1) or PerformanceProfile"
                + " (performance.openshift.io/v2)");
    }

    private static Optional<String> kindProblem(JsonNode doc, Set<String> accepted, String field, String what) {
        String id = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        return accepted.contains(id) ? Optional.empty()
                : Optional.of("HyperShift does not accept " + doc.path("kind").asText() + " ("
                        + doc.path("apiVersion").asText() + ") in a NodePool's " + field + ": it takes " + what
                        + ". Apply other objects inside the hosted cluster instead.");
    }

    /**
     * hypershift-operator/controllers/nodepool/nto.go: "there cannot be more than one PerformanceProfile per
     * NodePool"; the problem of pool {@code pool} whose tuning documents hold {@code profiles}.
     */
    public static Optional<String> performanceProfilesProblem(String pool, List<JsonNode> tuning) {
        List<String> profiles = namesOfKind(tuning, PERFORMANCE_PROFILE);
        return profiles.size() > 1 ? Optional.of("pool " + pool + " has " + profiles.size() + " PerformanceProfiles "
                + profiles + "; HyperShift takes at most one per NodePool.") : Optional.empty();
    }

    /** Names of documents of {@code kind} among {@code docs}. */
    static List<String> namesOfKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText()))
                .map(d -> d.path("metadata").path("name").asText()).toList();
    }
}
