package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hosted cluster's own OLM. Unless {@code operatorHub.disableDefaultSources} turns them off, HyperShift runs
 * the default catalogs for it from {@code registry.redhat.io/redhat/<index>:v<major>.<minor>} of the cluster's
 * release (openshift/hypershift @ 3ee96155 support/catalogs/images.go {@code getCatalogImagesWithCache}:
 * {@code defaultRegistryURL} registry.redhat.io, namespace redhat, the catalog image names below, the version
 * capped at {@code maxCatalogVersion} 4.22). An index the site does not mirror cannot be pulled on a disconnected
 * hub, and its catalog pods sit in ImagePullBackOff.
 */
public final class HostedOlmRules {
    /** Default catalog → its index repository (support/catalogs/images.go {@code catalogImageNames}). */
    static final Map<String, String> DEFAULT_INDEXES = Map.of(
            "certified-operators", "registry.redhat.io/redhat/certified-operator-index",
            "community-operators", "registry.redhat.io/redhat/community-operator-index",
            "redhat-operators", "registry.redhat.io/redhat/redhat-operator-index");
    /** The newest catalog version HyperShift looks up (support/catalogs/images.go {@code maxCatalogVersion}). */
    static final int[] MAX_CATALOG_VERSION = {4, 22};

    private HostedOlmRules() {}

    /** A warning per cluster whose default catalogs would resolve to index versions no {@code hub.catalogs} source is. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                if (c.disableDefaultSources() || c.release().majorMinor().isEmpty()) {
                    continue;
                }
                int[] v = c.release().majorMinor().get();
                boolean capped = v[0] > MAX_CATALOG_VERSION[0]
                        || (v[0] == MAX_CATALOG_VERSION[0] && v[1] > MAX_CATALOG_VERSION[1]);
                String tag = capped ? "v" + MAX_CATALOG_VERSION[0] + "." + MAX_CATALOG_VERSION[1] : "v" + v[0] + "." + v[1];
                List<String> missing = new ArrayList<>();
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(DEFAULT_INDEXES).entrySet()) {
                    if (c.olmCatalogImages().containsKey(e.getKey())) {
                        continue;
                    }
                    String index = e.getValue() + ":" + tag;
                    if (site.hub().catalogs().stream().map(Hub.Catalog::source).noneMatch(index::equals)) {
                        missing.add(index);
                    }
                }
                if (!missing.isEmpty()) {
                    out.add(Diagnostic.warning(site.ref(), c.path() + ".operatorHub.disableDefaultSources",
                            "the hosted cluster " + c.name() + " runs the default catalogs, which resolve to "
                                    + String.join(", ", missing) + " for its release " + c.release().version()
                                    + ", and no spec.hub.catalogs source mirrors them: on a disconnected hub their"
                                    + " catalog pods stay in ImagePullBackOff. Set operatorHub.disableDefaultSources:"
                                    + " true on the cluster, or mirror these indexes as catalogs.")
                            .withFile(site.file()));
                }
            }
        }
        return out;
    }
}
