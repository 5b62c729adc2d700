package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LVMCluster webhook's rules the render can know (openshift/lvm-operator api/v1alpha1/lvmcluster_webhook.go):
 * device paths under /dev/, a disk once per node selector, the LVMCluster in the operator's namespace.
 */
class LvmClusterAdmissionTest {

    private static List<JsonNode> classes(String yaml) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Yaml.readAll(yaml).get(0).forEach(out::add);
        return out;
    }

    private static List<String> fields(String yaml) throws IOException {
        return HubPlumbingRules.deviceClassProblems(classes(yaml), "spec.storage").stream()
                .map(HubPlumbingRules.DeviceClassProblem::field).toList();
    }

    @Test
    void devicePathsMustBeAbsoluteUnderDev() throws IOException {
        assertEquals(List.of("spec.storage.deviceClasses[0].deviceSelector.optionalPaths[0]"),
                fields("[{name: a, deviceSelector: {paths: [/dev/vdb], optionalPaths: [vdc]}}]"));
        assertEquals(List.of(), fields("[{name: a, deviceSelector: {paths: [/dev/disk/by-path/pci-0000:00:05.0]}}]"));
    }

    @Test
    void aDiskOnlyOncePerNodeSelector() throws IOException {
        // twice in one class, and in two classes for the same nodes: refused
        assertEquals(List.of("spec.storage.deviceClasses[0].deviceSelector.paths[1]"),
                fields("[{name: a, deviceSelector: {paths: [/dev/vdb, /dev/vdb]}}]"));
        assertEquals(List.of("spec.storage.deviceClasses[1].deviceSelector.optionalPaths[0]"),
                fields("[{name: a, deviceSelector: {paths: [/dev/vdb]}}, {name: b, deviceSelector: {optionalPaths: [/dev/vdb]}}]"));
        // the same path on other nodes (another nodeSelector) is another disk
        String selector = "nodeSelector: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname,"
                + " operator: In, values: [%s]}]}]}";
        assertEquals(List.of(), fields("[{name: a, deviceSelector: {paths: [/dev/vdb]}, " + selector.formatted("n1")
                + "}, {name: b, deviceSelector: {paths: [/dev/vdb]}, " + selector.formatted("n2") + "}]"));
    }

    private static ObjectNode exampleWithLvmsSubscribed() throws IOException {
        ObjectNode rl = (ObjectNode) Yaml.readAll(Files.readString(Repo.fixture("bad-lvmcluster-outside-operator-namespace")
                .resolve("input.yaml"))).get(0);
        return rl;
    }

    private static List<Diagnostic> check(ObjectNode rl, String namespace) {
        List<ObjectNode> passthrough = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        for (JsonNode i : rl.path("items")) {
            if (i.path("kind").asText().equals("LVMCluster")) {
                ObjectNode item = i.deepCopy();
                if (namespace == null) {
                    item.with("metadata").remove("namespace");
                } else {
                    item.with("metadata").put("namespace", namespace);
                }
                passthrough.add(item);
            } else if (i.path("kind").asText().equals("HostedSite")) {
                sites.add(SiteBinder.bind(i, null));
            }
        }
        return HubPlumbingRules.passthroughLvmClusters(sites, passthrough);
    }

    @Test
    void thePassthroughLvmClusterLivesInTheNamespaceTheRenderSubscribesLvmsInto() throws IOException {
        ObjectNode rl = exampleWithLvmsSubscribed();
        assertEquals(List.of(), check(rl, "openshift-storage"));
        List<Diagnostic> elsewhere = check(rl, "lvm-storage");
        assertEquals(1, elsewhere.size(), elsewhere.toString());
        assertEquals(Severity.ERROR, elsewhere.get(0).severity());
        assertEquals("metadata.namespace", elsewhere.get(0).fieldPath());
        assertEquals("lvm-storage", elsewhere.get(0).currentValue());
        assertTrue(elsewhere.get(0).message().contains("Set metadata.namespace: openshift-storage"), elsewhere.get(0).message());
        List<Diagnostic> none = check(rl, null);
        assertEquals(1, none.size(), none.toString());
        assertEquals(Severity.ERROR, none.get(0).severity());
    }
}
