package dev.hostedsite.kinds.olm;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

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
 * The OLM Subscription as one unit: its declaration ({@link #SPEC}) and how it is built from a resolved operator
 * entry ({@link #build}). One Subscription per operator the hub installs (the {@code hub.operators} entries and
 * the defaults {@code kinds/HubOperatorDefaults} adds), named after its package.
 *
 * <p>Kept with its pass: the edge to the one OperatorGroup of the Subscription's namespace is found on the final
 * objects by {@code graph/References} (it depends on what else the render and the input hold; the rule is
 * {@code kinds/OperatorGroups}); the site checks on operator entries are in {@code input/HubPrerequisiteRules}.
 */
public final class SubscriptionKind {
    public static final String GROUP = "operators.coreos.com";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "Subscription";

    /** operator-framework/api at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.OLM_API,
            "crds/operators.coreos.com_subscriptions.yaml",
            "pkg/operators/v1alpha1/subscription_types.go");

    /**
     * The field map. Effects (operator-framework/operator-lifecycle-manager {@code pkg/controller/operators/catalog}
     * {@code syncResolvingNamespace}): the catalog operator re-resolves the namespace on every Subscription change,
     * so a new channel, catalog or approval mode acts on the running Subscription (the operator upgrades to the
     * new channel's head through an InstallPlan); the name is the package, so another package is another object.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.namespace", "namespace", RECREATES),
            new FieldSpec("spec.channel", "channel", IN_PLACE),
            new FieldSpec("spec.installPlanApproval", "installPlanApproval", IN_PLACE),
            new FieldSpec("spec.name", "package", RECREATES),
            new FieldSpec("spec.source", "catalog", IN_PLACE));

    /** The CatalogSource it resolves its package from, in {@code spec.sourceNamespace}. */
    static final List<RefSpec> REFERENCES = List.of(
            RefSpec.namespaceAt("spec.source", GROUP, "CatalogSource", "spec.sourceNamespace"));

    /** What a Subscription waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // operator-framework/operator-lifecycle-manager pkg/controller/operators/catalog/operator.go
            // (syncResolvingNamespace): a Subscription whose catalog is not READY gets CatalogSourcesUnhealthy=True,
            // which Argo CD's built-in check (argoproj/argo-cd resource_customizations/operators.coreos.com/
            // Subscription/health.lua) calls Degraded; it reaches state AtLatestKnown once the resolved CSV exists.
            new Need("CatalogSource", "OLM resolves the package from a READY catalog"),
            // operator-lifecycle-manager pkg/controller/operators/olm/operatorgroup.go: a CSV in a namespace without
            // exactly one OperatorGroup fails (NoOperatorGroup / TooManyOperatorGroups); its operator never runs.
            new Need("OperatorGroup", "the operator's CSV installs only under an OperatorGroup"));

    /** The declaration; sync wave 4, after its CatalogSource and OperatorGroup (wave 3). */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "subscriptions", true,
            "spec.hub.operators[]", UPSTREAM, 4, NEEDS, REFERENCES, FIELDS);

    private SubscriptionKind() {}

    /** The Subscription of operator entry {@code o} (resolved: namespace, catalog and approval set). */
    public static ObjectNode build(Hub.Operator o) {
        ObjectNode sub = Objects.resource(SPEC.apiVersion(), KIND, o.namespace(), o.pkg());
        ObjectNode spec = sub.putObject("spec");
        if (o.channel() != null) {
            spec.put("channel", o.channel());
        }
        spec.put("installPlanApproval", o.installPlanApproval());
        spec.put("name", o.pkg());
        spec.put("source", o.catalog());
        spec.put("sourceNamespace", Names.OPENSHIFT_MARKETPLACE);
        if (o.startingCSV() != null) {
            spec.put("startingCSV", o.startingCSV());
        }
        return sub;
    }
}
