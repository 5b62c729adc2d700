package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.ManagedCluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules for {@code clusters[].managedCluster}, the ACM registration from Git (see
 * {@code generate/AcmRegistration}). Upstream: stolostron/hypershift-addon-operator @ caeb4e29
 * {@code pkg/agent/auto_import_controller.go} (the ManagedCluster is named after the HostedCluster; the add-on
 * creates one itself when auto-import is on and none exists) and
 * {@code docs/gitops/01-acm-integration-overview.md} ("Pattern 2: Disabled import": {@code autoImportDisabled}
 * on the AddOnDeploymentConfig {@code hypershift-addon-deploy-config}); stolostron/klusterlet-addon-controller
 * (the KlusterletAddonConfig CRD comes with ACM, not with the multicluster engine alone).
 */
public final class AcmRules {
    /** Values ACM's cluster-info controller replaces with what it detects, so Argo CD would see drift. */
    static final String AUTO_DETECT = "auto-detect";

    private AcmRules() {}

    /** Errors for invalid labels, clashing ManagedCluster names and an MCE-only hub; one warning per site about auto-import. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Site s : sites) {
            String first = null;
            for (Cluster c : s.clusters()) {
                ManagedCluster m = c.managedCluster();
                if (m == null) {
                    continue;
                }
                first = first == null ? m.path() : first;
                String where = "HostedSite " + s.name() + " " + c.path();
                String prev = names.putIfAbsent(c.name(), where);
                if (prev != null) {
                    out.add(Diagnostic.error(s.ref(), m.path(), "the ManagedCluster " + c.name() + " (named after the"
                            + " hosted cluster, as the hypershift add-on looks it up) is also that of " + prev
                            + "; ManagedClusters are cluster-scoped. Rename one of the clusters or drop managedCluster"
                            + " from one.").withValue(c.name()).withFile(s.file()));
                }
                if (c.name().equals(m.hostingClusterName())) {
                    out.add(Diagnostic.error(s.ref(), m.path() + ".hostingClusterName", "the hosted cluster " + c.name()
                            + " cannot host its own klusterlet; name the hub's ManagedCluster (default "
                            + ManagedCluster.DEFAULT_HOSTING_CLUSTER + "), or rename the cluster.")
                            .withValue(m.hostingClusterName()).withFile(s.file()));
                }
                m.labels().forEach((key, value) -> {
                    PoolRules.labelKeyProblem(key).ifPresent(p -> out.add(Diagnostic.error(s.ref(),
                            m.path() + ".labels", p).withValue(key).withFile(s.file())));
                    PoolRules.labelValueProblem(value).ifPresent(p -> out.add(Diagnostic.error(s.ref(),
                            m.path() + ".labels." + key, p).withValue(value).withFile(s.file())));
                    if (AUTO_DETECT.equals(value)) {
                        out.add(Diagnostic.warning(s.ref(), m.path() + ".labels." + key, "ACM replaces the value "
                                + AUTO_DETECT + " with what it detects, so Argo CD would show the ManagedCluster"
                                + " OutOfSync and self-heal would fight it; leave the label out, or give its real value.")
                                .withValue(value).withFile(s.file()));
                    }
                });
                if (s.hub().emitsMultiClusterEngine()) {
                    out.add(Diagnostic.error(s.ref(), m.path(), "managedCluster registers the cluster with ACM, but"
                            + " hub.multiclusterEngine.owner is self (a hub without ACM): the KlusterletAddonConfig CRD"
                            + " comes with ACM, so that sync would stop at it. Set hub.multiclusterEngine.owner: acm on"
                            + " an ACM hub, or drop managedCluster (a multicluster engine alone: the hypershift add-on's"
                            + " auto-import registers the cluster).").withFile(s.file()));
                }
            }
            if (first != null) {
                out.add(Diagnostic.warning(s.ref(), first, "the hypershift add-on's"
                        + " auto-import must be off on this hub (autoImportDisabled: \"true\" in the AddOnDeploymentConfig"
                        + " hypershift-addon-deploy-config, namespace multicluster-engine): otherwise, when a HostedCluster"
                        + " turns Available, the add-on creates the same ManagedCluster and KlusterletAddonConfig with"
                        + " its own labels and add-ons if it gets there before Argo CD, and the two disagree. Check: oc get"
                        + " addondeploymentconfig hypershift-addon-deploy-config -n multicluster-engine -o yaml | grep -A1"
                        + " autoImportDisabled").withFile(s.file()));
            }
        }
        return out;
    }
}
