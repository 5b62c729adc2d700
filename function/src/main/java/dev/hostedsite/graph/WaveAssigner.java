package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.KindCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD sync waves and sync options. Waves come from a table by kind, chosen so that the partial order of
 * design/hostedsite-api.md holds and no kind's readiness ({@link ReadinessModel}) needs a later wave;
 * {@link #verify} proves both on the actual render (a violation is a bug in this table, so it throws).
 *
 * <p>Objects whose loss destroys a cluster, its data or the hub's own function carry protecting sync options
 * ({@link #PROTECTION}, {@link #PROTECTED_REFERENCES}): {@code Prune=confirm,Delete=confirm}, after which Argo CD
 * (v2.14.0 and later, every version the package supports; argoproj/argo-cd PR #20497,
 * {@code docs/user-guide/sync-options.md}) waits for a person to approve before pruning them or deleting them
 * with the Application; or, for the hub's singletons, {@code Delete=false,Prune=false}: Argo CD never deletes them.
 */
public final class WaveAssigner {
    public static final String WAVE = "argocd.argoproj.io/sync-wave";
    public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

    /** Kind → wave: this table for the kinds not declared as units yet, plus each declared kind's own wave. */
    static final Map<String, Integer> WAVES = withDeclared(Map.ofEntries(
            Map.entry("Namespace", 0),
            Map.entry("Secret", 1), Map.entry("ConfigMap", 1), Map.entry("ExternalSecret", 1),
            Map.entry("LVMCluster", 5)));

    /** Orderings the design requires that are not references: before kind, after kind. */
    static final List<String[]> EXTRA_ORDER = List.of(
            new String[] {"ImageDigestMirrorSet", "CatalogSource"},
            new String[] {"ImageTagMirrorSet", "CatalogSource"},
            new String[] {"OperatorHub", "CatalogSource"},
            new String[] {"OperatorGroup", "Subscription"},
            new String[] {"Subscription", "MultiClusterEngine"},
            new String[] {"MultiClusterEngine", "AgentServiceConfig"},
            new String[] {"L2Advertisement", "HostedCluster"},
            new String[] {"HostedCluster", "NodePool"},
            new String[] {"NMStateConfig", "InfraEnv"},
            new String[] {"InfraEnv", "BareMetalHost"},
            new String[] {"HostedCluster", "ManagedCluster"},
            new String[] {"ManagedCluster", "KlusterletAddonConfig"},
            new String[] {"Subscription", "LVMCluster"},
            new String[] {"LVMCluster", "AgentServiceConfig"},
            new String[] {"Provisioning", "BareMetalHost"});

    /**
     * Partial objects ({@code group/kind}): the hub's own singletons of which the render owns a few fields. Argo CD
     * applies them server-side so that the rest stays with the cluster. The declared kinds say so themselves
     * ({@code KindSpec.Sync#serverSideApply}: the {@code cluster} Image and OperatorHub, the
     * {@code provisioning-configuration} Provisioning); none of the undeclared kinds is partial.
     */
    static final Set<String> PARTIAL = partial();

    /**
     * Sync options that stop Argo CD from pruning an object, or deleting it with its Application, until a
     * person approves ({@code argocd app confirm-deletion}, the UI's "Confirm Pruning", or the Application
     * annotation {@code argocd.argoproj.io/deletion-approved}). Argo CD v2.14.0 and later; older versions ignore
     * the value {@code confirm} (gitops-engine {@code HasAnnotationOption} matches {@code Prune=false} exactly),
     * so there use {@code Prune=false,Delete=false} instead (packages/argocd/README.md).
     */
    public static final String CONFIRM = KindSpec.Protection.CONFIRM.options();

    /**
     * Sync options by which Argo CD never deletes an object: not when it leaves Git ({@code Prune=false}: shown
     * as requiring pruning, left in place), not with its Application ({@code Delete=false}). For the hub's
     * cluster-scoped singletons, whose deletion is never wanted (gitops-engine {@code HasAnnotationOption}).
     */
    public static final String NEVER_DELETE = KindSpec.Protection.NEVER_DELETE.options();

    /**
     * Kinds whose every object carries protecting sync options, and which: this table for the kinds not declared
     * as units yet, plus each declared kind's own ({@code KindSpec.Sync#protection}, with the reason in its unit).
     * Losing a Namespace deletes everything in it whatever its objects' options say.
     */
    static final Map<String, String> PROTECTION = withDeclaredProtection(Map.ofEntries(
            Map.entry("Namespace", CONFIRM)));

    /** Fields of a HostedCluster whose Secret holds etcd data keys: lose it and the etcd data is unreadable. */
    static final Set<String> ETCD_KEY_FIELDS = Set.of("spec.secretEncryption.aescbc.activeKey.name",
            "spec.secretEncryption.aescbc.backupKey.name");

    /**
     * References (from kind → fields) whose target gets {@link #CONFIRM}, with the ExternalSecret producing it:
     * the etcd encryption keys, and the {@code openshift-config} ConfigMap holding the registry CA the
     * {@code cluster} Image trusts (without it the hub can no longer pull from its mirror registry).
     */
    static final Map<String, Set<String>> PROTECTED_REFERENCES = Map.of("HostedCluster", ETCD_KEY_FIELDS,
            "Image", Set.of("spec.additionalTrustedCA.name"));

    /** API groups whose CRDs exist on every OpenShift hub; every other custom resource may arrive in the same sync. */
    private static final Set<String> PLATFORM_GROUPS = Set.of("", "rbac.authorization.k8s.io", "config.openshift.io",
            "operators.coreos.com");

    private WaveAssigner() {}

    private static Map<String, String> withDeclaredProtection(Map<String, String> undeclared) {
        Map<String, String> out = new HashMap<>(undeclared);
        KindCatalog.DECLARED.stream().filter(k -> k.sync().protection() != KindSpec.Protection.NONE)
                .forEach(k -> out.put(k.kind(), k.sync().protection().options()));
        return Map.copyOf(out);
    }

    private static Set<String> partial() {
        Set<String> out = new java.util.HashSet<>();
        KindCatalog.DECLARED.stream().filter(k -> k.sync().serverSideApply())
                .forEach(k -> out.add(k.group() + "/" + k.kind()));
        return Set.copyOf(out);
    }

    private static Map<String, Integer> withDeclared(Map<String, Integer> undeclared) {
        Map<String, Integer> out = new HashMap<>(undeclared);
        KindCatalog.DECLARED.forEach(k -> out.put(k.kind(), k.wave()));
        return Map.copyOf(out);
    }

    /** The wave table: kind → Argo CD sync wave. */
    public static Map<String, Integer> waves() {
        return WAVES;
    }

    public static int waveOf(String kind) {
        Integer w = WAVES.get(kind);
        if (w == null) {
            throw new IllegalStateException("no sync wave for generated kind " + kind);
        }
        return w;
    }

    /**
     * Sets wave and sync-options annotations on every applied manifest (local-config artifacts get none).
     *
     * @param references the render's reference graph, to find the targets of {@link #PROTECTED_REFERENCES}
     *     (and the ExternalSecrets that produce them) that get {@link #CONFIRM}
     */
    public static void assign(List<Manifest> manifests, List<Reference> references) {
        Set<ObjectKey> protectedTargets = new java.util.HashSet<>();
        for (Reference r : references) {
            if (PROTECTED_REFERENCES.getOrDefault(r.from().kind(), Set.of()).contains(r.field())) {
                protectedTargets.add(r.to());
            }
        }
        for (Manifest m : manifests) {
            if (m.localConfig()) {
                continue;
            }
            ObjectKey key = m.key();
            ObjectNode annotations = m.annotations();
            annotations.put(WAVE, Integer.toString(waveOf(key.kind())));
            List<String> options = new java.util.ArrayList<>();
            boolean referenced = protectedTargets.contains(key)
                    || References.producedSecret(m.body()).filter(protectedTargets::contains).isPresent();
            if (PROTECTION.containsKey(key.kind())) {
                options.add(PROTECTION.get(key.kind()));
            } else if (referenced) {
                options.add(CONFIRM);
            }
            if (PARTIAL.contains(key.group() + "/" + key.kind())) {
                options.add("ServerSideApply=true");
            } else if (!PLATFORM_GROUPS.contains(key.group())) {
                options.add("SkipDryRunOnMissingResource=true");
            }
            if (!options.isEmpty()) {
                annotations.put(SYNC_OPTIONS, String.join(",", options));
            }
        }
    }

    /**
     * Checks the design's partial order on the given references between generated objects (the target's wave
     * is strictly smaller, except a Namespace, which may share the wave: Argo applies it first), and that no
     * generated kind's readiness needs a kind of a later wave ({@link ReadinessModel#NEEDS}).
     *
     * @throws IllegalStateException naming the violated reference, ordering or readiness need
     */
    public static void verify(List<Reference> references, Set<ObjectKey> generated) {
        Set<String> kinds = new java.util.TreeSet<>();
        generated.forEach(k -> kinds.add(k.kind()));
        List<String> deadlocks = ReadinessModel.laterWaveNeeds(ReadinessModel.NEEDS, WAVES, kinds);
        if (!deadlocks.isEmpty()) {
            throw new IllegalStateException("sync waves deadlock: " + String.join("; ", deadlocks));
        }
        for (Reference r : references) {
            if (!r.targetFirst() || !generated.contains(r.from()) || !generated.contains(r.to())) {
                continue;
            }
            int from = waveOf(r.from().kind());
            int to = waveOf(r.to().kind());
            boolean ok = r.to().kind().equals("Namespace") ? to <= from : to < from;
            if (!ok) {
                throw new IllegalStateException("sync waves violate " + r);
            }
        }
        for (String[] pair : EXTRA_ORDER) {
            if (waveOf(pair[0]) >= waveOf(pair[1])) {
                throw new IllegalStateException("sync waves put " + pair[0] + " not before " + pair[1]);
            }
        }
    }
}
