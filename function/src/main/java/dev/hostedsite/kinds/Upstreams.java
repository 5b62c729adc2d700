package dev.hostedsite.kinds;

import dev.hostedsite.kinds.KindSpec.Upstream;
import java.util.List;

/**
 * The upstream repositories this function follows, each pinned at one commit: the commit the copied CRD schemas
 * of {@code fixtures/upstream-schemas} come from (PROVENANCE.md lists the same pins; {@code UpstreamsTest} holds
 * them equal) and the one every rule taken from that repository cites. Files are named where a rule is used.
 */
public final class Upstreams {
    /** HyperShift: HostedCluster and NodePool API, CRDs and controllers. */
    public static final Upstream HYPERSHIFT = new Upstream("openshift/hypershift",
            "3ee9615567acffaf3e3ee25c2ca2942d650565cf", List.of());
    /** metal3 baremetal-operator: BareMetalHost API, CRD and admission webhook. */
    public static final Upstream METAL3 = new Upstream("metal3-io/baremetal-operator",
            "02aa5059e3482f9dc3b5115c3a45cec4b000ae16", List.of());

    /** operator-framework/api: the OLM API (Subscription, OperatorGroup, CatalogSource) and its CRDs. */
    public static final Upstream OPERATOR_FRAMEWORK_API = new Upstream("operator-framework/api",
            "3048ccdc52d1858783800c6d40305357aff66c8c", List.of());
    /** openshift/api: the config.openshift.io API (Image, OperatorHub, mirror sets) and its CRDs. */
    public static final Upstream OPENSHIFT_API = new Upstream("openshift/api",
            "2a3d73913b5a7caec4c57d5c3d04f51106ec4da3", List.of());
    /** stolostron/backplane-operator: the MultiClusterEngine API, CRD and operator. */
    public static final Upstream BACKPLANE_OPERATOR = new Upstream("stolostron/backplane-operator",
            "707234a672dbae045a491c99322c894375cdab1d", List.of());
    /** openshift/assisted-service: the agent-install.openshift.io API (AgentServiceConfig), CRDs and controllers. */
    public static final Upstream ASSISTED_SERVICE = new Upstream("openshift/assisted-service",
            "063b257950f726d6b291dc94b806bc243a1b56de", List.of());
    /** openshift/cluster-baremetal-operator: the Provisioning API, CRD and webhook. */
    public static final Upstream CLUSTER_BAREMETAL_OPERATOR = new Upstream("openshift/cluster-baremetal-operator",
            "4ecb36c02378147632acde2fa91aea1d9efc229b", List.of());
    /** metallb/metallb-operator: the MetalLB CR's API, CRD and operator. */
    public static final Upstream METALLB_OPERATOR = new Upstream("metallb/metallb-operator",
            "194f9719d9c0631a3d1a105165692e0aafbbedcb", List.of());
    /** metallb/metallb: the IPAddressPool and L2Advertisement API and CRDs. */
    public static final Upstream METALLB = new Upstream("metallb/metallb",
            "7938d3f89b8bd808dae2e42d97d6ae7e18e9ed54", List.of());

    /** Every pin. */
    public static final List<Upstream> ALL = List.of(HYPERSHIFT, METAL3, OPERATOR_FRAMEWORK_API, OPENSHIFT_API,
            BACKPLANE_OPERATOR, ASSISTED_SERVICE, CLUSTER_BAREMETAL_OPERATOR, METALLB_OPERATOR, METALLB);

    private Upstreams() {}

    /** The same repository and commit, naming the files read there. */
    public static Upstream files(Upstream pin, String... files) {
        return new Upstream(pin.repository(), pin.commit(), List.of(files));
    }
}
