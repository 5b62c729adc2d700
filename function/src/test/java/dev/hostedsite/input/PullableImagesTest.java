package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import dev.hostedsite.testing.Sites;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which image references a disconnected hub can pull, and where from. */
class PullableImagesTest {
    static final String DIGEST = "sha256:" + "cd".repeat(32);

    private static Hub hub(List<Hub.Mirror> mirrors) {
        return new Hub("multicluster-engine", new Hub.Registry("mirror.lab", 5000, "x"), mirrors, List.of(), null, null, true, List.of(), null, Hub.OWNER_SELF, null, Hub.Storage.NONE,
                "hostedsite-mirrors", null);
    }

    private static Optional<String> problem(Hub hub, String image) {
        return PullableImages.problem(hub, new PullableImages.WrittenImage("spec.x", image));
    }

    @Test
    void onTheMirrorRegistryWithItsPortIsPullableByTagOrDigest() {
        Hub hub = hub(List.of());
        assertEquals(Optional.empty(), problem(hub, "mirror.lab:5000/redhat/index:v4.19"));
        assertEquals(Optional.empty(), problem(hub, "mirror.lab:5000/redhat/index@" + DIGEST));
        assertTrue(problem(hub, "mirror.lab/redhat/index:v4.19").orElseThrow().contains("not on the mirror registry mirror.lab:5000"));
        assertTrue(problem(hub, "mirror.lab:5001/redhat/index:v4.19").isPresent());
    }

    @Test
    void aDigestNeedsAnyCoveringSourceATagNeedsATagSource() {
        Hub digestOnly = hub(List.of(new Hub.Mirror("registry.redhat.io/redhat", List.of("mirror.lab:5000/redhat"), false)));
        assertEquals(Optional.empty(), problem(digestOnly, "registry.redhat.io/redhat/index@" + DIGEST));
        String tagged = problem(digestOnly, "registry.redhat.io/redhat/index:v4.19").orElseThrow();
        assertTrue(tagged.contains("referenced by tag") && tagged.contains("spec.hub.mirrors[0]"), tagged);

        Hub tags = hub(List.of(new Hub.Mirror("registry.redhat.io/redhat", List.of("mirror.lab:5000/redhat"), true)));
        assertEquals(Optional.empty(), problem(tags, "registry.redhat.io/redhat/index:v4.19"));
        assertTrue(problem(tags, "registry.redhat.io/redhatx/index@" + DIGEST).orElseThrow().contains("no spec.hub.mirrors[].source covers"));
    }

    @Test
    void theMostSpecificSourceDecides() {
        Hub hub = hub(List.of(new Hub.Mirror("registry.redhat.io", List.of("mirror.lab:5000"), true),
                new Hub.Mirror("registry.redhat.io/redhat", List.of("mirror.lab:5000/rh"), false)));
        assertTrue(problem(hub, "registry.redhat.io/redhat/index:v4.19").orElseThrow().contains("spec.hub.mirrors[1]"));
        assertEquals(Optional.empty(), problem(hub, "registry.redhat.io/rhacm2/x:v1"));
        assertEquals("mirror.lab:5000/rh/index@" + DIGEST, PullableImages.pulledFrom(hub,
                ImageReference.parse("registry.redhat.io/redhat/index@" + DIGEST).orElseThrow()).orElseThrow().toString());
        assertEquals(Optional.empty(), PullableImages.pulledFrom(hub,
                ImageReference.parse("registry.redhat.io/redhat/index:v4.19").orElseThrow()));
    }

    @Test
    void aRepositoryMirroredToABareHostIsNotPullable() {
        Hub hub = hub(List.of(new Hub.Mirror("quay.io/org/repo", List.of("mirror.lab:5000"), false)));
        String p = problem(hub, "quay.io/org/repo@" + DIGEST).orElseThrow();
        assertTrue(p.contains("leaves no repository path"), p);
        assertEquals(Optional.empty(), problem(hub, "quay.io/org/repo/sub@" + DIGEST));
    }

    @Test
    void everyWrittenImageIsCheckedAndNamedByItsField() {
        ObjectNode site = Sites.example();
        ObjectNode cluster = Sites.cluster(site);
        ((ObjectNode) cluster.path("release")).put("controlPlaneOperatorImage", "quay.io/hypershift/hypershift@" + DIGEST);
        ObjectNode images = cluster.putObject("olmCatalogImages");
        for (String c : List.of("redhat-operators", "certified-operators", "community-operators", "redhat-marketplace")) {
            images.put(c, "registry.redhat.io/redhat/" + c + "@" + DIGEST);
        }
        ((ObjectNode) site.path("spec").path("hub").path("catalogs").get(0))
                .put("image", "registry.redhat.io/redhat/redhat-operator-index:v4.19");
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of("spec.clusters[0].olmCatalogImages.certified-operators",
                        "spec.clusters[0].olmCatalogImages.community-operators",
                        "spec.clusters[0].olmCatalogImages.redhat-marketplace",
                        "spec.clusters[0].olmCatalogImages.redhat-operators",
                        "spec.clusters[0].release.controlPlaneOperatorImage",
                        "spec.hub.catalogs[0].image"),
                r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::fieldPath).sorted().toList());
        assertTrue(r.generated().isEmpty());
    }

    @Test
    void theOlmOverrideNeverMapsARegistryToItself() {
        ObjectNode site = Sites.example();
        JsonNode hubNode = site.path("spec").path("hub");
        ObjectNode self = ((com.fasterxml.jackson.databind.node.ArrayNode) hubNode.path("mirrors")).addObject();
        self.put("source", "registry.redhat.io/redhat").put("tags", true).putArray("mirrors").add("registry.redhat.io/redhat");
        ((ObjectNode) hubNode.path("catalogs").get(0)).put("image", "registry.redhat.io/redhat/redhat-operator-index:v4.19");
        Compiler.Result r = Sites.compile(site);
        assertEquals(List.of(), Sites.errors(r));
        JsonNode hc = Sites.generated(r, "HostedCluster", "hosted");
        assertTrue(hc.path("metadata").path("annotations").path("hypershift.openshift.io/olm-catalogs-is-registry-overrides")
                .isMissingNode(), hc.path("metadata").toString());
    }
}
