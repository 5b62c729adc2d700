package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD sync waves and sync options. Waves come from a table by kind, chosen so that the partial order of
 * design/hostedsite-api.md holds; {@link #verify} proves it on the actual reference graph (a violation is a
 * bug in this table, so it throws).
 */
public final class WaveAssigner {
    public static final String WAVE = "argocd.argoproj.io/sync-wave";
    public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

    static final Map<String, Integer> WAVES = Map.ofEntries(
            Map.entry("Namespace", 0),
            Map.entry("Secret", 1), Map.entry("ConfigMap", 1), Map.entry("ExternalSecret", 1), Map.entry("Role", 1),
            Map.entry("Image", 2), Map.entry("ImageDigestMirrorSet", 2), Map.entry("ImageTagMirrorSet", 2),
            Map.entry("OperatorHub", 2),
            Map.entry("CatalogSource", 3), Map.entry("OperatorGroup", 3),
            Map.entry("Subscription", 4),
            Map.entry("MultiClusterEngine", 5), Map.entry("MetalLB", 5),
            Map.entry("AgentServiceConfig", 6), Map.entry("IPAddressPool", 6),
            Map.entry("L2Advertisement", 7),
            Map.entry("HostedCluster", 8), Map.entry("NMStateConfig", 8),
            Map.entry("NodePool", 9), Map.entry("InfraEnv", 9),
            Map.entry("BareMetalHost", 10));

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
            new String[] {"InfraEnv", "BareMetalHost"});

    /**
     * Partial objects: the hub's own singletons of which the render owns a few fields. Argo CD applies them
     * server-side so that the rest stays with the cluster (the {@code cluster} Image and OperatorHub).
     */
    static final Set<String> PARTIAL = Set.of("config.openshift.io/Image", "config.openshift.io/OperatorHub");

    /** API groups whose CRDs exist on every OpenShift hub; every other custom resource may arrive in the same sync. */
    private static final Set<String> PLATFORM_GROUPS = Set.of("", "rbac.authorization.k8s.io", "config.openshift.io",
            "operators.coreos.com");

    private WaveAssigner() {}

    public static int waveOf(String kind) {
        Integer w = WAVES.get(kind);
        if (w == null) {
            throw new IllegalStateException("no sync wave for generated kind " + kind);
        }
        return w;
    }

    /** Sets wave and sync-options annotations on every applied manifest (local-config artifacts get none). */
    public static void assign(List<Manifest> manifests) {
        for (Manifest m : manifests) {
            if (m.localConfig()) {
                continue;
            }
            ObjectKey key = m.key();
            ObjectNode annotations = m.annotations();
            annotations.put(WAVE, Integer.toString(waveOf(key.kind())));
            if (PARTIAL.contains(key.group() + "/" + key.kind())) {
                annotations.put(SYNC_OPTIONS, "ServerSideApply=true");
            } else if (!PLATFORM_GROUPS.contains(key.group())) {
                annotations.put(SYNC_OPTIONS, "SkipDryRunOnMissingResource=true");
            }
        }
    }

    /**
     * Checks the design's partial order on the given references between generated objects: the target's wave
     * is strictly smaller, except a Namespace, which may share the wave (Argo applies it first).
     */
    public static void verify(List<Reference> references, Set<ObjectKey> generated) {
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
