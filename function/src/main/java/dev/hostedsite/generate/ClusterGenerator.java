package dev.hostedsite.generate;

import static dev.hostedsite.generate.HubGenerator.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.generate.SecretWriter.Shape;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.input.BmcAddressRules;
import dev.hostedsite.input.PullableImages;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.nodepool.NodePoolKind;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Everything one hosted cluster needs on the hub: namespaces, secrets, HostedCluster, NodePools, agents' side. */
public final class ClusterGenerator {
    static final String HYPERSHIFT_API = "hypershift.openshift.io/v1beta1";
    static final String AGENT_API = "agent-install.openshift.io/v1beta1";
    public static final String AGENT_LABEL_PREFIX = "bmac.agent-install.openshift.io.agent-label.";
    static final String OLM_OVERRIDES = "hypershift.openshift.io/olm-catalogs-is-registry-overrides";
    /** Where HyperShift looks for the default catalogs' index images (openshift/hypershift support/catalogs/images.go). */
    static final String REDHAT_CATALOG_REGISTRY = "registry.redhat.io/redhat";
    /**
     * The release's HyperShift image, which the hypershift operator otherwise looks up in the release payload
     * without registry overrides (openshift/hypershift {@code api/hypershift/v1beta1/hostedcluster_types.go},
     * {@code ControlPlaneOperatorImageAnnotation}; {@code docs/content/how-to/disconnected/known-issues.md}).
     */
    /** See {@link Names#RELEASE_VERSION}. */
    public static final String RELEASE_VERSION = Names.RELEASE_VERSION;
    static final String CONTROL_PLANE_OPERATOR_IMAGE = "hypershift.openshift.io/control-plane-operator-image";
    /** {@code olmCatalogImages} key → annotation ({@code hostedcluster_types.go}, {@code *CatalogImageAnnotation}). */
    public static final Map<String, String> CATALOG_IMAGE_ANNOTATIONS = Map.of(
            "certified-operators", "hypershift.openshift.io/certified-operators-catalog-image",
            "community-operators", "hypershift.openshift.io/community-operators-catalog-image",
            "redhat-marketplace", "hypershift.openshift.io/redhat-marketplace-catalog-image",
            "redhat-operators", "hypershift.openshift.io/redhat-operators-catalog-image");
    /** From this release on, the HyperShift operator creates and deletes the capi-provider Role itself. */
    public static final int[] OPERATOR_OWNS_CAPI_ROLE_FROM = {4, 23};

    private final Site site;
    private final Cluster c;
    private final String dir;
    private final List<Manifest> out = new ArrayList<>();

    private ClusterGenerator(Site site, Cluster cluster) {
        this.site = site;
        this.c = cluster;
        this.dir = site.name() + "/" + cluster.name();
    }

    public static List<Manifest> generate(Site site, Cluster cluster) {
        ClusterGenerator g = new ClusterGenerator(site, cluster);
        g.run();
        return g.out;
    }

    private void run() {
        String ns = c.namespace();
        String cpns = c.controlPlaneNamespace();
        shared(Core.namespace(ns));
        emit(Core.namespace(cpns));
        shared(Core.configMap(ns, Names.USER_CA_BUNDLE, null,
                Map.of("ca-bundle.crt", Pem.normalize(site.hub().registry().caBundle()))));
        secret(c.pullSecret(), ns, Names.pullSecret(c), Shape.PULL_SECRET);
        secret(c.pullSecret(), cpns, Names.pullSecret(c), Shape.PULL_SECRET);
        if (c.sshKey() != null) {
            secret(c.sshKey(), ns, Names.sshKey(c), Shape.SSH_KEY);
        } else {
            emit(Core.secret(ns, Names.sshKey(c), Shape.SSH_KEY.type,
                    Map.of(Shape.SSH_KEY.key, SecretWriter.base64(c.sshAuthorizedKey()))));
        }
        secret(c.etcdEncryptionKey(), ns, Names.etcdKey(c), Shape.ETCD_KEY);
        if (c.etcdBackupKey() != null) {
            secret(c.etcdBackupKey(), ns, Names.etcdBackupKey(c), Shape.ETCD_KEY);
        }
        if (needsCapiProviderRole(c)) {
            emit(Core.capiProviderRole(cpns));
        }
        emit(hostedCluster());
        for (Cluster.NodePool p : c.nodePools()) {
            poolConfigMaps(p);
            emit(NodePoolKind.build(c, p), p.path());
        }
        for (String arch : Hosts.architectures(c)) {
            emit(infraEnv(arch));
        }
        for (Host h : c.hosts()) {
            if (h.network() != null) {
                emit(nmStateConfig(h), h.path());
            }
            secret(h.bmc().credentials(), cpns, Names.bmcSecret(c, h), Shape.BMC_CREDENTIALS);
            emit(bareMetalHost(h), h.path());
        }
        AcmRegistration.generate(c).forEach(this::emit);
    }

    /** The capi-provider Role is ours for releases before 4.23, and when the release version is not given. */
    public static boolean needsCapiProviderRole(Cluster c) {
        return c.release().majorMinor().map(v -> v[0] < OPERATOR_OWNS_CAPI_ROLE_FROM[0]
                || v[0] == OPERATOR_OWNS_CAPI_ROLE_FROM[0] && v[1] < OPERATOR_OWNS_CAPI_ROLE_FROM[1]).orElse(true);
    }

    /** An object built from the cluster as a whole. */
    private void emit(ObjectNode body) {
        emit(body, c.path());
    }

    /** An object built from the site field {@code origin} (a pool, a host, a secret field): see {@link Manifest#origin}. */
    private void emit(ObjectNode body, String origin) {
        out.add(new Manifest(body, dir, false, origin));
    }

    /** Objects in the cluster namespace that several clusters share (the namespace itself, user-ca-bundle). */
    private void shared(ObjectNode body) {
        out.add(new Manifest(body, "namespaces", false, c.path()));
    }

    private void secret(SecretSource source, String namespace, String name, Shape shape) {
        SecretWriter.write(source, namespace, name, shape).ifPresent(body -> emit(body, source.path()));
    }

    private String ref(SecretSource source, String generated) {
        return SecretWriter.referencedName(source, generated);
    }

    private String sshKeyName() {
        return c.sshKey() == null ? Names.sshKey(c) : ref(c.sshKey(), Names.sshKey(c));
    }

    private ObjectNode hostedCluster() {
        ObjectNode hc = resource(HYPERSHIFT_API, "HostedCluster", c.namespace(), c.name());
        ObjectNode annotations = Yaml.object();
        String overrides = olmRegistryOverrides(site.hub());
        if (!overrides.isEmpty()) {
            annotations.put(OLM_OVERRIDES, overrides);
        }
        if (c.release().controlPlaneOperatorImage() != null) {
            annotations.put(CONTROL_PLANE_OPERATOR_IMAGE, c.release().controlPlaneOperatorImage());
        }
        c.olmCatalogImages().forEach((catalog, image) -> annotations.put(CATALOG_IMAGE_ANNOTATIONS.get(catalog), image));
        if (c.release().version() != null) {
            annotations.put(RELEASE_VERSION, c.release().version());
        }
        if (!annotations.isEmpty()) {
            hc.with("metadata").set("annotations", annotations);
        }
        ObjectNode spec = hc.putObject("spec");
        spec.putObject("additionalTrustBundle").put("name", Names.USER_CA_BUNDLE);
        if (!c.disabledCapabilities().isEmpty()) {
            ArrayNode disabled = spec.putObject("capabilities").putArray("disabled");
            c.disabledCapabilities().forEach(disabled::add);
        }
        spec.put("controllerAvailabilityPolicy", c.controllerAvailabilityPolicy());
        spec.putObject("dns").put("baseDomain", site.baseDomain());
        if (c.infraID() != null) {
            spec.put("infraID", c.infraID());
        }
        if (c.clusterID() != null) {
            spec.put("clusterID", c.clusterID());
        }
        ObjectNode etcd = spec.putObject("etcd");
        etcd.put("managementType", "Managed");
        ObjectNode storage = etcd.putObject("managed").putObject("storage");
        storage.put("type", "PersistentVolume");
        ObjectNode volume = storage.putObject("persistentVolume").put("size", c.etcdStorageSize());
        if (c.etcdStorageClass() != null) {
            volume.put("storageClassName", c.etcdStorageClass());
        }
        spec.put("fips", c.fips());
        ArrayNode ics = spec.putArray("imageContentSources");
        for (Hub.Mirror m : site.hub().mirrors()) {
            ObjectNode e = ics.addObject();
            m.mirrors().forEach(e.putArray("mirrors")::add);
            e.put("source", m.source());
        }
        ObjectNode net = spec.putObject("networking");
        c.networking().clusterNetwork().forEach(cidr -> net.withArray("clusterNetwork").addObject().put("cidr", cidr));
        c.networking().machineNetwork().forEach(cidr -> net.withArray("machineNetwork").addObject().put("cidr", cidr));
        net.put("networkType", c.networking().networkType());
        c.networking().serviceNetwork().forEach(cidr -> net.withArray("serviceNetwork").addObject().put("cidr", cidr));
        spec.put("olmCatalogPlacement", c.olmCatalogPlacement());
        if (c.disableDefaultSources()) {
            // HyperShift api/hypershift/v1beta1 ClusterConfiguration.OperatorHub (config.openshift.io OperatorHubSpec):
            // the hosted cluster's OLM then runs none of the default catalogs.
            spec.putObject("configuration").putObject("operatorhub").put("disableAllDefaultSources", true);
        }
        ObjectNode platform = spec.putObject("platform");
        platform.putObject("agent").put("agentNamespace", c.controlPlaneNamespace());
        platform.put("type", "Agent");
        spec.putObject("pullSecret").put("name", ref(c.pullSecret(), Names.pullSecret(c)));
        spec.putObject("release").put("image", c.release().image());
        ObjectNode enc = spec.putObject("secretEncryption");
        ObjectNode aescbc = enc.putObject("aescbc");
        aescbc.putObject("activeKey").put("name", ref(c.etcdEncryptionKey(), Names.etcdKey(c)));
        if (c.etcdBackupKey() != null) {
            aescbc.putObject("backupKey").put("name", ref(c.etcdBackupKey(), Names.etcdBackupKey(c)));
        }
        enc.put("type", "aescbc");
        spec.set("services", services());
        spec.putObject("sshKey").put("name", sshKeyName());
        return hc;
    }

    private ArrayNode services() {
        ArrayNode services = Yaml.NODES.arrayNode();
        Cluster.ApiServer api = c.apiServer();
        if (!api.services().isEmpty()) {
            // apiServer.services: an adopted cluster's own list, in its order (spec.services is immutable)
            api.services().forEach(s -> services.add(s.deepCopy()));
            return services;
        }
        for (String svc : List.of("APIServer", "OAuthServer", "Konnectivity", "Ignition")) {
            ObjectNode strategy = services.addObject().put("service", svc).putObject("servicePublishingStrategy");
            if (api.nodePort()) {
                ObjectNode np = strategy.put("type", "NodePort").putObject("nodePort");
                np.put("address", api.address());
                if (svc.equals("APIServer") && api.port() != null) {
                    np.put("port", api.port());
                }
            } else if (svc.equals("APIServer")) {
                strategy.put("type", "LoadBalancer");
                if (api.hostname() != null) {
                    strategy.putObject("loadBalancer").put("hostname", api.hostname());
                }
            } else {
                strategy.put("type", "Route");
            }
        }
        return services;
    }

    /**
     * The value of {@link #OLM_OVERRIDES}: {@code source=destination} pairs, comma-separated, sorted. HyperShift
     * builds the default catalogs' images as {@code <registry>/<name>-index:v<x.y>} and reads only two sources here:
     * {@code registry.redhat.io/redhat}, whose destinations replace it, and {@code registry.redhat.io}
     * (openshift/hypershift {@code support/catalogs/images.go}, {@code computeCatalogImages}; the annotation's
     * format is in {@code api/hypershift/v1beta1/hostedcluster_types.go}). So a pair is written for each catalog
     * whose {@code source} sits directly in {@code registry.redhat.io/redhat}: the destination is the repository
     * that holds the image the hub pulls for it (the catalog's {@code image}, or where a mirror sends it). A pair
     * that would map the registry to itself is never written: it changes nothing and hides that nothing is
     * mirrored.
     */
    static String olmRegistryOverrides(Hub hub) {
        TreeSet<String> pairs = new TreeSet<>();
        for (Hub.Catalog cat : hub.catalogs()) {
            Optional<ImageReference> source = ImageReference.parse(cat.source())
                    .filter(s -> s.namespace().equals(REDHAT_CATALOG_REGISTRY));
            Optional<String> destination = ImageReference.parse(cat.image())
                    .flatMap(image -> PullableImages.pulledFrom(hub, image)).map(ImageReference::namespace)
                    .filter(d -> !d.equals(REDHAT_CATALOG_REGISTRY));
            if (source.isPresent() && destination.isPresent()) {
                pairs.add(REDHAT_CATALOG_REGISTRY + "=" + destination.get());
            }
        }
        return String.join(",", pairs);
    }

    /**
     * A pool's config documents go into one ConfigMap under the key {@code config} (a YAML stream), each tuning
     * document into its own ConfigMap under {@code tuning}: the form HyperShift reads (api/hypershift/v1beta1/
     * nodepool_types.go, fields Config and TuningConfig; hypershift-operator/controllers/nodepool/config.go
     * reads every document of data.config; nto.go decodes data.tuning as one object). No labels are needed.
     */
    private void poolConfigMaps(Cluster.NodePool p) {
        if (!p.config().isEmpty()) {
            StringBuilder stream = new StringBuilder();
            for (JsonNode doc : p.config()) {
                stream.append(stream.length() == 0 ? "" : "---\n").append(Yaml.write(doc));
            }
            emit(Core.configMap(c.namespace(), Names.poolConfig(p), null, Map.of(CONFIG_KEY, stream.toString())),
                    p.path() + ".config");
        }
        for (JsonNode doc : p.tuning()) {
            emit(Core.configMap(c.namespace(), Names.poolTuning(p, documentName(doc)), null,
                    Map.of(TUNING_KEY, Yaml.write(doc))), p.path() + ".tuning");
        }
    }

    /** The key HyperShift reads config documents from (hypershift-operator/controllers/nodepool/token.go TokenSecretConfigKey). */
    public static final String CONFIG_KEY = "config";
    /** The key HyperShift reads a tuning document from (hypershift-operator/controllers/nodepool/nodepool_controller.go tuningConfigKey). */
    public static final String TUNING_KEY = "tuning";

    static String documentName(JsonNode doc) {
        return NodePoolKind.documentName(doc);
    }

    private ObjectNode infraEnv(String arch) {
        String name = Names.infraEnv(c, arch);
        ObjectNode ie = resource(AGENT_API, "InfraEnv", c.controlPlaneNamespace(), name);
        ObjectNode spec = ie.putObject("spec");
        spec.put("cpuArchitecture", Hosts.cpuArchitecture(arch));
        if (c.hosts().stream().anyMatch(h -> h.network() != null && infraEnvOf(h).equals(name))) {
            spec.putObject("nmStateConfigLabelSelector").putObject("matchLabels").put(Names.INFRAENV_LABEL, name);
        }
        spec.putObject("pullSecretRef").put("name", ref(c.pullSecret(), Names.pullSecret(c)));
        String key = publicKey();
        if (key != null) {
            spec.put("sshAuthorizedKey", key);
        }
        return ie;
    }

    /** The InfraEnv a host boots from: the one of its architecture. */
    private String infraEnvOf(Host h) {
        return Names.infraEnv(c, Hosts.archOf(c, h).orElseThrow());
    }

    /** The ssh public key as text, when the input holds it (InfraEnv takes the key itself, not a reference). */
    private String publicKey() {
        if (c.sshAuthorizedKey() != null) {
            return c.sshAuthorizedKey().strip();
        }
        SecretSource s = c.sshKey();
        if (s.inline()) {
            if (s.value() != null) {
                return s.value().strip();
            }
            if (s.stringData() != null && s.stringData().containsKey(Shape.SSH_KEY.key)) {
                return s.stringData().get(Shape.SSH_KEY.key).strip();
            }
        }
        return null;
    }

    private ObjectNode nmStateConfig(Host h) {
        ObjectNode nm = resource(AGENT_API, "NMStateConfig", c.controlPlaneNamespace(), Names.bareMetalHost(c, h));
        nm.with("metadata").putObject("labels").put(Names.INFRAENV_LABEL, infraEnvOf(h));
        ObjectNode spec = nm.putObject("spec");
        spec.set("config", h.network().deepCopy());
        ArrayNode interfaces = spec.putArray("interfaces");
        for (Map.Entry<String, String> nic : Hosts.interfaceMacs(h).entrySet()) {
            interfaces.addObject().put("macAddress", nic.getValue()).put("name", nic.getKey());
        }
        return nm;
    }

    private ObjectNode bareMetalHost(Host h) {
        ObjectNode bmh = resource("metal3.io/v1alpha1", "BareMetalHost", c.controlPlaneNamespace(),
                Names.bareMetalHost(c, h));
        ObjectNode meta = bmh.with("metadata");
        ObjectNode annotations = meta.putObject("annotations");
        annotations.put("bmac.agent-install.openshift.io/hostname", Names.agentHostname(c, h));
        annotations.put("inspect.metal3.io", "disabled");
        h.labels().forEach((k, v) -> annotations.put(AGENT_LABEL_PREFIX + k, v));
        meta.putObject("labels").put(Names.INFRAENV_LABEL, infraEnvOf(h));
        ObjectNode spec = bmh.putObject("spec");
        spec.put("automatedCleaningMode", "disabled");
        ObjectNode bmc = spec.putObject("bmc");
        bmc.put("address", BmcAddressRules.forBareMetalHost(h.bmc().address()));
        bmc.put("credentialsName", ref(h.bmc().credentials(), Names.bmcSecret(c, h)));
        bmc.put("disableCertificateVerification", h.bmc().disableCertificateVerification());
        spec.put("bootMACAddress", h.bootMACAddress().toLowerCase(java.util.Locale.ROOT));
        spec.put("online", true);
        if (h.rootDeviceHints() != null) {
            spec.set("rootDeviceHints", h.rootDeviceHints().deepCopy());
        }
        return bmh;
    }
}
