package dev.hostedsite.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the render knows about OLM on an OpenShift hub, each fact from upstream: the default catalog sources
 * that the {@code cluster} OperatorHub switches, and the install modes and documented namespaces of the
 * operator packages the render installs by default.
 */
public final class OlmPackages {
    public static final String MCE_PACKAGE = "multicluster-engine";
    public static final String METALLB_PACKAGE = "metallb-operator";
    public static final String METALLB_NAMESPACE = "metallb-system";
    public static final String LVMS_PACKAGE = "lvms-operator";
    /** The namespace the LVM Storage documentation installs the operator into. */
    public static final String LVMS_NAMESPACE = "openshift-storage";
    public static final String OWN_NAMESPACE = "OwnNamespace";
    public static final String ALL_NAMESPACES = "AllNamespaces";
    /** The namespace every OpenShift hub has, with its own AllNamespaces OperatorGroup {@code global-operators}. */
    public static final String OPENSHIFT_OPERATORS = "openshift-operators";

    /**
     * The CatalogSources the marketplace operator creates in {@code openshift-marketplace} while the OperatorHub
     * leaves default sources on: operator-framework/operator-marketplace {@code defaults/01_redhat_operators.cr.yaml},
     * {@code 02_certified_operators.yaml}, {@code 03_community_operators.yaml}, {@code 04_redhat_marketplace.yaml}.
     * A catalog of ours with one of these names collides with the default one.
     */
    public static final List<String> DEFAULT_SOURCES =
            List.of("certified-operators", "community-operators", "redhat-marketplace", "redhat-operators");

    /**
     * A package's install modes and the install the documentation uses.
     *
     * @param namespace the namespace the product documentation installs the operator into (null: use the hub's MCE namespace)
     * @param supported the install modes the bundle's CSV declares {@code supported: true}
     * @param preferred the mode the render uses when the entry gives none
     */
    public record Package(String namespace, Set<String> supported, String preferred) {}

    /**
     * The packages the render installs by default.
     * <ul>
     * <li>{@code multicluster-engine}: stolostron/backplane-operator @ 707234a6
     * {@code bundle/manifests/multicluster-engine.clusterserviceversion.yaml} declares OwnNamespace, SingleNamespace
     * and AllNamespaces; the MCE install documentation uses an OperatorGroup with {@code targetNamespaces:
     * [multicluster-engine]} (OwnNamespace), and the operator runs in the namespace of its operands.</li>
     * <li>{@code metallb-operator}: metallb/metallb-operator @ 194f9719
     * {@code bundle/manifests/metallb-operator.clusterserviceversion.yaml} declares AllNamespaces only; its
     * {@code config/olm-install/install-resources.yaml} uses an OperatorGroup without {@code targetNamespaces}.</li>
     * <li>{@code lvms-operator}: openshift/lvm-operator @ de3cc31a
     * {@code bundle/manifests/lvms-operator.clusterserviceversion.yaml} declares OwnNamespace and SingleNamespace
     * (AllNamespaces {@code supported: false}); the LVM Storage documentation installs it into
     * {@code openshift-storage} with an OperatorGroup targeting that namespace.</li>
     * </ul>
     */
    static final Map<String, Package> KNOWN = Map.of(
            MCE_PACKAGE, new Package(null, Set.of(OWN_NAMESPACE, ALL_NAMESPACES), OWN_NAMESPACE),
            METALLB_PACKAGE, new Package(METALLB_NAMESPACE, Set.of(ALL_NAMESPACES), ALL_NAMESPACES),
            LVMS_PACKAGE, new Package(LVMS_NAMESPACE, Set.of(OWN_NAMESPACE), OWN_NAMESPACE));

    private OlmPackages() {}

    public static Optional<Package> known(String pkg) {
        return Optional.ofNullable(KNOWN.get(pkg));
    }

    public static boolean isDefaultSource(String catalogName) {
        return DEFAULT_SOURCES.contains(catalogName);
    }
}
