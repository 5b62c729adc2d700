package dev.hostedsite.kinds;

import dev.hostedsite.model.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub operators a site installs through OLM once defaults are applied: the {@code hub.operators} entries,
 * plus default entries for the MCE, MetalLB and LVMS operators, each with the namespace and install mode its package
 * documents ({@link OlmPackages#KNOWN}). Read by the input rules (that a catalog carries each package) and by
 * the generator of the Subscription chain ({@code generate/HubOperators}), so both see one list.
 */
public final class HubOperatorDefaults {
    private HubOperatorDefaults() {}

    public static final String MCE_DEFAULT_PATH = "spec.hub.multiclusterEngine";
    public static final String METALLB_DEFAULT_PATH = "spec.hub.metallb";
    public static final String LVMS_DEFAULT_PATH = "spec.hub.storage.lvms";

    /** The namespace an entry gets when it gives none: the documented one ({@link OlmPackages#KNOWN}), else the package name. */
    public static String defaultNamespace(String pkg, String mceNamespace) {
        return OlmPackages.known(pkg).map(p -> p.namespace() == null ? mceNamespace : p.namespace()).orElse(pkg);
    }

    /** The install mode an entry gets when it gives none: the documented one, else {@code AllNamespaces}. */
    public static String defaultInstallMode(String pkg) {
        return OlmPackages.known(pkg).map(OlmPackages.Package::preferred).orElse(OlmPackages.ALL_NAMESPACES);
    }

    /** The first catalog of the hub whose {@code packages} list the package, if any. */
    public static Optional<Hub.Catalog> catalogCarrying(Hub hub, String pkg) {
        return hub.catalogs().stream().filter(c -> c.packages().contains(pkg)).findFirst();
    }

    /**
     * The operators to install: the {@code hub.operators} entries, then a default entry for the MCE operator
     * (when the render emits the MultiClusterEngine, no entry names {@code multicluster-engine}, and a catalog
     * carries it) and one for the MetalLB operator (when {@code hub.metallb} is given, no entry names
     * {@code metallb-operator}, and a catalog carries it), and likewise one for the LVMS operator for
     * {@code hub.storage.lvms}. Default entries follow the package's default channel.
     */
    public static List<Hub.Operator> effective(Hub hub) {
        List<Hub.Operator> out = new ArrayList<>(hub.operators());
        if (hub.emitsMultiClusterEngine() && !names(hub, OlmPackages.MCE_PACKAGE)) {
            catalogCarrying(hub, OlmPackages.MCE_PACKAGE).ifPresent(c -> out.add(defaultEntry(hub, MCE_DEFAULT_PATH,
                    OlmPackages.MCE_PACKAGE, c)));
        }
        if (hub.metallb() != null && !names(hub, OlmPackages.METALLB_PACKAGE)) {
            catalogCarrying(hub, OlmPackages.METALLB_PACKAGE).ifPresent(c -> out.add(defaultEntry(hub,
                    METALLB_DEFAULT_PATH, OlmPackages.METALLB_PACKAGE, c)));
        }
        if (hub.storage().lvms() != null && !names(hub, OlmPackages.LVMS_PACKAGE)) {
            catalogCarrying(hub, OlmPackages.LVMS_PACKAGE).ifPresent(c -> out.add(defaultEntry(hub,
                    LVMS_DEFAULT_PATH, OlmPackages.LVMS_PACKAGE, c)));
        }
        return List.copyOf(out);
    }

    private static boolean names(Hub hub, String pkg) {
        return hub.operators().stream().anyMatch(o -> o.pkg().equals(pkg));
    }

    private static Hub.Operator defaultEntry(Hub hub, String path, String pkg, Hub.Catalog catalog) {
        return new Hub.Operator(path, pkg, null, catalog.name(), defaultNamespace(pkg, hub.mceNamespace()),
                "Automatic", null, defaultInstallMode(pkg));
    }

    /** The namespace MetalLB runs in: that of the metallb-operator entry (validated to exist when metallb is given). */
    public static String metallbNamespace(Hub hub) {
        return effective(hub).stream().filter(o -> o.pkg().equals(OlmPackages.METALLB_PACKAGE)).findFirst()
                .map(Hub.Operator::namespace).orElse(OlmPackages.METALLB_NAMESPACE);
    }

    /** The namespace LVMS runs in: that of the lvms-operator entry (validated to exist when lvms is given). */
    public static String lvmsNamespace(Hub hub) {
        return effective(hub).stream().filter(o -> o.pkg().equals(OlmPackages.LVMS_PACKAGE)).findFirst()
                .map(Hub.Operator::namespace).orElse(OlmPackages.LVMS_NAMESPACE);
    }
}
