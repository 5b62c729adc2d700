package dev.hostedsite.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer two of input validation: the rules the schema cannot express, as the lists of rule classes it runs, in the
 * order their findings are reported. Runs on bound, defaulted sites that passed the schema, so what the schema
 * enforces (MAC and digest formats, NodePort's address) is not checked again. For each site: the hub's registry
 * and lists, then each cluster through {@link #CLUSTER_RULES}, then the hub prerequisites; then the rules over all
 * sites of the ResourceList and the items passed through beside them ({@link #ACROSS_SITES}). Every finding names
 * the field it is about; secret values never appear in a message.
 */
public final class SemanticValidator {

    /** A rule family applied to one cluster of a site: its findings, in order. */
    private interface ClusterRule {
        List<Finding> check(Site site, Cluster c);
    }

    /** A rule family over all sites (and the passthrough items: the other objects of the input). */
    private interface SitesRule {
        List<Diagnostic> check(List<Site> sites, List<ObjectNode> passthrough);
    }

    /** The rules on each cluster, in the order their findings are reported. */
    private static final List<ClusterRule> CLUSTER_RULES = List.of(
            IdentityRules::check,
            OsImageCoverageRules::check,
            ClusterSecretRules::check,
            (site, c) -> ClusterNetworkRules.check(c),
            (site, c) -> PublishedServicesRules.check(c),
            NodePoolRules::check,
            AgentPoolArchitecture::releaseFindings,
            BareMetalHostRules::check,
            (site, c) -> HostedClusterFeatureRules.check(c),
            (site, c) -> HostNameRules.check(c),
            NodePoolRules::uniqueNames);

    /** The rules over all sites, after the per-site ones, in the order their findings are reported. */
    private static final List<SitesRule> ACROSS_SITES = List.of(
            (sites, passthrough) -> IdentityRules.acrossSites(sites),
            (sites, passthrough) -> NmstateRules.check(sites),
            (sites, passthrough) -> SelectorRules.check(sites),
            (sites, passthrough) -> AddressPlanRules.check(sites),
            (sites, passthrough) -> AgentPoolArchitecture.check(sites),
            (sites, passthrough) -> AcmRules.check(sites),
            (sites, passthrough) -> ControllerRules.check(sites),
            (sites, passthrough) -> PullableImages.check(sites),
            (sites, passthrough) -> PassthroughAdmission.check(passthrough),
            HubPlumbingRules::check,
            (sites, passthrough) -> OperatorImageRules.check(sites),
            (sites, passthrough) -> HostedOlmRules.check(sites));

    private SemanticValidator() {}

    /**
     * Checks each site, then what must hold across all sites of the ResourceList and its passthrough items (the
     * objects beside the sites that pass through to the output).
     */
    public static List<Diagnostic> validate(List<Site> sites, List<ObjectNode> passthrough) {
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
        for (SitesRule rule : ACROSS_SITES) {
            out.addAll(rule.check(sites, passthrough));
        }
        return out;
    }
}
