package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.model.Cluster.ApiServer;
import dev.hostedsite.model.Cluster.Bmc;
import dev.hostedsite.model.Cluster.Dns;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster.Networking;
import dev.hostedsite.model.Cluster.NodePool;
import dev.hostedsite.model.Cluster.Release;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ManagedCluster;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binds a schema-valid HostedSite tree to the model and applies the documented defaults
 * (design/hostedsite-api.md, "Defaults"). Runs only after the schema check passed, so types are right.
 */
public final class SiteBinder {
    public static final String DEFAULT_NAMESPACE = "clusters";
    public static final String DEFAULT_MCE_NAMESPACE = "multicluster-engine";

    private SiteBinder() {}

    public static Site bind(JsonNode site, SourceFile file) {
        return bind(site, file, null);
    }

    /**
     * Binds a schema-valid HostedSite; {@code stream} (null: none) is the coreos stream metadata its
     * {@code spec.hub.osImages.coreosStream} names ({@link CoreosStream#resolve}): osImages {@code images} are filled
     * from it when the site gives none (one entry per NodePool architecture the stream has), and the downloads are
     * the stream's ISO and rootfs of each entry whose version is the stream's release for its architecture.
     */
    public static Site bind(JsonNode site, SourceFile file, CoreosStream stream) {
        Site bound = bindAsGiven(site, file);
        return stream == null ? bound : withStream(bound, site, stream);
    }

    private static Site withStream(Site s, JsonNode node, CoreosStream stream) {
        Hub hub = s.hub();
        List<Hub.OsImage> images = new ArrayList<>(hub.osImages().images());
        if (!node.path("spec").path("hub").path("osImages").has("images") && stream.openshiftVersion() != null) {
            java.util.TreeSet<String> arches = new java.util.TreeSet<>();
            s.clusters().forEach(c -> c.nodePools().forEach(p -> arches.add(dev.hostedsite.kinds.Hosts.cpuArchitecture(p.arch()))));
            for (String arch : arches) {
                CoreosStream.Metal m = stream.metal().get(arch);
                if (m != null) {
                    images.add(new Hub.OsImage(stream.openshiftVersion(), m.release(), arch, m.iso().fileName(),
                            m.rootfs() == null ? null : m.rootfs().fileName()));
                }
            }
        }
        List<Hub.Download> downloads = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Hub.OsImage o = images.get(i);
            CoreosStream.Metal m = stream.metal().get(o.cpuArchitecture());
            if (m == null || !m.release().equals(o.version())) {
                continue;
            }
            String path = "spec.hub.osImages.images[" + i + "]";
            downloads.add(new Hub.Download(path + ".iso", m.iso().location(), m.iso().sha256(), o.iso()));
            if (m.rootfs() != null && o.rootfs() != null) {
                downloads.add(new Hub.Download(path + ".rootfs", m.rootfs().location(), m.rootfs().sha256(), o.rootfs()));
            }
        }
        Hub filled = new Hub(hub.mceNamespace(), hub.registry(), hub.mirrors(), hub.catalogs(),
                new Hub.OsImages(hub.osImages().webServer(), List.copyOf(images), List.copyOf(downloads),
                        hub.osImages().caBundle()),
                hub.agentServiceConfig(), hub.disableDefaultSources(), hub.operators(), hub.metallb(), hub.mceOwner(),
                hub.provisioning(), hub.storage(), hub.mirrorSetName(), hub.registriesConf());
        return new Site(s.name(), s.baseDomain(), filled, s.clusters(), s.externalSecrets(), s.ref(), s.file());
    }

    private static Site bindAsGiven(JsonNode site, SourceFile file) {
        JsonNode spec = site.path("spec");
        Set<String> externals = new LinkedHashSet<>();
        spec.path("externalSecrets").forEach(n -> externals.add(n.asText()));
        List<Cluster> clusters = new ArrayList<>();
        JsonNode cs = spec.path("clusters");
        for (int i = 0; i < cs.size(); i++) {
            clusters.add(cluster(cs.get(i), "spec.clusters[" + i + "]"));
        }
        return new Site(site.path("metadata").path("name").asText(), text(spec, "baseDomain", null),
                hub(spec.path("hub")), List.copyOf(clusters), Set.copyOf(externals), ObjectRef.of(site), file);
    }

    private static Hub hub(JsonNode hub) {
        JsonNode reg = hub.path("registry");
        Hub.Registry registry = new Hub.Registry(text(reg, "host", null),
                reg.hasNonNull("port") ? reg.get("port").asInt() : null, text(reg, "caBundle", null));
        List<Hub.Mirror> mirrors = new ArrayList<>();
        for (JsonNode m : hub.path("mirrors")) {
            mirrors.add(new Hub.Mirror(text(m, "source", null), strings(m.path("mirrors")),
                    m.path("tags").asBoolean(SchemaDefaults.bool("spec.hub.mirrors[].tags"))));
        }
        List<Hub.Catalog> catalogs = new ArrayList<>();
        for (JsonNode c : hub.path("catalogs")) {
            catalogs.add(new Hub.Catalog(text(c, "name", null), text(c, "source", null), text(c, "image", null),
                    text(c, "displayName", null), strings(c.path("packages"))));
        }
        JsonNode os = hub.path("osImages");
        List<Hub.OsImage> images = new ArrayList<>();
        for (JsonNode i : os.path("images")) {
            images.add(new Hub.OsImage(text(i, "openshiftVersion", null), text(i, "version", null),
                    text(i, "cpuArchitecture", SchemaDefaults.text("spec.hub.osImages.images[].cpuArchitecture")), text(i, "iso", null), text(i, "rootfs", null)));
        }
        JsonNode asc = hub.path("agentServiceConfig");
        String mceNamespace = text(hub, "mceNamespace", DEFAULT_MCE_NAMESPACE);
        return new Hub(mceNamespace, registry, List.copyOf(mirrors),
                List.copyOf(catalogs), new Hub.OsImages(text(os, "webServer", null), List.copyOf(images),
                        List.of(), text(os, "caBundle", null)),
                new Hub.AgentStorage(text(asc, "storageClassName", null), text(asc, "databaseStorage", null),
                        text(asc, "filesystemStorage", null), text(asc, "imageStorage", null)),
                hub.path("operatorHub").path("disableDefaultSources")
                        .asBoolean(SchemaDefaults.bool("spec.hub.operatorHub.disableDefaultSources")),
                operators(hub.path("operators"), mceNamespace), metallb(hub.path("metallb")),
                text(hub.path("multiclusterEngine"), "owner", SchemaDefaults.text("spec.hub.multiclusterEngine.owner")), text(hub, "provisioning", null),
                storage(hub.path("storage")), text(hub, "mirrorSetName", SchemaDefaults.text("spec.hub.mirrorSetName")),
                text(hub, "registriesConf", null));
    }

    /** {@code hub.storage}: the LVMS device classes as written, and the external StorageClasses. */
    private static Hub.Storage storage(JsonNode s) {
        if (!s.isObject()) {
            return Hub.Storage.NONE;
        }
        JsonNode l = s.path("lvms");
        Hub.Lvms lvms = null;
        if (l.isObject()) {
            List<JsonNode> classes = new ArrayList<>();
            l.path("deviceClasses").forEach(classes::add);
            lvms = new Hub.Lvms(text(l, "name", SchemaDefaults.text("spec.hub.storage.lvms.name")), List.copyOf(classes));
        }
        return new Hub.Storage(lvms, strings(s.path("externalStorageClasses")));
    }

    /** {@code hub.operators}, with namespace and install mode defaulted per package ({@link HubOperatorDefaults}). */
    private static List<Hub.Operator> operators(JsonNode entries, String mceNamespace) {
        List<Hub.Operator> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode o = entries.get(i);
            String pkg = text(o, "package", null);
            out.add(new Hub.Operator("spec.hub.operators[" + i + "]", pkg, text(o, "channel", null),
                    text(o, "catalog", null), text(o, "namespace", HubOperatorDefaults.defaultNamespace(pkg, mceNamespace)),
                    text(o, "installPlanApproval", SchemaDefaults.text("spec.hub.operators[].installPlanApproval")), text(o, "startingCSV", null),
                    text(o, "installMode", HubOperatorDefaults.defaultInstallMode(pkg))));
        }
        return List.copyOf(out);
    }

    private static Hub.MetalLb metallb(JsonNode m) {
        if (m.isMissingNode() || m.isNull()) {
            return null;
        }
        List<Hub.AddressPool> pools = new ArrayList<>();
        JsonNode ps = m.path("addressPools");
        for (int i = 0; i < ps.size(); i++) {
            pools.add(new Hub.AddressPool("spec.hub.metallb.addressPools[" + i + "]", text(ps.get(i), "name", null),
                    strings(ps.get(i).path("addresses"))));
        }
        return new Hub.MetalLb(List.copyOf(pools));
    }

    private static Cluster cluster(JsonNode c, String path) {
        String name = text(c, "name", null);
        JsonNode rel = c.path("release");
        JsonNode net = c.path("networking");
        Networking networking = new Networking(text(net, "networkType", SchemaDefaults.text("spec.clusters[].networking.networkType")),
                net.has("clusterNetwork") ? strings(net.get("clusterNetwork")) : SchemaDefaults.strings("spec.clusters[].networking.clusterNetwork"),
                net.has("serviceNetwork") ? strings(net.get("serviceNetwork")) : SchemaDefaults.strings("spec.clusters[].networking.serviceNetwork"),
                strings(net.path("machineNetwork")));
        JsonNode api = c.path("apiServer");
        ApiServer apiServer = new ApiServer(text(api, "publishing", SchemaDefaults.text("spec.clusters[].apiServer.publishing")), text(api, "hostname", null),
                text(api, "address", null), api.hasNonNull("port") ? api.get("port").asInt() : null, nodes(api.path("services")));
        Dns dns = c.has("dns")
                ? new Dns(strings(c.path("dns").path("apiAddresses")), strings(c.path("dns").path("ingressAddresses")))
                : null;
        List<Host> hosts = new ArrayList<>();
        JsonNode hs = c.path("hosts");
        for (int i = 0; i < hs.size(); i++) {
            hosts.add(host(hs.get(i), path + ".hosts[" + i + "]"));
        }
        List<NodePool> pools = new ArrayList<>();
        JsonNode ps = c.path("nodePools");
        if (ps.isArray() && ps.size() > 0) {
            for (int i = 0; i < ps.size(); i++) {
                pools.add(pool(ps.get(i), path + ".nodePools[" + i + "]", name));
            }
        } else {
            pools.add(pool(Yamlish.EMPTY, path + ".nodePools", name));
        }
        return new Cluster(path, name, text(c, "namespace", DEFAULT_NAMESPACE),
                release(rel),
                secret(c, "pullSecret", path), secret(c, "sshKey", path), text(c, "sshAuthorizedKey", null),
                secret(c, "etcdEncryptionKey", path), secret(c, "etcdBackupKey", path),
                text(c, "controllerAvailabilityPolicy", SchemaDefaults.text("spec.clusters[].controllerAvailabilityPolicy")),
                text(c, "olmCatalogPlacement", SchemaDefaults.text("spec.clusters[].olmCatalogPlacement")),
                c.path("fips").asBoolean(SchemaDefaults.bool("spec.clusters[].fips")), text(c, "etcdStorageSize", "8Gi"), networking, apiServer, dns,
                List.copyOf(pools), List.copyOf(hosts),
                text(c, "etcdStorageClass", null), strings(c.path("capabilities").path("disabled")),
                stringMap(c.path("olmCatalogImages")), c.path("operatorHub").path("disableDefaultSources")
                        .asBoolean(SchemaDefaults.bool("spec.clusters[].operatorHub.disableDefaultSources")),
                managedCluster(c.path("managedCluster"), path + ".managedCluster"),
                c.path("pullSecretHashedName")
                        .asBoolean(SchemaDefaults.bool("spec.clusters[].pullSecretHashedName")), null,
                text(c, "infraID", null), text(c, "clusterID", null), text(c, "sshKeySecretName", null));
    }

    private static ManagedCluster managedCluster(JsonNode m, String path) {
        if (!m.isObject()) {
            return null;
        }
        Map<String, Boolean> addons = new TreeMap<>();
        for (String addon : ManagedCluster.ADDONS) {
            addons.put(addon, m.path("addons").path(addon).asBoolean(true));
        }
        return new ManagedCluster(path, stringMap(m.path("labels")),
                text(m, "hostingClusterName", ManagedCluster.DEFAULT_HOSTING_CLUSTER), addons);
    }

    private static Release release(JsonNode rel) {
        return new Release(text(rel, "image", null), text(rel, "version", null),
                text(rel, "controlPlaneOperatorImage", null), text(rel, "architecture", null));
    }

    private static NodePool pool(JsonNode p, String path, String clusterName) {
        List<Cluster.Taint> taints = new ArrayList<>();
        for (JsonNode t : p.path("taints")) {
            taints.add(new Cluster.Taint(text(t, "key", null), text(t, "value", null), text(t, "effect", null)));
        }
        JsonNode as = p.path("autoscaling");
        Cluster.Autoscaling autoscaling = as.isObject()
                ? new Cluster.Autoscaling(as.path("min").asInt(), as.path("max").asInt()) : null;
        List<JsonNode> config = new ArrayList<>();
        p.path("config").forEach(config::add);
        List<JsonNode> tuning = new ArrayList<>();
        p.path("tuning").forEach(tuning::add);
        return new NodePool(path, text(p, "name", clusterName),
                p.hasNonNull("replicas") ? p.get("replicas").asInt() : null, text(p, "arch", SchemaDefaults.text("spec.clusters[].nodePools[].arch")),
                text(p, "upgradeType", SchemaDefaults.text("spec.clusters[].nodePools[].upgradeType")),
                p.path("autoRepair").asBoolean(SchemaDefaults.bool("spec.clusters[].nodePools[].autoRepair")),
                text(p, "nodeDrainTimeout", "0s"), p.hasNonNull("hostSelector") ? p.get("hostSelector") : null,
                stringMap(p.path("nodeLabels")), List.copyOf(taints), autoscaling,
                p.path("release").isObject() ? release(p.get("release")) : null, List.copyOf(config),
                List.copyOf(tuning));
    }

    private static Host host(JsonNode h, String path) {
        JsonNode bmc = h.path("bmc");
        return new Host(path, text(h, "name", null), text(h, "hostname", null), text(h, "bootMACAddress", null),
                new Bmc(text(bmc, "address", null), secret(bmc, "credentials", path + ".bmc"),
                        bmc.path("disableCertificateVerification")
                                .asBoolean(SchemaDefaults.bool("spec.clusters[].hosts[].bmc.disableCertificateVerification"))),
                stringMap(h.path("labels")), h.hasNonNull("rootDeviceHints") ? h.get("rootDeviceHints") : null,
                h.hasNonNull("network") ? h.get("network") : null, text(h, "arch", null));
    }

    static SecretSource secret(JsonNode parent, String field, String parentPath) {
        JsonNode s = parent.get(field);
        if (s == null || s.isNull()) {
            return null;
        }
        String path = parentPath + "." + field;
        if (s.has("secretRef")) {
            return new SecretSource(path, SecretSource.Form.SECRET_REF, null, null, null,
                    text(s.get("secretRef"), "name", null), null);
        }
        if (s.has("externalSecret")) {
            JsonNode e = s.get("externalSecret");
            JsonNode store = e.path("storeRef");
            return new SecretSource(path, SecretSource.Form.EXTERNAL, null, null, null, null,
                    new SecretSource.External(text(store, "name", null), text(store, "kind", "SecretStore"),
                            text(e, "remoteKey", null), text(e, "property", null)));
        }
        return new SecretSource(path, SecretSource.Form.INLINE, text(s, "value", null),
                s.has("data") ? stringMap(s.get("data")) : null,
                s.has("stringData") ? stringMap(s.get("stringData")) : null, null, null);
    }

    static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    static List<JsonNode> nodes(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return List.copyOf(out);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    static Map<String, String> stringMap(JsonNode obj) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static final class Yamlish {
        static final JsonNode EMPTY = dev.hostedsite.krm.Yaml.object();
    }
}
