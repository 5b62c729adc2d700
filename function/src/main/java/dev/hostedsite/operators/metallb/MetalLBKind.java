package dev.hostedsite.operators.metallb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.Upstreams;
import java.util.List;

/**
 * The MetalLB custom resource as one unit: the declaration ({@link #SPEC}) and the object that makes
 * metallb-operator deploy MetalLB's controller and speakers ({@link #build}), written for {@code hub.metallb} in the
 * metallb-operator's namespace ({@code kinds/HubOperatorDefaults#metallbNamespace}). Its pools and advertisement are
 * {@link IPAddressPoolKind} and {@link L2AdvertisementKind}. The name is fixed ({@code kinds/Names#METALLB}).
 */
public final class MetalLBKind {
    public static final String GROUP = "metallb.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "MetalLB";

    /** metallb/metallb-operator at the commit the copied CRD schema comes from (PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.METALLB_OPERATOR,
            "config/crd/bases/metallb.io_metallbs.yaml",
            "api/v1beta1/metallb_types.go",
            "controllers/metallb_controller.go");

    /**
     * The Subscription whose CSV brings the MetalLB CRD, the operator and its validating webhooks
     * (bundle/manifests), in the MetalLB's namespace: an edge no field holds.
     */
    static final List<RefSpec> REFERENCES = List.of(RefSpec.implied("metadata.namespace (operator)",
            "operators.coreos.com", "Subscription", OlmPackages.METALLB_PACKAGE));

    /** What a MetalLB waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // bundle/manifests (metallb.io_metallbs.yaml and the CSV): the MetalLB CRD, the operator and the
            // validating webhooks (webhookdefinitions, deployment metallb-operator-webhook-server) come with the
            // CSV the metallb-operator Subscription installs.
            new Need("Subscription", "the MetalLB CRD and operator come from its CSV"));

    /**
     * The declaration (no field comes from the site but its presence); sync wave 5, after the Subscriptions.
     * Protected ({@link KindSpec.Protection#CONFIRM}): deleting it removes the speakers that announce the hosted API
     * servers' addresses.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "metallbs", true, "spec.hub.metallb",
            UPSTREAM, 5, NEEDS, REFERENCES, List.of(), new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private MetalLBKind() {}

    /** The MetalLB {@code metallb} in {@code namespace}. */
    public static ObjectNode build(String namespace) {
        return Objects.resource(SPEC.apiVersion(), KIND, namespace, Names.METALLB);
    }
}
