package dev.hostedsite.operators.metallb;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * MetalLB's IPAddressPool as one unit: the declaration ({@link #SPEC}) and the pool built from a
 * {@code hub.metallb.addressPools} entry ({@link #build}). The site checks on addresses are in
 * {@code input/AddressPlanRules}.
 */
public final class IPAddressPoolKind {
    public static final String GROUP = "metallb.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "IPAddressPool";

    /** metallb/metallb at the commit the copied CRD schema comes from (PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.METALLB,
            "config/crd/bases/metallb.io_ipaddresspools.yaml",
            "api/v1beta1/ipaddresspool_types.go");

    /**
     * The field map. MetalLB's controller re-reads its pools on every change and assigns addresses from the new
     * ranges (the object stays); the name is what advertisements and Services name.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("spec.addresses", "addresses", IN_PLACE));

    /** The MetalLB of its namespace, whose controller assigns from it: an edge no field holds. */
    static final List<RefSpec> REFERENCES = List.of(
            RefSpec.implied("metadata.namespace (MetalLB)", GROUP, "MetalLB", Names.METALLB));

    /** What an IPAddressPool waits for: nothing acts on it before the MetalLB CR runs the controller. */
    static final List<Need> NEEDS = List.of(
            // metallb/metallb-operator controllers/metallb_controller.go: the MetalLB CR makes the operator deploy
            // the controller (assigns addresses from IPAddressPools); before it is Available a pool exists but
            // nothing acts on it.
            new Need("MetalLB", "the MetalLB controller assigns addresses from pools"));

    /** The declaration; sync wave 6, after the MetalLB (wave 5). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "ipaddresspools", true,
            "spec.hub.metallb.addressPools[]", UPSTREAM, 6, NEEDS, REFERENCES, FIELDS);

    private IPAddressPoolKind() {}

    /** The IPAddressPool of address pool {@code p} in {@code namespace}. */
    public static ObjectNode build(Hub.AddressPool p, String namespace) {
        ObjectNode pool = Objects.resource(SPEC.apiVersion(), KIND, namespace, p.name());
        ArrayNode addresses = pool.putObject("spec").putArray("addresses");
        p.addresses().forEach(addresses::add);
        return pool;
    }
}
