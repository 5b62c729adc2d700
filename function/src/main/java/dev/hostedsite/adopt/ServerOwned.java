package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one table of what the API server and the hub's controllers write into the objects a hub export holds, so
 * that an import neither adopts it as the user's intent nor reports it as a difference. Each row cites its
 * upstream source (repository, file, commit):
 * <ul>
 *   <li>{@link #METADATA}: object metadata the API server writes (kubernetes/kubernetes
 *       {@code staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go}, ObjectMeta: "Populated by the
 *       system. Read-only.");</li>
 *   <li>{@link #ANNOTATIONS}, {@link #LABELS}: annotations and labels written by kubectl, Argo CD, OpenShift's
 *       namespace controllers and the controllers of the adopted kinds, and this tool's own;</li>
 *   <li>{@link #SPEC_FIELDS}: fields of {@code spec} that controllers write on create, each with the function
 *       that writes it;</li>
 *   <li>{@link #DEFAULTS}: the defaults the API server writes when a field is absent: the copied CRD schemas'
 *       {@code default} values ({@code fixtures/upstream-schemas}, provenance there; {@code ServerOwnedTest}
 *       holds this table equal to them) and the core API's defaulting;</li>
 *   <li>{@link #NO_EFFECT_REMOVALS}: fields whose removal changes nothing a controller reads (the value equals the
 *       API's default), each with the upstream type and function that reads it.</li>
 * </ul>
 *
 * <p>Sources read, at the pins of {@code kinds/Upstreams}: openshift/hypershift ({@link Upstreams#HYPERSHIFT}):
 * {@code hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go}
 * {@code defaultClusterIDsIfNeeded} writes {@code spec.clusterID} and {@code spec.infraID} when unset, and
 * {@code cmd/cluster/core/create.go}, where {@code hcp create cluster --render} writes {@code infraID} itself: both are
 * immutable once set, so the import keeps them as the site's {@code clusterID} and {@code infraID}, never drops them;
 * openshift/assisted-service ({@link Upstreams#ASSISTED_SERVICE}):
 * {@code internal/controller/controllers/bmh_agent_controller.go}: {@code reconcileBMH},
 * {@code ensureBMHDetached}, {@code reconcileAgentInventory}; the finalizer names in
 * {@code internal/controller/controllers/*_controller.go}.
 */
public final class ServerOwned {
    private ServerOwned() {}

    static final String HYPERSHIFT = Upstreams.HYPERSHIFT.pin();
    static final String ASSISTED = Upstreams.ASSISTED_SERVICE.pin();
    static final String BMAC = ASSISTED + " internal/controller/controllers/bmh_agent_controller.go";
    static final String K8S = "kubernetes/kubernetes";

    /** Written by the API server: metadata fields, with why. */
    public static final List<Row> METADATA = List.of(
            new Row("*", "metadata.managedFields", "server-side apply's field ownership, written by the API server", K8S),
            new Row("*", "metadata.uid", "written by the API server on create", K8S),
            new Row("*", "metadata.resourceVersion", "written by the API server on every write", K8S),
            new Row("*", "metadata.creationTimestamp", "written by the API server on create", K8S),
            new Row("*", "metadata.generation", "written by the API server on every spec change", K8S),
            new Row("*", "metadata.selfLink", "written by API servers before Kubernetes 1.20", K8S),
            new Row("*", "metadata.deletionTimestamp", "written by the API server when the object is being deleted", K8S),
            new Row("*", "metadata.deletionGracePeriodSeconds", "written by the API server with deletionTimestamp", K8S),
            new Row("*", "metadata.ownerReferences", "set by the controller that created or adopted the object", K8S),
            new Row("*", "metadata.finalizers", "set by the controllers that clean up after the object"
                    + " (HyperShift hypershift.openshift.io/finalizer, assisted-service *." + "agent-install.openshift.io/ai-deprovision"
                    + " and bmac.agent-install.openshift.io/deprovision, baremetal-operator baremetalhost.metal3.io)", ASSISTED
                    + " internal/controller/controllers/*_controller.go; " + HYPERSHIFT),
            new Row("*", "status", "written by the object's controller", K8S));

    /** Annotations written by tools and controllers (exact keys, or prefixes ending in '/'). */
    public static final List<Row> ANNOTATIONS = List.of(
            new Row("*", "kubectl.kubernetes.io/last-applied-configuration", "kubectl apply's record of the last applied"
                    + " object; read for what the first sync would remove, then dropped", K8S
                    + " staging/src/k8s.io/kubectl/pkg/cmd/apply"),
            new Row("*", "argocd.argoproj.io/tracking-id", "Argo CD's resource tracking", "argoproj/argo-cd"),
            new Row("*", "argocd.argoproj.io/sync-wave", "Argo CD sync order; this tool writes its own", "argoproj/argo-cd"),
            new Row("*", "argocd.argoproj.io/sync-options", "Argo CD sync options; this tool writes its own", "argoproj/argo-cd"),
            // hostedsite.dev/release-version stays: it is the only record of the site's release.version, which the
            // import reads back; the render writes it again
            new Row("*", "hostedsite.dev/owner", "this tool's own annotation, written again by the render (its value"
                    + " names the imported site)", "hostedsite"),
            new Row("*", "config.kubernetes.io/", "kpt and kustomize bookkeeping", "kubernetes-sigs/kustomize"),
            new Row("*", "internal.config.kubernetes.io/", "kpt and kustomize bookkeeping", "kubernetes-sigs/kustomize"),
            new Row("*", "config.k8s.io/id", "kpt bookkeeping", "kptdev/kpt"),
            new Row("Namespace", "openshift.io/sa.scc.", "written by OpenShift's namespace SCC allocation controller",
                    "openshift/cluster-policy-controller"),
            new Row("Namespace", "openshift.io/requester", "written by OpenShift when a project is requested",
                    "openshift/openshift-apiserver"),
            new Row("BareMetalHost", "baremetalhost.metal3.io/detached", "written by BMAC (ensureBMHDetached)", BMAC),
            new Row("BareMetalHost", "baremetalhost.metal3.io/status", "written by BMAC (status copy for a spoke)", BMAC),
            new Row("BareMetalHost", "baremetalhost.metal3.io/paused", "written by BMAC while it moves a host", BMAC),
            new Row("BareMetalHost", "inspect.metal3.io/hardwaredetails", "written by BMAC (reconcileAgentInventory)", BMAC),
            new Row("BareMetalHost", "bmac.agent-install.openshift.io/ignition-config-overrides", "written by BMAC"
                    + " (the agent's ignition with the MCS certificate)", BMAC),
            new Row("BareMetalHost", "bmac.agent-install.openshift.io/drain-", "written by BMAC while it drains a node", BMAC),
            new Row("BareMetalHost", "bmac.agent-install.openshift.io/spoke-bmh-machine-created", "written by BMAC", BMAC));

    /** Labels written by tools and controllers (exact keys, or prefixes ending in '/' or '.'). */
    public static final List<Row> LABELS = List.of(
            new Row("*", "app.kubernetes.io/instance", "Argo CD's default tracking label", "argoproj/argo-cd"),
            new Row("Namespace", "kubernetes.io/metadata.name", "written by the API server on every Namespace", K8S
                    + " pkg/registry/core/namespace/strategy.go"),
            new Row("Namespace", "pod-security.kubernetes.io/", "written by OpenShift's pod security label syncer",
                    "openshift/cluster-policy-controller"),
            new Row("Namespace", "olm.operatorgroup.uid/", "written by OLM for the OperatorGroups that target the"
                    + " namespace", "operator-framework/operator-lifecycle-manager"),
            new Row("Namespace", "security.openshift.io/scc.podSecurityLabelSync", "left alone when written by the user;"
                    + " dropped when OpenShift wrote it", "openshift/cluster-policy-controller"));

    /** Fields of spec that controllers write, with the function that writes them. */
    public static final List<Row> SPEC_FIELDS = List.of(
            new Row("BareMetalHost", "spec.image", "the InfraEnv's discovery ISO, written by BMAC (reconcileBMH)", BMAC),
            new Row("BareMetalHost", "spec.customDeploy", "written by BMAC (reconcileBMH: method start_assisted_install)", BMAC),
            new Row("BareMetalHost", "spec.consumerRef", "written by the machine that claims the host", "metal3-io/baremetal-operator"),
            new Row("Namespace", "spec.finalizers", "[kubernetes], written by the API server on create", K8S
                    + " pkg/registry/core/namespace/strategy.go"));

    /**
     * Why a whole object of an export is the platform's, not the user's, or empty: it has a controller
     * {@code ownerReference} (its owner made it: HyperShift's kubeconfig and kubeadmin Secrets, OLM's CSV copies…),
     * it is an Agent (assisted-service makes one per booted host), an Event, a ServiceAccount OpenShift makes in
     * every namespace ({@code default}, {@code builder}, {@code deployer}) or their token and dockercfg Secrets, or
     * the CA ConfigMaps Kubernetes and OpenShift publish into every namespace.
     */
    public static Optional<String> madeByPlatform(JsonNode o) {
        String kind = o.path("kind").asText();
        String name = o.path("metadata").path("name").asText();
        for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return Optional.of("made by its controller, " + ref.path("kind").asText() + " "
                        + ref.path("name").asText() + " (a controller ownerReference): it comes back without being in Git");
            }
        }
        String type = o.path("type").asText();
        return switch (kind) {
            case "Agent" -> Optional.of("made by assisted-service for each host that boots the discovery image ("
                    + ASSISTED + " internal/controller/controllers/agent_controller.go)");
            case "Event" -> Optional.of("an Event, written by the API server's clients");
            case "ServiceAccount" -> List.of("default", "builder", "deployer").contains(name)
                    ? Optional.of("made by Kubernetes/OpenShift in every namespace") : Optional.empty();
            case "Secret" -> type.equals("kubernetes.io/service-account-token") || type.equals("kubernetes.io/dockercfg")
                    && o.path("metadata").path("annotations").has("kubernetes.io/service-account.name")
                    ? Optional.of("a service account's token or registry Secret, made by the platform") : Optional.empty();
            case "ConfigMap" -> name.equals("kube-root-ca.crt") || name.equals("openshift-service-ca.crt")
                    ? Optional.of("published into every namespace by Kubernetes or OpenShift") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** One row: a kind ({@code *} for every kind), a dot path or a key (prefix), why it is not the user's, where from. */
    public record Row(String kind, String key, String why, String source) {
        boolean appliesTo(String objectKind) {
            return kind.equals("*") || kind.equals(objectKind);
        }

        boolean matches(String name) {
            return key.endsWith("/") || key.endsWith(".") || key.endsWith("-") ? name.startsWith(key) : name.equals(key);
        }
    }

    /** The row of {@code rows} for an annotation or label key of an object of {@code kind}, if any. */
    public static Optional<Row> key(List<Row> rows, String kind, String key) {
        return rows.stream().filter(r -> r.appliesTo(kind) && r.matches(key)).findFirst();
    }

    /**
     * A default the API server writes into a field that is absent while its parent object exists (structural
     * schema defaulting): kind, dot path, value, source.
     */
    public record Default(String kind, String path, JsonNode value, String source) {}

    private static final String HC_CRD = HYPERSHIFT + " hostedclusters CRD (fixtures/upstream-schemas/hypershift.openshift.io)";
    private static final String NP_CRD = HYPERSHIFT + " nodepools CRD (fixtures/upstream-schemas/hypershift.openshift.io)";
    private static final String AI_CRD = ASSISTED + " config/crd/bases (fixtures/upstream-schemas/agent-install.openshift.io)";

    /**
     * The defaults, in the order they apply (a parent's before its fields'). CRD rows: every {@code default} of the
     * copied schemas of the adopted kinds outside list items and other platforms' subtrees.
     */
    public static final List<Default> DEFAULTS = List.of(
            new Default("HostedCluster", "spec.additionalTrustBundle.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.auditWebhook.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.autoscaling.scaling", text("ScaleUpAndScaleDown"), HC_CRD),
            new Default("HostedCluster", "spec.capabilities", Yaml.object(), HC_CRD),
            new Default("HostedCluster", "spec.configuration.apiServer.audit", obj("profile", "Default"), HC_CRD),
            new Default("HostedCluster", "spec.configuration.apiServer.audit.profile", text("Default"), HC_CRD),
            new Default("HostedCluster", "spec.controllerAvailabilityPolicy", text("HighlyAvailable"), HC_CRD),
            new Default("HostedCluster", "spec.etcd", etcd(), HC_CRD),
            new Default("HostedCluster", "spec.etcd.managed.storage.persistentVolume.size", text("8Gi"), HC_CRD),
            new Default("HostedCluster", "spec.etcd.unmanaged.tls.clientSecret.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.infrastructureAvailabilityPolicy", text("SingleReplica"), HC_CRD),
            new Default("HostedCluster", "spec.issuerURL", text("https://kubernetes.default.svc"), HC_CRD),
            new Default("HostedCluster", "spec.networking", networking(), HC_CRD),
            new Default("HostedCluster", "spec.networking.clusterNetwork", cidrs("10.132.0.0/14"), HC_CRD),
            new Default("HostedCluster", "spec.networking.networkType", text("OVNKubernetes"), HC_CRD),
            new Default("HostedCluster", "spec.networking.serviceNetwork", cidrs("172.31.0.0/16"), HC_CRD),
            new Default("HostedCluster", "spec.olmCatalogPlacement", text("management"), HC_CRD),
            new Default("HostedCluster", "spec.operatorConfiguration.clusterNetworkOperator.disableMultiNetwork",
                    Yaml.NODES.booleanNode(false), HC_CRD),
            new Default("HostedCluster", "spec.operatorConfiguration.ingressOperator.endpointPublishingStrategy.hostNetwork.httpPort",
                    Yaml.NODES.numberNode(80), HC_CRD),
            new Default("HostedCluster", "spec.operatorConfiguration.ingressOperator.endpointPublishingStrategy.hostNetwork.httpsPort",
                    Yaml.NODES.numberNode(443), HC_CRD),
            new Default("HostedCluster", "spec.operatorConfiguration.ingressOperator.endpointPublishingStrategy.hostNetwork.statsPort",
                    Yaml.NODES.numberNode(1936), HC_CRD),
            new Default("HostedCluster", "spec.operatorConfiguration.ingressOperator.endpointPublishingStrategy.loadBalancer.dnsManagementPolicy",
                    text("Managed"), HC_CRD),
            new Default("HostedCluster", "spec.pullSecret.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.secretEncryption.aescbc.activeKey.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.secretEncryption.aescbc.backupKey.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.secretEncryption.kms.ibmcloud.auth.unmanaged.credentials.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.serviceAccountSigningKey.name", text(""), HC_CRD),
            new Default("HostedCluster", "spec.sshKey.name", text(""), HC_CRD),
            new Default("NodePool", "spec.arch", text("amd64"), NP_CRD),
            new Default("NodePool", "spec.management.autoRepair", Yaml.NODES.booleanNode(false), NP_CRD),
            new Default("NodePool", "spec.management.replace", replace(), NP_CRD),
            new Default("InfraEnv", "spec.agentApproval.autoApprove", Yaml.NODES.booleanNode(false), AI_CRD),
            new Default("InfraEnv", "spec.cpuArchitecture", text("x86_64"), AI_CRD),
            new Default("InfraEnv", "spec.ipxeScriptType", text("DiscoveryImageAlways"), AI_CRD),
            new Default("InfraEnv", "spec.pullSecretRef.name", text(""), AI_CRD),
            new Default("AgentServiceConfig", "spec.OSImageAdditionalParamsRef.name", text(""), AI_CRD),
            new Default("AgentServiceConfig", "spec.OSImageCACertRef.name", text(""), AI_CRD),
            new Default("AgentServiceConfig", "spec.mirrorRegistryRef.name", text(""), AI_CRD),
            new Default("BareMetalHost", "spec.automatedCleaningMode", text("metadata"), Upstreams.METAL3.pin()
                    + " config/base/crds/bases/metal3.io_baremetalhosts.yaml"),
            new Default("MultiClusterEngine", "spec.localClusterName", text("local-cluster"), Upstreams.BACKPLANE_OPERATOR.pin()
                    + " config/crd/bases/multicluster.openshift.io_multiclusterengines.yaml"),
            new Default("MultiClusterEngine", "spec.networkPolicies.enabled", Yaml.NODES.booleanNode(true),
                    Upstreams.BACKPLANE_OPERATOR.pin() + " config/crd/bases/multicluster.openshift.io_multiclusterengines.yaml"),
            new Default("OperatorGroup", "spec", obj("upgradeStrategy", "Default"), OG_CRD()),
            new Default("OperatorGroup", "spec.upgradeStrategy", text("Default"), OG_CRD()),
            new Default("Secret", "type", text("Opaque"), K8S + " pkg/apis/core/v1/defaults.go (SetDefaults_Secret)"));

    /**
     * A field whose removal by the first sync changes nothing a controller reads: the hub's value (defaults applied, as
     * {@link AdoptionCheck} compares) reads the same as the field's absence. Kind, dot path, the hub's value, why, and
     * the upstream source.
     */
    public record NoEffectRemoval(String kind, String path, JsonNode value, String why, String source) {}

    private static final String HC_TYPES = HYPERSHIFT + " api/hypershift/v1beta1/hostedcluster_types.go";
    private static final String NP_TYPES = HYPERSHIFT + " api/hypershift/v1beta1/nodepool_types.go";

    /**
     * The one table of removals with no effect: values {@code hcp create cluster --render} writes and oc apply records
     * in the last-applied configuration, which the render leaves out, so kubectl's three-way merge removes them.
     * AdoptionCheck reports such a removal as "no effect: the value equals the API's default", not as a difference.
     */
    public static final List<NoEffectRemoval> NO_EFFECT_REMOVALS = List.of(
            new NoEffectRemoval("HostedCluster", "spec.autoscaling", obj("scaling", "ScaleUpAndScaleDown"),
                    "autoscaling: {} (scaling defaulted to ScaleUpAndScaleDown, no other field): HostedClusterSpec.Autoscaling"
                    + " is a ClusterAutoscaling struct, not a pointer, so absent and {} decode to the same value, and"
                    + " scaling ScaleUpAndScaleDown without scaleDown gives the cluster autoscaler the same arguments as an"
                    + " unset scaling (autoscalerArgs)", HC_TYPES + " (HostedClusterSpec.Autoscaling, ClusterAutoscaling);"
                    + " control-plane-operator/controllers/hostedcontrolplane/v2/autoscaler/deployment.go (autoscalerArgs)"),
            new NoEffectRemoval("NodePool", "spec.nodeVolumeDetachTimeout", text("0s"),
                    "a zero duration: the field's documented default, \"The default value is 0, meaning that the volumes"
                    + " will be detached from the node without any time limitations\"", NP_TYPES
                    + " (NodePoolSpec.NodeVolumeDetachTimeout)"));

    /** The row of {@link #NO_EFFECT_REMOVALS} for removing {@code value} at {@code path} of a {@code kind}, if any. */
    public static Optional<NoEffectRemoval> noEffectRemoval(String kind, String path, JsonNode value) {
        return NO_EFFECT_REMOVALS.stream().filter(r -> r.kind().equals(kind) && r.path().equals(path)
                && r.value().equals(value)).findFirst();
    }

    private static String OG_CRD() {
        return Upstreams.OLM_API.pin() + " crds/operators.coreos.com_operatorgroups.yaml";
    }

    /** A copy of {@code object} with every {@link #DEFAULTS} row of its kind written where absent (parent present). */
    public static ObjectNode withDefaults(ObjectNode object) {
        ObjectNode out = object.deepCopy();
        String kind = object.path("kind").asText();
        List<Default> rows = new ArrayList<>(DEFAULTS.stream().filter(d -> d.kind().equals(kind)).toList());
        rows.sort(Comparator.comparingInt(d -> d.path().split("\\.").length));
        for (Default d : rows) {
            String[] parts = d.path().split("\\.");
            JsonNode parent = out;
            for (int i = 0; i < parts.length - 1 && parent != null; i++) {
                parent = parent.get(parts[i]);
            }
            if (parent instanceof ObjectNode p && !p.has(parts[parts.length - 1])) {
                p.set(parts[parts.length - 1], d.value().deepCopy());
            }
        }
        return out;
    }

    /** True when {@code object} holds, at the dot path {@code path}, the default the API server writes there. */
    public static boolean isDefault(JsonNode object, String path) {
        String kind = object.path("kind").asText();
        JsonNode v = object;
        for (String part : path.split("\\.")) {
            v = v.path(part);
        }
        JsonNode value = v;
        return DEFAULTS.stream().anyMatch(d -> d.kind().equals(kind) && d.path().equals(path) && d.value().equals(value));
    }

    private static JsonNode text(String s) {
        return Yaml.NODES.textNode(s);
    }

    private static ObjectNode obj(String k, String v) {
        return Yaml.object().put(k, v);
    }

    private static ArrayNode cidrs(String cidr) {
        ArrayNode list = Yaml.NODES.arrayNode();
        list.addObject().put("cidr", cidr);
        return list;
    }

    private static ObjectNode etcd() {
        ObjectNode e = Yaml.object();
        ObjectNode storage = e.putObject("managed").putObject("storage");
        storage.putObject("persistentVolume").put("size", "8Gi");
        storage.put("type", "PersistentVolume");
        e.put("managementType", "Managed");
        return e;
    }

    private static ObjectNode networking() {
        ObjectNode n = Yaml.object();
        n.set("clusterNetwork", cidrs("10.132.0.0/14"));
        n.put("networkType", "OVNKubernetes");
        n.set("serviceNetwork", cidrs("172.31.0.0/16"));
        return n;
    }

    private static ObjectNode replace() {
        ObjectNode r = Yaml.object();
        r.putObject("rollingUpdate").put("maxSurge", 1).put("maxUnavailable", 0);
        r.put("strategy", "RollingUpdate");
        return r;
    }
}
