package dev.hostedsite.input;

import dev.hostedsite.model.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HyperShift's rules on the HostedCluster features a site sets: which capabilities may be disabled (and from
 * which release), and that OLM catalog images come all together and only with {@code olmCatalogPlacement:
 * management}. Upstream files are cited on each rule. Findings name the HostedSite field.
 */
final class HostedClusterFeatureRules extends FindingCollector {
    private final Cluster c;

    private HostedClusterFeatureRules(Cluster c) {
        this.c = c;
    }

    /** The findings for one cluster: capabilities, then catalog images. */
    static List<Finding> check(Cluster c) {
        HostedClusterFeatureRules r = new HostedClusterFeatureRules(c);
        r.capabilities();
        r.olmCatalogImages();
        return List.copyOf(r.out);
    }

    /** Capabilities that only releases from 4.20 on can disable; before, only ImageRegistry and baremetal. */
    static final Set<String> DISABLEABLE_FROM_4_20 = Set.of("openshift-samples", "Insights", "Console", "NodeTuning", "Ingress");

    /**
     * {@code capabilities.disabled}: Ingress only together with Console (the CEL rule on
     * {@code HostedClusterSpec.Capabilities.Disabled}), and the capabilities that only 4.20 and later can disable
     * (its doc comment), both in openshift/hypershift {@code api/hypershift/v1beta1/hostedcluster_types.go}.
     */
    private void capabilities() {
        List<String> disabled = c.disabledCapabilities();
        String p = c.path() + ".capabilities.disabled";
        if (disabled.contains("Ingress") && !disabled.contains("Console")) {
            error(p, "the Ingress capability can only be disabled together with Console: add Console to the list, or"
                    + " keep Ingress.", String.join(", ", disabled));
        }
        Optional<int[]> mm = c.release().majorMinor();
        List<String> early = disabled.stream().filter(DISABLEABLE_FROM_4_20::contains).toList();
        if (mm.isPresent() && (mm.get()[0] < 4 || mm.get()[0] == 4 && mm.get()[1] < 20) && !early.isEmpty()) {
            warning(p, "disabling " + String.join(", ", early) + " is supported from OpenShift 4.20 on; with release "
                    + c.release().version() + " the setting may be ignored or the install may fail. Before 4.20 only"
                    + " ImageRegistry and baremetal can be disabled.");
        }
    }

    /** The three catalogs HyperShift's control-plane operator requires together when any catalog image is given. */
    static final List<String> REQUIRED_CATALOG_IMAGES = List.of("certified-operators", "community-operators",
            "redhat-operators");

    /**
     * {@code olmCatalogImages}: HyperShift's control-plane operator takes them only all together (openshift/hypershift
     * {@code control-plane-operator/controllers/hostedcontrolplane/v2/olm/catalogs/deployment.go},
     * {@code checkCatalogImageOverides}), and runs catalogs on the hub only with {@code olmCatalogPlacement:
     * management} ({@code .../olm/catalogs/component.go}); the digest is the schema's.
     */
    private void olmCatalogImages() {
        if (c.olmCatalogImages().isEmpty()) {
            return;
        }
        String p = c.path() + ".olmCatalogImages";
        List<String> missing = REQUIRED_CATALOG_IMAGES.stream().filter(k -> !c.olmCatalogImages().containsKey(k)).toList();
        if (!missing.isEmpty()) {
            error(p, "HyperShift takes catalog images only for all of " + String.join(", ", REQUIRED_CATALOG_IMAGES)
                    + " together; " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing."
                    + " Give each by digest, or remove olmCatalogImages and let the"
                    + " registry overrides from spec.hub.catalogs apply.");
        }
        if (!"management".equals(c.olmCatalogPlacement())) {
            warning(p, "HyperShift reads the catalog images only with olmCatalogPlacement: management; with "
                    + c.olmCatalogPlacement() + " they are ignored and the hosted cluster's catalogs follow the"
                    + " registry overrides.");
        }
    }
}
