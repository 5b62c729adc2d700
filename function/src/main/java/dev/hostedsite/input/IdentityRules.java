package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What identifies a cluster and a host on the hub: the control-plane namespace {@code <namespace>-<name>}
 * ({@link Cluster#controlPlaneNamespace}, a namespace name of at most 63 characters), unique across every site of
 * the ResourceList like the cluster's namespace/name; and each host's boot MAC, which assisted-service and
 * baremetal-operator match hosts by. Findings name the HostedSite field.
 */
final class IdentityRules {
    /** A namespace name is a DNS-1123 label: at most 63 characters (apimachinery IsDNS1123Label, ValidateNamespaceName). */
    private static final int NAMESPACE_MAX = 63;

    private IdentityRules() {}

    /** The control-plane namespace of one cluster fits a namespace name. */
    static List<Finding> check(Site site, Cluster c) {
        if (c.controlPlaneNamespace().length() > NAMESPACE_MAX) {
            return List.of(Finding.error(c.path() + ".name", "the control-plane namespace " + c.controlPlaneNamespace()
                    + " would be longer than 63 characters; shorten the cluster name or namespace.", c.name()));
        }
        return List.of();
    }

    /**
     * Across all sites, in the order declared: a cluster namespace/name declared twice, a control-plane namespace
     * shared by two clusters, a boot MAC used by two hosts.
     */
    static List<Diagnostic> acrossSites(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> macs = new HashMap<>();
        Map<String, String> clusters = new HashMap<>();
        Map<String, String> controlPlanes = new HashMap<>();
        for (Site s : sites) {
            for (Cluster c : s.clusters()) {
                String id = c.namespace() + "/" + c.name();
                String where = s.name() + " " + c.path();
                String prev = clusters.putIfAbsent(id, where);
                if (prev != null) {
                    out.add(Diagnostic.error(s.ref(), c.path() + ".name", "HostedCluster " + id
                            + " is also declared by " + prev + "; a cluster's namespace/name must be unique.")
                            .withValue(c.name()).withFile(s.file()));
                }
                String cp = c.controlPlaneNamespace();
                String prevCp = controlPlanes.putIfAbsent(cp, where + " (" + id + ")");
                if (prevCp != null && prev == null) {
                    out.add(Diagnostic.error(s.ref(), c.path() + ".name", "HostedCluster " + id + " gets the"
                            + " control-plane namespace " + cp + " (<namespace>-<name>), which is already that of " + prevCp
                            + "; its InfraEnv, BareMetalHosts and BMC Secrets would mix with that cluster's. Rename one.")
                            .withValue(c.name()).withFile(s.file()));
                }
                for (Host h : c.hosts()) {
                    String mac = h.bootMACAddress().toLowerCase(Locale.ROOT);
                    String prevMac = macs.putIfAbsent(mac, s.name() + " " + h.path());
                    if (prevMac != null) {
                        out.add(Diagnostic.error(s.ref(), h.path() + ".bootMACAddress", "MAC " + mac
                                + " is also used by " + prevMac + "; each host needs its own boot MAC.")
                                .withValue(h.bootMACAddress()).withFile(s.file()));
                    }
                }
            }
        }
        return out;
    }
}
