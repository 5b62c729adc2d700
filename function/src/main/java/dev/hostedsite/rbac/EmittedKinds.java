package dev.hostedsite.rbac;

import java.util.List;

/**
 * Every kind a render can apply to a hub, with the API resource a client writes it through. The same kinds
 * as the sync-wave table ({@code graph/WaveAssigner.waves()}), which a test holds equal to this list and to the
 * apiVersion and kind of every object the golden fixtures render. Local-config artifacts (oc-mirror's
 * ImageSetConfiguration, the DNS ConfigMap) are never applied and need no permission.
 */
public final class EmittedKinds {

    /**
     * One kind.
     *
     * @param group the API group ({@code ""} for the core group)
     * @param version the version the render writes
     * @param kind the kind
     * @param resource the plural resource name (the CRD's {@code spec.names.plural})
     * @param namespaced whether objects of the kind live in a namespace
     */
    public record Kind(String group, String version, String kind, String resource, boolean namespaced) {
        /** {@code apiVersion} as objects carry it: {@code v1} for the core group, else {@code group/version}. */
        public String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    /** Sorted by group, then kind. */
    public static final List<Kind> ALL = List.of(
            new Kind("", "v1", "ConfigMap", "configmaps", true),
            new Kind("", "v1", "Namespace", "namespaces", false),
            new Kind("", "v1", "Secret", "secrets", true),
            new Kind("agent-install.openshift.io", "v1beta1", "AgentServiceConfig", "agentserviceconfigs", false),
            new Kind("agent-install.openshift.io", "v1beta1", "InfraEnv", "infraenvs", true),
            new Kind("agent-install.openshift.io", "v1beta1", "NMStateConfig", "nmstateconfigs", true),
            new Kind("agent.open-cluster-management.io", "v1", "KlusterletAddonConfig", "klusterletaddonconfigs", true),
            new Kind("cluster.open-cluster-management.io", "v1", "ManagedCluster", "managedclusters", false),
            new Kind("config.openshift.io", "v1", "Image", "images", false),
            new Kind("config.openshift.io", "v1", "ImageDigestMirrorSet", "imagedigestmirrorsets", false),
            new Kind("config.openshift.io", "v1", "ImageTagMirrorSet", "imagetagmirrorsets", false),
            new Kind("config.openshift.io", "v1", "OperatorHub", "operatorhubs", false),
            new Kind("external-secrets.io", "v1", "ExternalSecret", "externalsecrets", true),
            new Kind("hypershift.openshift.io", "v1beta1", "HostedCluster", "hostedclusters", true),
            new Kind("hypershift.openshift.io", "v1beta1", "NodePool", "nodepools", true),
            new Kind("lvm.topolvm.io", "v1alpha1", "LVMCluster", "lvmclusters", true),
            new Kind("metal3.io", "v1alpha1", "BareMetalHost", "baremetalhosts", true),
            new Kind("metal3.io", "v1alpha1", "Provisioning", "provisionings", false),
            new Kind("metallb.io", "v1beta1", "IPAddressPool", "ipaddresspools", true),
            new Kind("metallb.io", "v1beta1", "L2Advertisement", "l2advertisements", true),
            new Kind("metallb.io", "v1beta1", "MetalLB", "metallbs", true),
            new Kind("multicluster.openshift.io", "v1", "MultiClusterEngine", "multiclusterengines", false),
            new Kind("operators.coreos.com", "v1", "OperatorGroup", "operatorgroups", true),
            new Kind("operators.coreos.com", "v1alpha1", "CatalogSource", "catalogsources", true),
            new Kind("operators.coreos.com", "v1alpha1", "Subscription", "subscriptions", true),
            new Kind("rbac.authorization.k8s.io", "v1", "Role", "roles", true));

    private EmittedKinds() {}
}
