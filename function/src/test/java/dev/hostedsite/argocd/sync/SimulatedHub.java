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
 *       syncRegistryServer and syncConnection): needs the hub to pull its index image: an image on a mirror
 *       registry of the mirror sets, or under a source they redirect, and the {@code cluster} Image config
 *       whose {@code additionalTrustedCA} ConfigMap exists in {@code openshift-config}; then
 *       {@code status.connectionState.lastObservedState} CONNECTING, then READY. Otherwise the registry pod
 *       cannot pull: TRANSIENT_FAILURE.</li>
 *   <li>OperatorGroup (OLM pkg/controller/operators/olm/operatorgroup.go): {@code status.namespaces}, its
 *       {@code spec.targetNamespaces} or {@code [""]} (all namespaces).</li>
 *   <li>Subscription ({@link SimulatedOlm#subscription}): catalog health over its namespace and {@code openshift-marketplace},
 *       resolution against its own catalog, UpgradePending, InstallPlanPending, then the InstallPlan creates the
 *       package's CRDs (multicluster-engine: {@code multicluster.openshift.io}; metallb-operator:
 *       {@code metallb.io}) and the CSV: AtLatestKnown.</li>
 *   <li>ClusterServiceVersion ({@link SimulatedOlm#clusterServiceVersion}): Pending → InstallReady → Installing → Succeeded,
 *       or Failed (NoOperatorGroup, TooManyOperatorGroups; the Subscription does not show it); the operator runs
 *       from Succeeded on.</li>
 *   <li>MetalLB (metallb/metallb-operator controllers/metallb_controller.go, pkg/status/status.go): needs the
 *       metallb-operator running; a CR not named {@code metallb} gets {@code Degraded=True}
 *       (IncorrectMetalLBResourceName); else {@code Progressing=True}, then {@code Available=True}.</li>
 *   <li>IPAddressPool and L2Advertisement: no status; the MetalLB controller and speakers act on them once the
 *       MetalLB is Available (see HostedControlPlane).</li>
 *   <li>MultiClusterEngine ({@link #multiClusterEngine}): Progressing, Available with the agent-install CRDs
 *       and assisted-service; HyperShift's CRDs two ticks later with the HyperShift operator its hypershift
 *       add-on installs.</li>
 *   <li>ExternalSecret (external-secrets): creates its target Secret, {@code Ready=True}.</li>
 *   <li>AgentServiceConfig ({@link #agentServiceConfig}) and PersistentVolumeClaim
 *       ({@link #persistentVolumeClaim}): the operator's claims bind only when their StorageClass exists;
 *       {@code DeploymentsHealthy} waits for them. The hub's StorageClasses: {@link #storageClass}.</li>
 *   <li>HostedCluster and HostedControlPlane: {@link SimulatedHyperShift} (the first-rollout conditions,
 *       including {@code Degraded=True}/UnavailableReplicas; an APIServer published as a LoadBalancer on a hub
 *       whose MetalLB the render manages needs the MetalLB Available and an L2Advertisement announcing an
 *       existing pool, else {@code InfrastructureReady=False}).</li>
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
    /** The tick the MultiClusterEngine turned Available (the hypershift add-on starts from there), or -1. */
    private int mceAvailableAt = -1;
    private final SimulatedHyperShift hyperShift = new SimulatedHyperShift(this);
    private final SimulatedOlm olm = new SimulatedOlm(this);

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

    boolean has(ObjectKey key) {
        return objects.containsKey(key);
    }

    /** Records what happened at this tick. */
    void event(String what) {
        events.add("tick " + ticks + ": " + what);
    }

    /** A CRD group appears (an InstallPlan, an operator created its CRDs). */
    void installApi(String group) {
        groups.add(group);
    }

    /** An operator starts running (its CSV succeeded). */
    void startOperator(String operator) {
        operators.add(operator);
    }

    /** Creates {@code o} unless an object of its key exists. */
    void putIfAbsent(ObjectNode o) {
        objects.putIfAbsent(ObjectKey.of(o), o);
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
                case "CatalogSource" -> olm.catalogSource(o);
                case "OperatorGroup" -> olm.operatorGroup(o);
                case "Subscription" -> olm.subscription(o);
                case "ClusterServiceVersion" -> olm.clusterServiceVersion(o);
                case "PersistentVolumeClaim" -> persistentVolumeClaim(o);
                case "HostedControlPlane" -> hyperShift.hostedControlPlane(o);
                case "MetalLB" -> metalLb(o);
                case "MultiClusterEngine" -> multiClusterEngine(o);
                case "ExternalSecret" -> externalSecret(o);
                case "AgentServiceConfig" -> agentServiceConfig(o);
                case "HostedCluster" -> hyperShift.hostedCluster(o);
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
    String loadBalancerMissing(JsonNode hc) {
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

    /**
     * The multicluster engine operator (stolostron/backplane-operator): {@code status.phase} Progressing, then
     * Available, with the CRDs of its components ({@code agent-install.openshift.io} with assisted-service).
     * It does not ship HyperShift's CRDs: its {@code hypershift} component (on unless
     * {@code spec.overrides.components} disables it) deploys the hypershift-addon manager, whose add-on agent
     * on {@code local-cluster} installs the HyperShift operator, and that operator installs the
     * {@code hypershift.openshift.io} CRDs (stolostron/hypershift-addon-operator docs/troubleshooting.md: addon
     * manager → addon agent → HyperShift operator). Here: two ticks after Available.
     */
    private void multiClusterEngine(ObjectNode mce) {
        if (!operators.contains("multicluster-engine")) {
            return;
        }
        String phase = mce.path("status").path("phase").asText("");
        if (phase.isEmpty()) {
            mce.with("status").put("phase", "Progressing");
        } else if (phase.equals("Progressing")) {
            mce.with("status").put("phase", "Available");
            groups.add("agent-install.openshift.io");
            // The MCE's cluster-manager component installs the registration CRDs (ManagedCluster).
            groups.add("cluster.open-cluster-management.io");
            operators.add("assisted-service");
            mceAvailableAt = ticks;
        } else if (phase.equals("Available") && componentEnabled(mce, "hypershift") && !operators.contains("hypershift")
                && ticks - mceAvailableAt >= 2) {
            operators.add("hypershift");
            groups.add("hypershift.openshift.io");
            events.add("tick " + ticks + ": hypershift-addon installed the HyperShift operator");
        }
    }

    private static boolean componentEnabled(JsonNode mce, String component) {
        for (JsonNode c : mce.path("spec").path("overrides").path("components")) {
            if (c.path("name").asText().equals(component)) {
                return c.path("enabled").asBoolean(true);
            }
        }
        return true;
    }

    /** Whether an operator (an OLM package, or a component the MCE deploys: assisted-service, hypershift) runs. */
    boolean runs(String operator) {
        return operators.contains(operator);
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

    /**
     * assisted-service's infrastructure operator (internal/controller/controllers/agentserviceconfig_controller.go
     * @ 063b2579): needs the MCE's assisted-service component and its {@code mirrorRegistryRef} ConfigMap;
     * {@code ReconcileCompleted=True} (ReconcileSucceeded) with the PersistentVolumeClaims of
     * {@code databaseStorage} ({@code postgres}), {@code filesystemStorage} ({@code assisted-service}) and
     * {@code imageStorage} (the image service StatefulSet's claim); {@code DeploymentsHealthy=False}
     * (DeploymentFailure, "Deployment assisted-service is not available") while any claim is not Bound (its pod
     * cannot start), then {@code DeploymentsHealthy=True} (DeploymentSucceeded).
     */
    private void agentServiceConfig(ObjectNode asc) {
        if (!operators.contains("assisted-service")) {
            return;
        }
        ObjectNode mce = first("MultiClusterEngine");
        String mirrors = asc.path("spec").path("mirrorRegistryRef").path("name").asText(null);
        String ns = mce == null ? "multicluster-engine" : mce.path("spec").path("targetNamespace").asText("multicluster-engine");
        if (mirrors != null && !objects.containsKey(ObjectKey.core("ConfigMap", ns, mirrors))) {
            setCondition(asc, "ReconcileCompleted", "False", "ConfigFailure", "Failed to generate definition for AssistedServiceConfigMap");
            return;
        }
        boolean bound = true;
        for (String[] claim : ASC_CLAIMS) {
            JsonNode spec = asc.path("spec").path(claim[0]);
            if (spec.isMissingNode()) {
                continue;
            }
            ObjectKey key = ObjectKey.core("PersistentVolumeClaim", ns, claim[1]);
            if (!objects.containsKey(key)) {
                ObjectNode pvc = JSON.objectNode().put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
                pvc.putObject("metadata").put("name", claim[1]).put("namespace", ns);
                pvc.set("spec", spec.deepCopy());
                pvc.putObject("status").put("phase", "Pending");
                objects.put(key, pvc);
                events.add("tick " + ticks + ": created " + describe(key));
            }
            bound &= objects.get(key).path("status").path("phase").asText().equals("Bound");
        }
        setCondition(asc, "ReconcileCompleted", "True", "ReconcileSucceeded", "AgentServiceConfig reconcile completed without error.");
        if (bound && conditionPresent(asc, "DeploymentsHealthy")) {
            setCondition(asc, "DeploymentsHealthy", "True", "DeploymentSucceeded",
                    "All the deployments managed by Infrastructure-operator are healthy.");
        } else {
            setCondition(asc, "DeploymentsHealthy", "False", "DeploymentFailure", "Deployment assisted-service is not available");
        }
    }

    /** AgentServiceConfig storage field → the claim the operator creates for it. */
    static final List<String[]> ASC_CLAIMS = List.of(new String[] {"databaseStorage", "postgres"},
            new String[] {"filesystemStorage", "assisted-service"},
            new String[] {"imageStorage", "image-service-data-assisted-image-service-0"});

    /**
     * kube-controller-manager's PersistentVolume controller with a dynamic provisioner (kubernetes
     * pkg/controller/volume/persistentvolume/pv_controller.go {@code syncUnboundClaim}): a Pending claim binds
     * once its StorageClass exists (no {@code storageClassName}: the class annotated
     * {@code storageclass.kubernetes.io/is-default-class: "true"}); without one it stays Pending, with no timeout.
     */
    private void persistentVolumeClaim(ObjectNode pvc) {
        if (pvc.path("status").path("phase").asText().equals("Bound")) {
            return;
        }
        String className = pvc.path("spec").path("storageClassName").asText("");
        boolean exists = ofKind("StorageClass").stream().anyMatch(sc -> className.isEmpty()
                ? sc.path("metadata").path("annotations").path("storageclass.kubernetes.io/is-default-class").asText().equals("true")
                : ObjectKey.of(sc).name().equals(className));
        if (exists) {
            pvc.with("status").put("phase", "Bound");
        }
    }

    /** A StorageClass that exists on the hub before any sync (a provisioner installed outside the render). */
    void storageClass(String name) {
        ObjectNode sc = JSON.objectNode().put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        sc.putObject("metadata").put("name", name);
        sc.put("provisioner", "simulated.hostedsite.dev/" + name);
        preexisting(sc);
    }

    static boolean conditionPresent(JsonNode o, String type) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return true;
            }
        }
        return false;
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

    List<ObjectNode> ofKind(String kind) {
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

    ObjectNode first(String kind) {
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

    static void removeCondition(ObjectNode o, String type) {
        JsonNode conditions = o.path("status").path("conditions");
        for (int i = conditions.size() - 1; i >= 0; i--) {
            if (conditions.get(i).path("type").asText().equals(type)) {
                ((ArrayNode) conditions).remove(i);
            }
        }
    }

    static void setCondition(ObjectNode o, String type, String status, String reason, String message) {
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
