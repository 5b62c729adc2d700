package dev.hostedsite.argocd.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated controllers on their own: each test replays the status sequence the upstream controller
 * writes (cited on {@link SimulatedHub} and {@link SimulatedHyperShift}) and checks what the shipped health
 * checks make of every step.
 */
class SimulatedHubTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectKey HOSTED = new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "hosted");

    // ---- HyperShift: a first rollout ----

    @Test
    void aFirstRolloutPassesThroughDegradedUnavailableReplicasWhichIsProgressing() {
        SimulatedHub hub = hubWithMce(true);
        ticks(hub, 3);
        assertFalse(hub.hasApi("hypershift.openshift.io"), "MCE Available alone ships no HyperShift CRDs");
        ticks(hub, 2);
        assertTrue(hub.hasApi("hypershift.openshift.io"), "the hypershift add-on installed the operator");
        ObjectNode hc = object("hypershift.openshift.io/v1beta1", "HostedCluster", "clusters", "hosted");
        hc.putObject("spec").putObject("pullSecret").put("name", "pull-secret");
        hub.preexisting(object("v1", "Secret", "clusters", "pull-secret"));
        hub.preexisting(hc);

        List<String> seen = new ArrayList<>();
        List<String> health = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hub.tick();
            ObjectNode live = hub.get(HOSTED);
            seen.add(conditions(live, "Available", "Degraded", "Progressing"));
            health.add(Health.of(live).status());
        }
        // hostedcluster_controller.go: no HCP yet; then it copies the HCP's Available and Degraded
        // (hostedcontrolplane_controller.go reconcileAvailabilityStatus, reconcileDegradedStatus); Progressing
        // turns False once status.version is set (isProgressing).
        assertEquals(List.of(
                "Available=False/WaitingForAvailable Degraded=Unknown/StatusUnknown Progressing=True/Progressing",
                "Available=False/WaitingForAvailable Degraded=Unknown/StatusUnknown Progressing=True/Progressing",
                "Available=False/EtcdWaitingForQuorum Degraded=True/UnavailableReplicas Progressing=True/Progressing",
                "Available=True/AsExpected Degraded=True/UnavailableReplicas Progressing=False/AsExpected",
                "Available=True/AsExpected Degraded=False/AsExpected Progressing=False/AsExpected",
                "Available=True/AsExpected Degraded=False/AsExpected Progressing=False/AsExpected"), seen);
        assertEquals(List.of("Progressing", "Progressing", "Progressing", "Progressing", "Healthy", "Healthy"), health,
                "Degraded=True/UnavailableReplicas during the rollout is Progressing, never Degraded");
        assertEquals("The hosted cluster is not degraded", condition(hub.get(HOSTED), "Degraded").path("message").asText());
        assertNotNull(hub.get(SimulatedHyperShift.controlPlaneOf(HOSTED)), "the HostedControlPlane exists");
    }

    @Test
    void withTheHypershiftComponentDisabledNoHyperShiftCrdsAppear() {
        SimulatedHub hub = hubWithMce(false);
        ticks(hub, 10);
        assertEquals("Available", hub.get(new ObjectKey("multicluster.openshift.io", "MultiClusterEngine", null,
                "multiclusterengine")).path("status").path("phase").asText());
        assertTrue(hub.hasApi("agent-install.openshift.io"));
        assertFalse(hub.hasApi("hypershift.openshift.io"));
    }

    // ---- storage ----

    @Test
    void claimsBindOnlyOnceTheirStorageClassExists() {
        SimulatedHub hub = hubWithMce(true);
        ObjectNode asc = object("agent-install.openshift.io/v1beta1", "AgentServiceConfig", null, "agent");
        for (String field : List.of("databaseStorage", "filesystemStorage")) {
            asc.with("spec").putObject(field).put("storageClassName", "lvms-vg1");
        }
        hub.preexisting(asc);
        ticks(hub, 12);
        ObjectKey ascKey = ObjectKey.of(asc);
        ObjectKey postgres = ObjectKey.core("PersistentVolumeClaim", "multicluster-engine", "postgres");
        assertEquals("Pending", hub.get(postgres).path("status").path("phase").asText());
        Health.Status stuck = Health.of(hub.get(ascKey));
        assertEquals("Progressing", stuck.status());
        assertTrue(stuck.message().endsWith("its volumes need StorageClass lvms-vg1"), stuck.message());

        hub.storageClass("lvms-vg1");
        ticks(hub, 2);
        assertEquals("Bound", hub.get(postgres).path("status").path("phase").asText());
        assertEquals("Healthy", Health.of(hub.get(ascKey)).status());
    }

    @Test
    void aClaimWithoutAClassBindsOnlyWithADefaultStorageClass() {
        SimulatedHub hub = new SimulatedHub();
        ObjectNode pvc = object("v1", "PersistentVolumeClaim", "ns", "data");
        pvc.putObject("spec");
        hub.preexisting(pvc);
        hub.storageClass("not-default");
        ticks(hub, 2);
        assertEquals("", hub.get(ObjectKey.of(pvc)).path("status").path("phase").asText());
        ObjectNode sc = object("storage.k8s.io/v1", "StorageClass", null, "standard");
        sc.with("metadata").with("annotations").put("storageclass.kubernetes.io/is-default-class", "true");
        hub.preexisting(sc);
        hub.tick();
        assertEquals("Bound", hub.get(ObjectKey.of(pvc)).path("status").path("phase").asText());
    }

    // ---- OLM ----

    @Test
    void aSubscriptionSeesEveryCatalogOfItsNamespaceAndOfOpenshiftMarketplace() {
        SimulatedHub hub = olmHub();
        hub.preexisting(catalog("openshift-marketplace", "mirrored", "registry.example.com:5000/redhat/index:v4.19"));
        hub.preexisting(catalog("openshift-marketplace", "old-catalog", "registry.redhat.io/redhat/certified-operator-index:v4.19"));
        hub.preexisting(catalog("other", "elsewhere", "registry.redhat.io/redhat/community-operator-index:v4.19"));
        hub.preexisting(subscription("multicluster-engine", "mirrored"));
        ticks(hub, 4);
        ObjectNode sub = hub.get(new ObjectKey("operators.coreos.com", "Subscription", "multicluster-engine", "multicluster-engine"));
        JsonNode unhealthy = condition(sub, "CatalogSourcesUnhealthy");
        assertEquals("True", unhealthy.path("status").asText());
        assertEquals("UnhealthyCatalogSourceFound", unhealthy.path("reason").asText());
        assertEquals("unhealthy catalogsources: openshift-marketplace/old-catalog", unhealthy.path("message").asText(),
                "namespace 'other' is not looked at");
        assertEquals(2, sub.path("status").path("catalogHealth").size());
        // Resolution only needs the targeted catalog: the operator installs regardless.
        assertEquals("AtLatestKnown", sub.path("status").path("state").asText());
        assertEquals("Healthy", Health.of(sub).status(), "the package's Subscription check");
        assertEquals("Degraded", Health.subscription(sub).status(), "Argo CD's built-in check");
    }

    @Test
    void atLatestKnownMeansTheCsvExistsNotThatItSucceeded() {
        SimulatedHub hub = olmHub();
        hub.preexisting(catalog("openshift-marketplace", "mirrored", "registry.example.com:5000/redhat/index:v4.19"));
        hub.preexisting(subscription("multicluster-engine", "mirrored"));
        List<String> states = new ArrayList<>();
        ObjectKey subKey = new ObjectKey("operators.coreos.com", "Subscription", "multicluster-engine", "multicluster-engine");
        ObjectKey csvKey = new ObjectKey("operators.coreos.com", "ClusterServiceVersion", "multicluster-engine",
                "multicluster-engine.v0.0.0-simulated");
        for (int i = 0; i < 8; i++) {
            hub.tick();
            ObjectNode csv = hub.get(csvKey);
            states.add(hub.get(subKey).path("status").path("state").asText("-") + "/"
                    + (csv == null ? "-" : csv.path("status").path("phase").asText()) + "/" + hub.runs("multicluster-engine"));
        }
        // catalog CONNECTING, then READY and resolved: UpgradePending; AtLatestKnown with the CSV Pending;
        // InstallReady; Installing; Succeeded, and only now the operator runs.
        assertEquals(List.of("-/-/false", "UpgradePending/-/false", "UpgradePending/-/false", "AtLatestKnown/Pending/false",
                "AtLatestKnown/InstallReady/false", "AtLatestKnown/Installing/false", "AtLatestKnown/Succeeded/true",
                "AtLatestKnown/Succeeded/true"), states);
        assertTrue(hub.hasApi("multicluster.openshift.io"), "the InstallPlan created the CRDs with the CSV");
    }

    @Test
    void aCsvWithoutItsOperatorGroupFails() {
        SimulatedHub hub = olmHub();
        hub.delete(new ObjectKey("operators.coreos.com", "OperatorGroup", "multicluster-engine", "mce"));
        hub.preexisting(catalog("openshift-marketplace", "mirrored", "registry.example.com:5000/redhat/index:v4.19"));
        hub.preexisting(subscription("multicluster-engine", "mirrored"));
        ticks(hub, 8);
        ObjectNode csv = hub.get(new ObjectKey("operators.coreos.com", "ClusterServiceVersion", "multicluster-engine",
                "multicluster-engine.v0.0.0-simulated"));
        assertEquals("Failed", csv.path("status").path("phase").asText());
        assertEquals("NoOperatorGroup", csv.path("status").path("reason").asText());
        assertEquals("Healthy", Health.of(hub.get(new ObjectKey("operators.coreos.com", "Subscription",
                "multicluster-engine", "multicluster-engine"))).status(), "the Subscription does not show it");
        assertFalse(hub.runs("multicluster-engine"));
    }

    // ---- helpers ----

    /** A hub with the MCE operator installed by hand and its MultiClusterEngine (hypershift on or off). */
    private static SimulatedHub hubWithMce(boolean hypershift) {
        SimulatedHub hub = new SimulatedHub();
        hub.installedByHand("multicluster-engine");
        hub.loadBalancerByHand();
        ObjectNode mce = object("multicluster.openshift.io/v1", "MultiClusterEngine", null, "multiclusterengine");
        mce.putObject("spec").put("targetNamespace", "multicluster-engine").putObject("overrides").putArray("components")
                .addObject().put("name", "hypershift").put("enabled", hypershift);
        hub.preexisting(mce);
        return hub;
    }

    /** A hub that can pull from registry.example.com:5000, with an OperatorGroup in multicluster-engine. */
    private static SimulatedHub olmHub() {
        SimulatedHub hub = new SimulatedHub();
        ObjectNode idms = object("config.openshift.io/v1", "ImageDigestMirrorSet", null, "mirrors");
        idms.putObject("spec").putArray("imageDigestMirrors").addObject().put("source", "quay.io/openshift-release-dev")
                .putArray("mirrors").add("registry.example.com:5000/openshift");
        hub.preexisting(idms);
        ObjectNode image = object("config.openshift.io/v1", "Image", null, "cluster");
        image.putObject("spec").putObject("additionalTrustedCA").put("name", "registry-ca");
        hub.preexisting(image);
        hub.preexisting(object("v1", "ConfigMap", "openshift-config", "registry-ca"));
        hub.preexisting(object("operators.coreos.com/v1", "OperatorGroup", "multicluster-engine", "mce"));
        return hub;
    }

    private static ObjectNode catalog(String ns, String name, String image) {
        ObjectNode cs = object("operators.coreos.com/v1alpha1", "CatalogSource", ns, name);
        cs.putObject("spec").put("image", image).put("sourceType", "grpc");
        return cs;
    }

    private static ObjectNode subscription(String pkg, String source) {
        ObjectNode sub = object("operators.coreos.com/v1alpha1", "Subscription", pkg, pkg);
        sub.putObject("spec").put("name", pkg).put("source", source).put("sourceNamespace", "openshift-marketplace");
        return sub;
    }

    static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
        ObjectNode o = JSON.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata").put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return o;
    }

    private static void ticks(SimulatedHub hub, int n) {
        for (int i = 0; i < n; i++) {
            hub.tick();
        }
    }

    static JsonNode condition(JsonNode o, String type) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return JSON.missingNode();
    }

    private static String conditions(JsonNode o, String... types) {
        List<String> parts = new ArrayList<>();
        for (String t : types) {
            JsonNode c = condition(o, t);
            parts.add(t + "=" + c.path("status").asText("-") + "/" + c.path("reason").asText("-"));
        }
        return String.join(" ", parts);
    }
}
