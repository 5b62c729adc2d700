package dev.hostedsite.kinds;

import dev.hostedsite.model.Hub;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OLM's one-OperatorGroup-per-namespace rule, written once. OLM installs a Subscription's operator only when its
 * namespace has exactly one OperatorGroup: with none the CSV fails with reason NoOperatorGroup, with two or more
 * with TooManyOperatorGroups, "csv created in namespace with multiple operatorgroups, can't pick one
 * automatically" (operator-framework/operator-lifecycle-manager {@code pkg/controller/operators/olm/operatorgroup.go}
 * and the OLM operator's CSV sync; {@code v1alpha1.CSVReasonTooManyOperatorGroups}). {@code openshift-operators}
 * already has the platform's {@code global-operators} (AllNamespaces).
 *
 * <p>Read by the generator (one OperatorGroup per namespace, with the first entry's install mode), the site rules
 * (entries sharing a namespace must agree on the install mode) and the reference check on the final objects
 * (input items may add OperatorGroups).
 */
public final class OperatorGroups {
    /** The namespace whose OperatorGroup the platform provides ({@code global-operators}); the render adds none there. */
    public static final String PLATFORM_NAMESPACE = OlmPackages.OPENSHIFT_OPERATORS;

    private OperatorGroups() {}

    /** Whether OLM installs operators in a namespace holding {@code groups} OperatorGroups: exactly one. */
    public static boolean installs(int groups) {
        return groups == 1;
    }

    /**
     * Namespace → the first operator entry installed there (in {@code operators} order), sorted by namespace: each
     * namespace gets one OperatorGroup, whose install mode is that entry's.
     */
    public static Map<String, Hub.Operator> firstByNamespace(List<Hub.Operator> operators) {
        Map<String, Hub.Operator> out = new TreeMap<>();
        operators.forEach(o -> out.putIfAbsent(o.namespace(), o));
        return out;
    }
}
