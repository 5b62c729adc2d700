package dev.hostedsite.kinds.nodepool;

import static dev.hostedsite.kinds.KindSpec.Effect.IMMUTABLE;
import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.NEW_NODES_ONLY;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;
import static dev.hostedsite.kinds.KindSpec.Effect.ROLLS_NODES;
import static dev.hostedsite.kinds.KindSpec.Effect.SCALES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Cluster;
import java.util.List;

/**
 * The HyperShift NodePool as one unit: its declaration ({@link #SPEC}: API, upstream source, sync wave,
 * readiness needs, references, field map with the effect of each change) and how it is built from a resolved
 * pool ({@link #build}). The generic passes read the declaration through {@code kinds/catalog/KindCatalog}:
 * references ({@code graph/References}), waves ({@code graph/WaveAssigner}), readiness
 * ({@code graph/ReadinessModel}), the field map ({@code kinds/catalog/FieldMap}: diagnostics and plan/diff).
 *
 * <p>Rules that judge a NodePool and still live with their pass: the site checks in {@code input/PoolRules}
 * and {@code input/AgentPoolArchitecture}, the immutable fields in {@code transition/ImmutableFields} (the
 * {@link KindSpec.Effect#IMMUTABLE} rows here name the same fields; {@code NodePoolKindTest} holds them equal),
 * the day-2 rollout report in {@code transition/RolloutGuard}, the InfraEnv selection in {@code graph/References}.
 */
public final class NodePoolKind {
    public static final String GROUP = "hypershift.openshift.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "NodePool";

    /** openshift/hypershift at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.HYPERSHIFT,
            "cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/nodepools-Default.crd.yaml",
            "api/hypershift/v1beta1/nodepool_types.go",
            "docs/content/how-to/automated-machine-management/nodepool-lifecycle.md");

    /**
     * The field map. Effects: the CRD's CEL transition rules make arch, clusterName and management.upgradeType
     * immutable; nodepool_types.go marks release and config "+rollout" (and tuningConfig rolls the same way,
     * through the ConfigMaps it names); nodepool-lifecycle.md: "Platform specific changes" roll nodes (Replace)
     * or reach only new nodes (InPlace), and nodeLabels and taints "will be propagated only to new upcoming
     * machines". agentLabelSelector is the Agent platform's machine template: a change makes a new template that
     * a Replace pool rolls out (an InPlace pool gives it only to new nodes); the rule, with its upstream source,
     * is {@code transition/Consequences} (NP_AGENT, NP_CAPI, MACHINE_TEMPLATE_FIELDS), and
     * {@code kinds/catalog/FieldEffectsTest} keeps every ROLLS_NODES row here equal to a ROLLS_NODES rule there.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.namespace", "cluster:namespace", RECREATES),
            new FieldSpec("spec.arch", "arch", IMMUTABLE),
            new FieldSpec("spec.autoScaling", "autoscaling", SCALES),
            new FieldSpec("spec.clusterName", "cluster:name", IMMUTABLE),
            new FieldSpec("spec.config", "config", ROLLS_NODES),
            new FieldSpec("spec.management.autoRepair", "autoRepair", IN_PLACE),
            new FieldSpec("spec.management.upgradeType", "upgradeType", IMMUTABLE),
            new FieldSpec("spec.nodeDrainTimeout", "nodeDrainTimeout", IN_PLACE),
            new FieldSpec("spec.nodeLabels", "nodeLabels", NEW_NODES_ONLY),
            new FieldSpec("spec.platform.agent.agentLabelSelector", "hostSelector", ROLLS_NODES),
            new FieldSpec("spec.release", "release.image", ROLLS_NODES),
            new FieldSpec("spec.replicas", "replicas", SCALES),
            new FieldSpec("spec.taints", "taints", NEW_NODES_ONLY),
            new FieldSpec("spec.tuningConfig", "tuning", ROLLS_NODES));

    /** The references a NodePool holds by name (the InfraEnv its selector picks is found in {@code graph/References}). */
    static final List<RefSpec> REFERENCES = List.of(
            new RefSpec("spec.clusterName", GROUP, "HostedCluster"),
            new RefSpec("spec.config[].name", "", "ConfigMap"),
            new RefSpec("spec.tuningConfig[].name", "", "ConfigMap"));

    /** What a NodePool waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // openshift/cluster-api-provider-agent: each NodePool replica is an AgentMachine bound to an Agent
            // that registered from a booted BareMetalHost (matched by agentLabelSelector); openshift/hypershift
            // hypershift-operator/controllers/nodepool: status.replicas counts ready nodes, Ready needs them.
            new Need("BareMetalHost", "replicas are Agents from booted hosts"),
            // openshift/hypershift nodepool controller: machines join through the control plane's ignition
            // server; nothing is ready before the HostedCluster is Available.
            new Need("HostedCluster", "nodes join the hosted control plane"));

    /**
     * The declaration; sync wave 11, after the BareMetalHosts whose Agents become its nodes. Protected
     * ({@link KindSpec.Protection#CONFIRM}): pruning a NodePool deletes the hosted cluster's nodes.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "nodepools", true,
            "spec.clusters[].nodePools[]", UPSTREAM, 11, NEEDS, REFERENCES, FIELDS,
            new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private NodePoolKind() {}

    /** The NodePool of pool {@code p} of cluster {@code c} (validated and defaulted). */
    public static ObjectNode build(Cluster c, Cluster.NodePool p) {
        ObjectNode np = Objects.resource(SPEC.apiVersion(), KIND, c.namespace(), p.name());
        if (c.releaseOf(p).version() != null) {
            np.with("metadata").putObject("annotations").put(Names.RELEASE_VERSION, c.releaseOf(p).version());
        }
        ObjectNode spec = np.putObject("spec");
        spec.put("arch", p.arch());
        if (p.autoscaling() != null) {
            spec.putObject("autoScaling").put("max", p.autoscaling().max()).put("min", p.autoscaling().min());
        }
        spec.put("clusterName", c.name());
        if (!p.config().isEmpty()) {
            spec.putArray("config").addObject().put("name", Names.poolConfig(p));
        }
        spec.putObject("management").put("autoRepair", p.autoRepair()).put("upgradeType", p.upgradeType());
        spec.put("nodeDrainTimeout", p.nodeDrainTimeout());
        if (!p.nodeLabels().isEmpty()) {
            ObjectNode labels = spec.putObject("nodeLabels");
            p.nodeLabels().forEach(labels::put);
        }
        ObjectNode platform = spec.putObject("platform");
        // Always present, even empty: the NodePool CRD's CEL rule accepts arch arm64 only with has(self.platform.agent)
        // (Canonical.MEANINGFUL_EMPTY keeps the empty object).
        ObjectNode agent = platform.putObject("agent");
        ObjectNode selector = agentSelector(c, p);
        if (selector != null) {
            agent.set("agentLabelSelector", selector);
        }
        platform.put("type", "Agent");
        spec.putObject("release").put("image", c.releaseOf(p).image());
        if (p.autoscaling() == null) {
            spec.put("replicas", p.replicas() != null ? p.replicas() : Hosts.hostsFor(c, p).size());
        }
        if (!p.taints().isEmpty()) {
            ArrayNode taints = spec.putArray("taints");
            for (Cluster.Taint t : p.taints()) {
                ObjectNode taint = taints.addObject().put("effect", t.effect()).put("key", t.key());
                if (t.value() != null) {
                    taint.put("value", t.value());
                }
            }
        }
        if (!p.tuning().isEmpty()) {
            ArrayNode refs = spec.putArray("tuningConfig");
            p.tuning().stream().map(NodePoolKind::documentName).sorted()
                    .forEach(n -> refs.addObject().put("name", Names.poolTuning(p, n)));
        }
        return np;
    }

    /** The {@code metadata.name} of a pool's config or tuning document. */
    public static String documentName(com.fasterxml.jackson.databind.JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    /**
     * The pool's agentLabelSelector: the user's hostSelector; in a cluster with pools of several architectures
     * also the label assisted-service puts on every Agent naming the InfraEnv it booted from
     * (infraenvs.agent-install.openshift.io, internal/controller/controllers/agent_controller.go), so the pool
     * takes only agents of its own architecture's InfraEnv. Null when there is nothing to select on.
     */
    private static ObjectNode agentSelector(Cluster c, Cluster.NodePool p) {
        ObjectNode selector = p.hostSelector() == null ? null : p.hostSelector().deepCopy();
        if (Hosts.mixed(c)) {
            if (selector == null) {
                selector = Yaml.object();
            }
            selector.with("matchLabels").put(Names.INFRAENV_LABEL, Names.infraEnv(c, p.arch()));
        }
        return selector;
    }
}
