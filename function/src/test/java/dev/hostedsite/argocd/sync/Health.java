package dev.hostedsite.argocd.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.argocd.ArgoCdPackage;
import dev.hostedsite.argocd.LuaHealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Argo CD's health of one live object, as the sync loop sees it (argoproj/gitops-engine
 * {@code pkg/health/health.go}, {@code GetResourceHealth}):
 * <ul>
 *   <li>an object being deleted is Progressing;</li>
 *   <li>a kind with a script in {@code packages/argocd/health} runs that SHIPPED script through luaj;</li>
 *   <li>ExternalSecret: Argo CD's built-in {@code resource_customizations/external-secrets.io/ExternalSecret},
 *       modelled as Healthy on {@code Ready=True}, Degraded on {@code Ready=False}, else Progressing;</li>
 *   <li>every other kind we emit (Namespace, Secret, ConfigMap, Role, Image, mirror sets, CatalogSource,
 *       NMStateConfig) has no health ({@code null}): the sync counts it done once applied and the
 *       Application's health ignores it.</li>
 * </ul>
 */
final class Health {
    /** An Argo CD health status and message. */
    record Status(String status, String message) {
        boolean healthy() {
            return "Healthy".equals(status);
        }

        @Override
        public String toString() {
            return status + ": " + message;
        }
    }

    private static final Map<Path, LuaHealthCheck.Compiled> SCRIPTS = new HashMap<>();

    private Health() {}

    /** The health of {@code live}, or null when Argo CD has none for its kind. */
    static Status of(JsonNode live) {
        if (live.path("metadata").has("deletionTimestamp")) {
            return new Status("Progressing", "Pending deletion");
        }
        String kind = live.path("kind").asText();
        Path script = ArgoCdPackage.healthScript(live.path("apiVersion").asText(), kind);
        if (Files.isRegularFile(script)) {
            LuaHealthCheck.Result r = compiled(script).run(live);
            return new Status(r.status(), r.message());
        }
        if (kind.equals("ExternalSecret")) {
            for (JsonNode c : live.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Ready")) {
                    String s = c.path("status").asText();
                    return new Status(s.equals("True") ? "Healthy" : s.equals("False") ? "Degraded" : "Progressing",
                            c.path("message").asText("Ready=" + s));
                }
            }
            return new Status("Progressing", "Waiting for the external-secrets operator");
        }
        return null;
    }

    private static synchronized LuaHealthCheck.Compiled compiled(Path script) {
        return SCRIPTS.computeIfAbsent(script, p -> {
            try {
                return LuaHealthCheck.compile(Files.readString(p), p.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
