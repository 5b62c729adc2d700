package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Layer two of input validation: the rules the schema cannot express. Runs on bound, defaulted sites that
 * passed the schema, so what it enforces (MAC and digest formats, NodePort's address) is not checked again.
 * Every finding names the HostedSite field it is about. Secret values never appear in a message.
 */
public final class SemanticValidator {

    private final Site site;
    private final List<Diagnostic> out = new ArrayList<>();

    private SemanticValidator(Site site) {
        this.site = site;
    }

    /** Checks each site, then what must hold across all sites of the ResourceList. */
    public static List<Diagnostic> validate(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site s : sites) {
            SemanticValidator v = new SemanticValidator(s);
            v.run();
            out.addAll(v.out);
            out.addAll(HubPrerequisiteRules.check(s));
        }
        acrossSites(sites, out);
        return out;
    }

    private void error(String path, String message) {
        out.add(Diagnostic.error(site.ref(), path, message).withFile(site.file()));
    }

    /** An error with the bad value, when there is one (null: none). */
    private void error(String path, String message, String value) {
        Diagnostic d = Diagnostic.error(site.ref(), path, message).withFile(site.file());
        out.add(value == null ? d : d.withValue(value));
    }

    private void warning(String path, String message) {
        out.add(Diagnostic.warning(site.ref(), path, message).withFile(site.file()));
    }

    private void report(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.error()) {
                error(f.path(), f.message(), f.value());
            } else {
                out.add(Diagnostic.warning(site.ref(), f.path(), f.message()).withValue(f.value()).withFile(site.file()));
            }
        }
    }

    private void run() {
        hub(site.hub());
        Map<String, String> pools = new HashMap<>();
        for (Cluster c : site.clusters()) {
            cluster(c);
            if (c.sshKeySecretName() != null && c.sshKey() != null && c.sshKey().form() == SecretSource.Form.SECRET_REF) {
                error(c.path() + ".sshKeySecretName", "sshKeySecretName names the Secret the render writes for the ssh"
                        + " key, but sshKey is a secretRef to " + c.sshKey().refName() + ": the render writes no Secret"
                        + " and references " + c.sshKey().refName() + ". Remove sshKeySecretName, or give the key as"
                        + " sshAuthorizedKey.", c.sshKeySecretName());
            }
            services(c);
            report(HostNameRules.check(c));
            for (Cluster.NodePool p : c.nodePools()) {
                String prev = pools.putIfAbsent(c.namespace() + "/" + p.name(), p.path());
                if (prev != null) {
                    error(p.path() + ".name", "NodePool " + c.namespace() + "/" + p.name() + " is also declared at "
                            + prev + "; pool names must be unique within a namespace.", p.name());
                }
            }
        }
    }

    /**
     * {@code apiServer.services}, when given, must publish the API server as {@code apiServer} says (the checks of
     * addresses and load balancers read {@code apiServer}), and name each service once.
     */
    private void services(Cluster c) {
        Cluster.ApiServer api = c.apiServer();
        String path = c.path() + ".apiServer.services";
        java.util.Set<String> seen = new java.util.HashSet<>();
        com.fasterxml.jackson.databind.JsonNode apiServer = null;
        for (int i = 0; i < api.services().size(); i++) {
            com.fasterxml.jackson.databind.JsonNode s = api.services().get(i);
            String name = s.path("service").asText();
            if (!seen.add(name)) {
                error(path + "[" + i + "].service", "service " + name + " is listed twice; HyperShift publishes each"
                        + " service once.", name);
            }
            apiServer = name.equals("APIServer") ? s.path("servicePublishingStrategy") : apiServer;
            com.fasterxml.jackson.databind.JsonNode strategy = s.path("servicePublishingStrategy");
            String type = strategy.path("type").asText();
            for (String sub : List.of("nodePort", "loadBalancer", "route")) {
                boolean allowed = sub.equals("nodePort") ? type.equals("NodePort")
                        : sub.equals("loadBalancer") ? type.equals("LoadBalancer") : type.equals("Route");
                if (strategy.has(sub) != allowed && (strategy.has(sub) || sub.equals("nodePort"))) {
                    error(path + "[" + i + "].servicePublishingStrategy", "type " + type + " " + (strategy.has(sub)
                            ? "takes no " + sub : "needs nodePort") + " (HyperShift's ServicePublishingStrategy rules).", type);
                }
            }
        }
        if (api.services().isEmpty()) {
            return;
        }
        if (apiServer == null) {
            error(path, "the list has no APIServer service; HyperShift needs one.", null);
            return;
        }
        String type = apiServer.path("type").asText();
        boolean agrees = type.equals(api.publishing()) && (!api.nodePort()
                || apiServer.path("nodePort").path("address").asText().equals(api.address())
                && (api.port() == null || apiServer.path("nodePort").path("port").asInt(-1) == api.port()))
                && (api.nodePort() || api.hostname() == null
                || api.hostname().equals(apiServer.path("loadBalancer").path("hostname").asText(null)));
        if (!agrees) {
            error(path, "the APIServer service is published as " + type + describe(apiServer) + " here, and apiServer"
                    + " says " + api.publishing() + (api.nodePort() ? " on " + api.address()
                    + (api.port() == null ? "" : " port " + api.port()) : api.hostname() == null ? "" : " with hostname "
                    + api.hostname()) + ": make them agree (the address checks read apiServer).", type);
        }
    }

    private static String describe(com.fasterxml.jackson.databind.JsonNode strategy) {
        com.fasterxml.jackson.databind.JsonNode np = strategy.path("nodePort");
        if (np.isObject()) {
            return " on " + np.path("address").asText() + (np.has("port") ? " port " + np.path("port").asText() : "");
        }
        String host = strategy.path("loadBalancer").path("hostname").asText(null);
        return host == null ? "" : " with hostname " + host;
    }

    private void hub(Hub hub) {
        caBundle(hub.registry().caBundle());
        ConfigKeyRules.problem(hub.registry().trustKey()).ifPresent(p -> error("spec.hub.registry.host",
                "the registry becomes the key " + hub.registry().trustKey() + " of ConfigMap registry-config (<host>..<port>),"
                        + " and " + p + ". Give the registry by host name.", hub.registry().host()));
        unique(hub.mirrors(), Hub.Mirror::source, i -> "spec.hub.mirrors[" + i + "].source", "mirror source");
        unique(hub.catalogs(), Hub.Catalog::name, i -> "spec.hub.catalogs[" + i + "].name", "catalog name");
        unique(hub.osImages().images(), i -> i.openshiftVersion() + "/" + i.cpuArchitecture(),
                i -> "spec.hub.osImages.images[" + i + "]", "osImage for version/architecture");
        for (int i = 0; i < hub.mirrors().size(); i++) {
            if (hub.mirrors().get(i).tags()) {
                warning("spec.hub.mirrors[" + i + "].tags", "a tag mirror produces an ImageTagMirrorSet, and applying"
                        + " one makes every node of the hub reboot; mirror by digest where you can.");
            }
        }
    }

    private <T> void unique(List<T> items, Function<T, String> key, Function<Integer, String> path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            if (!seen.add(k)) {
                error(path.apply(i), "duplicate " + what + " '" + k + "'.", k);
            }
        }
    }

    private void caBundle(String pem) {
        String path = "spec.hub.registry.caBundle";
        // ValidateConfigMap (kubernetes pkg/apis/core/validation/validation.go) caps a ConfigMap's data at the
        // Secret limit; the bundle goes whole into user-ca-bundle, registry-config and custom-registries
        if (pem.getBytes(StandardCharsets.UTF_8).length > SecretDataRules.MAX_SECRET_SIZE) {
            error(path, "the registry CA bundle is larger than 1 MiB, the most a ConfigMap holds. Keep only the"
                    + " certificates that sign the mirror registry.");
            return;
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            error(path, "the registry CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE-----)."
                    + " Paste the mirror registry's CA certificate.");
            return;
        }
        try {
            var certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                error(path, "the registry CA bundle holds no X.509 certificate.");
            }
        } catch (CertificateException | RuntimeException e) {
            error(path, "the registry CA bundle does not parse as X.509 PEM certificates: check that each"
                    + " certificate is complete, between its BEGIN and END lines.");
        }
    }

    private void cluster(Cluster c) {
        String p = c.path();
        if (c.controlPlaneNamespace().length() > 63) {
            error(p + ".name", "the control-plane namespace " + c.controlPlaneNamespace() + " would be longer than 63"
                    + " characters; shorten the cluster name or namespace.", c.name());
        }
        osImagesCover(c);
        secrets(c);
        if (c.pullSecretHashedName() && !c.pullSecret().inline()) {
            error(p + ".pullSecretHashedName", "pullSecretHashedName names the Secret this render writes after its"
                    + " content, but this pull secret is " + (c.pullSecret().form() == dev.hostedsite.model.SecretSource.Form
                    .SECRET_REF ? "a secretRef: to rotate it so that the nodes take it, point secretRef at a Secret of a"
                    + " new name" : "an externalSecret, whose content the render does not know: to rotate it so that the"
                    + " nodes take it, change its remoteKey") + " (the name change rolls every NodePool). Remove"
                    + " pullSecretHashedName, or give the pull secret inline.", "true");
        }
        report(ClusterNetworkRules.check(c));
        pools(c);
        for (Host h : c.hosts()) {
            host(c, h);
        }
        report(HostedClusterFeatureRules.check(c));
    }

    /** Each pool's release x.y (its own, or the cluster's) and architecture need an RHCOS image in osImages. */
    private void osImagesCover(Cluster c) {
        Optional<int[]> mm = c.release().majorMinor();
        if (c.release().version() != null && mm.isEmpty()) {
            error(c.path() + ".release.version", "release version must look like 4.19.3.", c.release().version());
            return;
        }
        Set<String> checked = new HashSet<>();
        for (Cluster.NodePool np : c.nodePools()) {
            Cluster.Release release = c.releaseOf(np);
            Optional<int[]> v = release.majorMinor();
            if (v.isEmpty()) {
                continue;
            }
            String xy = v.get()[0] + "." + v.get()[1];
            String arch = Hosts.cpuArchitecture(np.arch());
            if (!checked.add(xy + "/" + arch)) {
                continue;
            }
            boolean covered = site.hub().osImages().images().stream()
                    .anyMatch(i -> i.openshiftVersion().equals(xy) && i.cpuArchitecture().equals(arch));
            if (!covered) {
                String path = np.release() != null ? np.path() + ".release.version" : c.path() + ".release.version";
                error(path, "no entry of spec.hub.osImages.images has openshiftVersion \"" + xy
                        + "\" and cpuArchitecture " + arch + ": hosts of this cluster could not boot a discovery image."
                        + " Add the RHCOS live ISO of " + xy + " for " + arch + ".", release.version());
            }
        }
    }

    private void secrets(Cluster c) {
        inline(c.pullSecret(), Secrets::pullSecretProblem);
        inline(c.etcdEncryptionKey(), Secrets::etcdKeyProblem);
        if (c.etcdBackupKey() != null) {
            inline(c.etcdBackupKey(), Secrets::etcdKeyProblem);
        }
        if (c.sshKey() != null && c.sshKey().inline()) {
            warnInline(c.sshKey());
            if (!secretData(c.sshKey())) {
                return;
            }
            Optional<String> key = Secrets.plain(c.sshKey(), "id_rsa.pub");
            if (key.isEmpty() || !key.get().strip().matches("(ssh-|ecdsa-|sk-)\\S+ \\S+.*")) {
                error(c.sshKey().path(), "the ssh key is not an OpenSSH public key line (ssh-ed25519 AAAA… comment);"
                        + " give the public key, never the private one.");
            }
        }
    }

    private void inline(SecretSource s, Function<SecretSource, Optional<String>> problem) {
        if (s.inline()) {
            warnInline(s);
            if (secretData(s)) {
                problem.apply(s).ifPresent(msg -> error(s.path(), msg));
            }
        }
    }

    /** The API server's rules for the Secret of an inline source; true when its content can be read further. */
    private boolean secretData(SecretSource s) {
        List<Finding> findings = SecretDataRules.check(s);
        report(findings);
        return findings.stream().noneMatch(Finding::error);
    }

    private void warnInline(SecretSource s) {
        warning(s.path(), "this secret is inline: its plaintext goes into Git with the rendered Secret. Use secretRef"
                + " or externalSecret outside of labs.");
    }

    private void pools(Cluster c) {
        for (Cluster.NodePool np : c.nodePools()) {
            int available = Hosts.hostsFor(c, np).size();
            if (np.replicas() != null && np.replicas() > available) {
                warning(np.path() + ".replicas", "NodePool " + np.name() + " asks for " + np.replicas()
                        + " replicas but the site declares " + available + " host(s) for it; it waits for agents booted"
                        + " by hand from the discovery ISO.");
            }
            autoscaling(np, available);
            nodeLabelsAndTaints(np);
            poolRelease(c, np);
            nodeConfig(np);
        }
        releaseArchitectures(c);
    }

    private void autoscaling(Cluster.NodePool np, int available) {
        Cluster.Autoscaling as = np.autoscaling();
        if (as == null) {
            return;
        }
        String p = np.path() + ".autoscaling";
        if (np.replicas() != null) {
            // NodePool CEL rule on spec (api/hypershift/v1beta1/nodepool_types.go): !has(self.replicas) || !has(self.autoScaling)
            error(np.path() + ".replicas", "replicas and autoscaling exclude each other (the hub refuses a NodePool with"
                    + " both): drop replicas, and the autoscaler keeps the pool between autoscaling.min and max.",
                    np.replicas().toString());
        }
        PoolRules.autoscalingProblem(as.min(), as.max()).ifPresent(m -> error(p, m));
        if (as.max() > available) {
            warning(p + ".max", "NodePool " + np.name() + " may scale to " + as.max() + " nodes but the site declares "
                    + available + " host(s) for it; above that it waits for agents booted by hand from the discovery ISO.");
        }
    }

    private void nodeLabelsAndTaints(Cluster.NodePool np) {
        np.nodeLabels().forEach((k, v) -> {
            PoolRules.labelKeyProblem(k).ifPresent(m -> error(np.path() + ".nodeLabels", m, k));
            PoolRules.labelValueProblem(v).ifPresent(m -> error(np.path() + ".nodeLabels." + k, m, v));
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < np.taints().size(); i++) {
            Cluster.Taint t = np.taints().get(i);
            String p = np.path() + ".taints[" + i + "]";
            PoolRules.taintKeyProblem(t.key()).ifPresent(m -> error(p + ".key", m, t.key()));
            if (t.value() != null) {
                PoolRules.taintValueProblem(t.value()).ifPresent(m -> error(p + ".value", m, t.value()));
            }
            if (!seen.add(t.key() + ":" + t.effect())) {
                error(p, "taint " + t.key() + ":" + t.effect() + " is given twice; a Node holds one taint per key and"
                        + " effect.", t.key());
            }
        }
    }

    private void poolRelease(Cluster c, Cluster.NodePool np) {
        if (np.release() == null) {
            return;
        }
        String p = np.path() + ".release";
        if (c.release().version() == null) {
            error(p, "a pool with its own release needs the cluster's release.version, to check that the pool stays"
                    + " within the version skew HyperShift supports. Add spec.clusters[].release.version.");
            return;
        }
        PoolRules.skewProblem(c.release().version(), np.release().version())
                .ifPresent(m -> error(p + ".version", m, np.release().version()));
    }

    private void nodeConfig(Cluster.NodePool np) {
        for (int i = 0; i < np.config().size(); i++) {
            String p = np.path() + ".config[" + i + "]";
            JsonNode doc = np.config().get(i);
            PoolRules.configKindProblem(doc).ifPresent(m -> error(p + ".kind", m, doc.path("kind").asText()));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < np.tuning().size(); i++) {
            String p = np.path() + ".tuning[" + i + "]";
            JsonNode doc = np.tuning().get(i);
            PoolRules.tuningKindProblem(doc).ifPresent(m -> error(p + ".kind", m, doc.path("kind").asText()));
            String name = doc.path("metadata").path("name").asText();
            if (!names.add(name)) {
                error(p + ".metadata.name", "two tuning documents of pool " + np.name() + " are named '" + name
                        + "'; each becomes the ConfigMap " + Names.poolTuning(np, name) + ", so names must differ.", name);
            } else if (Names.poolTuning(np, name).length() > 253) {
                error(p + ".metadata.name", "the ConfigMap name " + Names.poolTuning(np, name) + " would be longer than"
                        + " 253 characters; shorten the document name.", name);
            }
        }
        List<String> profiles = PoolRules.namesOfKind(np.tuning(), PoolRules.PERFORMANCE_PROFILE);
        if (profiles.size() > 1) {
            // hypershift-operator/controllers/nodepool/nto.go: "there cannot be more than one PerformanceProfile per NodePool"
            error(np.path() + ".tuning", "pool " + np.name() + " has " + profiles.size() + " PerformanceProfiles "
                    + profiles + "; HyperShift takes at most one per NodePool.");
        }
    }

    /**
     * Pools of several architectures need the multi-architecture release payload (HyperShift
     * docs/content/how-to/agent/create-heterogeneous-nodepools.md); a declared single-arch payload must be the
     * pool's arch. Hosts need a pool of their architecture, and an unambiguous one.
     */
    private void releaseArchitectures(Cluster c) {
        List<String> arches = Hosts.architectures(c);
        boolean mixed = arches.size() > 1;
        if (mixed && !Cluster.Release.MULTI.equals(c.release().architecture())) {
            error(c.path() + ".release.architecture", "the cluster has NodePools of " + arches + ", so its release must"
                    + " carry every architecture: the multi-architecture payload (tag <version>-multi, such as"
                    + " quay.io/openshift-release-dev/ocp-release:4.19.3-multi; `oc adm release info <image>` shows"
                    + " release.openshift.io/architecture=multi), mirrored and given by digest, with"
                    + " release.architecture: multi. A single-arch payload cannot start nodes of another architecture.",
                    c.release().architecture());
        }
        for (String arch : arches) {
            String infraEnv = Names.infraEnv(c, arch);
            if (infraEnv.length() > 63) {
                error(c.path() + ".name", "the InfraEnv " + infraEnv + " of the cluster's " + arch + " hosts would be"
                        + " longer than 63 characters, and its name is a label value on every BareMetalHost; shorten"
                        + " the cluster name.", c.name());
            }
        }
        for (Cluster.NodePool np : c.nodePools()) {
            Cluster.Release r = c.releaseOf(np);
            boolean own = np.release() != null;
            if ((own || !mixed) && !r.carries(np.arch(), np.arch())) {
                error((own ? np.path() : c.path()) + ".release.architecture", "NodePool " + np.name() + " is " + np.arch()
                        + " but its release payload is declared " + r.architecture() + ": use the " + np.arch()
                        + " or the multi payload.", r.architecture());
            }
        }
        for (Host h : c.hosts()) {
            Optional<String> arch = Hosts.archOf(c, h);
            if (arch.isEmpty()) {
                error(h.path() + ".arch", "NodePools of different architectures select host " + h.name() + ": give its"
                        + " arch (one of " + arches + ") so it boots from the InfraEnv of that architecture.");
            } else if (!arches.contains(arch.get())) {
                error(h.path() + ".arch", "host " + h.name() + " is " + arch.get() + " but no NodePool of the cluster is"
                        + ": no InfraEnv would serve it and no pool could take it. Add a pool with arch " + arch.get()
                        + " or correct the host's arch.", arch.get());
            }
        }
    }

    private void host(Cluster c, Host h) {
        String p = h.path();
        report(BmcAddressRules.check(p + ".bmc.address", h.bmc().address()));
        inline(h.bmc().credentials(), Secrets::bmcProblem);
        report(SecretDataRules.credentialWarnings(h.bmc().credentials(), List.of("username", "password")));
        if (h.rootDeviceHints() != null) {
            report(RootDeviceHintRules.check(p + ".rootDeviceHints", h.rootDeviceHints()));
        }
        if (h.bmc().disableCertificateVerification()) {
            warning(p + ".bmc.disableCertificateVerification", "the BMC's TLS certificate will not be verified:"
                    + " anyone on the management network can impersonate it.");
        }
        for (String key : h.labels().keySet()) {
            String annotation = "bmac.agent-install.openshift.io.agent-label." + key;
            if (!PoolRules.QUALIFIED_NAME.matcher(annotation).matches()) {
                error(p + ".labels." + key, "label key '" + key + "' makes the BareMetalHost annotation '" + annotation
                        + "', which is not a valid annotation key (a name part of at most 63 characters). Use a shorter"
                        + " key or a prefixed one such as example.com/" + key + ".", key);
            }
        }
        if (h.network() != null) {
            List<String> missing = Hosts.interfacesWithoutMac(h);
            if (!missing.isEmpty()) {
                error(p + ".network.interfaces", "ethernet interface(s) " + missing + " have no mac-address; with more than"
                        + " one ethernet interface each needs its mac-address so NMStateConfig can map it.");
            }
            if (!h.network().path("interfaces").isArray() || h.network().path("interfaces").isEmpty()) {
                error(p + ".network", "the nmstate document has no interfaces list.");
            }
        }
    }

    private static void acrossSites(List<Site> sites, List<Diagnostic> out) {
        Map<String, String> macs = new HashMap<>();
        Map<String, String> clusters = new HashMap<>();
        Map<String, String> controlPlanes = new HashMap<>();
        for (Site s : sites) {
            for (Cluster c : s.clusters()) {
                String id = c.namespace() + "/" + c.name();
                String where = s.name() + " " + c.path();
                String prev = clusters.putIfAbsent(id, where);
                if (prev != null) {
                    out.add(Diagnostic.error(s.ref(), c.path() + ".name", "HostedCluster " + id
                            + " is also declared by " + prev + "; a cluster's namespace/name must be unique.")
                            .withValue(c.name()).withFile(s.file()));
                }
                String cp = c.controlPlaneNamespace();
                String prevCp = controlPlanes.putIfAbsent(cp, where + " (" + id + ")");
                if (prevCp != null && prev == null) {
                    out.add(Diagnostic.error(s.ref(), c.path() + ".name", "HostedCluster " + id + " gets the"
                            + " control-plane namespace " + cp + " (<namespace>-<name>), which is already that of " + prevCp
                            + "; its InfraEnv, BareMetalHosts and BMC Secrets would mix with that cluster's. Rename one.")
                            .withValue(c.name()).withFile(s.file()));
                }
                for (Host h : c.hosts()) {
                    String mac = h.bootMACAddress().toLowerCase(Locale.ROOT);
                    String prevMac = macs.putIfAbsent(mac, s.name() + " " + h.path());
                    if (prevMac != null) {
                        out.add(Diagnostic.error(s.ref(), h.path() + ".bootMACAddress", "MAC " + mac
                                + " is also used by " + prevMac + "; each host needs its own boot MAC.")
                                .withValue(h.bootMACAddress()).withFile(s.file()));
                    }
                }
            }
        }
    }
}
