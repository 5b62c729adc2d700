package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.ExampleSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of issue 19 on edited example sites, beyond what the golden fixtures show. */
class BareMetalPlumbingTest {

    private static Site bind(ObjectNode rl) {
        return SiteBinder.bind(ExampleSite.site(rl), null);
    }

    private static List<String> messages(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::message).toList();
    }

    /** HyperShift caps the catalog version at 4.22 (support/catalogs/images.go maxCatalogVersion). */
    @Test
    void defaultCatalogsOfANewerReleaseResolveToTheCappedIndex() {
        ObjectNode rl = ExampleSite.resourceList();
        ExampleSite.cluster(rl).remove("operatorHub");
        ((ObjectNode) ExampleSite.cluster(rl).path("release")).put("version", "4.24.1");
        List<String> m = messages(HostedOlmRules.check(List.of(bind(rl))));
        assertEquals(1, m.size(), m::toString);
        assertTrue(m.get(0).contains("registry.redhat.io/redhat/redhat-operator-index:v4.22"), m::toString);
        assertFalse(m.get(0).contains("v4.24"), m::toString);
    }

    /** A catalog given in olmCatalogImages is not resolved by version, and mirroring all three silences the rule. */
    @Test
    void mirroredOrOverriddenDefaultCatalogsNeedNothing() {
        ObjectNode rl = ExampleSite.resourceList();
        ExampleSite.cluster(rl).remove("operatorHub");
        ArrayNode catalogs = (ArrayNode) ExampleSite.site(rl).path("spec").path("hub").path("catalogs");
        catalogs.addObject().put("name", "certified").put("source", "registry.redhat.io/redhat/certified-operator-index:v4.19")
                .put("image", "registry.example.krnl.es:5000/redhat/certified-operator-index:v4.19");
        assertTrue(messages(HostedOlmRules.check(List.of(bind(rl)))).get(0).contains("community-operator-index:v4.19"));
        ExampleSite.cluster(rl).set("olmCatalogImages", Yaml.object().put("community-operators",
                "registry.example.krnl.es:5000/redhat/community-operator-index@sha256:" + "a".repeat(64)));
        assertEquals(List.of(), HostedOlmRules.check(List.of(bind(rl))));
    }

    /** A registry-wide source covers every repository under it; a narrower one does not cover the whole repository. */
    @Test
    void operatorRepositoriesAreCoveredOnlyByAsWideOrWiderSources() {
        ObjectNode rl = ExampleSite.resourceListWithHubOperators();
        ArrayNode mirrors = (ArrayNode) ExampleSite.site(rl).path("spec").path("hub").path("mirrors");
        for (int i = mirrors.size() - 1; i >= 0; i--) {
            if (mirrors.get(i).path("source").asText().startsWith("registry.redhat.io/")) {
                mirrors.remove(i);
            }
        }
        mirrors.addObject().put("source", "registry.redhat.io/multicluster-engine/assisted-service-rhel9")
                .putArray("mirrors").add("registry.example.krnl.es:5000/mce/assisted-service-rhel9");
        List<Diagnostic> narrow = OperatorImageRules.check(List.of(bind(rl)));
        assertEquals(List.of("registry.redhat.io/lvms4", "registry.redhat.io/multicluster-engine",
                "registry.redhat.io/openshift4"), narrow.stream().map(Diagnostic::currentValue).distinct().sorted().toList());
        mirrors.addObject().put("source", "registry.redhat.io").putArray("mirrors").add("registry.example.krnl.es:5000");
        assertEquals(List.of(), OperatorImageRules.check(List.of(bind(rl))));
    }

    /** Without hosts nothing needs metal3, so a missing hub.provisioning is no finding. */
    @Test
    void provisioningMattersOnlyWithHosts() {
        ObjectNode rl = ExampleSite.resourceList();
        ((ObjectNode) ExampleSite.site(rl).path("spec").path("hub")).remove("provisioning");
        assertEquals(1, HubPlumbingRules.check(List.of(bind(rl)), List.of()).size());
        ExampleSite.cluster(rl).putArray("hosts");
        assertEquals(List.of(), HubPlumbingRules.check(List.of(bind(rl)), List.of()));
    }

    /** A passthrough StorageClass counts as one the hub has; one of another API group does not. */
    @Test
    void passthroughStorageClassesCount() {
        ObjectNode rl = ExampleSite.resourceList();
        ((ObjectNode) ExampleSite.site(rl).path("spec").path("hub")).remove("storage");
        ObjectNode sc = Yaml.object().put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        sc.putObject("metadata").put("name", "lvms-vg1");
        assertEquals(List.of(), HubPlumbingRules.check(List.of(bind(rl)), List.of(sc)));
        sc.put("apiVersion", "example.com/v1");
        assertEquals(1, HubPlumbingRules.check(List.of(bind(rl)), List.of(sc)).size());
    }
}
