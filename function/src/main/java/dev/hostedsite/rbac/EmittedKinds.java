package dev.hostedsite.rbac;

import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.KindCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every kind a render can apply to a hub, with the API resource a client writes it through: the declared kinds'
 * own (their {@code KindSpec}) and a list for the kinds not declared as units yet. The same kinds
 * as the sync-wave table ({@code graph/WaveAssigner.waves()}), which a test holds equal to this list and to the
 * apiVersion and kind of every object the golden fixtures render. Local-config artifacts (oc-mirror's
 * ImageSetConfiguration, the DNS ConfigMap) are never applied and need no permission.
 */
public final class EmittedKinds {

    /**
     * One kind.
     *
     * @param group the API group ({@code ""} for the core group)
     * @param version the version the render writes
     * @param kind the kind
     * @param resource the plural resource name (the CRD's {@code spec.names.plural})
     * @param namespaced whether objects of the kind live in a namespace
     */
    public record Kind(String group, String version, String kind, String resource, boolean namespaced) {
        /** {@code apiVersion} as objects carry it: {@code v1} for the core group, else {@code group/version}. */
        public String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    /**
     * The kinds not declared as units yet, each with its CRD's plural and scope; the declared kinds bring theirs
     * ({@link KindCatalog}, {@code KindSpec#resource} and {@code KindSpec#namespaced}).
     */
    private static final List<Kind> UNDECLARED = List.of(
            new Kind("", "v1", "ConfigMap", "configmaps", true),
            new Kind("", "v1", "Namespace", "namespaces", false),
            new Kind("", "v1", "Secret", "secrets", true),
            new Kind("external-secrets.io", "v1", "ExternalSecret", "externalsecrets", true),
            new Kind("lvm.topolvm.io", "v1alpha1", "LVMCluster", "lvmclusters", true));

    /** Every kind: the undeclared ones above and the declared ones, sorted by group, version, kind. */
    public static final List<Kind> ALL = all();

    private static List<Kind> all() {
        List<Kind> out = new ArrayList<>(UNDECLARED);
        for (KindSpec k : KindCatalog.DECLARED) {
            out.add(new Kind(k.group(), k.version(), k.kind(), k.resource(), k.namespaced()));
        }
        out.sort(Comparator.comparing(Kind::group).thenComparing(Kind::version).thenComparing(Kind::kind));
        return List.copyOf(out);
    }

    private EmittedKinds() {}
}
