package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.krm.ItemRole;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hub's bare-metal plumbing: metal3 watching the hosted clusters' namespaces ({@code hub.provisioning}), the
 * StorageClasses the AgentServiceConfig and etcd name existing ({@code hub.storage}), and the https OS image web
 * server's CA ({@code hub.osImages.caBundle}). What the render emits for them is in
 * {@link dev.hostedsite.generate.HubPlumbing}.
 */
public final class HubPlumbingRules {
    private final Site site;
    private final Hub hub;
    private final Set<String> passthroughStorageClasses;
    private final List<Diagnostic> out = new ArrayList<>();

    private HubPlumbingRules(Site site, Set<String> passthroughStorageClasses) {
        this.site = site;
        this.hub = site.hub();
        this.passthroughStorageClasses = passthroughStorageClasses;
    }

    /**
     * Checks every site.
     *
     * @param passthrough the input items this function did not generate: StorageClasses among them, and those
     *     their LVMClusters make, count as existing on the hub
     * @return errors and warnings, each naming the HostedSite field
     */
    public static List<Diagnostic> check(List<Site> sites, List<ObjectNode> passthrough) {
        Set<String> storageClasses = new TreeSet<>();
        for (ObjectNode i : passthrough) {
            if ("StorageClass".equals(i.path("kind").asText()) && i.path("apiVersion").asText().startsWith("storage.k8s.io/")) {
                storageClasses.add(i.path("metadata").path("name").asText());
            }
            // a passthrough LVMCluster makes lvms-<device class> like one of ours (openshift/lvm-operator StorageClassPrefix)
            if ("LVMCluster".equals(i.path("kind").asText()) && i.path("apiVersion").asText().startsWith("lvm.topolvm.io/")) {
                i.path("spec").path("storage").path("deviceClasses")
                        .forEach(d -> storageClasses.add(Names.lvmsStorageClass(d.path("name").asText())));
            }
        }
        List<Diagnostic> out = new ArrayList<>(oneLvmCluster(sites, passthrough));
        out.addAll(passthroughLvmClusters(sites, passthrough));
        for (Site s : sites) {
            HubPlumbingRules r = new HubPlumbingRules(s, storageClasses);
            r.provisioning();
            r.lvms();
            r.storageClasses();
            r.osImages();
            out.addAll(r.out);
        }
        return out;
    }

    /** Where an LVMCluster comes from: a site's {@code hub.storage.lvms} or a passthrough item. */
    private record LvmClusterSource(String describe, Diagnostic at) {}

    /**
     * LVMS admits one LVMCluster per cluster: its webhook refuses to create a second while one exists
     * (openshift/lvm-operator @ de3cc31a api/v1alpha1/lvmcluster_webhook.go {@code ValidateCreate}: a List of
     * LVMClusters in the operator namespace, {@code ErrDuplicateLVMCluster}). A render that writes two would sync
     * the first and fail the second on every sync. Each source gets an error naming all the others.
     */
    static List<Diagnostic> oneLvmCluster(List<Site> sites, List<ObjectNode> passthrough) {
        List<LvmClusterSource> sources = new ArrayList<>();
        Set<String> rendered = new TreeSet<>();
        for (Site s : sites) {
            Hub.Lvms lvms = s.hub().storage().lvms();
            // sites sharing a hub render one LVMCluster when they name the same one (ManifestSet merges equal hub
            // objects and refuses different ones): count it once
            if (lvms != null && rendered.add(HubOperatorDefaults.lvmsNamespace(s.hub()) + "/" + lvms.name())) {
                String path = "spec.hub.storage.lvms";
                String file = s.file() == null ? "" : " in " + s.file().path();
                sources.add(new LvmClusterSource(s.ref().display() + " " + path + file + " (LVMCluster "
                        + HubOperatorDefaults.lvmsNamespace(s.hub()) + "/" + lvms.name() + ")",
                        Diagnostic.error(s.ref(), path, "").withValue(lvms.name()).withFile(s.file())));
            }
        }
        for (ObjectNode i : passthrough) {
            if ("LVMCluster".equals(i.path("kind").asText()) && i.path("apiVersion").asText().startsWith("lvm.topolvm.io/")) {
                ObjectRef ref = ObjectRef.of(i);
                SourceFile file = ItemRole.sourceFile(i);
                String where = file == null ? "" : " in " + file.path()
                        + (file.index() == null || file.index() == 0 ? "" : " (document " + (file.index() + 1) + ")");
                sources.add(new LvmClusterSource("the passthrough " + ref.display() + where,
                        Diagnostic.error(ref, "metadata.name", "").withValue(ref.name()).withFile(file)));
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        if (sources.size() < 2) {
            return out;
        }
        String fix = sources.stream().anyMatch(o -> o.at().resource().kind().equals(ItemRole.SITE_KIND))
                ? "Keep one: put every device class in spec.hub.storage.lvms and delete the passthrough LVMCluster,"
                        + " or drop spec.hub.storage.lvms and keep one LVMCluster item."
                : "Merge their device classes into one LVMCluster and delete the others.";
        for (LvmClusterSource src : sources) {
            List<String> others = sources.stream().filter(o -> o != src).map(LvmClusterSource::describe).toList();
            Diagnostic d = src.at();
            out.add(new Diagnostic(d.severity(), "a hub runs exactly one LVMCluster, and this render would write "
                    + sources.size() + ": this one and " + String.join(", ", others) + ". The LVMS webhook refuses"
                    + " every LVMCluster after the first (ErrDuplicateLVMCluster), so Argo CD would fail that sync"
                    + " forever. " + fix,
                    d.resource(), d.fieldPath(), d.currentValue(), d.file()));
        }
        return out;
    }

    /**
     * A passthrough LVMCluster as the LVMS webhook admits it (openshift/lvm-operator at
     * {@link dev.hostedsite.kinds.Upstreams#LVM_OPERATOR} api/v1alpha1/lvmcluster_webhook.go {@code ValidateCreate}:
     * "creating LVMCluster is only supported within namespace", {@code ErrInvalidNamespace}, the namespace being the
     * operator's own, {@code NAMESPACE} from the pod's {@code metadata.namespace} in
     * bundle/manifests/lvms-operator.clusterserviceversion.yaml): in the namespace the render subscribes LVMS into,
     * when it subscribes it (else the render cannot know where the operator runs), and with device classes
     * {@link #deviceClassProblems} admits. No namespace is refused too: the apply would use a default namespace the
     * render cannot see.
     */
    static List<Diagnostic> passthroughLvmClusters(List<Site> sites, List<ObjectNode> passthrough) {
        Set<String> operatorNamespaces = new TreeSet<>();
        for (Site s : sites) {
            if (HubOperatorDefaults.effective(s.hub()).stream().anyMatch(o -> o.pkg().equals(OlmPackages.LVMS_PACKAGE))) {
                operatorNamespaces.add(HubOperatorDefaults.lvmsNamespace(s.hub()));
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectNode i : passthrough) {
            if (!"LVMCluster".equals(i.path("kind").asText()) || !i.path("apiVersion").asText().startsWith("lvm.topolvm.io/")) {
                continue;
            }
            ObjectRef ref = ObjectRef.of(i);
            SourceFile file = ItemRole.sourceFile(i);
            String namespace = i.path("metadata").path("namespace").asText("");
            String expected = String.join(" or ", operatorNamespaces);
            if (!operatorNamespaces.isEmpty() && namespace.isEmpty()) {
                out.add(new Diagnostic(dev.hostedsite.diag.Severity.ERROR, "this LVMCluster has no metadata.namespace:"
                        + " the apply would put it into whatever namespace the Argo CD Application or kubectl defaults"
                        + " to, and the LVMS webhook admits an LVMCluster only in the operator's namespace, " + expected
                        + ", where this render subscribes lvms-operator (ErrInvalidNamespace). Set metadata.namespace: "
                        + expected + ".", ref, "metadata.namespace", null, file));
            } else if (!operatorNamespaces.isEmpty() && !operatorNamespaces.contains(namespace)) {
                out.add(new Diagnostic(dev.hostedsite.diag.Severity.ERROR, "the LVMS webhook admits an LVMCluster only"
                        + " in the namespace the operator runs in (ErrInvalidNamespace: creating LVMCluster is only"
                        + " supported within namespace \"" + expected + "\"), and this render subscribes lvms-operator"
                        + " into " + expected + ": Argo CD's sync of this one would fail on every attempt. Set"
                        + " metadata.namespace: " + expected + ", or move the lvms-operator entry of spec.hub.operators"
                        + " to " + namespace + " if the operator is to run there.", ref, "metadata.namespace", namespace,
                        file));
            }
            List<JsonNode> classes = new ArrayList<>();
            i.path("spec").path("storage").path("deviceClasses").forEach(classes::add);
            for (DeviceClassProblem p : deviceClassProblems(classes, "spec.storage")) {
                out.add(new Diagnostic(dev.hostedsite.diag.Severity.ERROR, p.message(), ref, p.field(), p.value(), file));
            }
        }
        return out;
    }

    private void error(String path, String message, String value) {
        out.add(Diagnostic.error(site.ref(), path, message).withValue(value).withFile(site.file()));
    }

    private void warning(String path, String message) {
        out.add(Diagnostic.warning(site.ref(), path, message).withFile(site.file()));
    }

    /**
     * baremetal-operator reconciles BareMetalHosts outside its own namespace only when the Provisioning
     * {@code provisioning-configuration} has {@code watchAllNamespaces: true} (openshift/cluster-baremetal-operator
     * @ 4ecb36c0 api/v1alpha1/provisioning_types.go {@code WatchAllNamespaces}; provisioning/baremetal_pod.go passes
     * it to the metal3 deployment as WATCH_NAMESPACE). The site's BareMetalHosts live in the control-plane
     * namespaces, so without it they are never inspected nor booted.
     */
    private void provisioning() {
        if (hub.provisioning() != null || site.clusters().stream().allMatch(c -> c.hosts().isEmpty())) {
            return;
        }
        warning("spec.hub.provisioning", "the BareMetalHosts of this site live in the hosted clusters' namespaces,"
                + " and metal3 reconciles hosts there only when the Provisioning provisioning-configuration has"
                + " watchAllNamespaces: true; otherwise no host is ever inspected or booted. Set spec.hub.provisioning:"
                + " patch on a hub installed with platform baremetal (or run: oc patch provisioning"
                + " provisioning-configuration --type merge -p '{\"spec\":{\"watchAllNamespaces\":true}}'), create on a"
                + " hub without a Provisioning (oc get provisioning shows none), or external when it is done elsewhere.");
    }

    /** The LVMCluster's device classes as openshift/lvm-operator @ de3cc31a api/v1alpha1/lvmcluster_webhook.go admits them. */
    private void lvms() {
        Hub.Lvms lvms = hub.storage().lvms();
        if (lvms == null) {
            return;
        }
        String path = "spec.hub.storage.lvms";
        if (hub.operators().stream().noneMatch(o -> o.pkg().equals(OlmPackages.LVMS_PACKAGE))
                && HubOperatorDefaults.catalogCarrying(hub, OlmPackages.LVMS_PACKAGE).isEmpty()) {
            error(path, "the LVMCluster needs the LVM Storage operator, and no catalog lists package lvms-operator."
                    + " Add lvms-operator to the packages of a mirrored catalog (oc-mirror then mirrors it and the"
                    + " render subscribes it), or add a spec.hub.operators entry for it.", null);
        }
        for (DeviceClassProblem p : deviceClassProblems(lvms.deviceClasses(), path)) {
            error(p.field(), p.message(), p.value());
        }
    }

    /** A webhook rule an LVMCluster's device classes break: the field path, the message and the value. */
    record DeviceClassProblem(String field, String message, String value) {}

    /**
     * The device classes ({@code deviceClasses}, the LVMCluster's own list) as openshift/lvm-operator at
     * {@link dev.hostedsite.kinds.Upstreams#LVM_OPERATOR} api/v1alpha1/lvmcluster_webhook.go admits them on create
     * and update: unique names (each makes StorageClass lvms-&lt;name&gt;), {@code verifyPathsAreNotEmpty},
     * {@code verifyDeviceClass} (one default), {@code verifyAbsolutePath} (every path and optional path starts with
     * {@code /dev/}), {@code verifyNoDeviceOverlap} (a path once per node selector). The CRD's own schema rules are
     * checked elsewhere (its pattern and enums by the input schema, CelRulesTest on the output).
     *
     * @param parent the field path of the object holding {@code deviceClasses}
     * @return one problem per broken rule, in list order
     */
    static List<DeviceClassProblem> deviceClassProblems(List<JsonNode> deviceClasses, String parent) {
        List<DeviceClassProblem> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<String> defaults = new ArrayList<>();
        List<String> withoutPaths = new ArrayList<>();
        // node selector (as JSON; none is "") -> device path -> where it is listed first
        Map<String, Map<String, String>> devices = new HashMap<>();
        for (int i = 0; i < deviceClasses.size(); i++) {
            JsonNode d = deviceClasses.get(i);
            String p = parent + ".deviceClasses[" + i + "]";
            String name = d.path("name").asText();
            String prev = names.putIfAbsent(name, p);
            if (prev != null) {
                out.add(new DeviceClassProblem(p + ".name", "device class '" + name + "' is already declared at " + prev
                        + ": both would make the StorageClass " + Names.lvmsStorageClass(name) + ". Give each device"
                        + " class its own name.", name));
            }
            if (d.path("default").asBoolean(false)) {
                defaults.add(p);
            }
            JsonNode selector = d.path("deviceSelector");
            if (selector.isObject()) {
                if (!selector.has("paths") && !selector.has("optionalPaths")) {
                    out.add(new DeviceClassProblem(p + ".deviceSelector", "a deviceSelector without paths or"
                            + " optionalPaths is refused by the LVMCluster webhook"
                            + " (ErrPathsOrOptionalPathsMandatoryWithNonNilDeviceSelector). List the disks under paths,"
                            + " or drop deviceSelector to let LVMS take every unused disk.", null));
                }
                String nodes = d.path("nodeSelector").isMissingNode() || d.path("nodeSelector").isNull() ? ""
                        : d.path("nodeSelector").toString();
                Map<String, String> seen = devices.computeIfAbsent(nodes, k -> new HashMap<>());
                for (String list : List.of("paths", "optionalPaths")) {
                    JsonNode paths = selector.path(list);
                    for (int j = 0; j < paths.size(); j++) {
                        String at = p + ".deviceSelector." + list + "[" + j + "]";
                        String device = paths.get(j).asText();
                        if (!device.startsWith("/dev/")) {
                            out.add(new DeviceClassProblem(at, "the LVMCluster webhook admits only absolute device"
                                    + " paths, starting with /dev/ (verifyAbsolutePath), and refuses '" + device + "'."
                                    + " Write the disk's path under /dev/, best a stable one (/dev/disk/by-path/... or"
                                    + " /dev/disk/by-id/...): names like /dev/sdb can change between boots.", device));
                        }
                        String first = seen.putIfAbsent(device, at);
                        if (first != null) {
                            out.add(new DeviceClassProblem(at, "device " + device + " is already listed at " + first
                                    + (first.startsWith(p + ".") ? "" : ", a device class for the same nodes")
                                    + ": the LVMCluster webhook refuses a disk listed twice for the same nodes"
                                    + " (verifyNoDeviceOverlap), as one disk can be in only one volume group. List"
                                    + " each disk once.", device));
                        }
                    }
                }
            } else {
                withoutPaths.add(name);
            }
        }
        if (defaults.size() > 1) {
            out.add(new DeviceClassProblem(defaults.get(1) + ".default", "only one device class may be the default (the"
                    + " LVMCluster webhook refuses more: ErrOnlyOneDefaultDeviceClassAllowed); " + defaults.get(0)
                    + " already is.", "true"));
        }
        if (deviceClasses.size() > 1 && !withoutPaths.isEmpty()) {
            out.add(new DeviceClassProblem(parent + ".deviceClasses", "with several device classes each needs"
                    + " deviceSelector.paths (the LVMCluster webhook refuses it otherwise:"
                    + " ErrEmptyPathsWithMultipleDeviceClasses); " + String.join(", ", withoutPaths) + " has none.",
                    String.join(", ", withoutPaths)));
        }
        return out;
    }

    /**
     * Every StorageClass the site names must exist: made by {@code hub.storage.lvms} (lvms-&lt;class&gt;), given as a
     * StorageClass item, or declared in {@code hub.storage.externalStorageClasses}. A PersistentVolumeClaim of a
     * class that does not exist stays Pending (kubernetes pkg/controller/volume/persistentvolume/pv_controller.go:
     * "storageclass.storage.k8s.io ... not found"), and with it assisted-service and the hosted cluster's etcd.
     */
    private void storageClasses() {
        Set<String> known = new TreeSet<>(passthroughStorageClasses);
        known.addAll(hub.storage().externalStorageClasses());
        if (hub.storage().lvms() != null) {
            hub.storage().lvms().deviceClasses().forEach(d -> known.add(Names.lvmsStorageClass(d.path("name").asText())));
        }
        String asc = hub.agentServiceConfig().storageClassName();
        if (asc != null && !known.contains(asc)) {
            missing("spec.hub.agentServiceConfig.storageClassName", asc, "the database, file system and image volumes"
                    + " of assisted-service");
        }
        for (Cluster c : site.clusters()) {
            if (c.etcdStorageClass() != null && !known.contains(c.etcdStorageClass())) {
                missing(c.path() + ".etcdStorageClass", c.etcdStorageClass(), "the etcd volume of " + c.name());
            }
        }
    }

    private void missing(String path, String storageClass, String what) {
        String lvms = storageClass.startsWith("lvms-")
                ? " Add spec.hub.storage.lvms with device class '" + storageClass.substring("lvms-".length())
                        + "' (LVMS then makes " + storageClass + "),"
                : " Add spec.hub.storage.lvms with a device class (LVMS makes lvms-<class>),";
        warning(path, "StorageClass " + storageClass + " is made by nothing in this site: " + what + " would wait"
                + " forever as Pending claims." + lvms + " a StorageClass item beside the HostedSite, or list "
                + storageClass + " in spec.hub.storage.externalStorageClasses if the hub already has it.");
    }

    /**
     * assisted-image-service downloads the ISO and rootfs itself, trusting the system CAs plus the
     * {@code OSImageCACertRef} ConfigMap (openshift/assisted-service
     * internal/controller/controllers/agentserviceconfig_controller.go, {@code OS_IMAGE_DOWNLOAD_TRUSTED_CA_FILE}).
     */
    private void osImages() {
        Hub.OsImages os = hub.osImages();
        if (os.https() && os.caBundle() == null) {
            warning("spec.hub.osImages.webServer", "the web server is https, and the AgentServiceConfig names no CA for"
                    + " it: if its certificate is signed by a private CA, assisted-image-service fails to download the"
                    + " RHCOS images (x509: certificate signed by unknown authority), no discovery ISO is served and no"
                    + " host boots. Add spec.hub.osImages.caBundle with the CA certificate (PEM); the render puts it in"
                    + " ConfigMap " + Names.OS_IMAGES_CA + " named by spec.OSImageCACertRef.");
        }
        if (os.caBundle() == null) {
            return;
        }
        String path = "spec.hub.osImages.caBundle";
        if (!os.https()) {
            warning(path, "the web server is plain http, so this CA is never used. Drop it, or serve the images over https.");
        }
        Optional<CaBundleRules.Problem> problem = CaBundleRules.problem(os.caBundle());
        if (problem.equals(Optional.of(CaBundleRules.Problem.TOO_LARGE))) {
            error(path, "the CA bundle is larger than 1 MiB, the most a ConfigMap holds. Keep only the certificates"
                    + " that sign the web server.", null);
            return;
        }
        boolean ok = problem.isEmpty();
        if (!ok) {
            error(path, "the CA bundle holds no valid PEM certificate (-----BEGIN CERTIFICATE----- ... -----END"
                    + " CERTIFICATE-----). Paste the CA certificate that signed the web server's certificate.", null);
        }
    }
}
