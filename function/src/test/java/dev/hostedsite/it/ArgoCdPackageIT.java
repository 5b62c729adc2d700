package dev.hostedsite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.UpstreamSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packages/argocd under the real {@code kubectl kustomize}: the Component over a stand-in of Argo CD's install
 * manifests (the two objects it patches, as argoproj/argo-cd manifests/install.yaml declares them; the real
 * file cannot be fetched here), and the OpenShift GitOps kustomization, each with the sidecar image pinned by
 * digest and replaced the way the README tells users to replace it.
 */
class ArgoCdPackageIT {
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final String MIRRORED = "registry.example.krnl.es:5000/hostedsite/hostedsite-fn";

    @TempDir
    Path work;
    Path packages;

    @BeforeEach
    void copyThePackage() throws Exception {
        Tool.require("kubectl");
        packages = work.resolve("packages");
        Trees.copy(Repo.root().resolve("packages/argocd"), packages.resolve("argocd"));
    }

    private List<JsonNode> build(Path dir) throws Exception {
        Tool built = Tool.run(List.of("kubectl", "kustomize", dir.toString()), work, Map.of());
        assertEquals(0, built.exit(), built::toString);
        return Yaml.readAll(built.stdout());
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String namePrefix) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().startsWith(namePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + namePrefix + " in " + objects));
    }

    private static JsonNode container(JsonNode pod, String name) {
        for (JsonNode c : pod.path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name + " in " + pod);
    }

    private Path upstreamInstall(String images) throws Exception {
        Path install = Files.createDirectories(work.resolve("install"));
        Files.writeString(install.resolve("argocd.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: argocd-repo-server
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: argocd-repo-server}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: argocd-repo-server}}
                    spec:
                      containers:
                      - name: argocd-repo-server
                        image: quay.io/argoproj/argocd:v3.1.0
                      volumes:
                      - name: var-files
                        emptyDir: {}
                      - name: plugins
                        emptyDir: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: argocd-cm
                data:
                  url: https://argocd.example.com
                """);
        Files.writeString(install.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: argocd
                resources: [argocd.yaml]
                components: [../packages/argocd]
                """ + images);
        return install;
    }

    @Test
    void theComponentPinsTheSidecarByDigestAndMergesTheHealthChecks() throws Exception {
        List<JsonNode> objects = build(upstreamInstall(""));
        JsonNode pod = find(objects, "Deployment", "argocd-repo-server").path("spec").path("template").path("spec");
        JsonNode sidecar = container(pod, "hostedsite");
        assertTrue(sidecar.path("image").asText().matches("ghcr\\.io/hostedsite/hostedsite-fn@sha256:[0-9a-f]{64}"),
                sidecar.path("image").asText());
        assertEquals("quay.io/argoproj/argocd:v3.1.0", container(pod, "argocd-repo-server").path("image").asText());
        String pluginMap = find(objects, "ConfigMap", "hostedsite-cmp-plugin-").path("metadata").path("name").asText();
        assertTrue(pod.path("volumes").findValuesAsText("name").contains(pluginMap), "the volume names the hashed ConfigMap");
        JsonNode cm = find(objects, "ConfigMap", "argocd-cm").path("data");
        assertEquals("https://argocd.example.com", cm.path("url").asText());
        assertTrue(cm.has("resource.customizations.health.cluster.open-cluster-management.io_ManagedCluster"), cm.toString());
    }

    @Test
    void aUsersImagesEntryReplacesThePinnedDigest() throws Exception {
        List<JsonNode> objects = build(upstreamInstall("images:\n- name: ghcr.io/hostedsite/hostedsite-fn\n  newName: "
                + MIRRORED + "\n  digest: " + DIGEST + "\n"));
        JsonNode sidecar = container(find(objects, "Deployment", "argocd-repo-server").path("spec").path("template")
                .path("spec"), "hostedsite");
        assertEquals(MIRRORED + "@" + DIGEST, sidecar.path("image").asText());
    }

    @Test
    void openShiftGitOpsBuildsAValidArgoCdAndTakesTheUsersDigest() throws Exception {
        Path dir = packages.resolve("argocd/openshift-gitops");
        List<JsonNode> objects = build(dir);
        JsonNode argocd = find(objects, "ArgoCD", "openshift-gitops");
        assertEquals(List.of(), UpstreamSchemas.validate(argocd));
        assertEquals("openshift-gitops", argocd.path("metadata").path("namespace").asText());
        assertEquals("openshift-gitops", find(objects, "ConfigMap", "hostedsite-cmp-plugin").path("metadata").path("namespace").asText());
        JsonNode subject = find(objects, "ClusterRoleBinding", "hostedsite").path("subjects").get(0);
        assertEquals("openshift-gitops-argocd-application-controller", subject.path("name").asText());
        assertEquals("openshift-gitops", subject.path("namespace").asText());

        Path k = dir.resolve("kustomization.yaml");
        Files.writeString(k, Files.readString(k).replace("images: []", "images:\n- name: ghcr.io/hostedsite/hostedsite-fn\n  newName: "
                + MIRRORED + "\n  digest: " + DIGEST));
        JsonNode replaced = find(build(dir), "ArgoCD", "openshift-gitops");
        assertEquals(MIRRORED + "@" + DIGEST,
                replaced.path("spec").path("repo").path("sidecarContainers").get(0).path("image").asText());
    }
}
