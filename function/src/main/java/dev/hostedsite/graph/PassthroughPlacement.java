package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.kinds.OperatorKinds;
import dev.hostedsite.krm.ItemRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every passthrough item (an input item that is neither a HostedSite, the previous render nor local config)
 * its place in the Argo CD sync order, as the generated objects have theirs ({@link WaveAssigner}):
 * <ul>
 *   <li>an item that carries {@value WaveAssigner#WAVE} keeps it;</li>
 *   <li>Namespace: wave 0; Secrets, ConfigMaps, ServiceAccounts, RBAC, SealedSecrets and ExternalSecrets: wave 1,
 *       with the generated ones; a kind the render generates too: that kind's wave; a custom resource whose CRD
 *       comes with an operator ({@link OperatorKinds}): after the operator's Subscription and CR; another kind of a
 *       Kubernetes or OpenShift API group: wave 1;</li>
 *   <li>a custom resource of an unknown kind keeps Argo CD's default wave 0 and gets a warning naming the wave to set.</li>
 * </ul>
 * A custom resource outside the groups every hub has gets {@code SkipDryRunOnMissingResource=true}, as generated ones
 * do: its CRD may arrive in the same sync. Then the order is checked like the generated one: every reference between
 * a passthrough item and another object points at a strictly earlier wave (a Namespace: not later), and no
 * readiness need ({@link ReadinessModel#NEEDS}) waits on a later wave. A violation (only an item's own wave can cause
 * one) is an error naming both waves.
 */
public final class PassthroughPlacement {

    /**
     * The placement of the passthrough items.
     *
     * @param items the items in input order, each an annotated copy (the input is never changed)
     * @param waves each item's wave (Argo CD's default 0 for those without one)
     * @param references edges from items to what they need that are not fields (a CR → its operator's Subscription)
     * @param diagnostics warnings for unknown kinds, errors for orders that cannot sync
     */
    public record Result(List<ObjectNode> items, Map<ObjectKey, Integer> waves, List<Reference> references,
                         List<Diagnostic> diagnostics) {}

    private static final String SKIP_DRY_RUN = "SkipDryRunOnMissingResource=true";

    /** Kinds of the core group and RBAC that go with the generated Secrets and ConfigMaps. */
    private static final Set<String> CONFIG_KINDS = Set.of("Secret", "ConfigMap", "ServiceAccount", "Role", "RoleBinding",
            "ClusterRole", "ClusterRoleBinding", "SealedSecret", "ExternalSecret");

    /**
     * API groups whose kinds exist on every OpenShift hub before any sync (Kubernetes' own and OpenShift's), plus
     * those of the controllers the README asks to have before the site (Sealed Secrets, External Secrets).
     */
    static final Set<String> HUB_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling", "rbac.authorization.k8s.io",
            "networking.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
            "admissionregistration.k8s.io", "apiextensions.k8s.io", "config.openshift.io", "operator.openshift.io",
            "route.openshift.io", "security.openshift.io", "machineconfiguration.openshift.io", "operators.coreos.com",
            "monitoring.coreos.com", "user.openshift.io", "image.openshift.io", "metal3.io", "bitnami.com",
            "external-secrets.io");

    private PassthroughPlacement() {}

    /**
     * @param passthrough the passthrough items, in input order
     * @param generated the generated manifests, waves assigned
     * @param references the render's references, generated and passthrough objects alike
     */
    public static Result place(List<ObjectNode> passthrough, List<Manifest> generated, List<Reference> references) {
        Map<String, ObjectKey> subscriptions = new HashMap<>();
        Map<ObjectKey, Integer> waves = new HashMap<>();
        Map<ObjectKey, String> kinds = new HashMap<>();
        for (Manifest m : generated) {
            if (m.localConfig()) {
                continue;
            }
            waves.put(m.key(), Integer.parseInt(m.annotations().path(WaveAssigner.WAVE).asText("0")));
            kinds.put(m.key(), m.key().kind());
            if (m.key().kind().equals("Subscription")) {
                subscriptions.put(m.body().path("spec").path("name").asText(), m.key());
            }
        }
        for (ObjectNode item : passthrough) {
            if (item.path("kind").asText().equals("Subscription")) {
                subscriptions.putIfAbsent(item.path("spec").path("name").asText(), ObjectKey.of(item));
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        List<ObjectNode> placed = new ArrayList<>();
        List<Reference> extra = new ArrayList<>();
        Map<ObjectKey, ObjectNode> byKey = new HashMap<>();
        Set<ObjectKey> own = new LinkedHashSet<>();
        for (ObjectNode item : passthrough) {
            ObjectKey key = ObjectKey.of(item);
            ObjectNode copy = item.deepCopy();
            ObjectNode annotations = copy.with("metadata").with("annotations");
            Integer wave = tableWave(key);
            var operator = OperatorKinds.of(key.group(), key.kind());
            if (annotations.has(WaveAssigner.WAVE)) {
                String text = annotations.path(WaveAssigner.WAVE).asText();
                try {
                    wave = Integer.parseInt(text.trim());
                    own.add(key);
                } catch (NumberFormatException e) {
                    out.add(error(item, WaveAssigner.WAVE + " is '" + text + "', which Argo CD cannot read as a number"
                            + " (it parses the annotation as an integer and fails the sync). Write a whole number"
                            + (wave == null ? "" : ", such as \"" + wave + "\", the wave the render would give it") + ".")
                            .withValue(text));
                    continue;
                }
            } else if (wave != null) {
                annotations.put(WaveAssigner.WAVE, Integer.toString(wave));
            } else {
                out.add(new Diagnostic(Severity.WARNING, key.kind() + " " + display(key) + " (" + key.group()
                        + ") is a kind the render does not know, so it has no sync wave: Argo CD applies it in wave 0,"
                        + " before the operators the site installs (Subscriptions in wave 4, their custom resources in"
                        + " wave 5). If its CRD comes with one of those operators, annotate it " + WaveAssigner.WAVE
                        + ": \"" + OperatorKinds.OPERATOR_CR_WAVE + "\" and " + WaveAssigner.SYNC_OPTIONS + ": "
                        + SKIP_DRY_RUN + "; if it is on the hub before the sync, set " + WaveAssigner.WAVE
                        + ": \"1\" to silence this warning.", ObjectRef.of(item), "metadata.annotations", null,
                        ItemRole.sourceFile(item)));
            }
            if (!HUB_GROUPS.contains(key.group()) && (operator.isPresent() || tableWave(key) != null)) {
                String options = annotations.path(WaveAssigner.SYNC_OPTIONS).asText("");
                if (!options.contains("SkipDryRunOnMissingResource")) {
                    annotations.put(WaveAssigner.SYNC_OPTIONS, options.isEmpty() ? SKIP_DRY_RUN : options + "," + SKIP_DRY_RUN);
                }
            }
            operator.map(o -> subscriptions.get(o.pkg())).ifPresent(sub ->
                    extra.add(new Reference(key, "kind " + key.kind() + " (CRD of " + sub.name() + ")", sub)));
            waves.put(key, wave == null ? 0 : wave);
            kinds.put(key, key.kind());
            byKey.put(key, item);
            placed.add(copy);
        }
        List<Reference> all = new ArrayList<>(references);
        all.addAll(extra);
        checkReferences(all, waves, byKey, own, out);
        checkNeeds(waves, kinds, byKey, own, out);
        Map<ObjectKey, Integer> itemWaves = new HashMap<>();
        byKey.keySet().forEach(k -> itemWaves.put(k, waves.get(k)));
        return new Result(placed, itemWaves, extra, out);
    }

    /** The wave the render gives a passthrough item of this kind, or null when it does not know the kind. */
    static Integer tableWave(ObjectKey key) {
        if (key.group().isEmpty() && key.kind().equals("Namespace")) {
            return 0;
        }
        if (CONFIG_KINDS.contains(key.kind())) {
            return 1;
        }
        var operator = OperatorKinds.of(key.group(), key.kind());
        if (operator.isPresent() && operator.get().wave() != null) {
            return operator.get().wave();
        }
        Integer generatedWave = WaveAssigner.waves().get(key.kind());
        if (generatedWave != null) {
            return generatedWave;
        }
        return HUB_GROUPS.contains(key.group()) ? 1 : null;
    }

    /** Each reference that touches a passthrough item must point at an earlier wave (a Namespace: not later). */
    private static void checkReferences(List<Reference> references, Map<ObjectKey, Integer> waves,
                                        Map<ObjectKey, ObjectNode> items, Set<ObjectKey> own, List<Diagnostic> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (Reference r : references) {
            if (!r.targetFirst() || !(items.containsKey(r.from()) || items.containsKey(r.to()))) {
                continue;
            }
            Integer from = waves.get(r.from());
            Integer to = waves.get(r.to());
            if (from == null || to == null) {
                continue;
            }
            boolean ok = r.to().kind().equals("Namespace") ? to <= from : to < from;
            if (ok || !seen.add(r.from() + " " + r.to())) {
                continue;
            }
            ObjectKey blame = items.containsKey(r.from()) && own.contains(r.from()) || !items.containsKey(r.to()) ? r.from() : r.to();
            out.add(error(items.get(blame), r.from().kind() + " " + display(r.from()) + " (wave " + from + ") "
                    + r.field() + " names " + r.to().kind() + " " + display(r.to()) + " (wave " + to + "): Argo CD applies"
                    + " wave " + from + " before wave " + to + ", so it would wait for, or fail without, what it names. "
                    + advice(blame, own, waves)).withValue(Integer.toString(waves.get(blame))));
        }
    }

    /**
     * No readiness need between a passthrough item and another object may wait on a later wave. Reported in the
     * order Argo CD applies the waiting kinds (by their table wave; the needs of one wave in model order).
     */
    private static void checkNeeds(Map<ObjectKey, Integer> waves, Map<ObjectKey, String> kinds,
                                   Map<ObjectKey, ObjectNode> items, Set<ObjectKey> own, List<Diagnostic> out) {
        Map<String, List<ObjectKey>> byKind = new HashMap<>();
        kinds.forEach((k, kind) -> byKind.computeIfAbsent(kind, x -> new ArrayList<>()).add(k));
        byKind.values().forEach(l -> l.sort(null));
        Set<String> seen = new LinkedHashSet<>();
        List<ReadinessModel.Need> needs = new ArrayList<>(ReadinessModel.NEEDS);
        needs.sort(java.util.Comparator.comparingInt(n -> WaveAssigner.waves().getOrDefault(n.kind(), Integer.MAX_VALUE)));
        for (ReadinessModel.Need n : needs) {
            for (ObjectKey waiting : byKind.getOrDefault(n.kind(), List.of())) {
                for (ObjectKey needed : byKind.getOrDefault(n.prerequisite(), List.of())) {
                    boolean touches = items.containsKey(waiting) && !CONFIG_KINDS.contains(waiting.kind())
                            || items.containsKey(needed) && !CONFIG_KINDS.contains(needed.kind());
                    if (!touches || waves.get(needed) <= waves.get(waiting) || !seen.add(waiting + " " + needed)) {
                        continue;
                    }
                    ObjectKey blame = items.containsKey(waiting) && own.contains(waiting) || !items.containsKey(needed)
                            ? waiting : needed;
                    out.add(error(items.get(blame), waiting.kind() + " " + display(waiting) + " (wave " + waves.get(waiting)
                            + ") turns Healthy only after " + needed.kind() + " " + display(needed) + " (wave "
                            + waves.get(needed) + "): " + n.why() + "; Argo CD never applies wave " + waves.get(needed)
                            + " while wave " + waves.get(waiting) + " is not Healthy. " + advice(blame, own, waves))
                            .withValue(Integer.toString(waves.get(blame))));
                }
            }
        }
    }

    private static String advice(ObjectKey blame, Set<ObjectKey> own, Map<ObjectKey, Integer> waves) {
        Integer table = tableWave(blame);
        return own.contains(blame)
                ? "Change the " + WaveAssigner.WAVE + " annotation of " + blame.kind() + " " + display(blame)
                        + (table == null ? "" : ", or remove it to get wave " + table) + "."
                : "Set the " + WaveAssigner.WAVE + " annotation of " + blame.kind() + " " + display(blame) + " to fit.";
    }

    private static Diagnostic error(JsonNode item, String message) {
        return new Diagnostic(Severity.ERROR, message, ObjectRef.of(item), "metadata.annotations", null,
                ItemRole.sourceFile(item));
    }

    private static String display(ObjectKey k) {
        return (k.namespace() == null ? "" : k.namespace() + "/") + k.name();
    }
}
