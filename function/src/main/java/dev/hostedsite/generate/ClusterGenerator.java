package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.generate.SecretWriter.Shape;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.input.BmcAddressRules;
import dev.hostedsite.input.PullableImages;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.platform.agent.BareMetalHostKind;
import dev.hostedsite.platform.agent.CapiProviderRoleKind;
import dev.hostedsite.platform.agent.InfraEnvKind;
import dev.hostedsite.platform.agent.NMStateConfigKind;
import dev.hostedsite.kinds.hostedcluster.HostedClusterKind;
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

/**
 * Everything one hosted cluster needs on the hub: namespaces, secrets, HostedCluster, NodePools, agents' side. The
 * kinds declared as units ({@code kinds/hostedcluster}, {@code kinds/nodepool}, {@code platform/agent}, {@code kinds/acm}) build
 * themselves; this class decides which objects a cluster gets, in which folder, from which site field.
 */
public final class ClusterGenerator {
    /** See {@link BareMetalHostKind#AGENT_LABEL_PREFIX}. */
    public static final String AGENT_LABEL_PREFIX = BareMetalHostKind.AGENT_LABEL_PREFIX;
    /** See {@link HostedClusterKind#OLM_OVERRIDES}. */
    static final String OLM_OVERRIDES = HostedClusterKind.OLM_OVERRIDES;
    /** Where HyperShift looks for the default catalogs' index images (openshift/hypershift support/catalogs/images.go). */
    static final String REDHAT_CATALOG_REGISTRY = "registry.redhat.io/redhat";
    /** See {@link Names#RELEASE_VERSION}. */
    public static final String RELEASE_VERSION = Names.RELEASE_VERSION;

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
        if (CapiProviderRoleKind.needed(c)) {
            emit(CapiProviderRoleKind.build(cpns));
        }
        emit(HostedClusterKind.build(site, c, olmRegistryOverrides(site.hub())));
        for (Cluster.NodePool p : c.nodePools()) {
            poolConfigMaps(p);
            emit(NodePoolKind.build(c, p), p.path());
        }
        for (String arch : Hosts.architectures(c)) {
            emit(InfraEnvKind.build(c, arch, publicKey()));
        }
        for (Host h : c.hosts()) {
            if (h.network() != null) {
                emit(NMStateConfigKind.build(c, h), h.path());
            }
            secret(h.bmc().credentials(), cpns, Names.bmcSecret(c, h), Shape.BMC_CREDENTIALS);
            emit(BareMetalHostKind.build(c, h, BmcAddressRules.forBareMetalHost(h.bmc().address())), h.path());
        }
        AcmRegistration.generate(c).forEach(this::emit);
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
}
