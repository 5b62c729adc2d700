package dev.hostedsite.model;

import java.util.Map;

/**
 * {@code clusters[].managedCluster}: how the hosted cluster is registered with an ACM hub from Git.
 *
 * @param path its field path in the HostedSite, for diagnostics
 * @param labels the ManagedCluster labels the user gives, sorted (the add-on's defaults are added by the generator)
 * @param hostingClusterName the ManagedCluster that runs the hosted-mode klusterlet (default {@code local-cluster})
 * @param addons KlusterletAddonConfig add-on name ({@code applicationManager}, …) → enabled, sorted; every
 *     add-on of {@link #ADDONS} is present
 */
public record ManagedCluster(String path, Map<String, String> labels, String hostingClusterName,
                             Map<String, Boolean> addons) {
    /** The add-ons the hypershift add-on's auto-import enables (auto_import_controller.go createKlusterletAddonConfig). */
    public static final java.util.List<String> ADDONS = java.util.List.of("applicationManager", "certPolicyController",
            "iamPolicyController", "policyController", "searchCollector");
    public static final String DEFAULT_HOSTING_CLUSTER = "local-cluster";
}
