package dev.hostedsite.kinds;

import dev.hostedsite.kinds.KindSpec.Upstream;
import java.util.List;

/**
 * The one table of upstream sources: every repository this function takes a rule or a schema from, pinned at the one
 * commit that was read ({@link #PINS}), and the CRD files whose schemas are copied into
 * {@code fixtures/upstream-schemas} ({@link #SCHEMAS}). {@code fixtures/upstream-schemas/PROVENANCE.md} is rendered
 * from this table ({@code ProvenanceTest}); {@code CrdToSchemaTest} converts the CRDs the table names into those
 * schemas, byte for byte; {@code UpstreamsTest} fails on any commit cited in the main code, the docs or the
 * package that is not a pin here. To cite a rule: name the repository and file, and take the commit from here
 * ({@code {@link Upstreams#METAL3}} in a comment, {@code Upstreams.METAL3.pin()} in a string).
 *
 * <p>A repository has one pin, except where two versions of its behaviour are modelled on purpose: then each
 * pin says which version it stands for ({@link Pin#version}).
 */
public final class Upstreams {
    /** HyperShift: HostedCluster and NodePool API, CRDs and controllers. */
    public static final Upstream HYPERSHIFT = pin("openshift/hypershift", "3ee9615567acffaf3e3ee25c2ca2942d650565cf");
    /** assisted-service: InfraEnv, AgentServiceConfig, NMStateConfig and Agent API, CRDs, webhooks and controllers. */
    public static final Upstream ASSISTED_SERVICE = pin("openshift/assisted-service",
            "063b257950f726d6b291dc94b806bc243a1b56de");
    /** metal3 baremetal-operator: BareMetalHost API, CRD and admission webhook. */
    public static final Upstream METAL3 = pin("metal3-io/baremetal-operator", "02aa5059e3482f9dc3b5115c3a45cec4b000ae16");
    /** OpenShift API: config.openshift.io CRDs (Image, mirror sets, OperatorHub). */
    public static final Upstream OPENSHIFT_API = pin("openshift/api", "2a3d73913b5a7caec4c57d5c3d04f51106ec4da3");
    /** OLM's API: CatalogSource, Subscription and OperatorGroup CRDs. */
    public static final Upstream OLM_API = pin("operator-framework/api", "3048ccdc52d1858783800c6d40305357aff66c8c");
    /** OLM's controllers: catalog and subscription health. */
    public static final Upstream OLM = pin("operator-framework/operator-lifecycle-manager",
            "992bb097749e5994eedc5e4882583df952d8a70e");
    /** The MultiClusterEngine operator (backplane-operator): its CRD, bundle and status. */
    public static final Upstream BACKPLANE_OPERATOR = pin("stolostron/backplane-operator",
            "707234a672dbae045a491c99322c894375cdab1d");
    /** The MultiClusterHub operator (ACM): what it does to the MultiClusterEngine it owns. */
    public static final Upstream MULTICLUSTERHUB_OPERATOR = pin("stolostron/multiclusterhub-operator",
            "31083c855eb3397fb58dd14aef46059a8c682db2");
    /** The MetalLB operator: MetalLB CRD, bundle, controller and status. */
    public static final Upstream METALLB_OPERATOR = pin("metallb/metallb-operator",
            "194f9719d9c0631a3d1a105165692e0aafbbedcb");
    /** MetalLB: IPAddressPool and L2Advertisement CRDs. */
    public static final Upstream METALLB = pin("metallb/metallb", "7938d3f89b8bd808dae2e42d97d6ae7e18e9ed54");
    /** cluster-baremetal-operator: the Provisioning CRD and what it does with it. */
    public static final Upstream CLUSTER_BAREMETAL_OPERATOR = pin("openshift/cluster-baremetal-operator",
            "4ecb36c02378147632acde2fa91aea1d9efc229b");
    /** LVM Storage (LVMS): LVMCluster CRD, webhook, controller, bundle and image mirror set. */
    public static final Upstream LVM_OPERATOR = pin("openshift/lvm-operator", "de3cc31a2b474487952c3ae03ad3725107b69355");
    /** External Secrets Operator: the ExternalSecret CRD. */
    public static final Upstream EXTERNAL_SECRETS = pin("external-secrets/external-secrets",
            "cc5bfbc2234ace9cb0caff4ea89c435cf517b27b");
    /** Sealed Secrets: the SealedSecret CRD. */
    public static final Upstream SEALED_SECRETS = pin("bitnami-labs/sealed-secrets",
            "86671a8851be1e6c2dfef4e12e2d7c19ed24ac94");
    /** argocd-operator: the ArgoCD CRD and its health checks. */
    public static final Upstream ARGOCD_OPERATOR = pin("argoproj-labs/argocd-operator",
            "cf5d1c0236bf6419bf2e4f8fdc154a2c7b8d4d4c");
    /** OpenShift GitOps operator: how it fills in the ArgoCD it owns. */
    public static final Upstream GITOPS_OPERATOR = pin("redhat-developer/gitops-operator",
            "5a448d94d11e4154a7849ee0cc02d9d7240d07aa");
    /** Argo CD, its default branch: the built-in health checks of the versions after 2.14. */
    public static final Upstream ARGO_CD = pin("argoproj/argo-cd", "37ee0097cf851bc2dd7665fc081bbce61a7e836e");
    /** Argo CD 2.14: its built-in Subscription health check. */
    public static final Upstream ARGO_CD_2_14 = pin("argoproj/argo-cd", "03fd7573ce132b1cfd7d8c4a6e0bcb874e20b3df");
    /** Argo CD PR #28610 (not merged at {@link #ARGO_CD}): its proposed HostedCluster health check. */
    public static final Upstream ARGO_CD_PR_28610 = pin("argoproj/argo-cd", "7802c72ad10f410369e0ad6fa645dd20ac639fff");
    /** open-cluster-management API: the ManagedCluster CRD. */
    public static final Upstream OCM_API = pin("open-cluster-management-io/api", "1845fd8032e4637d1fdee587cb1a714fc4ee93cd");
    /** klusterlet-addon-controller: the KlusterletAddonConfig CRD. */
    public static final Upstream KLUSTERLET_ADDON_CONTROLLER = pin("stolostron/klusterlet-addon-controller",
            "1d339b7d8f4f8ca6a952f1701f6cc4df8b9d6912");
    /** hypershift-addon-operator: auto-import of hosted clusters into ACM. */
    public static final Upstream HYPERSHIFT_ADDON_OPERATOR = pin("stolostron/hypershift-addon-operator",
            "caeb4e2910fb011dfa65b66096c1644f82b80f72");
    /** nmstate: the keys and value shapes of a network state document. */
    public static final Upstream NMSTATE = pin("nmstate/nmstate", "614c66dc7a0f861138646605d2a85e130169c80a");
    /** The OpenShift fork of baremetal-operator: compared with {@link #METAL3}'s CRD, nothing taken from it. */
    public static final Upstream OPENSHIFT_BAREMETAL_OPERATOR = pin("openshift/baremetal-operator",
            "fbb5bf864756d1a01b865bc75b4d0fc1c3e55ffb");
    /** oc-mirror: the files of its results directory. */
    public static final Upstream OC_MIRROR = pin("openshift/oc-mirror", "855b64a3c9c03634bcab6210b641274772050cda");

    /**
     * One pinned commit: the day of that commit ({@code yyyy-mm-dd}, its committer date), the version of the
     * upstream behaviour it stands for when a repository has more than one pin (else empty), the repository's
     * licence at that commit (its top-level {@code LICENSE}), and what is read there.
     */
    public record Pin(Upstream upstream, String date, String version, String licence, String reads) {}

    private static final String APACHE = "Apache-2.0";

    /** Every pin, in the order PROVENANCE.md lists them. */
    public static final List<Pin> PINS = List.of(
            new Pin(HYPERSHIFT, "2026-08-22", "", APACHE, "HostedCluster and NodePool CRDs (schemas, CEL rules), API"
                    + " types, the HostedCluster and NodePool controllers (validation, rollout hash, conditions)"),
            new Pin(ASSISTED_SERVICE, "2026-08-21", "", APACHE, "InfraEnv, AgentServiceConfig, NMStateConfig and Agent"
                    + " CRDs; admission webhooks; the InfraEnv, AgentServiceConfig and BareMetalHost-agent controllers;"
                    + " the discovery ISO's network script"),
            new Pin(METAL3, "2026-08-20", "", APACHE, "BareMetalHost CRD, API types (states), admission webhook (BMC"
                    + " address, root device hints, immutable fields)"),
            new Pin(OPENSHIFT_API, "2026-08-22", "", APACHE, "Image, ImageDigestMirrorSet, ImageTagMirrorSet and"
                    + " OperatorHub CRDs"),
            new Pin(OLM_API, "2026-08-03", "", APACHE, "CatalogSource, Subscription and OperatorGroup CRDs"),
            new Pin(OLM, "2026-08-19", "", APACHE, "the catalog operator: a Subscription's catalog health, states and"
                    + " conditions (InstallPlanPending, InstallPlanFailed, ResolutionFailed)"),
            new Pin(BACKPLANE_OPERATOR, "2026-08-21", "", APACHE, "MultiClusterEngine CRD, API types (phases,"
                    + " conditions), bundle, admission webhook (target namespace immutable, what blocks a delete)"),
            new Pin(MULTICLUSTERHUB_OPERATOR, "2026-08-21", "", APACHE, "what ACM's MultiClusterHub does to the"
                    + " MultiClusterEngine it owns"),
            new Pin(METALLB_OPERATOR, "2026-08-04", "", APACHE, "MetalLB CRD, controller (the one name it reconciles),"
                    + " status conditions, bundle"),
            new Pin(METALLB, "2026-07-19", "", APACHE, "IPAddressPool and L2Advertisement CRDs"),
            new Pin(CLUSTER_BAREMETAL_OPERATOR, "2026-08-06", "", APACHE, "Provisioning CRD, the one Provisioning it"
                    + " accepts, watchAllNamespaces"),
            new Pin(LVM_OPERATOR, "2026-08-22", "", APACHE, "LVMCluster CRD, webhook, status, bundle, image mirror set"),
            new Pin(EXTERNAL_SECRETS, "2026-08-08", "", APACHE, "ExternalSecret CRD"),
            new Pin(SEALED_SECRETS, "2026-04-22", "", APACHE, "SealedSecret CRD"),
            new Pin(ARGOCD_OPERATOR, "2026-07-24", "", APACHE, "ArgoCD CRD, the health checks it installs"),
            new Pin(GITOPS_OPERATOR, "2026-08-06", "", APACHE, "what OpenShift GitOps fills in on its ArgoCD"),
            new Pin(ARGO_CD, "2026-08-22", "after 2.14", APACHE, "built-in health checks (Subscription)"),
            new Pin(ARGO_CD_2_14, "2025-07-17", "2.14", APACHE, "built-in health checks (Subscription: the file is"
                    + " the same at the tip of release-2.14 and at v2.14.21)"),
            new Pin(ARGO_CD_PR_28610, "2026-07-07", "PR #28610", APACHE, "the proposed HostedCluster health check"),
            new Pin(OCM_API, "2026-06-12", "", APACHE, "ManagedCluster CRD"),
            new Pin(KLUSTERLET_ADDON_CONTROLLER, "2026-06-22", "", APACHE, "KlusterletAddonConfig CRD"),
            new Pin(HYPERSHIFT_ADDON_OPERATOR, "2026-08-18", "", "none at the top level",
                    "its auto-import of hosted clusters into ACM"),
            new Pin(NMSTATE, "2024-10-16", "", "Apache-2.0 (the Rust library; LGPL-2.1 for the rest)",
                    "the keys and value shapes of a network state (rust/src/lib)"),
            new Pin(OC_MIRROR, "2026-08-21", "", APACHE, "the files of its results directory"),
            new Pin(OPENSHIFT_BAREMETAL_OPERATOR, "2026-06-10", "", "not recorded", "compared with the metal3-io"
                    + " BareMetalHost CRD (PROVENANCE.md, \"Choice of source file\"); no rule or schema taken"));

    /** Every pinned commit. */
    public static final List<Upstream> ALL = PINS.stream().map(Pin::upstream).toList();

    /**
     * A CRD file whose schemas are copied into {@code fixtures/upstream-schemas}: the repository and commit it is
     * read at, its path there, the first 8 hex digits of its git blob id at that commit, and the schema files
     * converted from it ({@code <group>/<kind-lowercase>-<version>.json}, one per served version copied).
     */
    public record Crd(Upstream from, String path, String blob, List<String> schemas) {}

    private static final String HYPERSHIFT_CRDS = "cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/";
    private static final String OPENSHIFT_CONFIG_CRDS = "config/v1/zz_generated.crd-manifests/";

    /** The CRDs the copied schemas come from, in the order PROVENANCE.md lists them. */
    public static final List<Crd> SCHEMAS = List.of(
            new Crd(HYPERSHIFT, HYPERSHIFT_CRDS + "hostedclusters-Hypershift-Default.crd.yaml", "db3eb9e4",
                    List.of("hypershift.openshift.io/hostedcluster-v1beta1.json")),
            new Crd(HYPERSHIFT, HYPERSHIFT_CRDS + "nodepools-Default.crd.yaml", "fcc41221",
                    List.of("hypershift.openshift.io/nodepool-v1beta1.json")),
            new Crd(ASSISTED_SERVICE, "config/crd/bases/agent-install.openshift.io_infraenvs.yaml", "359c0094",
                    List.of("agent-install.openshift.io/infraenv-v1beta1.json")),
            new Crd(ASSISTED_SERVICE, "config/crd/bases/agent-install.openshift.io_agentserviceconfigs.yaml", "503869fc",
                    List.of("agent-install.openshift.io/agentserviceconfig-v1beta1.json")),
            new Crd(ASSISTED_SERVICE, "config/crd/bases/agent-install.openshift.io_nmstateconfigs.yaml", "69b3f22c",
                    List.of("agent-install.openshift.io/nmstateconfig-v1beta1.json")),
            new Crd(ASSISTED_SERVICE, "config/crd/bases/agent-install.openshift.io_agents.yaml", "466a0a86",
                    List.of("agent-install.openshift.io/agent-v1beta1.json")),
            new Crd(METAL3, "config/base/crds/bases/metal3.io_baremetalhosts.yaml", "f993e20a",
                    List.of("metal3.io/baremetalhost-v1alpha1.json")),
            new Crd(OPENSHIFT_API, OPENSHIFT_CONFIG_CRDS + "0000_10_config-operator_01_imagedigestmirrorsets.crd.yaml",
                    "b223ecda", List.of("config.openshift.io/imagedigestmirrorset-v1.json")),
            new Crd(OPENSHIFT_API, OPENSHIFT_CONFIG_CRDS + "0000_10_config-operator_01_imagetagmirrorsets.crd.yaml",
                    "5593c3d9", List.of("config.openshift.io/imagetagmirrorset-v1.json")),
            new Crd(OPENSHIFT_API, OPENSHIFT_CONFIG_CRDS + "0000_10_config-operator_01_images.crd.yaml", "815a0de5",
                    List.of("config.openshift.io/image-v1.json")),
            new Crd(OLM_API, "crds/operators.coreos.com_catalogsources.yaml", "8e13338f",
                    List.of("operators.coreos.com/catalogsource-v1alpha1.json")),
            new Crd(BACKPLANE_OPERATOR, "config/crd/bases/multicluster.openshift.io_multiclusterengines.yaml", "091e7a1a",
                    List.of("multicluster.openshift.io/multiclusterengine-v1.json")),
            new Crd(OLM_API, "crds/operators.coreos.com_subscriptions.yaml", "7dc8de79",
                    List.of("operators.coreos.com/subscription-v1alpha1.json")),
            new Crd(OLM_API, "crds/operators.coreos.com_operatorgroups.yaml", "cf9f7722",
                    List.of("operators.coreos.com/operatorgroup-v1.json", "operators.coreos.com/operatorgroup-v1alpha2.json")),
            new Crd(OPENSHIFT_API, OPENSHIFT_CONFIG_CRDS + "0000_03_marketplace_01_operatorhubs.crd.yaml", "00c43ede",
                    List.of("config.openshift.io/operatorhub-v1.json")),
            new Crd(METALLB_OPERATOR, "config/crd/bases/metallb.io_metallbs.yaml", "b6c7146c",
                    List.of("metallb.io/metallb-v1beta1.json")),
            new Crd(METALLB, "config/crd/bases/metallb.io_ipaddresspools.yaml", "218de26c",
                    List.of("metallb.io/ipaddresspool-v1beta1.json")),
            new Crd(METALLB, "config/crd/bases/metallb.io_l2advertisements.yaml", "b1b6ed99",
                    List.of("metallb.io/l2advertisement-v1beta1.json")),
            new Crd(CLUSTER_BAREMETAL_OPERATOR, "config/crd/bases/metal3.io_provisionings.yaml", "acf67f76",
                    List.of("metal3.io/provisioning-v1alpha1.json")),
            new Crd(LVM_OPERATOR, "config/crd/bases/lvm.topolvm.io_lvmclusters.yaml", "52e18f4b",
                    List.of("lvm.topolvm.io/lvmcluster-v1alpha1.json")),
            new Crd(EXTERNAL_SECRETS, "config/crds/bases/external-secrets.io_externalsecrets.yaml", "51aa7e2a",
                    List.of("external-secrets.io/externalsecret-v1.json")),
            new Crd(SEALED_SECRETS, "helm/sealed-secrets/crds/bitnami.com_sealedsecrets.yaml", "a41921e4",
                    List.of("bitnami.com/sealedsecret-v1alpha1.json")),
            new Crd(ARGOCD_OPERATOR, "config/crd/bases/argoproj.io_argocds.yaml", "a980e46a",
                    List.of("argoproj.io/argocd-v1beta1.json")),
            new Crd(OCM_API, "cluster/v1/0000_00_clusters.open-cluster-management.io_managedclusters.crd.yaml", "87ce74bb",
                    List.of("cluster.open-cluster-management.io/managedcluster-v1.json")),
            new Crd(KLUSTERLET_ADDON_CONTROLLER, "deploy/agent.open-cluster-management.io_klusterletaddonconfigs_crd.yaml",
                    "54da7d33", List.of("agent.open-cluster-management.io/klusterletaddonconfig-v1.json")));

    private Upstreams() {}

    private static Upstream pin(String repository, String commit) {
        return new Upstream(repository, commit, List.of());
    }

    /** The same repository and commit, naming the files read there. */
    public static Upstream files(Upstream pin, String... files) {
        return new Upstream(pin.repository(), pin.commit(), List.of(files));
    }
}
