package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer two of input validation: the rules the schema cannot express, as the list of rule classes it runs, in the
 * order their findings are reported. Runs on bound, defaulted sites that passed the schema, so what the schema
 * enforces (MAC and digest formats, NodePort's address) is not checked again. For each site: the hub's registry
 * and lists, then each cluster through {@link #CLUSTER_RULES}, then the hub prerequisites; last, what must hold
 * across all sites of the ResourceList. Every finding names the HostedSite field it is about; secret values never
 * appear in a message. The further rule passes (nmstate, selectors, address plan, ...) run after this one, in
 * {@code Compiler.compile}.
 */
public final class SemanticValidator {

    /** A rule family applied to one cluster of a site: its findings, in order. */
    private interface ClusterRule {
        List<Finding> check(Site site, Cluster c);
    }

    /** The rules on each cluster, in the order their findings are reported. */
    private static final List<ClusterRule> CLUSTER_RULES = List.of(
            IdentityRules::check,
            OsImageCoverageRules::check,
            ClusterSecretRules::check,
            (site, c) -> ClusterNetworkRules.check(c),
            NodePoolRules::check,
            AgentPoolArchitecture::releaseFindings,
            BareMetalHostRules::check,
            (site, c) -> HostedClusterFeatureRules.check(c),
            (site, c) -> HostNameRules.check(c),
            NodePoolRules::uniqueNames);

    private SemanticValidator() {}

    /** Checks each site, then what must hold across all sites of the ResourceList. */
    public static List<Diagnostic> validate(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site s : sites) {
            out.addAll(Finding.diagnostics(s, RegistryRules.check(s.hub())));
            out.addAll(Finding.diagnostics(s, HubListRules.check(s.hub())));
            for (Cluster c : s.clusters()) {
                for (ClusterRule rule : CLUSTER_RULES) {
                    out.addAll(Finding.diagnostics(s, rule.check(s, c)));
                }
            }
            out.addAll(HubPrerequisiteRules.check(s));
        }
        out.addAll(IdentityRules.acrossSites(sites));
        return out;
    }
}
