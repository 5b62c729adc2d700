package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the directory render (and so the Argo CD plugin) may hand to a cluster. */
class DeployableTest {

    @Test
    void toolConfigAndLocalConfigNeverReachTheCluster() throws IOException {
        List<ObjectNode> items = Yaml.readAll("""
                apiVersion: kpt.dev/v1
                kind: Kptfile
                metadata: {name: pkg}
                ---
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                metadata: {name: k}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: notes, annotations: {config.kubernetes.io/local-config: "true"}}
                ---
                apiVersion: hostedsite.dev/v1alpha1
                kind: HostedSite
                metadata: {name: lab}
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: s, namespace: clusters, annotations: {config.kubernetes.io/path: s.yaml, keep: "yes"}}
                """).stream().map(n -> (ObjectNode) n).toList();
        List<ObjectNode> out = Main.deployable(items);
        assertEquals(1, out.size());
        assertEquals("SealedSecret", out.get(0).path("kind").asText());
        assertEquals("{\"keep\":\"yes\"}", Yaml.json(out.get(0).path("metadata").path("annotations")));
    }

    @Test
    void emptyDocumentsBetweenSeparatorsAreSkipped() throws IOException {
        assertEquals(2, Yaml.readAll("---\na: 1\n---\n---\nb: 2\n---\n").size());
    }
}
