package dev.hostedsite.kinds.hostedcluster;

import static dev.hostedsite.kinds.KindSpec.Effect.IMMUTABLE;
import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.NEEDS_MANUAL_STEP;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;
import static dev.hostedsite.kinds.KindSpec.Effect.ROLLS_NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.List;
import java.util.Map;

/**
 * The HyperShift HostedCluster as one unit: its declaration ({@link #SPEC}: API, upstream source, sync wave,
 * readiness needs, references, field map with the effect of each change) and how it is built from a resolved
 * cluster ({@link #build}). The generic passes read the declaration through {@code kinds/catalog/KindCatalog}.
 *
 * <p>Rules that judge a HostedCluster and still live with their pass: the site checks in {@code input/}
 * ({@code HostedClusterFeatureRules}, {@code ClusterNetworkRules}, {@code ControllerRules}), the immutable fields
 * in {@code transition/ImmutableFields} (the {@link KindSpec.Effect#IMMUTABLE} rows here name the same fields;
 * {@code HostedClusterKindTest} holds them equal), what a change rolls in {@code transition/Consequences} (the
 * {@link KindSpec.Effect#ROLLS_NODES} rows here name the same fields; {@code FieldEffectsTest} holds them equal),
 * the agent namespace check in {@code graph/ReferenceChecker}, the protection of its etcd key Secrets
 * ({@code graph/WaveAssigner#PROTECTED_REFERENCES}).
 */
public final class HostedClusterKind {
    public static final String GROUP = "hypershift.openshift.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "HostedCluster";

    /** The annotation naming the default catalogs' registry overrides (hostedcluster_types.go, {@code OLMCatalogsISRegistryOverridesAnnotation}). */
    public static final String OLM_OVERRIDES = "hypershift.openshift.io/olm-catalogs-is-registry-overrides";
    /**
     * The release's HyperShift image, which the hypershift operator otherwise looks up in the release payload
     * without registry overrides (openshift/hypershift {@code api/hypershift/v1beta1/hostedcluster_types.go},
     * {@code ControlPlaneOperatorImageAnnotation}; {@code docs/content/how-to/disconnected/known-issues.md}).
     */
    public static final String CONTROL_PLANE_OPERATOR_IMAGE = "hypershift.openshift.io/control-plane-operator-image";
    /** {@code olmCatalogImages} key → annotation ({@code hostedcluster_types.go}, {@code *CatalogImageAnnotation}). */
    public static final Map<String, String> CATALOG_IMAGE_ANNOTATIONS = Map.of(
            "certified-operators", "hypershift.openshift.io/certified-operators-catalog-image",
            "community-operators", "hypershift.openshift.io/community-operators-catalog-image",
            "redhat-marketplace", "hypershift.openshift.io/redhat-marketplace-catalog-image",
            "redhat-operators", "hypershift.openshift.io/redhat-operators-catalog-image");

    /** openshift/hypershift at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.HYPERSHIFT,
            "cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/hostedclusters-Hypershift-Default.crd.yaml",
            "api/hypershift/v1beta1/hostedcluster_types.go",
            "docs/content/reference/nodepool-rollouts.md");

    /**
     * The field map. Effects: the CRD's CEL transition rules ({@code self == oldSelf}) make capabilities,
     * controllerAvailabilityPolicy, dns.baseDomain, the etcd volume, fips, the network CIDRs, olmCatalogPlacement
     * and services immutable; hostedcluster_types.go and nodepool-rollouts.md ("Summary Table") say a change of
     * imageContentSources or of the pull secret's or trust bundle's name, and the ssh key (a core config of every
     * NodePool), roll every NodePool; networkType is documented "required and immutable" but its CEL marker is
     * disabled ({@code // kubebuilder:validation:XValidation}, no {@code +}), so the API server admits a change
     * the platform does not support; the release, etcd keys and OperatorHub settings are applied to the running
     * control plane (operatorhub: "only on cluster creation" unless olmCatalogPlacement is management).
     * agentNamespace follows the cluster's namespace and name, whose change recreates the HostedCluster.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.namespace", "namespace", RECREATES),
            new FieldSpec("spec.additionalTrustBundle", "spec.hub.registry.caBundle", ROLLS_NODES),
            new FieldSpec("spec.capabilities.disabled", "capabilities.disabled", IMMUTABLE),
            new FieldSpec("spec.clusterID", "clusterID", IMMUTABLE),
            new FieldSpec("spec.controllerAvailabilityPolicy", "controllerAvailabilityPolicy", IMMUTABLE),
            new FieldSpec("spec.dns.baseDomain", "spec.baseDomain", IMMUTABLE),
            new FieldSpec("spec.etcd.managed.storage.persistentVolume.size", "etcdStorageSize", IMMUTABLE),
            new FieldSpec("spec.etcd.managed.storage.persistentVolume.storageClassName", "etcdStorageClass", IMMUTABLE),
            new FieldSpec("spec.fips", "fips", IMMUTABLE),
            new FieldSpec("spec.infraID", "infraID", IMMUTABLE),
            new FieldSpec("spec.configuration.operatorhub", "operatorHub.disableDefaultSources", IN_PLACE),
            new FieldSpec("spec.imageContentSources", "spec.hub.mirrors", ROLLS_NODES),
            new FieldSpec("spec.networking.clusterNetwork", "networking.clusterNetwork", IMMUTABLE),
            new FieldSpec("spec.networking.machineNetwork", "networking.machineNetwork", IMMUTABLE),
            new FieldSpec("spec.networking.networkType", "networking.networkType", NEEDS_MANUAL_STEP),
            new FieldSpec("spec.networking.serviceNetwork", "networking.serviceNetwork", IMMUTABLE),
            new FieldSpec("spec.olmCatalogPlacement", "olmCatalogPlacement", IMMUTABLE),
            new FieldSpec("spec.platform.agent.agentNamespace", "namespace", RECREATES),
            new FieldSpec("spec.pullSecret", "pullSecret", ROLLS_NODES),
            new FieldSpec("spec.release", "release.image", IN_PLACE),
            new FieldSpec("spec.secretEncryption.aescbc.activeKey", "etcdEncryptionKey", IN_PLACE),
            new FieldSpec("spec.secretEncryption.aescbc.backupKey", "etcdBackupKey", IN_PLACE),
            new FieldSpec("spec.services", "apiServer", IMMUTABLE),
            new FieldSpec("spec.sshKey", "sshKey", ROLLS_NODES));

    /** The references a HostedCluster holds by name (api/hypershift/v1beta1/hostedcluster_types.go, agent.go). */
    static final List<RefSpec> REFERENCES = List.of(
            new RefSpec("spec.pullSecret.name", "", "Secret"),
            new RefSpec("spec.sshKey.name", "", "Secret"),
            new RefSpec("spec.secretEncryption.aescbc.activeKey.name", "", "Secret"),
            new RefSpec("spec.secretEncryption.aescbc.backupKey.name", "", "Secret"),
            new RefSpec("spec.additionalTrustBundle.name", "", "ConfigMap"),
            new RefSpec("spec.platform.agent.agentNamespace", "", "Namespace", true, true));

    /** What a HostedCluster waits for to turn Healthy (its control plane Available). */
    static final List<Need> NEEDS = List.of(
            // openshift/hypershift control-plane-operator hostedcontrolplane_controller.go: with APIServer published
            // as a LoadBalancer, the control plane waits for the kube-apiserver Service's load-balancer ingress
            // (the HostedCluster's controlPlaneEndpoint); MetalLB assigns it from a pool and announces it per
            // L2Advertisement.
            new Need("L2Advertisement", "the API Service gets an announced address"),
            new Need("IPAddressPool", "the API Service's address comes from a pool"),
            // stolostron/backplane-operator pkg/templates/charts/toggle/hypershift-addon: the MCE runs the
            // HyperShift operator that reconciles HostedClusters (and installs their CRDs).
            new Need("MultiClusterEngine", "the MCE runs the HyperShift operator"),
            // openshift/hypershift hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go:
            // pull secret, ssh key, etcd encryption key and additionalTrustBundle are copied into the control
            // plane namespace; the control plane cannot come up (Available) without them.
            new Need("Secret", "pull secret, ssh key, etcd encryption key"),
            new Need("ExternalSecret", "Secrets it produces (pull secret, etcd key)"),
            new Need("ConfigMap", "additionalTrustBundle (mirror CA)"),
            // The control plane pods run on the hub and pull the release payload through the hub's mirror sets.
            new Need("ImageDigestMirrorSet", "release images pulled from the mirror"),
            // openshift/lvm-operator internal/controllers/lvmcluster/resource/topolvm_storageclass.go: the
            // lvms-<deviceClass> StorageClass provisions only once the LVMCluster's volume groups are ready; the
            // hosted etcd's volumes bind only then when they name such a class.
            new Need("LVMCluster", "the hosted etcd's volumes may use an LVMS storage class"));

    /**
     * The declaration; sync wave 8, after the hub's operators and MetalLB and before its NodePools (wave 11);
     * protected ({@code Delete=confirm,Prune=confirm}): losing it destroys the hosted cluster and its etcd data.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "hostedclusters", true, "spec.clusters[]",
            UPSTREAM, 8, NEEDS, REFERENCES, FIELDS,
            new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private HostedClusterKind() {}

    /**
     * The HostedCluster of cluster {@code c} (validated and defaulted) on {@code site}'s hub.
     *
     * @param olmRegistryOverrides the value of {@link #OLM_OVERRIDES} ({@code source=destination} pairs, sorted;
     *     empty for none), computed from the hub's catalogs and mirrors by {@code generate/ClusterGenerator}
     */
    public static ObjectNode build(Site site, Cluster c, String olmRegistryOverrides) {
        ObjectNode hc = Objects.resource(SPEC.apiVersion(), KIND, c.namespace(), c.name());
        ObjectNode annotations = Yaml.object();
        if (!olmRegistryOverrides.isEmpty()) {
            annotations.put(OLM_OVERRIDES, olmRegistryOverrides);
        }
        if (c.release().controlPlaneOperatorImage() != null) {
            annotations.put(CONTROL_PLANE_OPERATOR_IMAGE, c.release().controlPlaneOperatorImage());
        }
        c.olmCatalogImages().forEach((catalog, image) -> annotations.put(CATALOG_IMAGE_ANNOTATIONS.get(catalog), image));
        if (c.release().version() != null) {
            annotations.put(Names.RELEASE_VERSION, c.release().version());
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
        spec.putObject("pullSecret").put("name", c.pullSecret().referencedName(Names.pullSecret(c)));
        spec.putObject("release").put("image", c.release().image());
        ObjectNode enc = spec.putObject("secretEncryption");
        ObjectNode aescbc = enc.putObject("aescbc");
        aescbc.putObject("activeKey").put("name", c.etcdEncryptionKey().referencedName(Names.etcdKey(c)));
        if (c.etcdBackupKey() != null) {
            aescbc.putObject("backupKey").put("name", c.etcdBackupKey().referencedName(Names.etcdBackupKey(c)));
        }
        enc.put("type", "aescbc");
        spec.set("services", services(c.apiServer()));
        spec.putObject("sshKey").put("name", c.sshKey() == null ? Names.sshKey(c) : c.sshKey().referencedName(Names.sshKey(c)));
        return hc;
    }

    /**
     * How the control plane's services are published: all four as NodePort on the API server's address, or
     * the API server as a LoadBalancer (MetalLB) and the others as Routes.
     */
    private static ArrayNode services(Cluster.ApiServer api) {
        ArrayNode services = Yaml.NODES.arrayNode();
        if (!api.services().isEmpty()) {
            // apiServer.services: an adopted cluster's own list, in its order (spec.services is immutable)
            api.services().forEach(svc -> services.add(svc.deepCopy()));
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
}
