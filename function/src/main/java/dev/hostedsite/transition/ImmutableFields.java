package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.kinds.Upstreams;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table of fields the hub refuses to change once an object exists: each rule names the kind, the
 * schema node that carries it, the upstream rule text, how it is checked, the HostedSite field it comes from
 * (relative to the cluster, pool or host that generates the object; {@code spec.…} is absolute; null when no
 * HostedSite field sets it) and the upstream source.
 *
 * <p>HyperShift rules are the CRDs' CEL transition rules (those mentioning {@code oldSelf}; the API server
 * evaluates them only on update, and only when the old and the new value both exist). The copies under
 * {@code fixtures/upstream-schemas} carry them; {@code ImmutableFieldsTest} requires every such rule to be here
 * or in {@link #EXCLUDED} with a reason. The others come from admission webhooks and core API validation.
 */
public final class ImmutableFields {
    /** openshift/hypershift at {@link Upstreams#HYPERSHIFT}, CEL from the XValidation markers of api/hypershift/v1beta1/hostedcluster_types.go. */
    static final String HC_CRD = "openshift/hypershift cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/"
            + "hostedclusters-Hypershift-Default.crd.yaml";
    /** openshift/hypershift at {@link Upstreams#HYPERSHIFT}, CEL from api/hypershift/v1beta1/nodepool_types.go. */
    static final String NP_CRD = "openshift/hypershift cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/"
            + "nodepools-Default.crd.yaml";
    /** metal3-io/baremetal-operator at {@link Upstreams#METAL3}, validateChanges (admission webhook). */
    static final String BMH_WEBHOOK = Upstreams.METAL3.repository()
            + " internal/webhooks/metal3.io/v1alpha1/baremetalhost_validation.go (validateChanges)";
    /** openshift/assisted-service at {@link Upstreams#ASSISTED_SERVICE}, validateUpdate (admission webhook). */
    static final String INFRAENV_WEBHOOK = "openshift/assisted-service pkg/webhooks/agentinstall/v1beta1/"
            + "infraenv_admission_hook.go (validateUpdate)";
    /** stolostron/backplane-operator at {@link Upstreams#BACKPLANE_OPERATOR}, ValidateUpdate (admission webhook). */
    static final String MCE_WEBHOOK = Upstreams.BACKPLANE_OPERATOR.repository()
            + " api/v1/multiclusterengine_webhook.go (ValidateUpdate)";
    /** kubernetes/kubernetes, ValidateSecretUpdate. */
    static final String CORE_SECRET = "kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidateSecretUpdate)";

    /** How a rule compares the old and the new object. */
    public enum Check {
        /** {@code self == oldSelf} on the field: refused when both values exist and differ. */
        EQUAL,
        /** {@code oldSelf == "" || self == oldSelf}: refused when the old value is set and the new one differs. */
        EQUAL_ONCE_SET,
        /** {@code !has(oldSelf.f) || has(self.f)} on the parent: refused when the field was set and is now gone. */
        KEEP,
        /** {@code has(self.f) == has(oldSelf.f)} on the parent: refused when the field is added or removed. */
        SAME_PRESENCE
    }

    /**
     * One rule. {@code node}: the schema node carrying it (dot path from the object root, "" for the root);
     * {@code field}: the dot path of the field it compares; {@code rule}: the upstream text (CEL, or the
     * webhook's message); {@code siteField}: see the class comment.
     */
    public record Rule(String kind, String node, String rule, Check check, String field, String siteField,
                       String source) {
        /** The field of {@code object} at {@link #field}, or null when absent. */
        JsonNode valueIn(JsonNode object) {
            return at(object, field);
        }

        /** True when changing {@code before} into {@code after} breaks this rule. */
        public boolean refuses(JsonNode before, JsonNode after) {
            JsonNode old = at(before, field);
            JsonNode now = at(after, field);
            String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
            return switch (check) {
                case EQUAL -> old != null && now != null && !old.equals(now);
                case EQUAL_ONCE_SET -> old != null && now != null && !old.asText().isEmpty() && !old.equals(now);
                case KEEP -> old != null && now == null && (parent.isEmpty() || at(after, parent) != null
                        || node.isEmpty());
                case SAME_PRESENCE -> at(before, parent) != null && at(after, parent) != null && (old == null) != (now == null);
            };
        }
    }

    /** A transition rule this table leaves out on purpose, and why. {@code neverWritten}: paths no render writes. */
    public record Exclusion(String kind, String node, String rule, String reason, String neverWritten) {}

    private static final String OVN = "spec.operatorConfiguration.clusterNetworkOperator.ovnKubernetesConfig";

    public static final List<Rule> RULES = List.of(
            hc("", "!has(oldSelf.spec) || !has(oldSelf.spec.infraID) || (has(self.spec) && has(self.spec.infraID))",
                    Check.KEEP, "spec.infraID", "infraID"),
            hc("", "!has(oldSelf.spec) || !has(oldSelf.spec.clusterID) || (has(self.spec) && has(self.spec.clusterID))",
                    Check.KEEP, "spec.clusterID", "clusterID"),
            // the rule compares services unless the platform is IBMCloud; hostedsite only writes platform Agent
            hc("spec", "self.platform.type != \"IBMCloud\" ? self.services == oldSelf.services : true",
                    Check.EQUAL, "spec.services", "apiServer"),
            hc("spec", "!has(oldSelf.secretEncryption) || has(self.secretEncryption)",
                    Check.KEEP, "spec.secretEncryption", "etcdEncryptionKey"),
            hc("spec.capabilities", "self == oldSelf", Check.EQUAL, "spec.capabilities", "capabilities"),
            hc("spec.capabilities.disabled", "self == oldSelf", Check.EQUAL, "spec.capabilities.disabled", "capabilities.disabled"),
            hc("spec.capabilities.enabled", "self == oldSelf", Check.EQUAL, "spec.capabilities.enabled", "capabilities.enabled"),
            hc("spec.clusterID", "oldSelf == \"\" || self == oldSelf", Check.EQUAL_ONCE_SET, "spec.clusterID", "clusterID"),
            hc("spec.configuration.ingress.domain", "self == oldSelf", Check.EQUAL, "spec.configuration.ingress.domain", null),
            hc("spec.controllerAvailabilityPolicy", "self == oldSelf", Check.EQUAL, "spec.controllerAvailabilityPolicy",
                    "controllerAvailabilityPolicy"),
            hc("spec.dns.baseDomain", "oldSelf == \"\" || self == oldSelf", Check.EQUAL_ONCE_SET, "spec.dns.baseDomain",
                    "spec.baseDomain"),
            hc("spec.dns.baseDomainPrefix", "self == oldSelf", Check.EQUAL, "spec.dns.baseDomainPrefix", null),
            hc("spec.dns.privateZoneID", "oldSelf == \"\" || self == oldSelf", Check.EQUAL_ONCE_SET, "spec.dns.privateZoneID", null),
            hc("spec.dns.publicZoneID", "oldSelf == \"\" || self == oldSelf", Check.EQUAL_ONCE_SET, "spec.dns.publicZoneID", null),
            hc("spec.etcd.managed.storage", "has(self.restoreSnapshotURL) == has(oldSelf.restoreSnapshotURL)",
                    Check.SAME_PRESENCE, "spec.etcd.managed.storage.restoreSnapshotURL", null),
            hc("spec.etcd.managed.storage.persistentVolume.size", "self == oldSelf", Check.EQUAL,
                    "spec.etcd.managed.storage.persistentVolume.size", "etcdStorageSize"),
            hc("spec.etcd.managed.storage.persistentVolume.storageClassName", "self == oldSelf", Check.EQUAL,
                    "spec.etcd.managed.storage.persistentVolume.storageClassName", "etcdStorageClass"),
            hc("spec.etcd.managed.storage.restoreSnapshotURL", "self == oldSelf", Check.EQUAL,
                    "spec.etcd.managed.storage.restoreSnapshotURL", null),
            hc("spec.etcd.managementType", "self == oldSelf", Check.EQUAL, "spec.etcd.managementType", null),
            hc("spec.fips", "self == oldSelf", Check.EQUAL, "spec.fips", "fips"),
            hc("spec.infraID", "oldSelf == \"\" || self == oldSelf", Check.EQUAL_ONCE_SET, "spec.infraID", "infraID"),
            hc("spec.issuerURL", "self == oldSelf", Check.EQUAL, "spec.issuerURL", null),
            hc("spec.networking.allocateNodeCIDRs", "self == oldSelf", Check.EQUAL, "spec.networking.allocateNodeCIDRs", null),
            hc("spec.networking.apiServer.advertiseAddress", "self == oldSelf", Check.EQUAL,
                    "spec.networking.apiServer.advertiseAddress", null),
            hc("spec.networking.apiServer.port", "self == oldSelf", Check.EQUAL, "spec.networking.apiServer.port", null),
            hc("spec.networking.clusterNetwork", "self == oldSelf", Check.EQUAL, "spec.networking.clusterNetwork",
                    "networking.clusterNetwork"),
            hc("spec.networking.machineNetwork", "self == oldSelf", Check.EQUAL, "spec.networking.machineNetwork",
                    "networking.machineNetwork"),
            hc("spec.networking.serviceNetwork", "self == oldSelf", Check.EQUAL, "spec.networking.serviceNetwork",
                    "networking.serviceNetwork"),
            hc("spec.olmCatalogPlacement", "self == oldSelf", Check.EQUAL, "spec.olmCatalogPlacement", "olmCatalogPlacement"),
            hc("spec.operatorConfiguration.clusterNetworkOperator",
                    "!has(oldSelf.ovnKubernetesConfig) || has(self.ovnKubernetesConfig)", Check.KEEP,
                    "spec.operatorConfiguration.clusterNetworkOperator.ovnKubernetesConfig", null),
            hc("spec.operatorConfiguration.clusterNetworkOperator.disableMultiNetwork", "self == oldSelf", Check.EQUAL,
                    "spec.operatorConfiguration.clusterNetworkOperator.disableMultiNetwork", null),
            hc(OVN, "!has(oldSelf.mtu) || has(self.mtu)", Check.KEEP, OVN + ".mtu", null),
            hc(OVN, "!has(oldSelf.ipv6) || has(self.ipv6)", Check.KEEP, OVN + ".ipv6", null),
            hc(OVN, "!has(oldSelf.ipv6) || !has(oldSelf.ipv6.internalJoinSubnet) || (has(self.ipv6) && has(self.ipv6.internalJoinSubnet))",
                    Check.KEEP, OVN + ".ipv6.internalJoinSubnet", null),
            hc(OVN, "!has(oldSelf.ipv6) || !has(oldSelf.ipv6.internalTransitSwitchSubnet) || (has(self.ipv6) && has(self.ipv6.internalTransitSwitchSubnet))",
                    Check.KEEP, OVN + ".ipv6.internalTransitSwitchSubnet", null),
            hc(OVN, "!has(oldSelf.v4InternalSubnet) || has(self.v4InternalSubnet)", Check.KEEP, OVN + ".v4InternalSubnet", null),
            hc(OVN, "!has(oldSelf.v6InternalSubnet) || has(self.v6InternalSubnet)", Check.KEEP, OVN + ".v6InternalSubnet", null),
            hc(OVN + ".ipv6.internalJoinSubnet", "self == oldSelf", Check.EQUAL, OVN + ".ipv6.internalJoinSubnet", null),
            hc(OVN + ".ipv6.internalTransitSwitchSubnet", "self == oldSelf", Check.EQUAL,
                    OVN + ".ipv6.internalTransitSwitchSubnet", null),
            hc(OVN + ".mtu", "self == oldSelf", Check.EQUAL, OVN + ".mtu", null),
            hc(OVN + ".v4InternalSubnet", "self == oldSelf", Check.EQUAL, OVN + ".v4InternalSubnet", null),
            hc(OVN + ".v6InternalSubnet", "self == oldSelf", Check.EQUAL, OVN + ".v6InternalSubnet", null),
            hc("spec.platform.type", "self == oldSelf", Check.EQUAL, "spec.platform.type", null),

            np("spec", "!has(oldSelf.arch) || has(self.arch)", Check.KEEP, "spec.arch", "arch"),
            np("spec.arch", "self == oldSelf", Check.EQUAL, "spec.arch", "arch"),
            np("spec.clusterName", "self == oldSelf", Check.EQUAL, "spec.clusterName", null),
            np("spec.management.upgradeType", "self == oldSelf", Check.EQUAL, "spec.management.upgradeType", "upgradeType"),
            np("spec.platform.type", "self == oldSelf", Check.EQUAL, "spec.platform.type", null),

            // spec.bmc.address is refused unless the host is registering or detached, which assisted-service makes
            // every provisioned host: a warning with the check to make (Consequences, ConsequenceGuard)
            new Rule("BareMetalHost", "spec.bootMACAddress", "bootMACAddress can not be changed once it is set",
                    Check.EQUAL_ONCE_SET, "spec.bootMACAddress", "bootMACAddress", BMH_WEBHOOK),
            new Rule("Secret", "type", "field is immutable", Check.EQUAL, "type", null, CORE_SECRET),
            new Rule("InfraEnv", "spec.cpuArchitecture", "Attempted to change Spec.CpuArchitecture which is immutable"
                    + " after InfraEnv creation.", Check.EQUAL, "spec.cpuArchitecture", null, INFRAENV_WEBHOOK),
            // refused when the old value is set and the new one differs; the render always writes it (an absent one
            // is defaulted to multicluster-engine by the same webhook's Default)
            new Rule("MultiClusterEngine", "spec.targetNamespace", "changes cannot be made to target namespace",
                    Check.EQUAL_ONCE_SET, "spec.targetNamespace", "spec.hub.mceNamespace", MCE_WEBHOOK));

    /**
     * Defaults the API server writes into an object when a field is absent (the CRD schema's {@code default}): a
     * transition rule compares the stored object, so a field the render leaves out still has its default as the
     * old value. {@code ImmutableFieldsTest} checks every default of the copied schemas at a rule's field is here. HostedCluster {@code spec.capabilities} defaults to {@code {}}
     * (hostedcluster-v1beta1 schema), which makes adding or removing {@code capabilities.disabled} a change of
     * an immutable field.
     */
    public static final List<StoredDefault> STORED_DEFAULTS = List.of(
            new StoredDefault("HostedCluster", "spec.capabilities", Yaml.NODES.objectNode()),
            new StoredDefault("HostedCluster", "spec.issuerURL", Yaml.NODES.textNode("https://kubernetes.default.svc")),
            new StoredDefault("HostedCluster", "spec.olmCatalogPlacement", Yaml.NODES.textNode("management")),
            new StoredDefault("HostedCluster", "spec.controllerAvailabilityPolicy", Yaml.NODES.textNode("HighlyAvailable")),
            new StoredDefault("HostedCluster", "spec.etcd.managed.storage.persistentVolume.size", Yaml.NODES.textNode("8Gi")),
            new StoredDefault("HostedCluster", "spec.networking.clusterNetwork", cidrs("10.132.0.0/14")),
            new StoredDefault("HostedCluster", "spec.networking.serviceNetwork", cidrs("172.31.0.0/16")),
            new StoredDefault("HostedCluster", "spec.operatorConfiguration.clusterNetworkOperator.disableMultiNetwork",
                    Yaml.NODES.booleanNode(false)));

    private static JsonNode cidrs(String cidr) {
        com.fasterxml.jackson.databind.node.ArrayNode list = Yaml.NODES.arrayNode();
        list.addObject().put("cidr", cidr);
        return list;
    }

    /** One CRD default: kind, dot path, the value the API server writes when the field is absent. */
    public record StoredDefault(String kind, String path, JsonNode value) {}

    /** The object as the API server stores it: {@link #STORED_DEFAULTS} filled in where absent (a copy). */
    public static JsonNode asStored(JsonNode object) {
        ObjectNode out = object.deepCopy();
        String kind = object.path("kind").asText();
        for (StoredDefault d : STORED_DEFAULTS) {
            if (!d.kind().equals(kind) || at(out, d.path()) != null) {
                continue;
            }
            String[] parts = d.path().split("\\.");
            ObjectNode parent = out;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.with(parts[i]);
            }
            parent.set(parts[parts.length - 1], d.value().deepCopy());
        }
        return out;
    }

    private static final String NOT_AGENT = "only for another platform; hostedsite writes platform type Agent and never"
            + " this subtree";
    private static final String NO_FEATURE_SET = "hostedsite never writes spec.configuration.featureGate; an apply that"
            + " does not name a field leaves it alone";

    /** Transition rules of the copied schemas that {@link #RULES} leaves out, with the reason. */
    public static final List<Exclusion> EXCLUDED = excluded();

    private static List<Exclusion> excluded() {
        List<Exclusion> out = new ArrayList<>();
        String fs = "spec.configuration.featureGate.featureSet";
        for (String rule : List.of("oldSelf == 'CustomNoUpgrade' ? self == 'CustomNoUpgrade' : true",
                "oldSelf == 'TechPreviewNoUpgrade' ? self == 'TechPreviewNoUpgrade' : true",
                "oldSelf == 'DevPreviewNoUpgrade' ? self == 'DevPreviewNoUpgrade' : true", "oldSelf == 'OKD' ? self != '' : true")) {
            out.add(new Exclusion("HostedCluster", fs, rule, NO_FEATURE_SET, "spec.configuration.featureGate"));
        }
        // {subtree, node below it ("" for the subtree itself), rule}: other platforms' settings
        String az = "spec.platform.azure";
        String kv = "spec.platform.kubevirt";
        for (String[] r : new String[][] {
                {az, "", "has(self.private) == has(oldSelf.private)"},
                {az, "", "!has(oldSelf.topology) || has(self.topology)"},
                {az, "", "!has(self.topology) || !has(oldSelf.topology) || (self.topology == 'Public') == (oldSelf.topology == 'Public')"},
                {az, ".location", "self == oldSelf"},
                {az, ".private", "!has(oldSelf.type) || self.type == oldSelf.type"},
                {az, ".private.privateLink.natSubnetID", "self == oldSelf"},
                {az, ".private.swift", "self.podNetworkInstance == oldSelf.podNetworkInstance"},
                {az, ".resourceGroup", "self == oldSelf"},
                {az, ".securityGroupID", "self == oldSelf"},
                {az, ".subnetID", "self == oldSelf"},
                {az, ".subscriptionID", "self == oldSelf"},
                {az, ".vnetID", "self == oldSelf"},
                {kv, "", "!has(oldSelf.generateID) || has(self.generateID)"},
                {kv, ".baseDomainPassthrough", "self == oldSelf"},
                {kv, ".credentials.infraKubeConfigSecret", "self == oldSelf"},
                {kv, ".credentials.infraNamespace", "self == oldSelf"},
                {kv, ".generateID", "self == oldSelf"},
                {kv, ".storageDriver", "self == oldSelf"},
                {kv, ".storageDriver.manual", "self == oldSelf"},
                {kv, ".storageDriver.manual.storageClassMapping", "self == oldSelf"},
                {kv, ".storageDriver.manual.volumeSnapshotClassMapping", "self == oldSelf"},
                {kv, ".storageDriver.type", "self == oldSelf"}}) {
            out.add(new Exclusion("HostedCluster", r[0] + r[1], r[2], NOT_AGENT, r[0]));
        }
        String kms = "spec.secretEncryption.kms";
        out.add(new Exclusion("HostedCluster", kms + ".azure", "(has(self.keyVaultType) ? self.keyVaultType : 'KeyVault')"
                + " == (has(oldSelf.keyVaultType) ? oldSelf.keyVaultType : 'KeyVault')",
                "KMS encryption; hostedsite writes aescbc only", kms));
        out.add(new Exclusion("HostedCluster", kms + ".azure", "has(self.kms) == has(oldSelf.kms)",
                "KMS encryption; hostedsite writes aescbc only", kms));
        out.add(new Exclusion("NodePool", "spec.platform.azure.subnetID", "self == oldSelf", NOT_AGENT, "spec.platform.azure"));
        for (String f : List.of("infraKubeConfigSecret", "infraNamespace")) {
            out.add(new Exclusion("NodePool", "status.platform.kubeVirt.credentials." + f, "self == oldSelf",
                    "status is written by HyperShift, never by a render", "status"));
        }
        return List.copyOf(out);
    }

    private ImmutableFields() {}

    private static Rule hc(String node, String rule, Check check, String field, String siteField) {
        return new Rule("HostedCluster", node, rule, check, field, siteField, HC_CRD);
    }

    private static Rule np(String node, String rule, Check check, String field, String siteField) {
        return new Rule("NodePool", node, rule, check, field, siteField, NP_CRD);
    }

    /** The rules {@code before → after} (two versions of one object, same kind, each as the API server stores it) breaks, in table order. */
    public static List<Rule> refusals(JsonNode before, JsonNode after) {
        String kind = after.path("kind").asText();
        JsonNode storedBefore = asStored(before);
        JsonNode storedAfter = asStored(after);
        List<Rule> out = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.kind().equals(kind) && r.refuses(storedBefore, storedAfter)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The node at a dot path ({@code spec.networking.serviceNetwork}), or null when absent or null. */
    static JsonNode at(JsonNode object, String path) {
        JsonNode n = object;
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                n = n == null ? null : n.get(part);
            }
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }
}
