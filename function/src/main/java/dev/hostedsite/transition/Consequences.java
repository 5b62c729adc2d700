package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The one table of what the hub's controllers do with a change of a rendered field, each rule with its upstream
 * source. {@link ImmutableFields} says what the API server refuses; this table says what happens to a change the
 * API server admits: a controller refuses it at reconcile, it rolls nodes, it never reaches the nodes, or it needs
 * a manual step. The guards ({@link ReleaseGuard}, {@link RolloutGuard}) read it; {@link ChangeSet} marks every
 * changed field with its class.
 *
 * <p>Sources (commits of the copies read): openshift/hypershift at {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT},
 * openshift/assisted-service at {@link dev.hostedsite.kinds.Upstreams#ASSISTED_SERVICE}, metal3-io/baremetal-operator at
 * {@link dev.hostedsite.kinds.Upstreams#METAL3}.
 */
public final class Consequences {
    private Consequences() {}

    /** What a change sets in motion on the hub, most severe first. */
    public enum Effect {
        /** The API server refuses the apply ({@link ImmutableFields}). */
        REFUSED_BY_API("refused by the API server"),
        /** Admitted, but a controller refuses to act on it (a {@code Valid*} condition turns False). */
        REFUSED_AT_RECONCILE("refused by a controller at reconcile"),
        /** Admitted only when live state allows it; a command must check or make that state first. */
        NEEDS_MANUAL_STEP("needs a manual step"),
        /** HyperShift rolls the nodes of one or more NodePools. */
        ROLLS_NODES("rolls nodes"),
        /** Applied to the hub, but HyperShift does not roll it out to running nodes. */
        NEVER_REACHES_NODES("never reaches running nodes"),
        /** Applied by the controllers without touching running nodes. */
        APPLIED("applied");

        private final String words;

        Effect(String words) {
            this.words = words;
        }

        /** The class in words, as {@code plan} and {@code diff} print it. */
        public String words() {
            return words;
        }
    }

    /** openshift/hypershift: what enters a NodePool's rollout hash ({@code ConfigGenerator.Hash}, {@code rolloutConfig}). */
    static final String NP_CONFIG = "openshift/hypershift hypershift-operator/controllers/nodepool/config.go";
    /** openshift/hypershift: the token Secret keeps content hashes only for the payload served to new nodes. */
    static final String NP_TOKEN = "openshift/hypershift hypershift-operator/controllers/nodepool/token.go";
    /** openshift/hypershift: the Agent platform's machine template spec is the pool's agentLabelSelector. */
    static final String NP_AGENT = "openshift/hypershift hypershift-operator/controllers/nodepool/agent.go (agentMachineTemplate)";
    /**
     * openshift/hypershift: a machine template's name is a hash of its spec ("ensures a rolling upgrade is triggered
     * by creating a new template with a different name if any field changes"), set as the infrastructureRef of the
     * pool's MachineDeployment (Replace: Cluster API rolls every Machine) or MachineSet (InPlace).
     */
    static final String NP_CAPI = "openshift/hypershift hypershift-operator/controllers/nodepool/capi.go"
            + " (machineTemplateBuilders, propagateVersionAndTemplate, reconcileMachineSet)";
    /** openshift/hypershift: networkType is documented "required and immutable" with its CEL marker disabled. */
    static final String HC_TYPES = "openshift/hypershift api/hypershift/v1beta1/hostedcluster_types.go (NetworkType)";
    /** openshift/hypershift: fields marked "Changing this field will trigger a NodePool rollout". */
    static final String NP_TYPES = "openshift/hypershift api/hypershift/v1beta1/nodepool_types.go";
    /** openshift/hypershift: IsValidReleaseVersion, read by the HostedCluster controller's ValidReleaseImage. */
    static final String SUPPORTED_VERSION = "openshift/hypershift support/supportedversion/version.go (IsValidReleaseVersion)";
    /** openshift/hypershift: validateReleaseImage sets ValidReleaseImage from IsValidReleaseVersion. */
    static final String HC_CONTROLLER = "openshift/hypershift hypershift-operator/controllers/hostedcluster/"
            + "hostedcluster_controller.go (validateReleaseImage)";
    /** metal3-io/baremetal-operator: validateChanges refuses a BMC address change unless registering or detached. */
    static final String BMH_WEBHOOK = "metal3-io/baremetal-operator internal/webhooks/metal3.io/v1alpha1/"
            + "baremetalhost_validation.go (validateChanges)";
    /** openshift/assisted-service: BMAC detaches a provisioned BareMetalHost in the converged flow. */
    static final String BMAC = "openshift/assisted-service internal/controller/controllers/bmh_agent_controller.go"
            + " (handlePauseAndDetachBMHAnnotations, ensureBMHDetached)";

    /**
     * One rule: a change of {@code field} (a dot path, or a prefix of the changed path) of {@code kind} has
     * {@code effect}, for the reason {@code why}. {@code referencedBy}: for Secrets and ConfigMaps, the
     * HostedCluster field that must name the object for the rule to apply ({@code spec.pullSecret.name}), else null.
     */
    public record Rule(String kind, String field, String referencedBy, Effect effect, String why, String source) {
        boolean covers(String kind, String path) {
            return this.kind.equals(kind) && (path.equals(field) || path.startsWith(field + "."));
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("NodePool", "spec.release.image", null, Effect.ROLLS_NODES, "the pool's release version enters its"
                    + " rollout hash (ConfigGenerator.Hash: releaseImage.Version())", NP_CONFIG),
            new Rule("NodePool", "spec.config", null, Effect.ROLLS_NODES, "the pool's config ConfigMaps are the"
                    + " MachineConfig input of its rollout hash (getUserConfigs, mcoRawConfig)", NP_CONFIG),
            new Rule("NodePool", "spec.tuningConfig", null, Effect.ROLLS_NODES, "spec.tuningConfig is a rollout field"
                    + " (\"Changing this field will trigger a NodePool rollout\")", NP_TYPES),
            new Rule("NodePool", "spec.platform.agent.agentLabelSelector", null, Effect.ROLLS_NODES, "the selector is"
                    + " the spec of the pool's AgentMachineTemplate, whose name hashes it: a change makes a new template,"
                    + " which a Replace pool rolls out to every node (an InPlace pool gives it only to nodes created"
                    + " later)", NP_AGENT + "; " + NP_CAPI),
            new Rule("NodePool", "spec.replicas", null, Effect.APPLIED, "the pool's MachineSet scales; running nodes"
                    + " stay", NP_TYPES),
            new Rule("HostedCluster", "spec.imageContentSources", null, Effect.ROLLS_NODES, "the mirrors become the"
                    + " ImageContentSources core config of every NodePool (getCoreConfigs), part of the rollout hash",
                    NP_CONFIG),
            new Rule("HostedCluster", "spec.additionalTrustBundle.name", null, Effect.ROLLS_NODES, "the trust bundle's"
                    + " name enters every NodePool's rollout hash (rolloutConfig.additionalTrustBundleName)", NP_CONFIG),
            new Rule("HostedCluster", "spec.pullSecret.name", null, Effect.ROLLS_NODES, "the pull secret's name enters"
                    + " every NodePool's rollout hash (rolloutConfig.pullSecretName)", NP_CONFIG),
            new Rule("HostedCluster", "spec.sshKey.name", null, Effect.ROLLS_NODES, "the ssh key is a core config of"
                    + " every NodePool (getCoreConfigs), part of the rollout hash", NP_CONFIG),
            new Rule("HostedCluster", "spec.release.image", null, Effect.APPLIED, "the control plane moves to the"
                    + " release; the HostedCluster controller refuses a y-stream downgrade, and pools roll only with"
                    + " their own spec.release.image", SUPPORTED_VERSION),
            new Rule("HostedCluster", "spec.networking.networkType", null, Effect.NEEDS_MANUAL_STEP, "networkType is"
                    + " documented \"required and immutable\" but its CEL rule is disabled: the API server admits a change"
                    + " the platform does not support; a running cluster's network plugin changes only by a migration",
                    HC_TYPES),
            new Rule("Secret", "data", "spec.pullSecret.name", Effect.NEVER_REACHES_NODES, "only the pull secret's"
                    + " name enters the rollout hash (ConfigGenerator.Hash); the token Secret keeps a hash of its bytes"
                    + " for the ignition served to nodes installed later", NP_CONFIG + "; " + NP_TOKEN),
            new Rule("Secret", "stringData", "spec.pullSecret.name", Effect.NEVER_REACHES_NODES, "only the pull"
                    + " secret's name enters the rollout hash (ConfigGenerator.Hash)", NP_CONFIG + "; " + NP_TOKEN),
            new Rule("ConfigMap", "data", "spec.additionalTrustBundle.name", Effect.NEVER_REACHES_NODES, "only the"
                    + " trust bundle's name enters the rollout hash (ConfigGenerator.Hash); the token Secret keeps a"
                    + " hash of its content for the ignition served to nodes installed later", NP_CONFIG + "; " + NP_TOKEN),
            new Rule("Secret", "data", "spec.sshKey.name", Effect.ROLLS_NODES, "the ssh key is a core config of every"
                    + " NodePool (getCoreConfigs), part of the rollout hash", NP_CONFIG),
            new Rule("BareMetalHost", "spec.bmc.address", null, Effect.NEEDS_MANUAL_STEP, "the webhook admits a BMC"
                    + " address change only while the host is registering or detached; assisted-service detaches every"
                    + " provisioned BareMetalHost in the converged flow (the default)", BMH_WEBHOOK + "; " + BMAC));

    /**
     * NodePool fields of its platform machine template (the Agent platform's template holds only the
     * agentLabelSelector: {@link #NP_AGENT}). Their {@link Effect#ROLLS_NODES} holds for Replace pools; an InPlace
     * pool gives a new template only to nodes created later (openshift/hypershift
     * docs/content/reference/nodepool-rollouts.md: "When using InPlace upgrades, platform-specific machine
     * template changes will only apply to new Nodes"; {@link #NP_CAPI}, reconcileMachineSet).
     */
    public static final List<String> MACHINE_TEMPLATE_FIELDS = List.of("spec.platform.agent.agentLabelSelector");

    /** Whether a change of {@code path} of NodePool {@code pool} rolls its nodes by a new machine template. */
    public static boolean rollsByMachineTemplate(JsonNode pool, String path) {
        return MACHINE_TEMPLATE_FIELDS.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "."))
                && "Replace".equals(pool.path("spec").path("management").path("upgradeType").asText());
    }

    /**
     * What a change of {@code path} of {@code object} (as rendered after the change) does: its rule's effect
     * ({@link #of}), {@link Effect#APPLIED} without a rule; a machine template field of a NodePool that is not
     * Replace never reaches running nodes ({@link #MACHINE_TEMPLATE_FIELDS}).
     */
    public static Effect effect(String kind, String path, JsonNode object) {
        if (kind.equals("NodePool") && MACHINE_TEMPLATE_FIELDS.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "."))
                && !rollsByMachineTemplate(object, path)) {
            return Effect.NEVER_REACHES_NODES;
        }
        return of(kind, path).map(Rule::effect).orElse(Effect.APPLIED);
    }

    /** The rule for a changed field of an object of {@code kind}, without the referencedBy condition. */
    public static Optional<Rule> of(String kind, String path) {
        return RULES.stream().filter(r -> r.referencedBy() == null && r.covers(kind, path)).findFirst();
    }

    /** The rule for a changed field of a Secret or ConfigMap that a HostedCluster names in {@code referencedBy}. */
    public static Optional<Rule> ofReferenced(String kind, String path, String referencedBy) {
        return RULES.stream().filter(r -> referencedBy.equals(r.referencedBy()) && r.covers(kind, path)).findFirst();
    }
}
