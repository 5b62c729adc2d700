package dev.hostedsite.generate;

import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.OperatorGroups;
import dev.hostedsite.kinds.config.OperatorHubKind;
import dev.hostedsite.kinds.olm.OperatorGroupKind;
import dev.hostedsite.kinds.olm.SubscriptionKind;
import dev.hostedsite.model.Hub;
import dev.hostedsite.operators.metallb.IPAddressPoolKind;
import dev.hostedsite.operators.metallb.L2AdvertisementKind;
import dev.hostedsite.operators.metallb.MetalLBKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub prerequisites installed through OLM from the site's own mirrored catalogs: the {@code cluster}
 * OperatorHub (default sources off), a Namespace, OperatorGroup and Subscription per operator, and MetalLB
 * (its MetalLB CR, IPAddressPools and an L2Advertisement). The chain whose names must meet is
 * Subscription → CatalogSource (one of {@code hub.catalogs}, whose {@code packages} oc-mirror mirrors) →
 * OperatorGroup in the Subscription's namespace → the custom resources the operator serves. Each object is built
 * by its kind's unit ({@code kinds/olm}, {@code kinds/config}, {@code operators/metallb}); this class decides
 * which objects a hub gets and the site field each comes from.
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
            out.add(HubGenerator.hub(OperatorHubKind.build(), HubGenerator.ORIGIN));
        }
        List<Hub.Operator> operators = HubOperatorDefaults.effective(hub);
        for (Hub.Operator o : operators) {
            out.add(HubGenerator.hub(SubscriptionKind.build(o), o.path()));
        }
        OperatorGroups.firstByNamespace(operators).forEach((ns, first) -> {
            if (!ns.equals(OperatorGroups.PLATFORM_NAMESPACE)) {
                out.add(HubGenerator.hub(Core.namespace(ns), first.path()));
                out.add(HubGenerator.hub(OperatorGroupKind.build(ns, first.installMode()), first.path()));
            }
        });
        if (hub.metallb() != null) {
            out.addAll(metallb(hub.metallb(), HubOperatorDefaults.metallbNamespace(hub)));
        }
        return out;
    }

    private static List<Manifest> metallb(Hub.MetalLb metallb, String namespace) {
        List<Manifest> out = new ArrayList<>();
        out.add(HubGenerator.hub(MetalLBKind.build(namespace), METALLB_ORIGIN));
        for (Hub.AddressPool p : metallb.addressPools()) {
            out.add(HubGenerator.hub(IPAddressPoolKind.build(p, namespace), p.path()));
        }
        out.add(HubGenerator.hub(L2AdvertisementKind.build(metallb.addressPools(), namespace), METALLB_ORIGIN));
        return out;
    }
}
