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

    /** assisted-service: InfraEnv, NMStateConfig and Agent API, CRDs, admission webhooks and controllers. */
    public static final Upstream ASSISTED_SERVICE = new Upstream("openshift/assisted-service",
            "063b257950f726d6b291dc94b806bc243a1b56de", List.of());

    /** open-cluster-management-io/api: ManagedCluster API and CRD. */
    public static final Upstream OCM_API = new Upstream("open-cluster-management-io/api",
            "1845fd8032e4637d1fdee587cb1a714fc4ee93cd", List.of());
    /** stolostron/klusterlet-addon-controller: KlusterletAddonConfig API and CRD. */
    public static final Upstream KLUSTERLET_ADDON_CONTROLLER = new Upstream("stolostron/klusterlet-addon-controller",
            "1d339b7d8f4f8ca6a952f1701f6cc4df8b9d6912", List.of());

    /** Every pin. */
    public static final List<Upstream> ALL = List.of(HYPERSHIFT, METAL3, ASSISTED_SERVICE, OCM_API,
            KLUSTERLET_ADDON_CONTROLLER);

    private Upstreams() {}

    /** The same repository and commit, naming the files read there. */
    public static Upstream files(Upstream pin, String... files) {
        return new Upstream(pin.repository(), pin.commit(), List.of(files));
    }
}
