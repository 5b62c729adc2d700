package dev.hostedsite.kinds.config;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * The hub's image mirror sets as one family: ImageDigestMirrorSet ({@link #DIGEST}, every {@code hub.mirrors}
 * source) and ImageTagMirrorSet ({@link #TAG}, the sources with {@code tags: true}), both named
 * {@code hub.mirrorSetName} (default {@code hostedsite-mirrors}) and built by {@link #digest} and {@link #tag}. The same mirrors go to
 * assisted-service's registries.conf ({@code platform/agent/AgentServiceConfigKind}).
 */
public final class MirrorSetKinds {
    public static final String GROUP = "config.openshift.io";
    public static final String VERSION = "v1";

    /**
     * The field map of both. openshift/api config/v1/types_image_digest_mirror_set.go and
     * types_image_tag_mirror_set.go: the machine config operator renders the sets into the nodes'
     * {@code /etc/containers/registries.conf}; the nodes are not replaced.
     */
    private static List<FieldSpec> fields(String list) {
        return List.of(new FieldSpec("spec." + list, "spec.hub.mirrors", IN_PLACE));
    }

    /**
     * Both sets are protected ({@link KindSpec.Protection#CONFIRM}): losing them stops the disconnected hub from
     * pulling any mirrored image.
     */
    private static final KindSpec.Sync PROTECTED = new KindSpec.Sync(KindSpec.Protection.CONFIRM, false);

    /** ImageDigestMirrorSet; sync wave 2, before the CatalogSources whose index images come through it. */
    public static final KindSpec DIGEST = new KindSpec(GROUP, VERSION, "ImageDigestMirrorSet", "imagedigestmirrorsets",
            false, "spec.hub", upstream("imagedigestmirrorsets", "types_image_digest_mirror_set.go"), 2, List.of(),
            List.of(), fields("imageDigestMirrors"), PROTECTED);

    /** ImageTagMirrorSet; sync wave 2, as {@link #DIGEST}. */
    public static final KindSpec TAG = new KindSpec(GROUP, VERSION, "ImageTagMirrorSet", "imagetagmirrorsets",
            false, "spec.hub", upstream("imagetagmirrorsets", "types_image_tag_mirror_set.go"), 2, List.of(),
            List.of(), fields("imageTagMirrors"), PROTECTED);

    private MirrorSetKinds() {}

    /** openshift/api at the commit the copied CRD schemas come from (fixtures/upstream-schemas/PROVENANCE.md). */
    private static Upstream upstream(String plural, String types) {
        return Upstreams.files(Upstreams.OPENSHIFT_API,
                "config/v1/zz_generated.crd-manifests/0000_10_config-operator_01_" + plural + ".crd.yaml",
                "config/v1/" + types);
    }

    /** The ImageDigestMirrorSet {@code name} of every mirror source. */
    public static ObjectNode digest(String name, List<Hub.Mirror> mirrors) {
        return build(DIGEST, name, "imageDigestMirrors", mirrors);
    }

    /** The ImageTagMirrorSet of {@code tagMirrors} (the sources with {@code tags: true}; the caller omits it when none). */
    public static ObjectNode tag(String name, List<Hub.Mirror> tagMirrors) {
        return build(TAG, name, "imageTagMirrors", tagMirrors);
    }

    private static ObjectNode build(KindSpec kind, String name, String field, List<Hub.Mirror> mirrors) {
        ObjectNode set = Objects.resource(kind.apiVersion(), kind.kind(), null, name);
        ArrayNode list = set.putObject("spec").putArray(field);
        for (Hub.Mirror m : mirrors) {
            ObjectNode e = list.addObject();
            ArrayNode ms = e.putArray("mirrors");
            m.mirrors().forEach(ms::add);
            e.put("source", m.source());
        }
        return set;
    }
}
