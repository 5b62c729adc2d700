package dev.hostedsite.argocd.sync;

import static dev.hostedsite.argocd.sync.SimulatedHub.conditionPresent;
import static dev.hostedsite.argocd.sync.SimulatedHub.removeCondition;
import static dev.hostedsite.argocd.sync.SimulatedHub.setCondition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/**
 * OLM's controllers of a {@link SimulatedHub}: the catalog operator (CatalogSource registry servers,
 * Subscription catalog health, resolution and InstallPlans) and the olm-operator (OperatorGroups, CSV phases).
 * Each method cites the OLM code it follows.
 */
final class SimulatedOlm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SimulatedHub hub;

    SimulatedOlm(SimulatedHub hub) {
        this.hub = hub;
    }

    void catalogSource(ObjectNode cs) {
        ObjectNode connection = cs.with("status").with("connectionState");
        String state = connection.path("lastObservedState").asText("");
        if (state.equals("READY")) {
            return;
        }
        boolean pullable = reachable(cs.path("spec").path("image").asText());
        ObjectNode image = hub.get(new ObjectKey("config.openshift.io", "Image", null, "cluster"));
        String ca = image == null ? null : image.path("spec").path("additionalTrustedCA").path("name").asText(null);
        pullable &= ca != null && hub.has(ObjectKey.core("ConfigMap", "openshift-config", ca));
        if (!pullable) {
            connection.put("lastObservedState", "TRANSIENT_FAILURE");
        } else {
            connection.put("lastObservedState", state.equals("CONNECTING") ? "READY" : "CONNECTING");
        }
        connection.put("address", ObjectKey.of(cs).name() + "." + ObjectKey.of(cs).namespace() + ".svc:50051");
    }

    void operatorGroup(ObjectNode og) {
        if (og.path("status").has("namespaces")) {
            return;
        }
        ArrayNode namespaces = og.with("status").putArray("namespaces");
        JsonNode targets = og.path("spec").path("targetNamespaces");
        if (targets.isArray() && !targets.isEmpty()) {
            targets.forEach(t -> namespaces.add(t.asText()));
        } else {
            namespaces.add("");
        }
    }

    /**
     * OLM's catalog operator for one Subscription. Catalog health covers every CatalogSource in the
     * Subscription's namespace and in the global catalog namespace {@code openshift-marketplace}
     * (operator-framework/operator-lifecycle-manager pkg/controller/operators/catalog/subscription/reconciler.go
     * {@code catalogHealth} @ 992bb097): {@code status.catalogHealth} and {@code CatalogSourcesUnhealthy}
     * (reasons UnhealthyCatalogSourceFound, AllCatalogSourcesHealthy). Resolution needs the targeted catalog
     * READY: {@code state: UpgradePending}, {@code currentCSV} and an {@code installPlanRef}; then, once the
     * subscription syncer sees the InstallPlan running, {@code InstallPlanPending=True} (reason Installing; in
     * between no condition says anything is pending, which Argo CD 2.14's built-in check calls Healthy); the
     * InstallPlan then creates the package's CRDs and the CSV object, and
     * the Subscription turns {@code AtLatestKnown} with {@code installedCSV}: the CSV exists, it has not
     * succeeded yet ({@link #clusterServiceVersion}).
     */
    void subscription(ObjectNode sub) {
        ObjectKey k = ObjectKey.of(sub);
        JsonNode spec = sub.path("spec");
        ObjectNode status = sub.with("status");
        String state = status.path("state").asText("");
        List<String> unhealthy = catalogHealth(sub);
        if (unhealthy.isEmpty()) {
            setCondition(sub, "CatalogSourcesUnhealthy", "False", "AllCatalogSourcesHealthy", "all available catalogsources are healthy");
        } else {
            setCondition(sub, "CatalogSourcesUnhealthy", "True", "UnhealthyCatalogSourceFound",
                    "unhealthy catalogsources: " + String.join(", ", unhealthy));
        }
        if (state.equals("AtLatestKnown")) {
            return;
        }
        String sourceNamespace = spec.path("sourceNamespace").asText(k.namespace());
        ObjectNode catalog = hub.get(new ObjectKey("operators.coreos.com", "CatalogSource", sourceNamespace,
                spec.path("source").asText()));
        if (catalog == null || !catalogReady(catalog)) {
            return;
        }
        String pkg = spec.path("name").asText();
        String csv = pkg + ".v0.0.0-simulated";
        if (state.isEmpty()) {
            status.put("state", "UpgradePending").put("currentCSV", csv);
            status.putObject("installPlanRef").put("kind", "InstallPlan").put("name", "install-" + pkg)
                    .put("namespace", k.namespace());
            return;
        }
        if (!conditionPresent(sub, "InstallPlanPending")) {
            // The subscription syncer has seen the InstallPlan: its phase Installing (reason) until it completes.
            setCondition(sub, "InstallPlanPending", "True", "Installing", "");
            return;
        }
        // The InstallPlan's steps: the CRDs, then the CSV.
        if (SimulatedHub.CSV_GROUPS.containsKey(pkg)) {
            hub.installApi(SimulatedHub.CSV_GROUPS.get(pkg));
        }
        ObjectNode csvObject = JSON.objectNode().put("apiVersion", "operators.coreos.com/v1alpha1")
                .put("kind", "ClusterServiceVersion");
        csvObject.putObject("metadata").put("name", csv).put("namespace", k.namespace())
                .putObject("labels").put(PACKAGE_LABEL, pkg);
        csvObject.putObject("status").put("phase", "Pending").put("reason", "RequirementsUnknown");
        hub.putIfAbsent(csvObject);
        status.put("state", "AtLatestKnown").put("installedCSV", csv);
        removeCondition(sub, "InstallPlanPending");
        hub.event("InstallPlan created CSV " + csv);
    }

    /** Label this simulation puts on a CSV to name its package (OLM relates them through the Subscription). */
    static final String PACKAGE_LABEL = "simulated.hostedsite.dev/package";

    /** The unhealthy catalogs a Subscription sees, as namespace/name, and {@code status.catalogHealth}. */
    private List<String> catalogHealth(ObjectNode sub) {
        String ns = ObjectKey.of(sub).namespace();
        ArrayNode health = sub.with("status").putArray("catalogHealth");
        List<String> unhealthy = new ArrayList<>();
        for (ObjectNode cs : hub.ofKind("CatalogSource")) {
            ObjectKey ck = ObjectKey.of(cs);
            if (!ck.namespace().equals(ns) && !ck.namespace().equals(GLOBAL_CATALOG_NAMESPACE)) {
                continue;
            }
            boolean ready = catalogReady(cs);
            ObjectNode h = health.addObject();
            h.putObject("catalogSourceRef").put("kind", "CatalogSource").put("name", ck.name()).put("namespace", ck.namespace());
            h.put("healthy", ready);
            if (!ready) {
                unhealthy.add(ck.namespace() + "/" + ck.name());
            }
        }
        return unhealthy;
    }

    /** OLM's global catalog namespace on OpenShift (the catalog operator's {@code -namespace} flag). */
    static final String GLOBAL_CATALOG_NAMESPACE = "openshift-marketplace";

    static boolean catalogReady(JsonNode cs) {
        return cs.path("status").path("connectionState").path("lastObservedState").asText().equals("READY");
    }

    /**
     * OLM's olm-operator for one CSV (pkg/controller/operators/olm/operator.go {@code transitionCSVState}):
     * its namespace needs exactly one OperatorGroup (else phase Failed, reason NoOperatorGroup or
     * TooManyOperatorGroups); then Pending → InstallReady → Installing → Succeeded, one phase a tick. The
     * operator runs from Succeeded on.
     */
    void clusterServiceVersion(ObjectNode csv) {
        ObjectKey k = ObjectKey.of(csv);
        ObjectNode status = csv.with("status");
        String phase = status.path("phase").asText("");
        if (phase.equals("Succeeded")) {
            return;
        }
        long operatorGroups = hub.ofKind("OperatorGroup").stream().filter(og -> k.namespace().equals(ObjectKey.of(og).namespace())).count();
        if (operatorGroups != 1) {
            String reason = operatorGroups == 0 ? "NoOperatorGroup" : "TooManyOperatorGroups";
            if (!reason.equals(status.path("reason").asText())) {
                hub.event("CSV " + k.name() + " failed: " + reason);
            }
            status.put("phase", "Failed").put("reason", reason);
            return;
        }
        switch (phase) {
            case "Pending", "Failed" -> status.put("phase", "InstallReady").put("reason", "AllRequirementsMet");
            case "InstallReady" -> status.put("phase", "Installing").put("reason", "InstallWaiting");
            default -> {
                status.put("phase", "Succeeded").put("reason", "InstallSucceeded");
                String pkg = csv.path("metadata").path("labels").path(PACKAGE_LABEL).asText();
                hub.startOperator(pkg);
                hub.event("installed operator " + pkg);
            }
        }
    }

    /**
     * Whether a disconnected hub can pull {@code image}: it lives on a mirror registry of the mirror sets, or
     * under a source the mirror sets redirect (a digest under an ImageDigestMirrorSet source, a tag under an
     * ImageTagMirrorSet source). Anything else is out of reach.
     */
    private boolean reachable(String image) {
        boolean digest = image.contains("@sha256:");
        for (String[] kindField : List.of(new String[] {"ImageDigestMirrorSet", "imageDigestMirrors"},
                new String[] {"ImageTagMirrorSet", "imageTagMirrors"})) {
            for (ObjectNode set : hub.ofKind(kindField[0])) {
                for (JsonNode m : set.path("spec").path(kindField[1])) {
                    for (JsonNode mirror : m.path("mirrors")) {
                        if (host(mirror.asText()).equals(host(image))) {
                            return true;
                        }
                    }
                    boolean redirects = kindField[0].equals("ImageDigestMirrorSet") == digest;
                    if (redirects && image.startsWith(m.path("source").asText() + "/")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String host(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? image : image.substring(0, slash);
    }
}
