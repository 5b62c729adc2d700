package dev.hostedsite.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The readers on the shapes a real hub has and the fixtures do not: renamed Secrets, HyperShift's generated IDs,
 * tag mirrors, NodePort publishing, mixed-architecture pools, static networks written as the documentation writes
 * them, mirror sets under other names, live noise and user mistakes. Each starts from a fixture's render (what a hub
 * managed by hostedsite holds, or, with the owner annotations removed, what a hand-made hub holds), changes what the
 * case is about, adopts it and renders the imported site again.
 */
class AdoptionReadersTest {

    /** The deployable objects of a fixture's render. */
    static List<ObjectNode> hub(String fixture) throws Exception {
        Compiler.Result r = ImportRoundTripTest.render(Repo.fixture(fixture));
        assertFalse(r.failed(), fixture);
        return new ArrayList<>(r.deployable().stream().map(ObjectNode::deepCopy).toList());
    }

    /** The same objects as a hub made by hand holds them: without this tool's annotations. */
    static List<ObjectNode> handMade(List<ObjectNode> objects) {
        for (ObjectNode o : objects) {
            JsonNode a = o.path("metadata").path("annotations");
            if (a.isObject()) {
                ((ObjectNode) a).remove(List.of("hostedsite.dev/owner", "argocd.argoproj.io/sync-wave",
                        "argocd.argoproj.io/sync-options", "hostedsite.dev/release-version"));
                if (a.isEmpty()) {
                    ((ObjectNode) o.get("metadata")).remove("annotations");
                }
            }
        }
        return objects;
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow(
                        () -> new AssertionError("no " + kind + " " + name));
    }

    static Optional<ObjectNode> maybe(List<ObjectNode> objects, String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)
                && o.path("metadata").path("namespace").asText("").equals(namespace == null ? "" : namespace)).findFirst();
    }

    /** Renders the imported folder; it must render. */
    static List<ObjectNode> render(Adopted a) {
        List<ObjectNode> in = new ArrayList<>(List.of(a.site()));
        in.addAll(a.keptAsIs());
        Compiler.Result r = Compiler.compile(in, null);
        assertFalse(r.failed(), () -> r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::oneLine)
                .toList() + "\n" + Yaml.write(a.site()));
        return r.deployable();
    }

    static JsonNode cluster(Adopted a) {
        return a.site().path("spec").path("clusters").path(0);
    }

    private static List<String> errors(Adopted a) {
        return a.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::oneLine).toList();
    }

    @Test
    void renamedSecretsBecomeReferencesToTheirNames() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode hc = find(hub, "HostedCluster", "hosted");
        hc.with("spec").with("pullSecret").put("name", "pull-secret-2024");
        hc.with("spec").with("secretEncryption").with("aescbc").with("activeKey").put("name", "etcd-key-rotated");
        find(hub, "InfraEnv", "hosted").with("spec").with("pullSecretRef").put("name", "pull-secret-2024");
        find(hub, "BareMetalHost", "hosted-worker0").with("spec").with("bmc").put("credentialsName", "idrac-worker0");
        for (ObjectNode s : hub) {
            if (s.path("kind").asText().equals("Secret")) {
                String n = s.path("metadata").path("name").asText();
                ((ObjectNode) s.get("metadata")).put("name", n.equals("hosted-pull-secret") ? "pull-secret-2024"
                        : n.equals("hosted-etcd-encryption-key") ? "etcd-key-rotated"
                        : n.equals("hosted-worker0-bmc-secret") ? "idrac-worker0" : n);
            }
        }
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(List.of(), errors(a));
        JsonNode c = cluster(a);
        assertEquals("pull-secret-2024", c.path("pullSecret").path("secretRef").path("name").asText());
        assertEquals("etcd-key-rotated", c.path("etcdEncryptionKey").path("secretRef").path("name").asText());
        assertEquals("idrac-worker0", c.path("hosts").path(0).path("bmc").path("credentials").path("secretRef").path("name").asText());
        List<String> externals = new ArrayList<>();
        a.site().path("spec").path("externalSecrets").forEach(e -> externals.add(e.asText()));
        assertTrue(externals.containsAll(List.of("clusters/pull-secret-2024", "clusters-hosted/pull-secret-2024",
                "clusters/etcd-key-rotated", "clusters-hosted/idrac-worker0")), externals.toString());
        List<ObjectNode> out = render(a);
        assertEquals("pull-secret-2024", find(out, "HostedCluster", "hosted").path("spec").path("pullSecret").path("name").asText());
        assertEquals("pull-secret-2024", find(out, "InfraEnv", "hosted").path("spec").path("pullSecretRef").path("name").asText());
        assertEquals("idrac-worker0", find(out, "BareMetalHost", "hosted-worker0").path("spec").path("bmc").path("credentialsName").asText());
        assertTrue(a.ledger().stream().anyMatch(e -> e.object().name().equals("pull-secret-2024")
                && e.disposition() == Disposition.SECRET_REFERENCED));
        assertFalse(out.stream().anyMatch(o -> o.path("kind").asText().equals("Secret")
                && !o.path("metadata").path("name").asText().startsWith("sshkey-")), "no Secret is written but the public key");
    }

    @Test
    void theSshKeySecretOfHcpKeepsItsName() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        find(hub, "HostedCluster", "hosted").with("spec").with("sshKey").put("name", "hosted-ssh-key");
        ObjectNode secret = find(hub, "Secret", "sshkey-cluster-hosted");
        ((ObjectNode) secret.get("metadata")).put("name", "hosted-ssh-key");
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(List.of(), errors(a));
        assertEquals("hosted-ssh-key", cluster(a).path("sshKeySecretName").asText());
        assertTrue(cluster(a).path("sshAuthorizedKey").asText().startsWith("ssh-ed25519 "));
        List<ObjectNode> out = render(a);
        assertEquals("hosted-ssh-key", find(out, "HostedCluster", "hosted").path("spec").path("sshKey").path("name").asText());
        ObjectNode rendered = find(out, "Secret", "hosted-ssh-key");
        assertEquals(secret.path("data"), rendered.path("data"), "the same public key");
        assertEquals(secret.path("type"), rendered.path("type"));
        assertEquals(find(hub, "InfraEnv", "hosted").path("spec"), find(out, "InfraEnv", "hosted").path("spec"));
    }

    @Test
    void infraIdAndClusterIdAreKeptAndLiveNoiseIsDropped() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode hc = find(hub, "HostedCluster", "hosted");
        hc.with("spec").put("infraID", "hosted-q5x2t").put("clusterID", "517e5418-0c99-5792-9ab2-2a5698c0dc6e");
        hc.putObject("status").putArray("conditions").addObject().put("type", "Available").put("status", "True");
        ObjectNode meta = hc.with("metadata");
        meta.put("uid", "0d6f1c2e").put("resourceVersion", "51574893").put("generation", 3)
                .put("creationTimestamp", "2026-11-02T09:14:07Z");
        meta.putArray("managedFields").addObject().put("manager", "kubectl-client-side-apply");
        meta.with("annotations").put("kubectl.kubernetes.io/last-applied-configuration", "{\"spec\":{}}");
        meta.with("annotations").put("argocd.argoproj.io/tracking-id", "hub:hypershift.openshift.io/HostedCluster:clusters/hosted");
        meta.with("annotations").put("hypershift.openshift.io/pod-security-admission-label-override", "baseline");
        // an oc get -o yaml List
        ObjectNode list = Yaml.object().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        hub.forEach(items::add);

        Adopted a = Adoption.adopt(List.of(list), Options.defaults());
        assertEquals(List.of(), errors(a));
        assertEquals("hosted-q5x2t", cluster(a).path("infraID").asText());
        assertEquals("517e5418-0c99-5792-9ab2-2a5698c0dc6e", cluster(a).path("clusterID").asText());
        JsonNode spec = find(render(a), "HostedCluster", "hosted").path("spec");
        assertEquals("hosted-q5x2t", spec.path("infraID").asText());
        assertEquals("517e5418-0c99-5792-9ab2-2a5698c0dc6e", spec.path("clusterID").asText());
        for (String field : List.of("status", "metadata.managedFields", "metadata.uid", "metadata.resourceVersion",
                "metadata.generation", "metadata.creationTimestamp",
                "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration")) {
            assertTrue(a.ledger().stream().anyMatch(e -> e.object().name().equals("hosted") && e.manifestPath().equals(field)
                    && e.disposition() == Disposition.SERVER_OWNED), field);
        }
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains(
                "annotation hypershift.openshift.io/pod-security-admission-label-override; the first sync would remove it")));
        assertTrue(a.diagnostics().stream().noneMatch(d -> d.message().contains("tracking-id")), "Argo CD's own");
        String written = Yaml.write(a.site());
        assertFalse(written.contains("51574893") || written.contains("managedFields"), "no live noise in the site");
    }

    @Test
    void tagMirrorsAndNodePortPublishing() throws Exception {
        Adopted a = Adoption.adopt(hub("nodeport-tags-423"), Options.defaults());
        assertEquals(List.of(), errors(a));
        List<String> tagged = new ArrayList<>();
        List<String> digestOnly = new ArrayList<>();
        a.site().path("spec").path("hub").path("mirrors").forEach(m ->
                (m.path("tags").asBoolean(false) ? tagged : digestOnly).add(m.path("source").asText()));
        assertEquals(List.of("registry.redhat.io/multicluster-engine"), tagged, "the ImageTagMirrorSet's source");
        assertEquals(2, digestOnly.size());
        JsonNode api = cluster(a).path("apiServer");
        assertEquals("NodePort", api.path("publishing").asText());
        assertEquals("10.0.0.50", api.path("address").asText());
        assertEquals(30443, api.path("port").asInt());
        List<ObjectNode> out = render(a);
        assertTrue(maybe(out, "ImageTagMirrorSet", null, "hostedsite-mirrors").isPresent());
        for (JsonNode s : find(out, "HostedCluster", "edge1").path("spec").path("services")) {
            assertEquals("NodePort", s.path("servicePublishingStrategy").path("type").asText());
        }
    }

    @Test
    void servicesAsHcpWritesThemAreKeptVerbatim() throws Exception {
        List<ObjectNode> hub = handMade(hub("nodeport-tags-423"));
        ObjectNode hc = find(hub, "HostedCluster", "edge1");
        // hcp create cluster agent: alphabetical order, and OIDC
        ArrayNode services = Yaml.NODES.arrayNode();
        for (String svc : List.of("APIServer", "Ignition", "Konnectivity", "OAuthServer", "OIDC")) {
            ObjectNode np = services.addObject().put("service", svc).putObject("servicePublishingStrategy")
                    .put("type", "NodePort").putObject("nodePort").put("address", "10.0.0.50");
            if (svc.equals("APIServer")) {
                np.put("port", 30443);
            }
        }
        hc.with("spec").set("services", services);
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(List.of(), errors(a));
        JsonNode api = cluster(a).path("apiServer");
        assertEquals("NodePort", api.path("publishing").asText());
        assertEquals("10.0.0.50", api.path("address").asText());
        assertEquals(services, api.path("services"));
        assertEquals(services, find(render(a), "HostedCluster", "edge1").path("spec").path("services"),
                "spec.services is immutable, order included: written back as the hub has it");
        // the derived list needs no services field
        Adopted plain = Adoption.adopt(hub("nodeport-tags-423"), Options.defaults());
        assertFalse(cluster(plain).path("apiServer").has("services"));
    }

    @Test
    void mixedArchitecturePools() throws Exception {
        Adopted a = Adoption.adopt(hub("nodepools-mixed-arch"), Options.defaults());
        assertEquals(List.of(), errors(a));
        JsonNode c = cluster(a);
        assertEquals("multi", c.path("release").path("architecture").asText());
        for (JsonNode p : c.path("nodePools")) {
            assertFalse(p.path("hostSelector").path("matchLabels").has("infraenvs.agent-install.openshift.io"),
                    "the InfraEnv label the render adds is not written into the site: " + p);
        }
        JsonNode legacy = null;
        for (JsonNode p : c.path("nodePools")) {
            if (p.path("name").asText().equals("x86-legacy")) {
                legacy = p;
            }
        }
        assertEquals("4.18.14", legacy.path("release").path("version").asText(), "the pool's own release");
        JsonNode arm0 = null;
        for (JsonNode h : c.path("hosts")) {
            arm0 = h.path("name").asText().equals("arm0") ? h : arm0;
        }
        assertEquals("arm64", arm0.path("arch").asText());
        List<ObjectNode> out = render(a);
        assertEquals("hosted-arm64", find(out, "BareMetalHost", "hosted-arm0").path("metadata").path("labels")
                .path("infraenvs.agent-install.openshift.io").asText());
    }

    @Test
    void staticNetworkAsTheDocumentationWritesIt() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode nm = find(hub, "NMStateConfig", "hosted-worker2");
        // the documentation's NMStateConfig: two NICs, MACs only in spec.interfaces
        ObjectNode config = (ObjectNode) nm.path("spec").path("config");
        ArrayNode nics = (ArrayNode) config.path("interfaces");
        nics.addObject().put("name", "enp2s0").put("type", "ethernet").put("state", "down");
        ArrayNode map = (ArrayNode) nm.path("spec").path("interfaces");
        map.addObject().put("macAddress", "52:54:00:10:00:99").put("name", "enp2s0");
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(List.of(), errors(a));
        JsonNode network = cluster(a).path("hosts").path(2).path("network");
        assertEquals("enp1s0", network.path("interfaces").path(0).path("name").asText());
        assertEquals("52:54:00:10:00:02", network.path("interfaces").path(0).path("mac-address").asText());
        assertEquals("52:54:00:10:00:99", network.path("interfaces").path(1).path("mac-address").asText());
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("gets mac-address")), "said");
        JsonNode rendered = find(render(a), "NMStateConfig", "hosted-worker2").path("spec");
        assertEquals(map, rendered.path("interfaces"), "the same NIC → MAC map");
    }

    @Test
    void theHubsOneMirrorSetKeepsItsName() throws Exception {
        List<ObjectNode> hub = handMade(hub("nodeport-tags-423"));
        ObjectNode idms = find(hub, "ImageDigestMirrorSet", "hostedsite-mirrors");
        ((ObjectNode) idms.get("metadata")).put("name", "idms-operator-0");
        ((ObjectNode) find(hub, "ImageTagMirrorSet", "hostedsite-mirrors").get("metadata")).put("name", "idms-operator-0");
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals("idms-operator-0", a.site().path("spec").path("hub").path("mirrorSetName").asText());
        assertTrue(a.keptAsIs().stream().noneMatch(o -> o.path("kind").asText().endsWith("MirrorSet")));
        List<ObjectNode> out = render(a);
        assertEquals(idms.path("spec"), find(out, "ImageDigestMirrorSet", "idms-operator-0").path("spec"));
        assertTrue(maybe(out, "ImageTagMirrorSet", null, "idms-operator-0").isPresent());
        assertFalse(maybe(out, "ImageDigestMirrorSet", null, "hostedsite-mirrors").isPresent());
    }

    @Test
    void severalMirrorSetsAreKeptAndTheirMirrorsRead() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode idms = find(hub, "ImageDigestMirrorSet", "hostedsite-mirrors");
        ObjectNode release = idms.deepCopy();
        ((ObjectNode) release.get("metadata")).put("name", "idms-release-0");
        ((ArrayNode) release.path("spec").path("imageDigestMirrors")).remove(2);
        ((ObjectNode) idms.get("metadata")).put("name", "idms-operator-0");
        ((ArrayNode) idms.path("spec").path("imageDigestMirrors")).remove(0);
        ((ArrayNode) idms.path("spec").path("imageDigestMirrors")).remove(0);
        hub.add(release);
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(3, a.site().path("spec").path("hub").path("mirrors").size());
        assertFalse(a.site().path("spec").path("hub").has("mirrorSetName"));
        assertTrue(a.keptAsIs().stream().anyMatch(o -> o.path("metadata").path("name").asText().equals("idms-release-0")));
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("idms-release-0 is kept as it is")));
        assertTrue(maybe(render(a), "ImageDigestMirrorSet", null, "hostedsite-mirrors").isPresent());
    }

    @Test
    void anImageContentSourcePolicyGivesItsMirrorsAndIsKept() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode idms = find(hub, "ImageDigestMirrorSet", "hostedsite-mirrors");
        hub.remove(idms);
        ObjectNode icsp = Yaml.object().put("apiVersion", "operator.openshift.io/v1alpha1")
                .put("kind", "ImageContentSourcePolicy");
        icsp.putObject("metadata").put("name", "redhat-operator-index");
        icsp.putObject("spec").set("repositoryDigestMirrors", idms.path("spec").path("imageDigestMirrors").deepCopy());
        hub.add(icsp);
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertEquals(idms.path("spec").path("imageDigestMirrors").size(), a.site().path("spec").path("hub").path("mirrors").size());
        assertTrue(a.keptAsIs().stream().anyMatch(o -> o.path("kind").asText().equals("ImageContentSourcePolicy")));
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("ImageContentSourcePolicy is deprecated")));
        assertEquals(idms.path("spec"), find(render(a), "ImageDigestMirrorSet", "hostedsite-mirrors").path("spec"),
                "the same mirrors, as an ImageDigestMirrorSet");
    }

    @Test
    void userMistakesAreDiagnosticsNeverExceptions() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        ObjectNode twin = find(hub, "HostedCluster", "hosted").deepCopy();
        ((ObjectNode) twin.get("metadata")).put("namespace", "other");
        hub.add(twin);
        hub.add((ObjectNode) Yaml.object().put("apiVersion", "example.com/v1").put("kind", "Gadget")
                .set("metadata", Yaml.object().put("name", "g1").put("namespace", "clusters")));
        hub.add(Yaml.object().put("kind", "ConfigMap"));
        hub.add(null);
        Adopted a = Adoption.adopt(hub, Options.defaults());
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("exists in namespaces clusters and other")));
        assertTrue(a.keptAsIs().stream().anyMatch(o -> o.path("kind").asText().equals("Gadget")));
        assertTrue(a.diagnostics().stream().anyMatch(d -> d.message().contains("without kind or metadata.name")));
        assertEquals(1, a.site().path("spec").path("clusters").size());
    }

    @Test
    void externalSecretModeNamesTheStoreAndNoValue() throws Exception {
        List<ObjectNode> hub = handMade(hub("example-lab"));
        Adopted a = Adoption.adopt(hub, new Options("lab", Options.SecretMode.EXTERNAL_SECRET, "vault", "ClusterSecretStore"));
        JsonNode pull = cluster(a).path("pullSecret").path("externalSecret");
        assertEquals("vault", pull.path("storeRef").path("name").asText());
        assertEquals("ClusterSecretStore", pull.path("storeRef").path("kind").asText());
        assertEquals("clusters/hosted-pull-secret", pull.path("remoteKey").asText());
        List<ObjectNode> out = render(a);
        assertTrue(maybe(out, "ExternalSecret", "clusters-hosted", "hosted-pull-secret").isPresent());
        ImportRoundTripTest.assertNoSecretValue("example-lab", hub, a);
    }

    @Test
    void theHubOwnedByAcmAndItsOperators() throws Exception {
        Adopted acm = Adoption.adopt(hub("hub-acm-owner"), Options.defaults());
        assertEquals("acm", acm.site().path("spec").path("hub").path("multiclusterEngine").path("owner").asText());
        Adopted metallb = Adoption.adopt(hub("hub-operators-metallb"), Options.defaults());
        JsonNode h = metallb.site().path("spec").path("hub");
        assertTrue(h.path("metallb").path("addressPools").size() > 0, h.toString());
        assertEquals(List.of(), errors(metallb));
    }
}
