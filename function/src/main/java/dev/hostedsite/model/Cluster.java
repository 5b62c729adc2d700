package dev.hostedsite.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hosted cluster of a site. {@code path} is its field path in the HostedSite, for diagnostics.
 *
 * @param etcdStorageClass the etcd volume's StorageClass, or null for the hub's default class
 * @param disabledCapabilities {@code capabilities.disabled}, in input order; empty when not given
 * @param olmCatalogImages catalog name ({@code redhat-operators}, …) → image by digest, sorted; empty when not given
 * @param disableDefaultSources {@code operatorHub.disableDefaultSources}: the hosted cluster's OperatorHub turns the
 *     default catalog sources off
 * @param managedCluster its ACM registration from Git, or null (nothing ACM is written)
 * @param pullSecretHashedName whether the generated pull secret's name ends in a hash of its content
 *     ({@code clusters[].pullSecretHashedName}), so that a rotation renames it and rolls the NodePools
 * @param primaryArchitecture the NodePool arch whose InfraEnv has the cluster's name, when the previous render fixes
 *     it (InfraEnv cpuArchitecture is immutable); null to take the first of {@code Hosts.PRIMARY_ORDER} present
 * @param infraID HostedCluster {@code spec.infraID} ({@code clusters[].infraID}), or null: HyperShift generates one
 * @param clusterID HostedCluster {@code spec.clusterID} ({@code clusters[].clusterID}), or null: HyperShift generates one
 * @param sshKeySecretName the name of the ssh key Secret the render writes ({@code clusters[].sshKeySecretName}), or null
 *     for {@code sshkey-cluster-<name>}
 */
public record Cluster(String path, String name, String namespace, Release release,
                      SecretSource pullSecret, SecretSource sshKey, String sshAuthorizedKey,
                      SecretSource etcdEncryptionKey, SecretSource etcdBackupKey,
                      String controllerAvailabilityPolicy, String olmCatalogPlacement, boolean fips,
                      String etcdStorageSize, Networking networking, ApiServer apiServer, Dns dns,
                      List<NodePool> nodePools, List<Host> hosts,
                      String etcdStorageClass, List<String> disabledCapabilities, Map<String, String> olmCatalogImages,
                      boolean disableDefaultSources, ManagedCluster managedCluster,
                      boolean pullSecretHashedName, String primaryArchitecture, String infraID,
                      String clusterID, String sshKeySecretName) {

    /** This cluster with its primary architecture fixed ({@code primaryArchitecture}). */
    public Cluster withPrimaryArchitecture(String arch) {
        return new Cluster(path, name, namespace, release, pullSecret, sshKey, sshAuthorizedKey, etcdEncryptionKey,
                etcdBackupKey, controllerAvailabilityPolicy, olmCatalogPlacement, fips, etcdStorageSize, networking,
                apiServer, dns, nodePools, hosts, etcdStorageClass, disabledCapabilities, olmCatalogImages,
                disableDefaultSources, managedCluster, pullSecretHashedName, arch, infraID, clusterID,
                sshKeySecretName);
    }

    /** The namespace HyperShift runs the control plane in, where agents, InfraEnv and hosts live. */
    public String controlPlaneNamespace() {
        return namespace + "-" + name;
    }

    /**
     * A release payload: {@code image} by digest, optional {@code version} (x.y.z), optional {@code architecture}
     * ({@code multi} or one NodePool arch; null when not declared).
     *
     * @param controlPlaneOperatorImage the release's HyperShift image by digest, or null (HyperShift finds it);
     *     always null for a pool's own release
     */
    public record Release(String image, String version, String controlPlaneOperatorImage, String architecture) {
        public static final String MULTI = "multi";

        /** Whether the payload carries {@code arch} (a NodePool arch name); an undeclared architecture is {@code fallback}'s. */
        public boolean carries(String arch, String fallback) {
            String declared = architecture != null ? architecture : fallback;
            return MULTI.equals(declared) || arch.equals(declared);
        }

        /** {@code [major, minor]} of {@link #version}, if one is given. */
        public Optional<int[]> majorMinor() {
            if (version == null) {
                return Optional.empty();
            }
            String[] parts = version.split("\\.");
            try {
                return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code machineNetwork}: the CIDRs of the nodes' network as the site declares them ({@code networking.machineNetwork},
     * emitted as HostedCluster {@code spec.networking.machineNetwork}); empty when not given (then the checks derive
     * it from the hosts' static addresses, and nothing is emitted).
     */
    public record Networking(String networkType, List<String> clusterNetwork, List<String> serviceNetwork,
                             List<String> machineNetwork) {}

    /**
     * How the control plane's services are published. {@code services}: {@code apiServer.services}, the HostedCluster's
     * {@code spec.services} as written (each a ServicePublishingStrategyMapping), or empty to derive them from
     * {@code publishing}.
     */
    public record ApiServer(String publishing, String hostname, String address, Integer port,
                            List<JsonNode> services) {
        public boolean nodePort() {
            return "NodePort".equals(publishing);
        }
    }

    public record Dns(List<String> apiAddresses, List<String> ingressAddresses) {}

    /**
     * {@code replicas} is null when the user left it to default to the hosts in the pool, or when the pool
     * autoscales ({@code autoscaling} non-null). {@code release} is the pool's own release, or null when it
     * follows the cluster's ({@link Cluster#releaseOf}). {@code config} and {@code tuning} are the documents the
     * pool's nodes get (MachineConfig and friends; Tuned or PerformanceProfile), in input order.
     */
    public record NodePool(String path, String name, Integer replicas, String arch, String upgradeType,
                           boolean autoRepair, String nodeDrainTimeout, JsonNode hostSelector,
                           Map<String, String> nodeLabels, List<Taint> taints, Autoscaling autoscaling,
                           Release release, List<JsonNode> config, List<JsonNode> tuning) {}

    /** A NodePool taint; {@code value} may be null. */
    public record Taint(String key, String value, String effect) {}

    /** NodePool autoscaling bounds, in nodes. */
    public record Autoscaling(int min, int max) {}

    /**
     * {@code hostname} is null when the user left it to default to {@code <cluster>-<host>}; {@code arch} is the
     * host's declared architecture, or null (then {@code Hosts.archOf} derives it).
     */
    public record Host(String path, String name, String hostname, String bootMACAddress, Bmc bmc,
                       Map<String, String> labels, JsonNode rootDeviceHints, JsonNode network, String arch) {}

    /** The release a pool runs: its own, or the cluster's. */
    public Release releaseOf(NodePool p) {
        return p.release() != null ? p.release() : release;
    }

    public record Bmc(String address, SecretSource credentials, boolean disableCertificateVerification) {}
}
