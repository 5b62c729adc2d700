package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.kinds.acm.ManagedClusterKind;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.ManagedCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code spec.clusters[]} entry from a HostedCluster and what belongs to it, the inverse of
 * {@code generate/ClusterGenerator}: the HostedCluster (release, secrets by name, etcd, encryption, networking, services
 * and their publishing, the annotations that matter, {@code infraID}), its ACM registration, its NodePools (with their
 * config and tuning ConfigMaps) and InfraEnvs; the hosts are {@link HostReader}'s.
 */
final class ClusterReader {
    static final String OLM_OVERRIDES = "hypershift.openshift.io/olm-catalogs-is-registry-overrides";
    private final Inventory inv;
    private final SecretReader secrets;
    private final ObjectNode hc;
    private final String name;
    private final String ns;
    private final String cpns;
    private final String path;
    private final ObjectNode out = Yaml.object();

    private ClusterReader(Inventory inv, SecretReader secrets, ObjectNode hc, String path) {
        this.inv = inv;
        this.secrets = secrets;
        this.hc = hc;
        this.name = Inventory.name(hc);
        this.ns = Inventory.namespace(hc);
        this.cpns = ns + "-" + name;
        this.path = path;
    }

    /** The cluster entry of the HostedCluster {@code hc}, to become {@code path} ({@code spec.clusters[i]}). */
    static ObjectNode read(Inventory inv, SecretReader secrets, ObjectNode hc, String path) {
        ClusterReader r = new ClusterReader(inv, secrets, hc, path);
        r.run();
        return r.out;
    }

    private JsonNode spec() {
        return hc.path("spec");
    }

    private void run() {
        JsonNode spec = spec();
        out.put("name", name);
        if (!ns.equals(SiteBinder.DEFAULT_NAMESPACE)) {
            out.put("namespace", ns);
        }
        String agentNs = spec.path("platform").path("agent").path("agentNamespace").asText(cpns);
        if (!agentNs.equals(cpns)) {
            inv.warn(hc, "spec.platform.agent.agentNamespace", "the render runs agents in " + cpns + " (<namespace>-<name>),"
                    + " not " + agentNs + "; the field is immutable, so the first sync would be refused.");
        }
        if (spec.hasNonNull("infraID")) {
            out.put("infraID", spec.path("infraID").asText());
            inv.field(hc, "spec.infraID", path + ".infraID", Disposition.SITE_FIELD, "immutable: kept so the render never changes it");
        }
        if (spec.hasNonNull("clusterID")) {
            out.put("clusterID", spec.path("clusterID").asText());
            inv.field(hc, "spec.clusterID", path + ".clusterID", Disposition.SITE_FIELD, "immutable: kept so the render never changes it");
        }
        release();
        secretsOf();
        scalar("controllerAvailabilityPolicy", spec.path("controllerAvailabilityPolicy"));
        scalar("olmCatalogPlacement", spec.path("olmCatalogPlacement"));
        if (spec.has("fips")) {
            out.put("fips", spec.path("fips").asBoolean());
        }
        JsonNode pv = spec.path("etcd").path("managed").path("storage").path("persistentVolume");
        scalar("etcdStorageSize", pv.path("size"));
        scalar("etcdStorageClass", pv.path("storageClassName"));
        if (spec.path("configuration").path("operatorhub").path("disableAllDefaultSources").asBoolean(false)) {
            out.putObject("operatorHub").put("disableDefaultSources", true);
        }
        if (spec.path("capabilities").path("disabled").size() > 0) {
            out.putObject("capabilities").set("disabled", spec.path("capabilities").path("disabled").deepCopy());
        }
        olmCatalogImages();
        managedCluster();
        networking();
        apiServer();
        ArrayNode pools = out.putArray("nodePools");
        for (ObjectNode np : inv.readable("NodePool")) {
            if (ns.equals(Inventory.namespace(np)) && name.equals(np.path("spec").path("clusterName").asText())) {
                pools.add(NodePoolReader.read(inv, this, np, path + ".nodePools[" + pools.size() + "]"));
            }
        }
        if (NodePoolReader.mixed(inv, this)) {
            // pools of several architectures need the multi payload, which the site must say (input/AgentPoolArchitecture)
            ((ObjectNode) out.get("release")).put("architecture", "multi");
            inv.field(hc, "spec.release.image", path + ".release.architecture", Disposition.SITE_FIELD,
                    "NodePools of several architectures run the multi-architecture payload");
        }
        if (pools.isEmpty()) {
            inv.warn(hc, null, "no NodePool of " + name + " is in the export; the render adds one named " + name
                    + " with as many replicas as hosts. Add the NodePools to the export.");
            out.remove("nodePools");
        }
        infraEnvs();
        out.set("hosts", HostReader.read(inv, secrets, this));
        if (out.path("hosts").isEmpty()) {
            out.remove("hosts");
        }
        inv.get("Role", cpns, Names.CAPI_PROVIDER_ROLE).ifPresent(r -> inv.claim(r, path, Disposition.SITE_FIELD,
                "the Agent CAPI provider's Role, written for releases before 4.23"));
        inv.get("ConfigMap", ns, Names.USER_CA_BUNDLE).ifPresent(c -> inv.claim(c, "spec.hub.registry.caBundle",
                Disposition.SITE_FIELD, "the mirror registry's CA, for the hosted cluster"));
        List<String> known = new ArrayList<>(dev.hostedsite.kinds.hostedcluster.HostedClusterKind.CATALOG_IMAGE_ANNOTATIONS.values());
        known.add("hypershift.openshift.io/control-plane-operator-image");
        known.add(OLM_OVERRIDES);
        inv.otherAnnotations(hc, known);
        inv.claim(hc, path, Disposition.SITE_FIELD, "the hosted cluster");
    }

    String name() {
        return name;
    }

    String namespace() {
        return ns;
    }

    String controlPlaneNamespace() {
        return cpns;
    }

    String path() {
        return path;
    }

    String releaseImage() {
        return spec().path("release").path("image").asText();
    }

    /** The release version the render recorded ({@code hostedsite.dev/release-version}), or null. */
    static String recordedVersion(JsonNode o) {
        return o.path("metadata").path("annotations").path(Names.RELEASE_VERSION).asText(null);
    }

    private void scalar(String field, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            out.set(field, value.deepCopy());
        }
    }

    private void release() {
        ObjectNode rel = out.putObject("release");
        rel.put("image", releaseImage());
        String version = recordedVersion(hc);
        if (version != null) {
            rel.put("version", version);
        }
        JsonNode a = hc.path("metadata").path("annotations");
        if (a.hasNonNull("hypershift.openshift.io/control-plane-operator-image")) {
            rel.put("controlPlaneOperatorImage", a.path("hypershift.openshift.io/control-plane-operator-image").asText());
        }
        if (!releaseImage().contains("@")) {
            inv.warn(hc, "spec.release.image", "the site takes the release by digest; " + releaseImage() + " is a tag."
                    + " Find its digest with oc adm release info " + releaseImage() + " and write it into "
                    + path + ".release.image (the same image: nothing rolls).");
        }
    }

    private void olmCatalogImages() {
        JsonNode a = hc.path("metadata").path("annotations");
        ObjectNode images = Yaml.object();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(dev.hostedsite.kinds.hostedcluster.HostedClusterKind.CATALOG_IMAGE_ANNOTATIONS).entrySet()) {
            if (a.hasNonNull(e.getValue())) {
                images.put(e.getKey(), a.path(e.getValue()).asText());
            }
        }
        if (!images.isEmpty()) {
            out.set("olmCatalogImages", images);
        }
    }

    private void secretsOf() {
        JsonNode spec = spec();
        String pull = spec.path("pullSecret").path("name").asText(null);
        if (pull != null) {
            String infraEnvPull = inv.get("InfraEnv", cpns, name).map(i -> i.path("spec").path("pullSecretRef")
                    .path("name").asText(pull)).orElse(pull);
            if (!infraEnvPull.equals(pull)) {
                inv.warn(hc, "spec.pullSecret.name", "the render gives the HostedCluster and the InfraEnv one pull secret"
                        + " name (" + pull + "); the InfraEnv's " + infraEnvPull + " would change to it.");
            }
            out.set("pullSecret", secrets.source(path + ".pullSecret", pull, name + "-pull-secret", List.of(ns, cpns)));
        }
        sshKey();
        JsonNode aescbc = spec.path("secretEncryption").path("aescbc");
        String active = aescbc.path("activeKey").path("name").asText(null);
        if (active != null) {
            out.set("etcdEncryptionKey", secrets.source(path + ".etcdEncryptionKey", active, name + "-etcd-encryption-key",
                    List.of(ns)));
        } else {
            inv.warn(hc, "spec.secretEncryption", "the render always encrypts etcd with aescbc; this cluster has no"
                    + " aescbc key, and secretEncryption is immutable once set.");
        }
        String backup = aescbc.path("backupKey").path("name").asText(null);
        if (backup != null) {
            out.set("etcdBackupKey", secrets.source(path + ".etcdBackupKey", backup,
                    name + "-etcd-encryption-backup-key", List.of(ns)));
        }
    }

    /**
     * The ssh key: when the InfraEnv carries the public key the HostedCluster's Secret holds, it is written as
     * {@code sshAuthorizedKey} (a public key, which the hub shows in the InfraEnv anyway; the render writes the same
     * Secret back), unless the Secret carries what the render would not write back ({@link #beyondRender}: hcp's
     * labels): then, as when the Secret is not in the export, a {@code secretRef} to the Secret that exists, with the
     * InfraEnv's key as {@code sshAuthorizedKey} so that the InfraEnv keeps it.
     */
    private void sshKey() {
        String secretName = spec().path("sshKey").path("name").asText(null);
        Optional<String> infraEnvKey = inv.get("InfraEnv", cpns, name).map(i -> i.path("spec")
                .path("sshAuthorizedKey").asText(null)).filter(k -> k != null && !k.isBlank());
        String defaultName = "sshkey-cluster-" + name;
        if (infraEnvKey.isPresent()) {
            Optional<ObjectNode> secret = secretName == null ? Optional.empty() : inv.any("Secret", ns, secretName);
            String key = infraEnvKey.get();
            if (secret.isPresent()) {
                String held = decode(secret.get().path("data").path("id_rsa.pub").asText(""));
                if (held != null && held.strip().equals(key.strip())) {
                    out.put("sshAuthorizedKey", held);
                    Optional<String> extra = beyondRender(secret.get());
                    if (extra.isPresent()) {
                        // the render would write this Secret back without them: keep the Secret as it is instead
                        out.set("sshKey", Yaml.object().set("secretRef", Yaml.object().put("name", secretName)));
                        inv.claim(secret.get(), path + ".sshKey", Disposition.SECRET_REFERENCED, "carries "
                                + extra.get() + ", which the render would not write: a secretRef to the Secret that"
                                + " exists (spec.externalSecrets), so the render leaves it as it is; the InfraEnv"
                                + " takes the key from sshAuthorizedKey");
                        secrets.declare(ns, secretName, path + ".sshKey");
                        return;
                    }
                    if (!secretName.equals(defaultName)) {
                        out.put("sshKeySecretName", secretName);
                        inv.field(hc, "spec.sshKey.name", path + ".sshKeySecretName", Disposition.SITE_FIELD,
                                "the ssh key Secret's name, not the documentation's " + defaultName);
                    }
                    secrets.produced(secret.get(), path + ".sshAuthorizedKey", "an ssh public key, not a secret: the"
                            + " InfraEnv shows it too, and the render writes this Secret back from sshAuthorizedKey");
                    return;
                }
            } else if (secretName == null) {
                out.put("sshAuthorizedKey", key);
                return;
            }
        }
        if (secretName != null) {
            ObjectNode src = secrets.source(path + ".sshKey", secretName, defaultName, List.of(ns));
            out.set("sshKey", src);
            if (infraEnvKey.isPresent() && src.has("secretRef")) {
                // a secretRef sshKey with sshAuthorizedKey: the HostedCluster references the Secret, the InfraEnv
                // keeps the key it carries
                out.put("sshAuthorizedKey", infraEnvKey.get());
            } else if (infraEnvKey.isPresent()) {
                inv.warn(hc, "spec.sshKey", "the InfraEnv's sshAuthorizedKey differs from Secret " + secretName
                        + " (or the Secret is not in the export): the render's InfraEnv would carry no key, which"
                        + " changes its discovery image.");
            }
        } else {
            inv.warn(hc, "spec.sshKey", "the render always gives a hosted cluster an ssh key; this one has none.");
        }
    }

    /**
     * What an ssh key Secret holds beyond what the render writes for it ({@code data.id_rsa.pub}, type Opaque): other
     * data keys, labels or annotations that are not {@link ServerOwned}'s (e.g. hcp's
     * {@code hypershift.openshift.io/safe-to-delete-with-cluster}), in words; empty when there is none.
     */
    static Optional<String> beyondRender(ObjectNode secret) {
        List<String> extra = new ArrayList<>();
        secret.path("data").fieldNames().forEachRemaining(k -> {
            if (!k.equals("id_rsa.pub")) {
                extra.add("data key " + k);
            }
        });
        secret.path("stringData").fieldNames().forEachRemaining(k -> extra.add("stringData key " + k));
        secret.path("metadata").path("labels").fieldNames().forEachRemaining(k -> {
            if (ServerOwned.key(ServerOwned.LABELS, "Secret", k).isEmpty()) {
                extra.add("label " + k);
            }
        });
        secret.path("metadata").path("annotations").fieldNames().forEachRemaining(k -> {
            if (ServerOwned.key(ServerOwned.ANNOTATIONS, "Secret", k).isEmpty()) {
                extra.add("annotation " + k);
            }
        });
        return extra.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", extra));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void networking() {
        JsonNode n = spec().path("networking");
        ObjectNode net = out.putObject("networking");
        scalar(net, "networkType", n.path("networkType"));
        for (String f : List.of("clusterNetwork", "serviceNetwork", "machineNetwork")) {
            if (n.path(f).size() > 0) {
                ArrayNode cidrs = net.putArray(f);
                n.path(f).forEach(c -> cidrs.add(c.path("cidr").asText()));
            }
            for (JsonNode c : n.path(f)) {
                if (c.has("hostPrefix")) {
                    inv.warn(hc, "spec.networking." + f, "hostPrefix " + c.path("hostPrefix").asText() + " cannot be"
                            + " written by the site; the render leaves it to HyperShift's default (immutable: refused).");
                }
            }
        }
        if (n.has("apiServer")) {
            inv.warn(hc, "spec.networking.apiServer", "the render writes no networking.apiServer; it would be dropped.");
        }
    }

    private static void scalar(ObjectNode target, String field, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            target.set(field, value.deepCopy());
        }
    }

    /** Services and their publishing: all NodePort on one address, or the API server a LoadBalancer and the rest Routes. */
    private void apiServer() {
        ObjectNode api = out.putObject("apiServer");
        JsonNode services = spec().path("services");
        JsonNode apiSvc = null;
        boolean allNodePort = services.size() > 0;
        String address = null;
        boolean consistent = true;
        for (JsonNode s : services) {
            JsonNode strategy = s.path("servicePublishingStrategy");
            String type = strategy.path("type").asText();
            if (s.path("service").asText().equals("APIServer")) {
                apiSvc = strategy;
            }
            if (!type.equals("NodePort")) {
                allNodePort = false;
            } else {
                String a = strategy.path("nodePort").path("address").asText(null);
                consistent &= address == null || address.equals(a);
                address = address == null ? a : address;
            }
        }
        if (allNodePort || apiSvc != null && apiSvc.path("type").asText().equals("NodePort")) {
            api.put("publishing", "NodePort");
            address = apiSvc != null && apiSvc.path("nodePort").hasNonNull("address")
                    ? apiSvc.path("nodePort").path("address").asText() : address;
            if (address != null) {
                api.put("address", address);
            }
            JsonNode port = apiSvc == null ? null : apiSvc.path("nodePort").path("port");
            if (port != null && port.canConvertToInt()) {
                api.put("port", port.asInt());
            }
        } else {
            api.put("publishing", "LoadBalancer");
            if (apiSvc != null && apiSvc.path("loadBalancer").hasNonNull("hostname")) {
                api.put("hostname", apiSvc.path("loadBalancer").path("hostname").asText());
            }
        }
        ArrayNode derived = derivedServices(api);
        if (derived.equals(services)) {
            return;
        }
        String apiType = apiSvc == null ? "" : apiSvc.path("type").asText();
        if (apiType.equals("LoadBalancer") || apiType.equals("NodePort")) {
            api.set("services", services.deepCopy());
            inv.field(hc, "spec.services", path + ".apiServer.services", Disposition.SITE_FIELD, "kept as written, in"
                    + " order: HyperShift refuses any change of spec.services (CEL self.services == oldSelf.services)");
            if (!consistent) {
                inv.warn(hc, "spec.services", "the NodePort services use different addresses; the address checks read "
                        + address + ", the APIServer's.");
            }
        } else {
            inv.warn(hc, "spec.services", "the API server is published as " + (apiType.isEmpty() ? "nothing" : apiType)
                    + "; the site publishes it as a LoadBalancer or a NodePort only, and services are immutable: the"
                    + " first sync would be refused.");
        }
    }

    /** The services the render derives from the publishing fields (generate/ClusterGenerator#services). */
    private static ArrayNode derivedServices(ObjectNode api) {
        ArrayNode out = Yaml.NODES.arrayNode();
        boolean nodePort = api.path("publishing").asText().equals("NodePort");
        for (String svc : List.of("APIServer", "OAuthServer", "Konnectivity", "Ignition")) {
            ObjectNode strategy = out.addObject().put("service", svc).putObject("servicePublishingStrategy");
            if (nodePort) {
                ObjectNode np = strategy.put("type", "NodePort").putObject("nodePort");
                np.put("address", api.path("address").asText());
                if (svc.equals("APIServer") && api.has("port")) {
                    np.put("port", api.path("port").asInt());
                }
            } else if (svc.equals("APIServer")) {
                strategy.put("type", "LoadBalancer");
                if (api.has("hostname")) {
                    strategy.putObject("loadBalancer").put("hostname", api.path("hostname").asText());
                }
            } else {
                strategy.put("type", "Route");
            }
        }
        return out;
    }

    private void managedCluster() {
        Optional<ObjectNode> mc = inv.get("ManagedCluster", null, name);
        if (mc.isEmpty() || !"Hosted".equals(mc.get().path("metadata").path("annotations")
                .path(ManagedClusterKind.DEPLOY_MODE).asText())) {
            return;
        }
        ObjectNode m = out.putObject("managedCluster");
        ObjectNode labels = Yaml.object();
        Iterator<Map.Entry<String, JsonNode>> it = mc.get().path("metadata").path("labels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean dflt = e.getKey().equals("name") && e.getValue().asText().equals(name)
                    || e.getKey().equals(ManagedClusterKind.CLUSTER_SET) && e.getValue().asText().equals("default");
            if (!dflt) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        if (!labels.isEmpty()) {
            m.set("labels", labels);
        }
        String hosting = mc.get().path("metadata").path("annotations").path(ManagedClusterKind.HOSTING_CLUSTER)
                .asText(ManagedCluster.DEFAULT_HOSTING_CLUSTER);
        if (!hosting.equals(ManagedCluster.DEFAULT_HOSTING_CLUSTER)) {
            m.put("hostingClusterName", hosting);
        }
        inv.claim(mc.get(), path + ".managedCluster", Disposition.SITE_FIELD, "the ACM registration");
        inv.get("KlusterletAddonConfig", name, name).ifPresent(kac -> {
            ObjectNode addons = Yaml.object();
            for (String addon : ManagedCluster.ADDONS) {
                if (!kac.path("spec").path(addon).path("enabled").asBoolean(true)) {
                    addons.put(addon, false);
                }
            }
            if (!addons.isEmpty()) {
                m.set("addons", addons);
            }
            inv.claim(kac, path + ".managedCluster.addons", Disposition.SITE_FIELD, "the add-ons of the ACM registration");
        });
    }

    /** Claims the InfraEnvs of the cluster (one per architecture); their fields come from the cluster's. */
    private void infraEnvs() {
        for (ObjectNode ie : inv.readable("InfraEnv")) {
            if (!cpns.equals(Inventory.namespace(ie))) {
                continue;
            }
            String ieName = Inventory.name(ie);
            String arch = Hosts.nodePoolArch(ie.path("spec").path("cpuArchitecture").asText("x86_64"));
            boolean ours = ieName.equals(name) || ieName.equals(name + "-" + arch);
            if (!ours) {
                inv.warn(ie, "metadata.name", "the render names InfraEnvs <cluster> and <cluster>-<arch>; " + ieName
                        + " is kept as it is.");
                continue;
            }
            inv.claim(ie, path, Disposition.SITE_FIELD, "the InfraEnv of " + arch + " hosts: pull secret, ssh key and"
                    + " static network selection come from the cluster");
            for (String f : List.of("proxy", "additionalNTPSources", "ignitionConfigOverride", "kernelArguments",
                    "additionalTrustBundle", "osImageVersion", "clusterRef")) {
                if (ie.path("spec").has(f)) {
                    inv.warn(ie, "spec." + f, "the render's InfraEnv has no " + f + "; it would be dropped.");
                }
            }
        }
    }
}
