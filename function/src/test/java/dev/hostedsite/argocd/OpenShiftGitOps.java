package dev.hostedsite.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders packages/argocd/openshift-gitops/argocd.yaml, the {@code ArgoCD} (argocd-operator
 * {@code argoproj.io/v1beta1}) for OpenShift GitOps' default instance, from the single sources of the upstream
 * Component: the sidecar container and volumes of repo-server-patch.yaml (without {@code runAsUser}: the
 * {@code restricted-v2} SCC assigns the UID), the sidecar image pinned in kustomization.yaml, and the health
 * scripts under health/ as {@code spec.resourceHealthChecks}; and hostedsite-cmp-plugin.yaml, the plugin
 * ConfigMap holding plugin.yaml.
 */
final class OpenShiftGitOps {
    static final String DIR = "openshift-gitops";
    static final String ARGOCD_FILE = "argocd.yaml";
    static final String PLUGIN_FILE = "hostedsite-cmp-plugin.yaml";
    static final String INSTANCE = "openshift-gitops";
    static final String UPDATE_COMMAND = "mvn -B -q test -Dtest=OpenShiftGitOpsTest -Dhealth.update=true";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final YAMLMapper OUT = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private OpenShiftGitOps() {
    }

    /** The image the Component pins: its kustomization's {@code images[0]} as {@code name@digest}. */
    static String pinnedImage() {
        JsonNode image = read(ArgoCdPackage.dir().resolve("kustomization.yaml")).path("images").get(0);
        return image.path("name").asText() + "@" + image.path("digest").asText();
    }

    static String renderArgoCd() {
        JsonNode patch = read(ArgoCdPackage.dir().resolve("repo-server-patch.yaml")).path("spec").path("template").path("spec");
        ObjectNode sidecar = (ObjectNode) patch.path("containers").get(0).deepCopy();
        sidecar.put("image", pinnedImage());
        ((ObjectNode) sidecar.get("securityContext")).remove("runAsUser");
        ObjectNode cr = YAML.createObjectNode();
        cr.put("apiVersion", "argoproj.io/v1beta1");
        cr.put("kind", "ArgoCD");
        cr.putObject("metadata").put("name", INSTANCE).put("namespace", INSTANCE);
        ObjectNode spec = cr.putObject("spec");
        ObjectNode repo = spec.putObject("repo");
        repo.putArray("sidecarContainers").add(sidecar);
        repo.set("volumes", patch.path("volumes").deepCopy());
        ArrayNode checks = spec.putArray("resourceHealthChecks");
        for (Path script : ArgoCdPackage.healthScripts()) {
            String groupKind = ArgoCdPackage.groupKind(script);
            int sep = groupKind.lastIndexOf('_');
            try {
                checks.addObject().put("group", groupKind.substring(0, sep)).put("kind", groupKind.substring(sep + 1))
                        .put("check", Files.readString(script));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return header("packages/argocd/repo-server-patch.yaml, kustomization.yaml (images) and health/*.lua")
                + "# Server-side apply it onto OpenShift GitOps' default instance (see ../README.md):\n"
                + "#   oc apply --server-side --field-manager=hostedsite -k packages/argocd/openshift-gitops\n"
                + write(cr);
    }

    static String renderPluginConfigMap() {
        ObjectNode cm = YAML.createObjectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", "hostedsite-cmp-plugin").put("namespace", INSTANCE);
        try {
            cm.putObject("data").put("plugin.yaml", Files.readString(ArgoCdPackage.dir().resolve("plugin.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header("packages/argocd/plugin.yaml") + write(cm);
    }

    private static String header(String sources) {
        return "# Generated from " + sources + " by OpenShiftGitOpsTest: do not edit by hand.\n"
                + "# Change the sources, then run (from the repository root)\n#   " + UPDATE_COMMAND + "\n";
    }

    private static String write(JsonNode node) {
        try {
            return OUT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> files() {
        return List.of(ARGOCD_FILE, PLUGIN_FILE);
    }
}
