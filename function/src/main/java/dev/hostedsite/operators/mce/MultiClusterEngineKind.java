package dev.hostedsite.operators.mce;

import static dev.hostedsite.kinds.KindSpec.Effect.IMMUTABLE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import java.util.List;

/**
 * The MultiClusterEngine as one unit: the declaration ({@link #SPEC}) and the object that turns on
 * assisted-service and HyperShift in the MCE namespace ({@link #build}), written unless ACM's MultiClusterHub owns
 * it ({@code hub.multiclusterEngine.owner}). Its edge to the {@code multicluster-engine} Subscription, when the
 * render subscribes it, is found by {@code graph/References} (it depends on what the render holds).
 */
public final class MultiClusterEngineKind {
    public static final String GROUP = "multicluster.openshift.io";
    public static final String VERSION = "v1";
    public static final String KIND = "MultiClusterEngine";

    /** stolostron/backplane-operator at the commit the copied CRD schema comes from (PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.BACKPLANE_OPERATOR,
            "config/crd/bases/multicluster.openshift.io_multiclusterengines.yaml",
            "api/v1/multiclusterengine_types.go",
            "api/v1/multiclusterengine_webhook.go");

    /**
     * The field map. api/v1/multiclusterengine_webhook.go {@code ValidateUpdate}: "changes cannot be made to target
     * namespace" once it is set. The rule itself is the MultiClusterEngine row of {@code transition/ImmutableFields}
     * (the day-2 check that refuses a changed {@code hub.mceNamespace}); {@code MultiClusterEngineKindTest} holds the
     * {@link KindSpec.Effect#IMMUTABLE} rows here equal to it.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.targetNamespace", "spec.hub.mceNamespace", IMMUTABLE));

    /** What a MultiClusterEngine waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // bundle/manifests/multicluster-engine.clusterserviceversion.yaml: the MultiClusterEngine CRD and the
            // operator that reconciles it come with the CSV the Subscription installs (an edge only when the
            // render subscribes multicluster-engine; else it was installed by hand).
            new Need("Subscription", "the MCE CRD and operator come from its CSV"));

    /**
     * The declaration; sync wave 5, after the Subscriptions (wave 4). Protected ({@link KindSpec.Protection#CONFIRM}):
     * deleting the MultiClusterEngine uninstalls HyperShift and assisted-service from the hub.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "multiclusterengines", false, "spec.hub",
            UPSTREAM, 5, NEEDS, List.of(), FIELDS, new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private MultiClusterEngineKind() {}

    /** The cluster-scoped MultiClusterEngine targeting {@code mceNamespace}, assisted-service and HyperShift on. */
    public static ObjectNode build(String mceNamespace) {
        ObjectNode mce = Objects.resource(SPEC.apiVersion(), KIND, null, Names.MULTICLUSTER_ENGINE);
        ObjectNode spec = mce.putObject("spec");
        spec.put("targetNamespace", mceNamespace);
        ArrayNode components = spec.putObject("overrides").putArray("components");
        components.addObject().put("enabled", true).put("name", "assisted-service");
        components.addObject().put("enabled", true).put("name", "hypershift");
        return mce;
    }
}
