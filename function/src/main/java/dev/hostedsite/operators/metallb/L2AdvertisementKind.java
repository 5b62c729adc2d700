package dev.hostedsite.operators.metallb;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

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
 * MetalLB's L2Advertisement as one unit: the declaration ({@link #SPEC}) and the one advertisement
 * ({@code kinds/Names#L2_ADVERTISEMENT}) that announces every address pool of {@code hub.metallb} ({@link #build}).
 */
public final class L2AdvertisementKind {
    public static final String GROUP = "metallb.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "L2Advertisement";

    /** metallb/metallb at the commit the copied CRD schema comes from (PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.METALLB,
            "config/crd/bases/metallb.io_l2advertisements.yaml",
            "api/v1beta1/l2advertisement_types.go");

    /** The field map: the speakers re-read the advertisement on every change (relative to {@code hub.metallb}). */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.ipAddressPools", "addressPools", IN_PLACE));

    /** The pools it announces, by name, in its namespace. */
    static final List<RefSpec> REFERENCES = List.of(new RefSpec("spec.ipAddressPools[]", GROUP, "IPAddressPool"));

    /** What an L2Advertisement waits for. */
    static final List<Need> NEEDS = List.of(
            // metallb/metallb-operator controllers/metallb_controller.go: the MetalLB CR makes the operator deploy
            // the speakers that announce per L2Advertisement.
            new Need("MetalLB", "the MetalLB speakers announce the addresses"),
            new Need("IPAddressPool", "spec.ipAddressPools"));

    /** The declaration; sync wave 7, after the pools it names (wave 6). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "l2advertisements", true,
            "spec.hub.metallb", UPSTREAM, 7, NEEDS, REFERENCES, FIELDS);

    private L2AdvertisementKind() {}

    /** The L2Advertisement in {@code namespace} announcing {@code pools}, in their order. */
    public static ObjectNode build(List<Hub.AddressPool> pools, String namespace) {
        ObjectNode l2 = Objects.resource(SPEC.apiVersion(), KIND, namespace, Names.L2_ADVERTISEMENT);
        ArrayNode advertised = l2.putObject("spec").putArray("ipAddressPools");
        pools.forEach(p -> advertised.add(p.name()));
        return l2;
    }
}
