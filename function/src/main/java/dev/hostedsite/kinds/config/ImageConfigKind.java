package dev.hostedsite.kinds.config;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * The hub's {@code cluster} Image config (config.openshift.io) as one unit, with the ConfigMap it names: the
 * declaration ({@link #SPEC}), the partial Image that makes the hub trust the mirror registry's CA
 * ({@link #build}) and the {@code openshift-config/registry-config} ConfigMap holding that CA ({@link #trust}).
 * Argo CD applies the Image server-side ({@code graph/WaveAssigner} PARTIAL), so only
 * {@code spec.additionalTrustedCA} is the render's.
 */
public final class ImageConfigKind {
    public static final String GROUP = "config.openshift.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Image";

    /** openshift/api at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OPENSHIFT_API,
            "config/v1/zz_generated.crd-manifests/0000_10_config-operator_01_images.crd.yaml",
            "config/v1/types_image.go");

    /**
     * The field map. openshift/api config/v1/types_image.go: {@code additionalTrustedCA} names a ConfigMap in
     * {@code openshift-config} whose keys are registry host names ({@code host..port} for a port); the hub's
     * image registry operator and the machine config operator read it on every change, nothing is replaced.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.additionalTrustedCA", "spec.hub.registry.caBundle", IN_PLACE));

    /** The CA ConfigMap it names, always in {@code openshift-config} (types_image.go). */
    static final List<RefSpec> REFERENCES = List.of(
            RefSpec.inNamespace("spec.additionalTrustedCA.name", "", "ConfigMap", Names.OPENSHIFT_CONFIG));

    /**
     * The declaration; sync wave 2, before the CatalogSources whose index images it lets the hub pull. A partial
     * object applied server-side, and a singleton of the hub Argo CD must never delete
     * ({@link KindSpec.Protection#NEVER_DELETE}).
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "images", false, "spec.hub", UPSTREAM, 2,
            List.of(), REFERENCES, FIELDS, new KindSpec.Sync(KindSpec.Protection.NEVER_DELETE, true));

    private ImageConfigKind() {}

    /** The partial {@code cluster} Image: only {@code additionalTrustedCA}, naming {@link #trust}. */
    public static ObjectNode build() {
        ObjectNode image = Objects.resource(SPEC.apiVersion(), KIND, null, Names.IMAGE_CONFIG);
        image.putObject("spec").putObject("additionalTrustedCA").put("name", Names.REGISTRY_CONFIG);
        return image;
    }

    /**
     * The {@code openshift-config/registry-config} ConfigMap: the registry's CA ({@code pemCa}, normalised PEM) under
     * the key the image config expects for the registry ({@link Hub.Registry#trustKey}).
     */
    public static ObjectNode trust(Hub.Registry registry, String pemCa) {
        ObjectNode cm = Objects.resource("v1", "ConfigMap", Names.OPENSHIFT_CONFIG, Names.REGISTRY_CONFIG);
        cm.putObject("data").put(registry.trustKey(), pemCa);
        return cm;
    }
}
