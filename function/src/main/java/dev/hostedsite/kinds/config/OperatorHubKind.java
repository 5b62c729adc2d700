package dev.hostedsite.kinds.config;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import java.util.List;

/**
 * The hub's {@code cluster} OperatorHub as one unit: the declaration ({@link #SPEC}) and the partial object that
 * turns the default catalog sources off ({@link #build}), written when {@code hub.operatorHub.disableDefaultSources}
 * is true. Applied server-side ({@code graph/WaveAssigner} PARTIAL): only {@code disableAllDefaultSources} is the
 * render's. The default sources it switches are {@code kinds/OlmPackages#DEFAULT_SOURCES}.
 */
public final class OperatorHubKind {
    public static final String GROUP = "config.openshift.io";
    public static final String VERSION = "v1";
    public static final String KIND = "OperatorHub";

    /** openshift/api at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OPENSHIFT_API,
            "config/v1/zz_generated.crd-manifests/0000_03_marketplace_01_operatorhubs.crd.yaml",
            "config/v1/types_operatorhub.go");

    /**
     * The field map. types_operatorhub.go: the marketplace operator removes the default CatalogSources while
     * {@code disableAllDefaultSources} is true and restores them when it is false, on the running hub.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.disableAllDefaultSources", "spec.hub.operatorHub.disableDefaultSources", IN_PLACE));

    /**
     * The declaration; sync wave 2, before the CatalogSources that replace the default ones. A partial object
     * applied server-side, and a singleton of the hub (the catalog switch) Argo CD must never delete
     * ({@link KindSpec.Protection#NEVER_DELETE}).
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "operatorhubs", false, "spec.hub",
            UPSTREAM, 2, List.of(), List.of(), FIELDS, new KindSpec.Sync(KindSpec.Protection.NEVER_DELETE, true));

    private OperatorHubKind() {}

    /** The partial {@code cluster} OperatorHub with {@code disableAllDefaultSources: true}. */
    public static ObjectNode build() {
        ObjectNode hub = Objects.resource(SPEC.apiVersion(), KIND, null, Names.OPERATOR_HUB);
        hub.putObject("spec").put("disableAllDefaultSources", true);
        return hub;
    }
}
