package dev.hostedsite.argocd;

import dev.hostedsite.testing.Proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Argo CD install files under packages/argocd: they parse, agree with each other, and the plugin's shell runs. */
class ArgoCdManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every YAML file there (path below packages/argocd), and the apiVersion/kind of each of its documents. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("plugin.yaml", List.of("argoproj.io/v1alpha1 ConfigManagementPlugin")),
            Map.entry("repo-server-patch.yaml", List.of("apps/v1 Deployment")),
            Map.entry("kustomization.yaml", List.of("kustomize.config.k8s.io/v1alpha1 Component")),
            Map.entry("applicationset.yaml", List.of("argoproj.io/v1alpha1 ApplicationSet")),
            Map.entry("applicationset-per-cluster.yaml", List.of("argoproj.io/v1alpha1 ApplicationSet")),
            Map.entry("argocd-cm-health.yaml", List.of("v1 ConfigMap")),
            Map.entry("rbac.yaml", List.of("rbac.authorization.k8s.io/v1 ClusterRole",
                    "rbac.authorization.k8s.io/v1 ClusterRoleBinding")),
            Map.entry("openshift-gitops/kustomization.yaml", List.of("kustomize.config.k8s.io/v1beta1 Kustomization")),
            Map.entry("openshift-gitops/kustomize-images.yaml", List.of(" ")),
            Map.entry("openshift-gitops/argocd.yaml", List.of("argoproj.io/v1beta1 ArgoCD")),
            Map.entry("openshift-gitops/hostedsite-cmp-plugin.yaml", List.of("v1 ConfigMap")),
            Map.entry("openshift-gitops/rbac.yaml", List.of("rbac.authorization.k8s.io/v1 ClusterRole",
                    "rbac.authorization.k8s.io/v1 ClusterRoleBinding")));

    @Test
    void everyYamlDocumentHasTheExpectedApiVersionAndKind() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ArgoCdPackage.dir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertEquals(EXPECTED.keySet(), Set.copyOf(files.stream().map(p -> ArgoCdPackage.dir().relativize(p).toString()).toList()));
        for (Path file : files) {
            List<String> kinds = new ArrayList<>();
            for (JsonNode doc : documents(file)) {
                kinds.add(doc.path("apiVersion").asText() + " " + doc.path("kind").asText());
            }
            assertEquals(EXPECTED.get(ArgoCdPackage.dir().relativize(file).toString()), kinds, file.toString());
        }
    }

    @Test
    void componentWiresThePluginConfigMapIntoTheSidecar() throws IOException {
        JsonNode kustomization = read("kustomization.yaml");
        JsonNode generator = kustomization.path("configMapGenerator").get(0);
        assertEquals("plugin.yaml", generator.path("files").get(0).asText());
        for (JsonNode patch : kustomization.path("patches")) {
            assertTrue(Files.isRegularFile(ArgoCdPackage.dir().resolve(patch.path("path").asText())), patch.toString());
        }

        JsonNode pod = read("repo-server-patch.yaml").path("spec").path("template").path("spec");
        assertEquals("argocd-repo-server", read("repo-server-patch.yaml").path("metadata").path("name").asText());
        JsonNode sidecar = pod.path("containers").get(0);
        assertEquals("ghcr.io/hostedsite/hostedsite-fn:0.1.0", sidecar.path("image").asText());
        JsonNode pin = kustomization.path("images").get(0);
        assertEquals("ghcr.io/hostedsite/hostedsite-fn", pin.path("name").asText(), "the Component pins the sidecar's image");
        assertTrue(pin.path("digest").asText().matches("sha256:[0-9a-f]{64}"), pin.toString());
        assertEquals("/var/run/argocd/argocd-cmp-server", sidecar.path("command").get(0).asText());
        assertTrue(sidecar.path("securityContext").path("runAsNonRoot").asBoolean());
        assertEquals(999, sidecar.path("securityContext").path("runAsUser").asInt());

        String pluginVolume = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (generator.path("name").asText().equals(volume.path("configMap").path("name").asText())) {
                pluginVolume = volume.path("name").asText();
            }
        }
        assertTrue(pluginVolume != null, "no volume of ConfigMap " + generator.path("name"));
        List<String> mounts = new ArrayList<>();
        for (JsonNode mount : sidecar.path("volumeMounts")) {
            mounts.add(mount.path("name").asText() + " " + mount.path("mountPath").asText() + " "
                    + mount.path("subPath").asText());
        }
        assertTrue(mounts.contains(pluginVolume + " /home/argocd/cmp-server/config/plugin.yaml plugin.yaml"), mounts::toString);
        assertTrue(mounts.contains("var-files /var/run/argocd "), mounts::toString);
        assertTrue(mounts.contains("plugins /home/argocd/cmp-server/plugins "), mounts::toString);
        assertTrue(mounts.stream().anyMatch(m -> m.startsWith("cmp-tmp /tmp")), mounts::toString);
    }

    @Test
    void applicationSetUsesThePluginAndSyncsSafely() throws IOException {
        JsonNode plugin = read("plugin.yaml");
        assertTrue(plugin.path("spec").path("version").isMissingNode(), "a version would rename the plugin");
        JsonNode appSet = read("applicationset.yaml").path("spec");
        assertEquals("sites/*", appSet.path("generators").get(0).path("git").path("directories").get(0).path("path").asText());
        JsonNode template = appSet.path("template");
        assertEquals("site-{{path.basename}}", template.path("metadata").path("name").asText());
        assertEquals(plugin.path("metadata").path("name").asText(),
                template.path("spec").path("source").path("plugin").path("name").asText());
        JsonNode sync = template.path("spec").path("syncPolicy");
        assertTrue(sync.path("automated").path("prune").asBoolean());
        List<String> options = new ArrayList<>();
        sync.path("syncOptions").forEach(o -> options.add(o.asText()));
        assertEquals(List.of("CreateNamespace=false", "RespectIgnoreDifferences=true"), options);
    }

    @Test
    void perClusterApplicationSetGivesEachPartItsOwnApplication() throws IOException {
        JsonNode appSet = read("applicationset-per-cluster.yaml").path("spec");
        List<String> parts = new ArrayList<>();
        Set<String> apps = new java.util.HashSet<>();
        for (JsonNode e : appSet.path("generators").get(0).path("list").path("elements")) {
            parts.add(e.path("part").asText());
            assertTrue(apps.add(e.path("app").asText()), "Application names are unique: " + e);
            String part = e.path("part").asText();
            assertTrue(part.equals("hub") || part.startsWith(e.path("site").asText() + "/"), e.toString());
        }
        assertEquals(List.of("hub", "lab/hosted"), parts);
        assertTrue(appSet.path("syncPolicy").path("preserveResourcesOnDeletion").asBoolean());
        JsonNode template = appSet.path("template").path("spec");
        List<String> env = new ArrayList<>();
        template.path("source").path("plugin").path("env").forEach(v -> env.add(v.path("name").asText() + "=" + v.path("value").asText()));
        assertEquals(List.of("SITE={{site}}", "PART={{part}}"), env);
        assertEquals("{{app}}", appSet.path("template").path("metadata").path("name").asText());
        JsonNode sync = template.path("syncPolicy");
        assertTrue(sync.path("automated").path("prune").asBoolean());
        assertTrue(sync.path("retry").path("limit").asInt() > 0);
    }

    @Test
    void discoverFindsADirectoryWithAHostedSiteOnly(@TempDir Path tmp) throws Exception {
        List<String> find = commandOf(read("plugin.yaml").path("spec").path("discover").path("find").path("command"));

        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("lab.yaml"), "apiVersion: hostedsite.dev/v1alpha1\nkind: HostedSite\nmetadata:\n  name: lab\n");
        Files.writeString(site.resolve("extra.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Proc found = Proc.run(find, site, Map.of(), null, 30);
        assertEquals(0, found.exit());
        assertEquals("./lab.yaml", found.stdout().strip());

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: HostedSite\n");
        Proc notFound = Proc.run(find, other, Map.of(), null, 30);
        assertTrue(notFound.exit() != 0 || notFound.stdout().isBlank(), notFound.toString());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(Proc.run(find, empty, Map.of(), null, 30).stdout().isBlank());
    }

    @Test
    void generatePrintsOnlyTheRenderAndFailsWhenTheRenderFails(@TempDir Path tmp) throws Exception {
        List<String> generate = commandOf(read("plugin.yaml").path("spec").path("generate").path("command"));
        assertEquals(List.of("bash", "-c"), generate.subList(0, 2));
        assertTrue(generate.get(2).startsWith("set -eo pipefail;"), generate.get(2));

        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path fake = bin.resolve("hostedsite");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "ARGOCD_ENV_SITE", "lab");

        Files.writeString(fake, "#!/bin/sh\n[ \"$*\" = 'render .' ] || exit 64\necho 'kind: Namespace'\n");
        fake.toFile().setExecutable(true);
        Proc ok = Proc.run(generate, site, env, null, 30);
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("kind: Namespace\n", ok.stdout());
        assertTrue(ok.stderr().contains("site lab"), ok.stderr());

        Files.writeString(fake, "#!/bin/sh\n[ \"$*\" = 'render . --part lab/hosted' ] || exit 64\necho 'kind: HostedCluster'\n");
        Map<String, String> withPart = new java.util.HashMap<>(env);
        withPart.put("ARGOCD_ENV_PART", "lab/hosted");
        Proc part = Proc.run(generate, site, withPart, null, 30);
        assertEquals(0, part.exit(), part.toString());
        assertEquals("kind: HostedCluster\n", part.stdout());
        assertTrue(part.stderr().contains("part lab/hosted"), part.stderr());

        Files.writeString(fake, "#!/bin/sh\necho 'kind: Namespace'\necho 'render failed' >&2\nexit 3\n");
        Proc failed = Proc.run(generate, site, env, null, 30);
        assertNotEquals(0, failed.exit(), "a failed render must fail the plugin");
    }

    private static List<String> commandOf(JsonNode command) {
        assertFalse(command.isMissingNode());
        List<String> words = new ArrayList<>();
        command.forEach(w -> words.add(w.asText()));
        return words;
    }

    private static JsonNode read(String name) throws IOException {
        return documents(ArgoCdPackage.dir().resolve(name)).get(0);
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll();
        }
    }
}
