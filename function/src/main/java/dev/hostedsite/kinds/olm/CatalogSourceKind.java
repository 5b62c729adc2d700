package dev.hostedsite.kinds.olm;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * The OLM CatalogSource as one unit: its declaration ({@link #SPEC}) and how it is built from a {@code hub.catalogs}
 * entry ({@link #build}): a grpc catalog in {@code openshift-marketplace} serving the mirrored index image.
 * The site checks on catalogs (names that collide with the default sources, packages) are in
 * {@code input/HubPrerequisiteRules}.
 */
public final class CatalogSourceKind {
    public static final String GROUP = "operators.coreos.com";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "CatalogSource";

    /** operator-framework/api at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OLM_API,
            "crds/operators.coreos.com_catalogsources.yaml",
            "pkg/operators/v1alpha1/catalogsource_types.go");

    /**
     * The field map (the origin is {@code spec.hub}: a catalog entry has no path of its own in the resolved site).
     * Effects: operator-framework/operator-lifecycle-manager {@code pkg/controller/registry/reconciler/grpc.go}
     * replaces the registry pod when {@code spec.image} changes (the catalog serves the new index in place); the
     * name is what Subscriptions name, so a new name is another catalog.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "spec.hub.catalogs", RECREATES),
            new FieldSpec("spec.displayName", "spec.hub.catalogs", IN_PLACE),
            new FieldSpec("spec.image", "spec.hub.catalogs", IN_PLACE));

    /** What a CatalogSource waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // operator-framework/operator-lifecycle-manager pkg/controller/operators/catalog/operator.go
            // (syncCatalogSources: syncRegistryServer, syncConnection) and pkg/controller/registry/reconciler/grpc.go:
            // OLM's catalog operator runs a registry pod from spec.image and reports
            // status.connectionState.lastObservedState READY once it serves; the hub pulls that index image from
            // the mirror, through the mirror sets and with the registry CA of the cluster Image config.
            new Need("ImageDigestMirrorSet", "the registry pod pulls the index image via the mirror"),
            new Need("ImageTagMirrorSet", "the registry pod pulls the index image via the mirror"),
            new Need("Image", "the mirror registry's CA (additionalTrustedCA)"),
            new Need("ConfigMap", "the CA bundle the Image config names"));

    /** The declaration; sync wave 3, after the mirror sets and registry trust (wave 2). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "catalogsources", true, "spec.hub",
            UPSTREAM, 3, NEEDS, List.of(), FIELDS);

    private CatalogSourceKind() {}

    /** The CatalogSource of catalog entry {@code c}. */
    public static ObjectNode build(Hub.Catalog c) {
        ObjectNode cs = Objects.resource(SPEC.apiVersion(), KIND, Names.OPENSHIFT_MARKETPLACE, c.name());
        ObjectNode spec = cs.putObject("spec");
        if (c.displayName() != null) {
            spec.put("displayName", c.displayName());
        }
        spec.put("image", c.image());
        spec.put("sourceType", "grpc");
        return cs;
    }
}
