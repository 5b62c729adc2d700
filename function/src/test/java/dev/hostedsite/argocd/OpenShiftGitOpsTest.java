package dev.hostedsite.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.testing.UpstreamSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * packages/argocd/openshift-gitops: generated from the Component's files (fails on any drift; with
 * {@code -Dhealth.update=true} it rewrites them first), valid against argocd-operator's ArgoCD v1beta1 schema,
 * and carrying exactly the health checks argocd-cm-health.yaml carries, keyed as the operator writes them.
 */
class OpenShiftGitOpsTest {
    /** A reference by digest: name@sha256:<64 hex>. */
    static final Pattern BY_DIGEST = Pattern.compile("[^@:\\s]+(:[0-9]+)?[^@:\\s]*@sha256:[0-9a-f]{64}");

    @Test
    void filesAreGeneratedFromTheComponent() throws IOException {
        Path dir = ArgoCdPackage.dir().resolve(OpenShiftGitOps.DIR);
        Map<String, String> expected = Map.of(OpenShiftGitOps.ARGOCD_FILE, OpenShiftGitOps.renderArgoCd(),
                OpenShiftGitOps.PLUGIN_FILE, OpenShiftGitOps.renderPluginConfigMap());
        for (String name : OpenShiftGitOps.files()) {
            Path file = dir.resolve(name);
            if (Boolean.getBoolean("health.update")) {
                Files.writeString(file, expected.get(name));
            }
            assertEquals(expected.get(name), Files.exists(file) ? Files.readString(file) : "",
                    file + " is stale; regenerate it: " + OpenShiftGitOps.UPDATE_COMMAND);
        }
    }

    @Test
    void argoCdValidatesAgainstTheUpstreamSchema() {
        JsonNode cr = OpenShiftGitOps.read(ArgoCdPackage.dir().resolve(OpenShiftGitOps.DIR).resolve(OpenShiftGitOps.ARGOCD_FILE));
        assertTrue(UpstreamSchemas.forObject(cr).isPresent(), "no upstream schema for ArgoCD v1beta1");
        assertEquals(List.of(), UpstreamSchemas.validate(cr));
        // and the ArgoCD CRD's CEL rules (argocd-operator keeps 6 in v1beta1), as the apiserver runs them on a create
        dev.hostedsite.testing.CelOracle oracle = dev.hostedsite.testing.CelOracle.upstream();
        assertTrue(oracle.covers(cr), "the CEL oracle has the ArgoCD rules");
        assertEquals(List.of(), oracle.check(cr, null).violations());
        JsonNode broken = cr.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec").path("resourceHealthChecks").get(0)).put("checks", "x");
        assertFalse(UpstreamSchemas.validate(broken).isEmpty(), "the schema catches an unknown field");
    }

    /** argocd-operator controllers/argocd/configmap.go getResourceHealthChecks: key = prefix + group + "_" + kind. */
    @Test
    void healthChecksBecomeTheSameArgoCdCmKeys() {
        JsonNode cr = OpenShiftGitOps.read(ArgoCdPackage.dir().resolve(OpenShiftGitOps.DIR).resolve(OpenShiftGitOps.ARGOCD_FILE));
        Map<String, String> operator = new TreeMap<>();
        for (JsonNode c : cr.path("spec").path("resourceHealthChecks")) {
            String group = c.path("group").asText();
            operator.put(ArgoCdPackage.HEALTH_KEY_PREFIX + (group.isEmpty() ? "" : group + "_") + c.path("kind").asText(),
                    c.path("check").asText());
        }
        Map<String, String> configMap = new TreeMap<>();
        OpenShiftGitOps.read(ArgoCdPackage.dir().resolve(HealthConfigMap.FILE_NAME)).path("data")
                .properties().forEach(e -> configMap.put(e.getKey(), e.getValue().asText()));
        assertEquals(configMap, operator);
        assertEquals(ArgoCdPackage.healthScripts().size(), operator.size());
    }

    @Test
    void sidecarRunsUnderRestrictedV2AndIsPinnedByDigest() {
        JsonNode cr = OpenShiftGitOps.read(ArgoCdPackage.dir().resolve(OpenShiftGitOps.DIR).resolve(OpenShiftGitOps.ARGOCD_FILE));
        JsonNode sidecar = cr.path("spec").path("repo").path("sidecarContainers").get(0);
        assertEquals("openshift-gitops", cr.path("metadata").path("name").asText());
        assertFalse(sidecar.path("securityContext").has("runAsUser"), "restricted-v2 assigns the UID");
        assertTrue(sidecar.path("securityContext").path("runAsNonRoot").asBoolean());
        assertTrue(BY_DIGEST.matcher(sidecar.path("image").asText()).matches(), sidecar.path("image").asText());
        assertTrue(BY_DIGEST.matcher(OpenShiftGitOps.pinnedImage()).matches(), OpenShiftGitOps.pinnedImage());
        List<String> volumes = new java.util.ArrayList<>();
        cr.path("spec").path("repo").path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        for (JsonNode mount : sidecar.path("volumeMounts")) {
            String name = mount.path("name").asText();
            // var-files and plugins are volumes of the operator's own repo-server Deployment (repo_server.go).
            assertTrue(volumes.contains(name) || name.equals("var-files") || name.equals("plugins"), name);
        }
    }
}
