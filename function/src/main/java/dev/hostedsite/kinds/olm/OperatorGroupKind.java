package dev.hostedsite.kinds.olm;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.Upstreams;
import java.util.List;

/**
 * The OLM OperatorGroup as one unit: its declaration ({@link #SPEC}) and how it is built ({@link #build}). The
 * render writes one per namespace it installs operators into (except {@code openshift-operators}, which has the
 * platform's), named after the namespace, with the install mode of the first operator entry there: the
 * one-OperatorGroup-per-namespace rule is {@code kinds/OperatorGroups}, read by the generator, the site rules and
 * the reference check ({@code graph/References}, which links each Subscription to the OperatorGroups of its
 * namespace).
 */
public final class OperatorGroupKind {
    public static final String GROUP = "operators.coreos.com";
    public static final String VERSION = "v1";
    public static final String KIND = "OperatorGroup";

    /** operator-framework/api at the commit the copied CRD schemas come from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OLM_API,
            "crds/operators.coreos.com_operatorgroups.yaml",
            "pkg/operators/v1/operatorgroup_types.go");

    /**
     * The field map. Effects: operator-framework/operator-lifecycle-manager {@code pkg/controller/operators/olm/
     * operatorgroup.go} ({@code syncOperatorGroups}) recomputes the group's namespaces and updates the operators'
     * CSVs and RBAC in place when {@code targetNamespaces} changes; the namespace is the object's identity.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.namespace", "namespace", RECREATES),
            new FieldSpec("spec.targetNamespaces", "installMode", IN_PLACE));

    /** The declaration; sync wave 3, before the Subscriptions it installs; ready once it exists (no health). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "operatorgroups", true,
            "spec.hub.operators[]", UPSTREAM, 3, List.of(), List.of(), FIELDS);

    private OperatorGroupKind() {}

    /**
     * The OperatorGroup of {@code namespace} for install mode {@code mode}: OwnNamespace targets the group's own
     * namespace; AllNamespaces has no target namespaces.
     */
    public static ObjectNode build(String namespace, String mode) {
        ObjectNode og = Objects.resource(SPEC.apiVersion(), KIND, namespace, namespace);
        if (mode.equals(OlmPackages.OWN_NAMESPACE)) {
            og.putObject("spec").putArray("targetNamespaces").add(namespace);
        }
        return og;
    }
}
