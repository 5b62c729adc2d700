package dev.hostedsite.argocd.sync;

import static dev.hostedsite.argocd.sync.SimulatedHub.conditionTrue;
import static dev.hostedsite.argocd.sync.SimulatedHub.setCondition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The HyperShift operator's HostedCluster controller and the control-plane operator's HostedControlPlane
 * controller of a {@link SimulatedHub}, writing the conditions they write during a first rollout, one step a
 * tick (openshift/hypershift @ 3ee9615567acffaf3e3ee25c2ca2942d650565cf):
 * <ul>
 *   <li>HostedCluster (hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go): needs the
 *       HyperShift operator running (installed by the MCE's hypershift add-on) and the Secrets and ConfigMap it
 *       names. It creates the HostedControlPlane in namespace {@code <namespace>-<name>} and each tick copies:
 *       {@code Degraded} from the HCP (Unknown, StatusUnknown, "The hosted control plane is not found" while
 *       there is none; False: "The hosted cluster is not degraded"); {@code Available} from the HCP's
 *       ({@code computeHostedClusterAvailability}: True becomes AsExpected "The hosted control plane is
 *       available", no HCP condition WaitingForAvailable); {@code Progressing=True} (reason Progressing) until
 *       {@code status.version} is set, then False, AsExpected, "HostedCluster is at expected version"
 *       ({@code isProgressing}); the version history entry turns Completed once every NodePool of the cluster
 *       has its replicas (the cluster version operator needs workers).</li>
 *   <li>HostedControlPlane (control-plane-operator/controllers/hostedcontrolplane/hostedcontrolplane_controller.go
 *       {@code Reconcile}, {@code reconcileInfrastructureStatusCondition}, {@code reconcileDegradedStatus},
 *       {@code reconcileAvailabilityStatus}): {@code InfrastructureReady=False} (WaitingOnInfrastructureReady)
 *       while a LoadBalancer-published APIServer has no address, which {@code Available} copies; then the
 *       control-plane Deployments start: {@code Degraded=True} reason UnavailableReplicas, {@code EtcdAvailable}
 *       False (EtcdWaitingForQuorum), {@code Available=False} with etcd's reason; then etcd and kube-apiserver
 *       serve: {@code Available=True} while other Deployments still have unavailable replicas
 *       ({@code Degraded=True}); then {@code Degraded=False}, AsExpected.</li>
 * </ul>
 */
final class SimulatedHyperShift {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String GROUP = "hypershift.openshift.io";

    private final SimulatedHub hub;

    SimulatedHyperShift(SimulatedHub hub) {
        this.hub = hub;
    }

    static ObjectKey controlPlaneOf(ObjectKey hostedCluster) {
        return new ObjectKey(GROUP, "HostedControlPlane", hostedCluster.namespace() + "-" + hostedCluster.name(),
                hostedCluster.name());
    }

    void hostedCluster(ObjectNode hc) {
        if (!hub.runs("hypershift")) {
            return;
        }
        ObjectKey k = ObjectKey.of(hc);
        JsonNode spec = hc.path("spec");
        List<ObjectKey> needs = new ArrayList<>();
        for (JsonNode ref : List.of(spec.path("pullSecret"), spec.path("sshKey"),
                spec.path("secretEncryption").path("aescbc").path("activeKey"))) {
            if (ref.has("name")) {
                needs.add(ObjectKey.core("Secret", k.namespace(), ref.path("name").asText()));
            }
        }
        if (spec.path("additionalTrustBundle").has("name")) {
            needs.add(ObjectKey.core("ConfigMap", k.namespace(), spec.path("additionalTrustBundle").path("name").asText()));
        }
        List<ObjectKey> missing = needs.stream().filter(n -> hub.get(n) == null).toList();
        if (!missing.isEmpty()) {
            setCondition(hc, "Available", "False", "WaitingForAvailable", "missing " + missing);
            return;
        }
        ObjectNode hcp = hub.get(controlPlaneOf(k));
        if (hcp == null) {
            setCondition(hc, "Degraded", "Unknown", "StatusUnknown", "The hosted control plane is not found");
            setCondition(hc, "Available", "False", "WaitingForAvailable", "Waiting for hosted control plane to be healthy");
            setCondition(hc, "Progressing", "True", "Progressing", "HostedCluster is deploying, upgrading, or reconfiguring");
            ObjectNode created = JSON.objectNode().put("apiVersion", GROUP + "/v1beta1").put("kind", "HostedControlPlane");
            created.putObject("metadata").put("name", k.name()).put("namespace", controlPlaneOf(k).namespace());
            created.set("spec", spec.deepCopy());
            hub.create(created);
            return;
        }
        copyCondition(hcp, hc, "Degraded", "The hosted cluster is not degraded", null);
        copyCondition(hcp, hc, "Available", null, "The hosted control plane is available");
        ObjectNode status = hc.with("status");
        if (!status.has("version") && hcp.path("status").has("version")) {
            ObjectNode v = status.putObject("version");
            v.putObject("desired").put("version", hcp.path("status").path("version").asText());
            v.putArray("history").addObject().put("state", "Partial").put("version", hcp.path("status").path("version").asText());
        }
        if (!status.has("version")) {
            return;
        }
        if (hcp.path("status").has("controlPlaneEndpoint")) {
            status.set("controlPlaneEndpoint", hcp.path("status").path("controlPlaneEndpoint").deepCopy());
        }
        setCondition(hc, "Progressing", "False", "AsExpected", "HostedCluster is at expected version");
        boolean workersReady = false;
        for (ObjectNode np : hub.ofKind("NodePool")) {
            ObjectKey pk = ObjectKey.of(np);
            if (k.namespace().equals(pk.namespace()) && k.name().equals(np.path("spec").path("clusterName").asText())) {
                int want = SimulatedHub.desiredReplicas(np);
                int have = np.path("status").path("replicas").asInt(0);
                if (have < want) {
                    return;
                }
                workersReady |= have > 0;
            }
        }
        ObjectNode latest = (ObjectNode) status.path("version").path("history").get(0);
        if (workersReady && conditionTrue(hc, "Available")) {
            latest.put("state", "Completed");
        }
    }

    /** Copies condition {@code type} of the HCP to the HostedCluster, rewording False/True as the controller does. */
    private static void copyCondition(JsonNode hcp, ObjectNode hc, String type, String falseMessage, String trueMessage) {
        for (JsonNode c : hcp.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                String s = c.path("status").asText();
                String reason = c.path("reason").asText();
                String message = c.path("message").asText("");
                if (s.equals("False") && falseMessage != null) {
                    message = falseMessage;
                }
                if (s.equals("True") && trueMessage != null) {
                    reason = "AsExpected";
                    message = trueMessage;
                }
                setCondition(hc, type, s, reason, message);
                return;
            }
        }
        if (type.equals("Available")) {
            setCondition(hc, "Available", "False", "WaitingForAvailable", "Waiting for hosted control plane to be healthy");
        }
    }

    void hostedControlPlane(ObjectNode hcp) {
        setCondition(hcp, "ValidHostedControlPlaneConfiguration", "True", "AsExpected", "Configuration passes validation");
        String noAddress = hub.loadBalancerMissing(hcp);
        boolean available = conditionTrue(hcp, "Available");
        if (noAddress != null && !available) {
            setCondition(hcp, "InfrastructureReady", "False", "WaitingOnInfrastructureReady",
                    "APIServer load balancer is not provisioned: " + noAddress);
            setCondition(hcp, "Available", "False", "WaitingOnInfrastructureReady",
                    "APIServer load balancer is not provisioned: " + noAddress);
            return;
        }
        setCondition(hcp, "InfrastructureReady", "True", "AsExpected", "All is well");
        ObjectNode status = hcp.with("status");
        if (!SimulatedHub.conditionPresent(hcp, "EtcdAvailable")) {
            // The Deployments and the etcd StatefulSet have just been created.
            setCondition(hcp, "EtcdAvailable", "False", "EtcdWaitingForQuorum", "Waiting for etcd to reach quorum");
            setCondition(hcp, "KubeAPIServerAvailable", "False", "WaitingForAvailable",
                    "Waiting for Kube APIServer deployment to become available");
            setCondition(hcp, "Degraded", "True", "UnavailableReplicas",
                    "[kube-apiserver deployment has 3 unavailable replicas, openshift-apiserver deployment has 3 unavailable replicas]");
            setCondition(hcp, "Available", "False", "EtcdWaitingForQuorum", "Waiting for etcd to reach quorum");
            return;
        }
        if (!available) {
            setCondition(hcp, "EtcdAvailable", "True", "QuorumAvailable", "");
            setCondition(hcp, "KubeAPIServerAvailable", "True", "AsExpected", "Kube APIServer deployment is available");
            setCondition(hcp, "Degraded", "True", "UnavailableReplicas", "openshift-apiserver deployment has 1 unavailable replicas");
            setCondition(hcp, "Available", "True", "AsExpected", "");
            ObjectKey k = ObjectKey.of(hcp);
            status.putObject("controlPlaneEndpoint").put("host", "api." + k.name()).put("port", 6443);
            status.put("version", "4.x");
            return;
        }
        setCondition(hcp, "Degraded", "False", "AsExpected", "");
    }
}
