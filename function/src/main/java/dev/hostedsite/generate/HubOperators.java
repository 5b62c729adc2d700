package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.OperatorGroups;
import dev.hostedsite.model.Hub;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub prerequisites installed through OLM from the site's own mirrored catalogs: the {@code cluster}
 * OperatorHub (default sources off), a Namespace, OperatorGroup and Subscription per operator, and MetalLB
 * (its MetalLB CR, IPAddressPools and an L2Advertisement). The chain whose names must meet is
 * Subscription → CatalogSource (one of {@code hub.catalogs}, whose {@code packages} oc-mirror mirrors) →
 * OperatorGroup in the Subscription's namespace → the custom resources the operator serves.
 */
public final class HubOperators {
    private static final String METALLB_ORIGIN = "spec.hub.metallb";

    private HubOperators() {}

    /**
     * Every object of this class's chain for a validated hub, each with the site field it comes from: a
     * Subscription, and the Namespace and OperatorGroup of its namespace, from the (first) operator entry;
     * MetalLB objects from {@code spec.hub.metallb} and its address pools.
     */
    static List<Manifest> generate(Hub hub) {
        List<Manifest> out = new ArrayList<>();
        if (hub.disableDefaultSources()) {
            out.add(HubGenerator.hub(operatorHub(), HubGenerator.ORIGIN));
        }
        List<Hub.Operator> operators = HubOperatorDefaults.effective(hub);
        for (Hub.Operator o : operators) {
            out.add(HubGenerator.hub(subscription(o), o.path()));
        }
        OperatorGroups.firstByNamespace(operators).forEach((ns, first) -> {
            if (!ns.equals(OperatorGroups.PLATFORM_NAMESPACE)) {
                out.add(HubGenerator.hub(Core.namespace(ns), first.path()));
                out.add(HubGenerator.hub(operatorGroup(ns, first.installMode()), first.path()));
            }
        });
        if (hub.metallb() != null) {
            out.addAll(metallb(hub.metallb(), HubOperatorDefaults.metallbNamespace(hub)));
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

    private static List<Manifest> metallb(Hub.MetalLb metallb, String namespace) {
        List<Manifest> out = new ArrayList<>();
        out.add(HubGenerator.hub(HubGenerator.resource("metallb.io/v1beta1", "MetalLB", namespace, Names.METALLB),
                METALLB_ORIGIN));
        ObjectNode l2 = HubGenerator.resource("metallb.io/v1beta1", "L2Advertisement", namespace, Names.L2_ADVERTISEMENT);
        ArrayNode advertised = l2.putObject("spec").putArray("ipAddressPools");
        for (Hub.AddressPool p : metallb.addressPools()) {
            ObjectNode pool = HubGenerator.resource("metallb.io/v1beta1", "IPAddressPool", namespace, p.name());
            ArrayNode addresses = pool.putObject("spec").putArray("addresses");
            p.addresses().forEach(addresses::add);
            out.add(HubGenerator.hub(pool, p.path()));
            advertised.add(p.name());
        }
        out.add(HubGenerator.hub(l2, METALLB_ORIGIN));
        return out;
    }
}
