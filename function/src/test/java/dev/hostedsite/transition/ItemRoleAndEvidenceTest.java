package dev.hostedsite.transition;

import dev.hostedsite.krm.ItemRole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How input items are read ({@link ItemRole}) and what counts as evidence of a lost site ({@link SiteEvidence}). */
class ItemRoleAndEvidenceTest {

    private static ObjectNode doc(String yaml) throws IOException {
        return (ObjectNode) Yaml.readAll(yaml).get(0);
    }

    private static ObjectNode at(String path, String yaml) throws IOException {
        ObjectNode o = doc(yaml);
        o.with("metadata").with("annotations").put("config.kubernetes.io/path", path);
        return o;
    }

    @Test
    void aFolderIsReadAsThisToolWritesIt() throws IOException {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
        assertEquals(ItemRole.PASSTHROUGH, ItemRole.of(at("extra/cm.yaml", cm)));
        assertEquals(ItemRole.PREVIOUS_RENDER, ItemRole.of(at("generated/hub/configmap_c.yaml", cm)));
        assertEquals(ItemRole.LOCAL, ItemRole.of(at("artifacts/lab/x.yaml", cm)));
        assertEquals(ItemRole.LOCAL, ItemRole.of(at("overlay/kustomization.yaml", "resources: [a.yaml]\n")));
        assertEquals(ItemRole.LOCAL, ItemRole.of(doc("apiVersion: mirror.openshift.io/v2alpha1\nkind: ImageSetConfiguration\n")));
        assertEquals(ItemRole.LOCAL, ItemRole.of(doc("apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata: {name: k}\n")));
        assertEquals(ItemRole.LOCAL, ItemRole.of(doc("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations:"
                + " {config.kubernetes.io/local-config: 'true'}}\n")));
        assertEquals(ItemRole.SITE, ItemRole.of(doc("apiVersion: hostedsite.dev/v1alpha1\nkind: HostedSite\nmetadata: {name: s}\n")));
        assertEquals(ItemRole.PREVIOUS_RENDER, ItemRole.of(doc("apiVersion: v1\nkind: Namespace\nmetadata: {name: n,"
                + " annotations: {hostedsite.dev/owner: lab}}\n")));
    }

    @Test
    void nearMissesOfHostedSiteAreErrorsOthersAreNot() throws IOException {
        for (String y : List.of("apiVersion: hostedsite.dev/v1alpha1\nkind: Hostedsite\n",
                "apiVersion: hostedsite.dev/v1alpha1\nkind: HostSite\n",
                "apiVersion: hostedsite.io/v1alpha1\nkind: HostedSite\n",
                "apiVersion: hostedsites.dev/v1alpha1\nkind: HostedSite\n",
                "apiVersion: hostedsite.dev\nkind: HostedSite\n")) {
            List<Diagnostic> d = SiteEvidence.nearMisses(List.of(doc(y + "metadata: {name: lab}\n")));
            assertEquals(1, d.size(), y);
            assertTrue(d.get(0).message().contains("did you mean apiVersion: hostedsite.dev/v1alpha1, kind: HostedSite?"), y);
        }
        for (String y : List.of("apiVersion: hypershift.openshift.io/v1beta1\nkind: HostedCluster\n",
                "apiVersion: v1\nkind: Secret\n", "apiVersion: hostedsite.dev/v1alpha1\nkind: HostedSite\n")) {
            assertEquals(List.of(), SiteEvidence.nearMisses(List.of(doc(y + "metadata: {name: x}\n"))), y);
        }
    }

    @Test
    void previousObjectsOfAnAbsentSiteAreOrphansUnlessDeletedOnPurpose() throws IOException {
        ObjectNode ns = doc("apiVersion: v1\nkind: Namespace\nmetadata: {name: clusters, annotations: {hostedsite.dev/owner: 'a,b'}}\n");
        ObjectNode mce = doc("apiVersion: multicluster.openshift.io/v1\nkind: MultiClusterEngine\nmetadata: {name: mce,"
                + " annotations: {hostedsite.dev/owner: a}}\n");
        List<ObjectNode> previous = List.of(ns, mce);
        // one error per set of owners: "a, b" and "a"
        assertEquals(2, SiteEvidence.orphans(previous, Set.of(), Set.of(), Set.of()).size());
        assertEquals(List.of(), SiteEvidence.orphans(previous, Set.of(), Set.of("a"), Set.of()));
        assertEquals(List.of(), SiteEvidence.orphans(previous, Set.of(), Set.of(), Set.of("a")));
        // b still renders the Namespace; a's MultiClusterEngine would vanish
        List<Diagnostic> d = SiteEvidence.orphans(previous, Set.of(ObjectKey.of(ns)), Set.of("b"), Set.of());
        assertEquals(1, d.size());
        assertTrue(d.get(0).message().contains("1 object rendered before by HostedSite a"), d.get(0).message());
    }
}
