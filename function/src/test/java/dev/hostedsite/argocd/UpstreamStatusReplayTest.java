package dev.hostedsite.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped HostedCluster check against every outcome of HyperShift's own unit tests of the conditions the
 * HostedCluster copies (openshift/hypershift @ 3ee9615567acffaf3e3ee25c2ca2942d650565cf,
 * control-plane-operator/controllers/hostedcontrolplane/hostedcontrolplane_controller_test.go:
 * {@code TestReconcileAvailabilityStatus} (expected Available reason per case) and
 * {@code TestReconcileDegradedStatus} (expected Degraded per case)). hostedcluster_controller.go copies
 * both to the HostedCluster (Available True as AsExpected). Each case: the HostedCluster conditions, the
 * health Argo CD must show.
 */
class UpstreamStatusReplayTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static Stream<Arguments> cases() {
        return Stream.of(
                // TestReconcileAvailabilityStatus
                Arguments.of("no conditions exist: status unknown", "False", "StatusUnknown", "False", "Progressing"),
                Arguments.of("infrastructure is not ready", "False", "WaitingOnInfrastructureReady", "False", "Progressing"),
                Arguments.of("kubeconfig is not available", "False", "KubeconfigWaitingForCreate", "False", "Progressing"),
                Arguments.of("etcd is not available", "False", "EtcdWaitingForQuorum", "True", "Progressing"),
                Arguments.of("KAS is not available", "False", "DeploymentNotReady", "True", "Progressing"),
                Arguments.of("health check fails", "False", "KASLoadBalancerNotReachable", "False", "Progressing"),
                Arguments.of("components check returns error", "False", "ComponentsNotAvailable", "False", "Progressing"),
                Arguments.of("components are not available", "False", "ComponentsNotAvailable", "True", "Progressing"),
                Arguments.of("all conditions are met", "True", "AsExpected", "False", "Healthy"),
                Arguments.of("infrastructure true, etcd and KAS nil", "True", "AsExpected", "False", "Healthy"),
                // TestReconcileDegradedStatus, with the control plane available
                Arguments.of("no CPO-managed deployments exist", "True", "AsExpected", "False", "Healthy"),
                Arguments.of("all CPO-managed deployments fully available", "True", "AsExpected", "False", "Healthy"),
                Arguments.of("a single deployment has unavailable replicas", "True", "AsExpected", "True", "Progressing"),
                Arguments.of("multiple deployments have unavailable replicas", "True", "AsExpected", "True", "Progressing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theHostedClusterCheckFollowsHyperShiftsOwnTestCases(String upstreamCase, String available, String reason,
            String degraded, String expected) throws IOException {
        ObjectNode hc = JSON.objectNode().put("apiVersion", "hypershift.openshift.io/v1beta1").put("kind", "HostedCluster");
        hc.putObject("metadata").put("name", "hosted").put("namespace", "clusters");
        ArrayNode conditions = hc.putObject("status").putArray("conditions");
        conditions.addObject().put("type", "Available").put("status", available).put("reason", reason);
        conditions.addObject().put("type", "Degraded").put("status", degraded)
                .put("reason", degraded.equals("True") ? "UnavailableReplicas" : "AsExpected")
                .put("message", degraded.equals("True") ? "kube-apiserver deployment has 2 unavailable replicas"
                        : "The hosted cluster is not degraded");
        conditions.addObject().put("type", "Progressing").put("status", "False").put("reason", "AsExpected");
        Path script = ArgoCdPackage.healthScript("hypershift.openshift.io/v1beta1", "HostedCluster");
        LuaHealthCheck.Result r = LuaHealthCheck.run(Files.readString(script), script.getFileName().toString(), hc);
        assertEquals(expected, r.status(), upstreamCase + ": " + r.message());
    }
}
