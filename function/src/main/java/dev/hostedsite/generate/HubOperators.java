package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.model.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hub prerequisites installed through OLM from the site's own mirrored catalogs: the {@code cluster}
 * OperatorHub (default sources off), a Namespace, OperatorGroup and Subscription per operator, and MetalLB
 * (its MetalLB CR, IPAddressPools and an L2Advertisement). The chain whose names must meet is
 * Subscription → CatalogSource (one of {@code hub.catalogs}, whose {@code packages} oc-mirror mirrors) →
 * OperatorGroup in the Subscription's namespace → the custom resources the operator serves.
 */
public final class HubOperators {
    public static final String MCE_DEFAULT_PATH = "spec.hub.multiclusterEngine";
    public static final String METALLB_DEFAULT_PATH = "spec.hub.metallb";
    public static final String LVMS_DEFAULT_PATH = "spec.hub.storage.lvms";

    private HubOperators() {}

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

    /** Every object of this class's chain for a validated hub. */
    static List<ObjectNode> generate(Hub hub) {
        List<ObjectNode> out = new ArrayList<>();
        if (hub.disableDefaultSources()) {
            out.add(operatorHub());
        }
        Map<String, String> modeByNamespace = new TreeMap<>();
        for (Hub.Operator o : effective(hub)) {
            modeByNamespace.putIfAbsent(o.namespace(), o.installMode());
            out.add(subscription(o));
        }
        modeByNamespace.forEach((ns, mode) -> {
            if (!ns.equals(OlmPackages.OPENSHIFT_OPERATORS)) {
                out.add(Core.namespace(ns));
                out.add(operatorGroup(ns, mode));
            }
        });
        if (hub.metallb() != null) {
            out.addAll(metallb(hub.metallb(), metallbNamespace(hub)));
        }
        return out;
    }

    /** A partial object like the Image: applied server-side, so only {@code disableAllDefaultSources} is ours. */
    private static ObjectNode operatorHub() {
        ObjectNode hub = HubGenerator.resource("config.openshift.io/v1", "OperatorHub", null, Names.OPERATOR_HUB);
        hub.putObject("spec").put("disableAllDefaultSources", true);
        return hub;
    }

    /** OwnNamespace: {@code targetNamespaces} is the group's own namespace; AllNamespaces: no target namespaces. */
    private static ObjectNode operatorGroup(String namespace, String mode) {
        ObjectNode og = HubGenerator.resource("operators.coreos.com/v1", "OperatorGroup", namespace, namespace);
        if (mode.equals(OlmPackages.OWN_NAMESPACE)) {
            og.putObject("spec").putArray("targetNamespaces").add(namespace);
        }
        return og;
    }

    private static ObjectNode subscription(Hub.Operator o) {
        ObjectNode sub = HubGenerator.resource("operators.coreos.com/v1alpha1", "Subscription", o.namespace(), o.pkg());
        ObjectNode spec = sub.putObject("spec");
        if (o.channel() != null) {
            spec.put("channel", o.channel());
        }
        spec.put("installPlanApproval", o.installPlanApproval());
        spec.put("name", o.pkg());
        spec.put("source", o.catalog());
        spec.put("sourceNamespace", Names.OPENSHIFT_MARKETPLACE);
        if (o.startingCSV() != null) {
            spec.put("startingCSV", o.startingCSV());
        }
        return sub;
    }

    private static List<ObjectNode> metallb(Hub.MetalLb metallb, String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(HubGenerator.resource("metallb.io/v1beta1", "MetalLB", namespace, Names.METALLB));
        ObjectNode l2 = HubGenerator.resource("metallb.io/v1beta1", "L2Advertisement", namespace, Names.L2_ADVERTISEMENT);
        ArrayNode advertised = l2.putObject("spec").putArray("ipAddressPools");
        for (Hub.AddressPool p : metallb.addressPools()) {
            ObjectNode pool = HubGenerator.resource("metallb.io/v1beta1", "IPAddressPool", namespace, p.name());
            ArrayNode addresses = pool.putObject("spec").putArray("addresses");
            p.addresses().forEach(addresses::add);
            out.add(pool);
            advertised.add(p.name());
        }
        out.add(l2);
        return out;
    }
}
