package dev.hostedsite.argocd.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.argocd.ArgoCdPackage;
import dev.hostedsite.argocd.LuaHealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD's health of one live object, as the sync loop sees it (argoproj/gitops-engine
 * {@code pkg/health/health.go}, {@code GetResourceHealth}):
 * <ul>
 *   <li>an object being deleted is Progressing;</li>
 *   <li>a kind with a script in {@code packages/argocd/health} runs that SHIPPED script through luaj, when the
 *       package is installed ({@link ArgoCd#packageChecks}); the package's Subscription script overrides the
 *       built-in;</li>
 *   <li>ExternalSecret: Argo CD's built-in {@code resource_customizations/external-secrets.io/ExternalSecret},
 *       modelled as Healthy on {@code Ready=True}, Degraded on {@code Ready=False}, else Progressing;</li>
 *   <li>Subscription without the package's override: Argo CD's built-in
 *       {@code resource_customizations/operators.coreos.com/Subscription/health.lua} of the {@link ArgoCd}
 *       version. Argo CD 2.14 (argoproj/argo-cd @ 03fd7573, modelled in {@link #subscription214}): Degraded on
 *       {@code CatalogSourcesUnhealthy}, {@code InstallPlanFailed} or {@code ResolutionFailed} True or an
 *       {@code InstallPlanMissing} (unless ReferencedInstallPlanNotFound), Progressing on
 *       {@code InstallPlanPending=True} or no conditions, else Healthy: {@code status.state} is never read.
 *       Later versions (argoproj/argo-cd @ 37ee0097), modelled in {@link #subscription}: Degraded on {@code CatalogSourcesUnhealthy},
 *       {@code InstallPlanFailed} or {@code ResolutionFailed} True, on {@code InstallPlanMissing} (unless its reason
 *       is ReferencedInstallPlanNotFound) or state UpgradeFailed; else Progressing on {@code InstallPlanPending=True}
 *       or a state that is missing, empty, UpgradeAvailable or UpgradePending (a Manual approval pending over an
 *       installed CSV excepted); else (AtLatestKnown) Healthy. No conditions at all: Progressing;</li>
 *   <li>every other kind we emit (Namespace, Secret, ConfigMap, Role, Image, mirror sets, OperatorHub,
 *       OperatorGroup, IPAddressPool, L2Advertisement, NMStateConfig) has no health ({@code null}): the sync counts it done once applied and the
 *       Application's health ignores it.</li>
 * </ul>
 */
final class Health {
    /**
     * Which Argo CD runs the checks: its version (the built-ins that differ) and whether the package's
     * {@code argocd-cm} health customizations are installed (they override built-ins of the same kind).
     *
     * @param version {@code "2.14"} or {@code "3"} (3.0 and later: the state-aware built-in Subscription check)
     * @param withoutOverride kinds whose package script is left out of {@code argocd-cm} (their built-in runs)
     */
    record ArgoCd(String version, boolean packageChecks, Set<String> withoutOverride) {
        ArgoCd(String version, boolean packageChecks) {
            this(version, packageChecks, Set.of());
        }

        /** The Argo CD versions the package supports (packages/argocd/README.md), oldest first. */
        static final List<String> SUPPORTED = List.of("2.14", "3");
        static final ArgoCd DEFAULT = new ArgoCd("3", true);
    }

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
        return of(live, ArgoCd.DEFAULT);
    }

    /** The health of {@code live} under {@code argo}, or null when it has none for the kind. */
    static Status of(JsonNode live, ArgoCd argo) {
        if (live.path("metadata").has("deletionTimestamp")) {
            return new Status("Progressing", "Pending deletion");
        }
        String kind = live.path("kind").asText();
        Path script = ArgoCdPackage.healthScript(live.path("apiVersion").asText(), kind);
        if (argo.packageChecks() && !argo.withoutOverride().contains(kind) && Files.isRegularFile(script)) {
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
        if (kind.equals("Subscription")) {
            return argo.version().equals("2.14") ? subscription214(live) : subscription(live);
        }
        return null;
    }

    /** Argo CD 2.14's built-in Subscription health: conditions only, {@code status.state} ignored. */
    static Status subscription214(JsonNode live) {
        JsonNode conditions = live.path("status").path("conditions");
        if (!conditions.isArray()) {
            return new Status("Progressing", "An install plan for a subscription is pending installation");
        }
        int degraded = 0;
        int pending = 0;
        for (JsonNode c : conditions) {
            String type = c.path("type").asText();
            boolean isTrue = c.path("status").asText().equals("True");
            if (type.equals("InstallPlanPending") && isTrue) {
                pending++;
            } else if (type.equals("InstallPlanMissing") && !c.path("reason").asText().equals("ReferencedInstallPlanNotFound")
                    || isTrue && Set.of("CatalogSourcesUnhealthy", "InstallPlanFailed", "ResolutionFailed").contains(type)) {
                degraded++;
            }
        }
        if (degraded > 0) {
            return new Status("Degraded", degraded + " failing condition(s)");
        }
        return pending > 0 ? new Status("Progressing", "An install plan for a subscription is pending installation")
                : new Status("Healthy", "no failing condition");
    }

    /** Argo CD's later built-in Subscription health (see the class comment); message: the first reason found. */
    static Status subscription(JsonNode live) {
        JsonNode status = live.path("status");
        JsonNode conditions = status.path("conditions");
        if (!conditions.isArray() || conditions.isEmpty()) {
            return new Status("Progressing", "An install plan for a subscription is pending installation");
        }
        boolean manualPending = false;
        if (live.path("spec").path("installPlanApproval").asText().equals("Manual") && status.has("installedCSV")) {
            for (JsonNode c : conditions) {
                manualPending |= c.path("type").asText().equals("InstallPlanPending")
                        && c.path("status").asText().equals("True") && c.path("reason").asText().equals("RequiresApproval");
            }
        }
        String degraded = null;
        String pending = null;
        for (JsonNode c : conditions) {
            String type = c.path("type").asText();
            boolean isTrue = c.path("status").asText().equals("True");
            if (type.equals("InstallPlanPending") && isTrue && !manualPending) {
                pending = pending != null ? pending : type;
            } else if (type.equals("InstallPlanMissing") && !c.path("reason").asText().equals("ReferencedInstallPlanNotFound")
                    || isTrue && Set.of("CatalogSourcesUnhealthy", "InstallPlanFailed", "ResolutionFailed").contains(type)) {
                degraded = degraded != null ? degraded : type + ": " + c.path("message").asText();
            }
        }
        JsonNode state = status.path("state");
        String s = state.asText("");
        if (s.equals("UpgradeFailed")) {
            degraded = degraded != null ? degraded : ".status.state is 'UpgradeFailed'";
        } else if (state.isMissingNode() || state.isNull() || s.isEmpty() || s.equals("UpgradeAvailable")
                || s.equals("UpgradePending") && !manualPending) {
            pending = pending != null ? pending : ".status.state is '" + s + "'";
        }
        if (degraded != null) {
            return new Status("Degraded", degraded);
        }
        return pending != null ? new Status("Progressing", pending) : new Status("Healthy", ".status.state is '" + s + "'");
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
