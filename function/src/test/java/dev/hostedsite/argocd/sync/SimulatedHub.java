package dev.hostedsite.argocd.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hub cluster in memory: its objects, the API groups whose CRDs are installed, and simulated controllers
 * that, one {@link #tick} at a time, write the status fields the real controllers write, each only once what
 * it needs exists or is Healthy ({@link dev.hostedsite.graph.ReadinessModel}). One tick advances each object
 * by at most one step, so an object is never ready in the tick it is created.
 *
 * <p>Controllers and what they write:
 * <ul>
 *   <li>CatalogSource (operator-framework/operator-lifecycle-manager pkg/controller/operators/catalog/operator.go,
 *       syncRegistryServer and syncConnection): needs the hub to pull its index image from the mirror: the
 *       rendered mirror sets (ImageDigestMirrorSet, ImageTagMirrorSet) and the {@code cluster} Image config
 *       whose {@code additionalTrustedCA} ConfigMap exists in {@code openshift-config}; then
 *       {@code status.connectionState.lastObservedState} CONNECTING, then READY. Without them the registry pod
 *       cannot pull: TRANSIENT_FAILURE.</li>
 *   <li>OperatorGroup (OLM pkg/controller/operators/olm/operatorgroup.go): {@code status.namespaces}, its
 *       {@code spec.targetNamespaces} or {@code [""]} (all namespaces).</li>
 *   <li>Subscription (OLM catalog operator, syncResolvingNamespace and ensureSubscriptionCSVState): while its
 *       CatalogSource is not READY, {@code CatalogSourcesUnhealthy=True}; then {@code CatalogSourcesUnhealthy=False},
 *       {@code state: UpgradePending}, {@code currentCSV} and an {@code installPlanRef}; then
 *       {@code state: AtLatestKnown} and {@code installedCSV}. The InstallPlan installs the package's CRD groups
 *       (multicluster-engine: {@code multicluster.openshift.io}; metallb-operator: {@code metallb.io}); the
 *       operator itself runs only when its namespace has exactly one OperatorGroup (else its CSV fails with
 *       NoOperatorGroup or TooManyOperatorGroups, which the Subscription does not show).</li>
 *   <li>MetalLB (metallb/metallb-operator controllers/metallb_controller.go, pkg/status/status.go): needs the
 *       metallb-operator running; a CR not named {@code metallb} gets {@code Degraded=True}
 *       (IncorrectMetalLBResourceName); else {@code Progressing=True}, then {@code Available=True}.</li>
 *   <li>IPAddressPool and L2Advertisement: no status; the MetalLB controller and speakers act on them once the
 *       MetalLB is Available (see HostedCluster).</li>
 *   <li>MultiClusterEngine (stolostron/backplane-operator): needs the multicluster-engine operator running;
 *       {@code status.phase} Progressing, then Available;
 *       Available installs the {@code hypershift.openshift.io} and {@code agent-install.openshift.io} CRDs.</li>
 *   <li>ExternalSecret (external-secrets): creates its target Secret, {@code Ready=True}.</li>
 *   <li>AgentServiceConfig (openshift/assisted-service agentserviceconfig_controller.go): needs the MCE
 *       Available and its {@code mirrorRegistryRef} ConfigMap; {@code ReconcileCompleted=True}, then
 *       {@code DeploymentsHealthy=True}.</li>
 *   <li>HostedCluster (openshift/hypershift hostedcluster_controller.go): needs the MCE Available and the
 *       Secrets and ConfigMap it names; with its APIServer published as a LoadBalancer on a hub whose MetalLB
 *       the render manages, also the MetalLB Available and an L2Advertisement announcing an existing pool
 *       (the kube-apiserver Service's address; else {@code Available=False}, reason WaitingForLoadBalancer); {@code Available=False}, then {@code Available=True} with
 *       {@code controlPlaneEndpoint} and a {@code Partial} version; {@code Completed} once every NodePool of
 *       the cluster has its replicas (the cluster version operator needs workers).</li>
 *   <li>InfraEnv (assisted-service infraenv_controller.go): needs the AgentServiceConfig Healthy and its pull
 *       secret; {@code ImageCreated=True} and {@code status.isoDownloadURL}.</li>
 *   <li>BareMetalHost (metal3-io/baremetal-operator and assisted-service bmh_agent_controller.go): needs its
 *       BMC Secret (else {@code operationalStatus: error}); registering → available; when its InfraEnv has an
 *       ISO URL, BMAC sets {@code spec.image} (live-iso), then provisioning → provisioned, and the booted host
 *       registers an Agent (labels from {@code bmac.agent-install.openshift.io.agent-label.*}, approved); an Agent
 *       whose NodePool is gone is released for another pool. Deleting a BareMetalHost leaves its Agent. Once
 *       its Agent installs, BMAC sets the {@code baremetalhost.metal3.io/detached} annotation and the host
 *       reports {@code operationalStatus: detached}.</li>
 *   <li>NodePool (openshift/hypershift nodepool controller, openshift/cluster-api-provider-agent): needs its
 *       HostedCluster Available; binds approved, unbound Agents matching {@code agentLabelSelector} in the
 *       cluster's agent namespace up to {@code spec.replicas} (an autoscaled pool: {@code spec.autoScaling.min}) (and unbinds extras), a bound Agent installs over
 *       two ticks; {@code status.replicas} counts installed ones, {@code Ready} when it reaches spec.</li>
 *   <li>LVMCluster and SealedSecret: {@link PassthroughControllers}.</li>
 *   <li>Deletion: an object marked for deletion goes at the next tick; a Namespace takes every object in it
 *       along (kube-controller-manager's namespace controller), whatever their sync options say.</li>
 * </ul>
 */
final class SimulatedHub {
    static final String AGENT_LABEL_PREFIX = "bmac.agent-install.openshift.io.agent-label.";
    static final String DETACHED = "baremetalhost.metal3.io/detached";
    static final String INFRAENV_LABEL = "infraenvs.agent-install.openshift.io";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * API groups whose CRDs a hub has before any sync: OpenShift's own, OLM, metal3, ESO, Sealed Secrets, storage. The CRDs of
     * {@code multicluster.openshift.io} and {@code metallb.io} come with their operator's CSV: from a
     * Subscription of the render, or {@link #installedByHand}.
     */
    static final Set<String> PREINSTALLED_GROUPS = Set.of("", "rbac.authorization.k8s.io", "config.openshift.io",
            "operators.coreos.com", "metal3.io", "external-secrets.io", "storage.k8s.io", "bitnami.com");

    /**
     * The CRD groups each modelled package's CSV installs: stolostron/backplane-operator
     * {@code bundle/manifests} (multiclusterengines.multicluster.openshift.io) and metallb/metallb-operator
     * {@code bundle/manifests} (metallb.io_*.yaml), openshift/lvm-operator {@code bundle/manifests}
     * (lvm.topolvm.io_lvmclusters.yaml). Other packages install nothing the render uses.
     */
    static final Map<String, String> CSV_GROUPS = Map.of("multicluster-engine", "multicluster.openshift.io",
            "metallb-operator", "metallb.io", "lvms-operator", PassthroughControllers.LVM_GROUP);

    private final Map<ObjectKey, ObjectNode> objects = new TreeMap<>();
    private final Set<String> groups = new TreeSet<>(PREINSTALLED_GROUPS);
    private final List<String> events = new ArrayList<>();
    /** OLM packages whose operator runs (CSV installed under one OperatorGroup, or installed by hand). */
    private final Set<String> operators = new TreeSet<>();
    /** Whether the API load balancer comes from outside the render (no MetalLB of ours). */
    private boolean loadBalancerByHand;
    private int ticks;

    /** Thrown by {@link #apply} as the API server would refuse the request. */
    static final class ApiError extends RuntimeException {
        ApiError(String message) {
            super(message);
        }
    }

    boolean hasApi(String group) {
        return groups.contains(group);
    }

    ObjectNode get(ObjectKey key) {
        return objects.get(key);
    }

    List<ObjectNode> all() {
        return List.copyOf(objects.values());
    }

    List<String> events() {
        return events;
    }

    int ticks() {
        return ticks;
    }

    /**
     * An operator installed outside this Application, as the render's warning tells the user (no catalog lists
     * multicluster-engine): its CRDs exist and it runs from the start.
     */
    void installedByHand(String pkg) {
        operators.add(pkg);
        if (CSV_GROUPS.containsKey(pkg)) {
            groups.add(CSV_GROUPS.get(pkg));
        }
    }

    /**
     * An ACM hub: ACM's MultiClusterHub installs the {@code agent.open-cluster-management.io} CRDs
     * (stolostron/klusterlet-addon-controller's KlusterletAddonConfig), which a multicluster engine alone lacks.
     */
    void acmInstalled() {
        groups.add("agent.open-cluster-management.io");
    }

    /** A hub whose LoadBalancer Services get addresses from something the render does not manage. */
    void loadBalancerByHand() {
        loadBalancerByHand = true;
    }

    /** Whether the operator of an OLM package runs (its CSV installed under one OperatorGroup, or by hand). */
    boolean operatorRuns(String pkg) {
        return operators.contains(pkg);
    }

    /** An object a simulated controller creates (a Secret it unseals, a StorageClass it makes), with an event. */
    void create(ObjectNode o) {
        if (!objects.containsKey(ObjectKey.of(o))) {
            objects.put(ObjectKey.of(o), o);
            events.add("tick " + ticks + ": " + describe(ObjectKey.of(o)) + " created by its controller");
        }
    }

    /** Puts an object that exists on the hub from outside (a Namespace of the platform, an external Secret). */
    void preexisting(ObjectNode o) {
        objects.put(ObjectKey.of(o), o.deepCopy());
    }

    /**
     * {@code kubectl apply}: creates or updates the object, keeping its status and what controllers set
     * (BMAC's {@code spec.image} and detached annotation, which the Application ignores).
     *
     * @throws ApiError when the kind's CRD is not installed or the namespace does not exist
     */
    void apply(ObjectNode desired) {
        ObjectKey key = ObjectKey.of(desired);
        if (!hasApi(key.group())) {
            throw new ApiError("the server could not find the requested resource (" + key.group() + "/" + key.kind() + ")");
        }
        if (key.namespace() != null && !objects.containsKey(ObjectKey.core("Namespace", null, key.namespace()))) {
            throw new ApiError("namespaces \"" + key.namespace() + "\" not found");
        }
        ObjectNode live = desired.deepCopy();
        ObjectNode old = objects.get(key);
        if (old != null) {
            if (old.has("status")) {
                live.set("status", old.get("status").deepCopy());
            }
            JsonNode image = old.path("spec").path("image");
            if (!image.isMissingNode()) {
                ((ObjectNode) live.with("spec")).set("image", image.deepCopy());
            }
            JsonNode detached = old.path("metadata").path("annotations").path(DETACHED);
            if (!detached.isMissingNode()) {
                live.with("metadata").with("annotations").set(DETACHED, detached.deepCopy());
            }
        }
        objects.put(key, live);
        events.add("tick " + ticks + ": applied " + describe(key));
    }

    /** {@code kubectl delete} (foreground): marks the object; it goes at the next tick. */
    void delete(ObjectKey key) {
        ObjectNode live = objects.get(key);
        if (live != null && !live.path("metadata").has("deletionTimestamp")) {
            live.with("metadata").put("deletionTimestamp", "tick-" + ticks);
            events.add("tick " + ticks + ": deleting " + describe(key));
        }
    }

    static String describe(ObjectKey k) {
        return k.kind() + " " + (k.namespace() == null ? "" : k.namespace() + "/") + k.name();
    }

    /** One round of every controller, on a snapshot of the objects. */
    void tick() {
        ticks++;
        finishDeletions();
        for (ObjectNode o : List.copyOf(objects.values())) {
            if (o.path("metadata").has("deletionTimestamp")) {
                continue;
            }
            switch (o.path("kind").asText()) {
                case "CatalogSource" -> catalogSource(o);
                case "OperatorGroup" -> operatorGroup(o);
                case "Subscription" -> subscription(o);
                case "MetalLB" -> metalLb(o);
                case "MultiClusterEngine" -> multiClusterEngine(o);
                case "ExternalSecret" -> externalSecret(o);
                case "AgentServiceConfig" -> agentServiceConfig(o);
                case "HostedCluster" -> hostedCluster(o);
                case "InfraEnv" -> infraEnv(o);
                case "BareMetalHost" -> bareMetalHost(o);
                case "NodePool" -> nodePool(o);
                case "Agent" -> agent(o);
                case "ManagedCluster" -> managedCluster(o);
                default -> PassthroughControllers.reconcile(this, o);
            }
        }
    }

    private void finishDeletions() {
        for (ObjectNode o : List.copyOf(objects.values())) {
            if (!o.path("metadata").has("deletionTimestamp")) {
                continue;
            }
            ObjectKey key = ObjectKey.of(o);
            objects.remove(key);
            events.add("tick " + ticks + ": deleted " + describe(key));
            if (key.kind().equals("Namespace")) {
                objects.keySet().removeIf(k -> {
                    boolean inside = key.name().equals(k.namespace());
                    if (inside) {
                        events.add("tick " + ticks + ": deleted " + describe(k) + " with its namespace");
                    }
                    return inside;
                });
            }
        }
    }

    // ---- controllers ----

    private void catalogSource(ObjectNode cs) {
        ObjectNode connection = cs.with("status").with("connectionState");
        String state = connection.path("lastObservedState").asText("");
        if (state.equals("READY")) {
            return;
        }
        boolean pullable = !ofKind("ImageDigestMirrorSet").isEmpty() || !ofKind("ImageTagMirrorSet").isEmpty();
        ObjectNode image = objects.get(new ObjectKey("config.openshift.io", "Image", null, "cluster"));
        String ca = image == null ? null : image.path("spec").path("additionalTrustedCA").path("name").asText(null);
        pullable &= ca != null && objects.containsKey(ObjectKey.core("ConfigMap", "openshift-config", ca));
        if (!pullable) {
            connection.put("lastObservedState", "TRANSIENT_FAILURE");
        } else {
            connection.put("lastObservedState", state.equals("CONNECTING") ? "READY" : "CONNECTING");
        }
        connection.put("address", ObjectKey.of(cs).name() + "." + ObjectKey.of(cs).namespace() + ".svc:50051");
    }

    private void operatorGroup(ObjectNode og) {
        if (og.path("status").has("namespaces")) {
            return;
        }
        ArrayNode namespaces = og.with("status").putArray("namespaces");
        JsonNode targets = og.path("spec").path("targetNamespaces");
        if (targets.isArray() && !targets.isEmpty()) {
            targets.forEach(t -> namespaces.add(t.asText()));
        } else {
            namespaces.add("");
        }
    }

    private void subscription(ObjectNode sub) {
        ObjectKey k = ObjectKey.of(sub);
        JsonNode spec = sub.path("spec");
        ObjectNode status = sub.with("status");
        String state = status.path("state").asText("");
        if (state.equals("AtLatestKnown")) {
            return;
        }
        ObjectNode catalog = objects.get(new ObjectKey("operators.coreos.com", "CatalogSource",
                spec.path("sourceNamespace").asText(k.namespace()), spec.path("source").asText()));
        if (catalog == null || !catalog.path("status").path("connectionState").path("lastObservedState").asText().equals("READY")) {
            setCondition(sub, "CatalogSourcesUnhealthy", "True", "UnhealthyCatalogSourceFound",
                    "targeted catalogsource " + spec.path("source").asText() + " unhealthy");
            return;
        }
        setCondition(sub, "CatalogSourcesUnhealthy", "False", "AllCatalogSourcesHealthy", "all available catalogsources are healthy");
        String pkg = spec.path("name").asText();
        String csv = pkg + ".v0.0.0-simulated";
        if (state.isEmpty()) {
            status.put("state", "UpgradePending").put("currentCSV", csv);
            status.putObject("installPlanRef").put("kind", "InstallPlan").put("name", "install-" + pkg)
                    .put("namespace", k.namespace());
            return;
        }
        status.put("state", "AtLatestKnown").put("installedCSV", csv);
        if (CSV_GROUPS.containsKey(pkg)) {
            groups.add(CSV_GROUPS.get(pkg));
        }
        long operatorGroups = ofKind("OperatorGroup").stream().filter(og -> k.namespace().equals(ObjectKey.of(og).namespace())).count();
        if (operatorGroups == 1) {
            operators.add(pkg);
            events.add("tick " + ticks + ": installed operator " + pkg);
        } else {
            events.add("tick " + ticks + ": CSV " + csv + " failed: " + (operatorGroups == 0 ? "NoOperatorGroup" : "TooManyOperatorGroups"));
        }
    }

    private void metalLb(ObjectNode metallb) {
        if (!operators.contains("metallb-operator") || conditionTrue(metallb, "Available")) {
            return;
        }
        if (!ObjectKey.of(metallb).name().equals("metallb")) {
            setCondition(metallb, "Degraded", "True", "IncorrectMetalLBResourceName", "MetalLB resource name must be metallb");
            return;
        }
        boolean progressing = conditionTrue(metallb, "Progressing");
        setCondition(metallb, "Available", progressing ? "True" : "False", progressing ? "Available" : "Progressing", "");
        setCondition(metallb, "Progressing", progressing ? "False" : "True", "Progressing", "");
        setCondition(metallb, "Degraded", "False", "Degraded", "");
    }

    /** Why the API Service of a LoadBalancer-published cluster has no reachable address yet, or null. */
    private String loadBalancerMissing(JsonNode hc) {
        boolean lb = false;
        for (JsonNode s : hc.path("spec").path("services")) {
            lb |= s.path("service").asText().equals("APIServer")
                    && s.path("servicePublishingStrategy").path("type").asText().equals("LoadBalancer");
        }
        if (!lb || loadBalancerByHand) {
            return null;
        }
        ObjectNode metallb = first("MetalLB");
        if (metallb == null || !conditionTrue(metallb, "Available")) {
            return "MetalLB is not available";
        }
        for (ObjectNode adv : ofKind("L2Advertisement")) {
            String ns = ObjectKey.of(adv).namespace();
            for (JsonNode pool : adv.path("spec").path("ipAddressPools")) {
                if (objects.containsKey(new ObjectKey("metallb.io", "IPAddressPool", ns, pool.asText()))) {
                    return null;
                }
            }
        }
        return "no L2Advertisement announces an IPAddressPool";
    }

    private void multiClusterEngine(ObjectNode mce) {
        if (!operators.contains("multicluster-engine")) {
            return;
        }
        String phase = mce.path("status").path("phase").asText("");
        if (phase.isEmpty()) {
            mce.with("status").put("phase", "Progressing");
        } else if (phase.equals("Progressing")) {
            mce.with("status").put("phase", "Available");
            groups.add("hypershift.openshift.io");
            groups.add("agent-install.openshift.io");
            // The MCE's cluster-manager component installs the registration CRDs (ManagedCluster).
            groups.add("cluster.open-cluster-management.io");
        }
    }

    private void externalSecret(ObjectNode es) {
        if (conditionTrue(es, "Ready")) {
            return;
        }
        ObjectKey k = ObjectKey.of(es);
        String target = es.path("spec").path("target").path("name").asText(k.name());
        ObjectNode secret = JSON.objectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.with("metadata").put("name", target).put("namespace", k.namespace());
        objects.put(ObjectKey.of(secret), secret);
        setCondition(es, "Ready", "True", "SecretSynced", "Secret was synced");
    }

    private void agentServiceConfig(ObjectNode asc) {
        ObjectNode mce = first("MultiClusterEngine");
        if (mce == null || !mce.path("status").path("phase").asText().equals("Available")) {
            return;
        }
        String mirrors = asc.path("spec").path("mirrorRegistryRef").path("name").asText(null);
        String ns = mce.path("spec").path("targetNamespace").asText("multicluster-engine");
        if (mirrors != null && !objects.containsKey(ObjectKey.core("ConfigMap", ns, mirrors))) {
            setCondition(asc, "ReconcileCompleted", "False", "ConfigFailure", "ConfigMap " + ns + "/" + mirrors + " not found");
            return;
        }
        if (!conditionTrue(asc, "ReconcileCompleted")) {
            setCondition(asc, "ReconcileCompleted", "True", "ReconcileSucceeded", "Reconcile succeeded");
            setCondition(asc, "DeploymentsHealthy", "False", "DeploymentFailure", "assisted-service is starting");
        } else {
            setCondition(asc, "DeploymentsHealthy", "True", "DeploymentSucceeded", "All the deployments are healthy");
        }
    }

    private void hostedCluster(ObjectNode hc) {
        ObjectKey k = ObjectKey.of(hc);
        ObjectNode mce = first("MultiClusterEngine");
        if (mce == null || !mce.path("status").path("phase").asText().equals("Available")) {
            return;
        }
        JsonNode spec = hc.path("spec");
        List<ObjectKey> needs = new ArrayList<>();
        for (JsonNode ref : List.of(spec.path("pullSecret"), spec.path("sshKey"),
                spec.path("secretEncryption").path("aescbc").path("activeKey"))) {
            if (ref.has("name")) {
                needs.add(ObjectKey.core("Secret", k.namespace(), ref.path("name").asText()));
            }
        }
        if (spec.path("additionalTrustBundle").has("name")) {
            needs.add(ObjectKey.core("ConfigMap", k.namespace(), spec.path("additionalTrustBundle").path("name").asText()));
        }
        List<ObjectKey> missing = needs.stream().filter(n -> !objects.containsKey(n)).toList();
        String version = "4.x";
        if (!missing.isEmpty()) {
            setCondition(hc, "Available", "False", "WaitingForAvailable", "missing " + missing);
            return;
        }
        String noAddress = loadBalancerMissing(hc);
        if (noAddress != null && !conditionTrue(hc, "Available")) {
            setCondition(hc, "Available", "False", "WaitingForLoadBalancer",
                    "APIServer load balancer is not provisioned: " + noAddress);
            return;
        }
        ObjectNode status = hc.with("status");
        if (!status.has("version")) {
            setCondition(hc, "Available", "False", "WaitingForAvailable", "Waiting for hosted control plane to be healthy");
            setCondition(hc, "Progressing", "True", "AsExpected", "HostedCluster is deploying");
            ObjectNode v = status.putObject("version");
            v.putArray("history").addObject().put("state", "Partial").put("version", version);
            return;
        }
        if (!conditionTrue(hc, "Available")) {
            setCondition(hc, "Available", "True", "AsExpected", "The hosted control plane is available");
            status.putObject("controlPlaneEndpoint").put("host", "api." + k.name()).put("port", 6443);
            return;
        }
        boolean workersReady = false;
        for (ObjectNode np : ofKind("NodePool")) {
            ObjectKey pk = ObjectKey.of(np);
            if (k.namespace().equals(pk.namespace()) && k.name().equals(np.path("spec").path("clusterName").asText())) {
                int want = desiredReplicas(np);
                int have = np.path("status").path("replicas").asInt(0);
                if (have < want) {
                    return;
                }
                workersReady |= have > 0;
            }
        }
        ObjectNode latest = (ObjectNode) status.path("version").path("history").get(0);
        if (workersReady && !latest.path("state").asText().equals("Completed")) {
            latest.put("state", "Completed");
            setCondition(hc, "Progressing", "False", "AsExpected", "HostedCluster is at expected version");
        }
    }

    private void infraEnv(ObjectNode ie) {
        if (conditionTrue(ie, "ImageCreated")) {
            return;
        }
        ObjectNode asc = first("AgentServiceConfig");
        if (asc == null || !conditionTrue(asc, "DeploymentsHealthy")) {
            return;
        }
        ObjectKey k = ObjectKey.of(ie);
        String pull = ie.path("spec").path("pullSecretRef").path("name").asText();
        if (!objects.containsKey(ObjectKey.core("Secret", k.namespace(), pull))) {
            setCondition(ie, "ImageCreated", "False", "ImageCreationError", "pull secret " + pull + " not found");
            return;
        }
        setCondition(ie, "ImageCreated", "True", "ImageCreated", "Image has been created");
        ie.with("status").put("isoDownloadURL", "https://assisted-image-service/images/" + k.name() + ".iso");
    }

    private void bareMetalHost(ObjectNode bmh) {
        ObjectKey k = ObjectKey.of(bmh);
        ObjectNode status = bmh.with("status");
        String state = status.path("provisioning").path("state").asText("");
        String credentials = bmh.path("spec").path("bmc").path("credentialsName").asText();
        if (!objects.containsKey(ObjectKey.core("Secret", k.namespace(), credentials))) {
            status.with("provisioning").put("state", state.isEmpty() ? "registering" : state);
            status.put("operationalStatus", "error").put("errorType", "registration error")
                    .put("errorMessage", "failed to read BMC credentials " + credentials);
            return;
        }
        if (status.path("operationalStatus").asText().equals("error")) {
            status.put("operationalStatus", "OK").remove(List.of("errorType", "errorMessage"));
        }
        if (bmh.path("metadata").path("annotations").has(DETACHED)) {
            status.put("operationalStatus", "detached");
            return;
        }
        switch (state) {
            case "" -> {
                status.with("provisioning").put("state", "registering");
                status.put("operationalStatus", "OK");
            }
            case "registering" -> status.with("provisioning").put("state", "available");
            case "available" -> {
                ObjectNode ie = infraEnvOf(bmh);
                String url = ie == null ? "" : ie.path("status").path("isoDownloadURL").asText("");
                if (!url.isEmpty()) {
                    bmh.with("spec").putObject("image").put("url", url).put("format", "live-iso");
                    status.with("provisioning").put("state", "provisioning");
                }
            }
            case "provisioning" -> {
                status.with("provisioning").put("state", "provisioned");
                registerAgent(bmh);
            }
            case "provisioned" -> {
                ObjectNode agent = objects.get(new ObjectKey("agent-install.openshift.io", "Agent", k.namespace(), k.name()));
                if (agent != null && agent.path("status").has("installation")) {
                    bmh.with("metadata").with("annotations").put(DETACHED, "true");
                }
            }
            default -> { }
        }
    }

    private void registerAgent(ObjectNode bmh) {
        ObjectKey k = ObjectKey.of(bmh);
        ObjectNode agent = JSON.objectNode().put("apiVersion", "agent-install.openshift.io/v1beta1").put("kind", "Agent");
        ObjectNode meta = agent.putObject("metadata").put("name", k.name()).put("namespace", k.namespace());
        ObjectNode labels = meta.putObject("labels");
        bmh.path("metadata").path("annotations").properties().forEach(a -> {
            if (a.getKey().startsWith(AGENT_LABEL_PREFIX)) {
                labels.put(a.getKey().substring(AGENT_LABEL_PREFIX.length()), a.getValue().asText());
            }
        });
        labels.put("agent-install.openshift.io/bmh", k.name());
        // assisted-service labels every Agent with the InfraEnv it booted from (the BareMetalHost's InfraEnv label).
        String infraEnv = bmh.path("metadata").path("labels").path(INFRAENV_LABEL).asText(null);
        if (infraEnv != null) {
            labels.put(INFRAENV_LABEL, infraEnv);
        }
        agent.putObject("spec").put("approved", true);
        objects.put(ObjectKey.of(agent), agent);
        events.add("tick " + ticks + ": registered " + describe(ObjectKey.of(agent)));
    }

    /**
     * The nodes a NodePool asks for: {@code spec.replicas}, or for an autoscaled pool {@code spec.autoScaling.min},
     * where HyperShift starts the MachineDeployment and the cluster autoscaler keeps it while no pod is pending
     * (hypershift-operator/controllers/nodepool/capi.go {@code setMachineDeploymentReplicas}).
     */
    static int desiredReplicas(JsonNode np) {
        JsonNode spec = np.path("spec");
        return spec.has("replicas") ? spec.path("replicas").asInt(0) : spec.path("autoScaling").path("min").asInt(0);
    }

    private void nodePool(ObjectNode np) {
        ObjectKey k = ObjectKey.of(np);
        String cluster = np.path("spec").path("clusterName").asText();
        ObjectNode hc = objects.get(new ObjectKey("hypershift.openshift.io", "HostedCluster", k.namespace(), cluster));
        ObjectNode status = np.with("status");
        if (hc == null || !conditionTrue(hc, "Available")) {
            setCondition(np, "Ready", "False", "WaitingForHostedCluster", "HostedCluster " + cluster + " is not available");
            status.put("replicas", 0);
            return;
        }
        setCondition(np, "ValidReleaseImage", "True", "AsExpected", "Using release image");
        String agentNamespace = hc.path("spec").path("platform").path("agent").path("agentNamespace").asText();
        JsonNode selector = np.path("spec").path("platform").path("agent").path("agentLabelSelector").path("matchLabels");
        String owner = k.namespace() + "/" + k.name();
        int want = desiredReplicas(np);
        List<ObjectNode> bound = new ArrayList<>();
        List<ObjectNode> free = new ArrayList<>();
        for (ObjectNode agent : ofKind("Agent")) {
            if (!agentNamespace.equals(ObjectKey.of(agent).namespace()) || !matches(agent, selector)) {
                continue;
            }
            String boundTo = agent.path("spec").path("boundTo").asText("");
            if (boundTo.equals(owner)) {
                bound.add(agent);
            } else if (boundTo.isEmpty() && agent.path("spec").path("approved").asBoolean()) {
                free.add(agent);
            }
        }
        while (bound.size() < want && !free.isEmpty()) {
            ObjectNode agent = free.remove(0);
            ((ObjectNode) agent.get("spec")).put("boundTo", owner);
            bound.add(agent);
        }
        while (bound.size() > want) {
            ObjectNode agent = bound.remove(bound.size() - 1);
            ((ObjectNode) agent.get("spec")).remove("boundTo");
            ((ObjectNode) agent.with("status")).remove("installation");
        }
        int ready = (int) bound.stream().filter(a -> a.path("status").path("installation").asText().equals("Installed")).count();
        status.put("replicas", ready);
        String counts = ready + " of " + want + " machines are ready";
        setCondition(np, "AllMachinesReady", ready >= want ? "True" : "False", ready >= want ? "AsExpected" : "Provisioning", counts);
        setCondition(np, "Ready", ready >= want ? "True" : "False", ready >= want ? "AsExpected" : "WaitingForNodes", counts);
    }

    private void agent(ObjectNode agent) {
        String boundTo = agent.path("spec").path("boundTo").asText("");
        if (boundTo.isEmpty()) {
            return;
        }
        String[] pool = boundTo.split("/");
        if (!objects.containsKey(new ObjectKey("hypershift.openshift.io", "NodePool", pool[0], pool[1]))) {
            // The pool's machines are gone: the Agent is released (assisted-service agent_reclaimer.go
            // reboots it into discovery) and may be bound again.
            ((ObjectNode) agent.get("spec")).remove("boundTo");
            agent.with("status").remove("installation");
            return;
        }
        String installation = agent.path("status").path("installation").asText("");
        if (installation.isEmpty()) {
            agent.with("status").put("installation", "InstallationInProgress");
        } else if (installation.equals("InstallationInProgress")) {
            agent.with("status").put("installation", "Installed");
        }
    }

    // ---- helpers ----

    private ObjectNode infraEnvOf(ObjectNode bmh) {
        String name = bmh.path("metadata").path("labels").path(INFRAENV_LABEL).asText(null);
        return name == null ? null
                : objects.get(new ObjectKey("agent-install.openshift.io", "InfraEnv", ObjectKey.of(bmh).namespace(), name));
    }

    private static boolean matches(JsonNode o, JsonNode matchLabels) {
        for (Map.Entry<String, JsonNode> l : matchLabels.properties()) {
            if (!l.getValue().asText().equals(o.path("metadata").path("labels").path(l.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private List<ObjectNode> ofKind(String kind) {
        return objects.values().stream().filter(o -> o.path("kind").asText().equals(kind)
                && !o.path("metadata").has("deletionTimestamp")).toList();
    }

    /**
     * ACM registration of a hosted cluster in Hosted klusterlet mode, reduced to its visible steps: once the
     * HostedCluster of the same name is Available (stolostron/hypershift-addon-operator pkg/agent writes the
     * external-managed-kubeconfig then), the hub accepts the cluster and creates its cluster namespace
     * (open-cluster-management-io/ocm pkg/registration/hub), the klusterlet on the hosting cluster joins, then
     * reports the cluster available. Left out: CSRs, leases, add-ons, the KlusterletAddonConfig's controller.
     */
    private void managedCluster(ObjectNode mc) {
        String name = mc.path("metadata").path("name").asText();
        boolean hosted = "Hosted".equals(mc.path("metadata").path("annotations")
                .path("import.open-cluster-management.io/klusterlet-deploy-mode").asText());
        boolean controlPlane = ofKind("HostedCluster").stream()
                .anyMatch(hc -> hc.path("metadata").path("name").asText().equals(name) && conditionTrue(hc, "Available"));
        if (!hosted || !mc.path("spec").path("hubAcceptsClient").asBoolean() || !controlPlane) {
            return;
        }
        if (!conditionTrue(mc, "HubAcceptedManagedCluster")) {
            setCondition(mc, "HubAcceptedManagedCluster", "True", "HubClusterAdminAccepted", "Accepted by hub cluster admin");
            ObjectNode ns = JSON.objectNode().put("apiVersion", "v1").put("kind", "Namespace");
            ns.putObject("metadata").put("name", name);
            objects.putIfAbsent(ObjectKey.of(ns), ns);
            events.add("tick " + ticks + ": accepted ManagedCluster " + name + " (its HostedCluster is Available)");
        } else if (!conditionTrue(mc, "ManagedClusterJoined")) {
            setCondition(mc, "ManagedClusterJoined", "True", "ManagedClusterJoined", "Managed cluster joined");
        } else if (!conditionTrue(mc, "ManagedClusterConditionAvailable")) {
            setCondition(mc, "ManagedClusterConditionAvailable", "True", "ManagedClusterAvailable", "Managed cluster is available");
        }
    }

    private ObjectNode first(String kind) {
        List<ObjectNode> all = ofKind(kind);
        return all.isEmpty() ? null : all.get(0);
    }

    static boolean conditionTrue(JsonNode o, String type) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static void setCondition(ObjectNode o, String type, String status, String reason, String message) {
        ArrayNode conditions = o.with("status").withArray("conditions");
        ObjectNode c = null;
        for (JsonNode existing : conditions) {
            if (existing.path("type").asText().equals(type)) {
                c = (ObjectNode) existing;
            }
        }
        if (c == null) {
            c = conditions.addObject().put("type", type);
        }
        c.put("status", status).put("reason", reason).put("message", message);
    }
}
