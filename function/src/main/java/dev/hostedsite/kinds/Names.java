package dev.hostedsite.kinds;

import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.SecretSource;

/** Every generated name in one place, so generators and checks agree (design/hostedsite-api.md). */
public final class Names {
    public static final String OPENSHIFT_CONFIG = "openshift-config";
    public static final String OPENSHIFT_MARKETPLACE = "openshift-marketplace";
    public static final String REGISTRY_CONFIG = "registry-config";
    public static final String CUSTOM_REGISTRIES = "custom-registries";
    public static final String USER_CA_BUNDLE = "user-ca-bundle";
    public static final String AGENT_SERVICE_CONFIG = "agent";
    public static final String IMAGE_CONFIG = "cluster";
    public static final String MULTICLUSTER_ENGINE = "multiclusterengine";
    public static final String MIRROR_SETS = "hostedsite-mirrors";
    public static final String CAPI_PROVIDER_ROLE = "capi-provider-role";
    /** The OperatorHub every OpenShift cluster has (openshift/api config/v1 types_operatorhub.go: a singleton named cluster). */
    public static final String OPERATOR_HUB = "cluster";
    /**
     * The one name metallb-operator reconciles: metallb/metallb-operator @ 194f9719 controllers/metallb_controller.go
     * ({@code defaultMetalLBCrName}); a MetalLB of any other name only gets the condition IncorrectMetalLBResourceName.
     */
    public static final String METALLB = "metallb";
    public static final String L2_ADVERTISEMENT = "hostedsite";
    /**
     * The release version ({@code release.version}) a HostedCluster or NodePool was rendered with, when the site
     * gives it: the release image is a digest, and the day-2 checks compare versions (y-stream downgrade,
     * openshift/hypershift support/supportedversion/version.go IsValidReleaseVersion) against the previous render.
     */
    public static final String RELEASE_VERSION = "hostedsite.dev/release-version";
    public static final String INFRAENV_LABEL = "infraenvs.agent-install.openshift.io";
    /**
     * The one Provisioning cluster-baremetal-operator accepts: openshift/cluster-baremetal-operator @ 4ecb36c0
     * api/v1alpha1/provisioning_webhook.go {@code ValidateCreate} refuses any other name (ProvisioningSingletonName).
     */
    public static final String PROVISIONING = "provisioning-configuration";
    /** The ConfigMap, in the MCE namespace, holding the CA of an https OS image web server (OSImageCACertRef). */
    public static final String OS_IMAGES_CA = "os-images-ca-bundle";
    /**
     * The StorageClass LVMS creates for a device class: openshift/lvm-operator @ de3cc31a
     * internal/controllers/constants/constants.go {@code StorageClassPrefix = "lvms-"} and
     * internal/controllers/lvmcluster/resource/utils.go (prefix + device class name).
     */
    public static String lvmsStorageClass(String deviceClass) {
        return "lvms-" + deviceClass;
    }

    private Names() {}

    /**
     * {@code <cluster>-pull-secret}; with {@code pullSecretHashedName} (an inline pull secret),
     * {@code <cluster>-pull-secret-<10 hex digits of the SHA-256 of its inline content>} (value, data, stringData,
     * in that order, keys sorted): HyperShift puts
     * the pull secret's name, not its content, in every NodePool's rollout hash (openshift/hypershift
     * hypershift-operator/controllers/nodepool/config.go), so only a new name makes running nodes take new content.
     */
    public static String pullSecret(Cluster c) {
        String name = c.name() + "-pull-secret";
        if (!c.pullSecretHashedName() || !c.pullSecret().inline()) {
            return name;
        }
        SecretSource s = c.pullSecret();
        String data = s.value() + "\u0000" + (s.data() == null ? "" : new java.util.TreeMap<>(s.data())) + "\u0000"
                + (s.stringData() == null ? "" : new java.util.TreeMap<>(s.stringData()));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return name + "-" + java.util.HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code clusters[].sshKeySecretName}, default {@code sshkey-cluster-<cluster>} (the documentation's name). */
    public static String sshKey(Cluster c) {
        return c.sshKeySecretName() != null ? c.sshKeySecretName() : "sshkey-cluster-" + c.name();
    }

    public static String etcdKey(Cluster c) {
        return c.name() + "-etcd-encryption-key";
    }

    public static String etcdBackupKey(Cluster c) {
        return c.name() + "-etcd-encryption-backup-key";
    }

    /**
     * The InfraEnv hosts of {@code arch} (a NodePool arch name) boot from: the cluster's name for its primary
     * architecture, {@code <cluster>-<arch>} for the others. HyperShift's
     * docs/content/how-to/agent/create-heterogeneous-nodepools.md appends the CPU architecture, but x86_64 holds
     * a '_', which no object name may, so the NodePool spelling (amd64, arm64, ppc64le, s390x) is used. Adding a
     * pool of a new architecture never renames the InfraEnv existing hosts use.
     */
    public static String infraEnv(Cluster c, String arch) {
        return arch.equals(Hosts.primaryArchitecture(c)) ? c.name() : c.name() + "-" + arch;
    }

    /** The ConfigMap holding a pool's {@code config} documents (NodePool spec.config). */
    public static String poolConfig(Cluster.NodePool p) {
        return p.name() + "-config";
    }

    /** The ConfigMap holding one of a pool's {@code tuning} documents (NodePool spec.tuningConfig). */
    public static String poolTuning(Cluster.NodePool p, String documentName) {
        return p.name() + "-tuning-" + documentName;
    }

    public static String bareMetalHost(Cluster c, Cluster.Host h) {
        return c.name() + "-" + h.name();
    }

    /**
     * The node's host name, BMAC's {@code bmac.agent-install.openshift.io/hostname}: the host's {@code hostname},
     * else {@code <cluster>-<host>} as the documentation's BareMetalHost does.
     */
    public static String agentHostname(Cluster c, Cluster.Host h) {
        return h.hostname() != null ? h.hostname() : c.name() + "-" + h.name();
    }

    public static String bmcSecret(Cluster c, Cluster.Host h) {
        return c.name() + "-" + h.name() + "-bmc-secret";
    }

    public static String ocMirrorArtifact(String site) {
        return site + "-oc-mirror";
    }

    public static String dnsArtifact(String site) {
        return site + "-dns";
    }

    public static String rhcosArtifact(String site) {
        return site + "-rhcos";
    }
}
