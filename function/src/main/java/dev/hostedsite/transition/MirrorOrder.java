package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps the order of the mirror lists a previous render wrote. Every generated mirror list (registries.conf,
 * ImageDigestMirrorSet, ImageTagMirrorSet, HostedCluster {@code imageContentSources}) follows {@code hub.mirrors};
 * the order carries no meaning there (a lookup takes the longest matching source), but the HostedCluster's
 * {@code imageContentSources} are part of every NodePool's rollout hash (openshift/hypershift
 * hypershift-operator/controllers/nodepool/config.go, getCoreConfigs), so reordering {@code hub.mirrors} must not
 * change them. When the previous render has the site's ImageDigestMirrorSet, sources it lists keep its order and
 * new sources follow in input order; without one the input order stands, which is what hostedsite always wrote,
 * so no existing site sees a change. Each entry's own {@code mirrors} keep their order: they are tried in it.
 */
public final class MirrorOrder {
    private MirrorOrder() {}

    /** The sites with {@code hub.mirrors} in the previous render's order, where it has one. */
    public static List<Site> pin(List<Site> sites, Map<ObjectKey, ObjectNode> previous) {
        List<Site> out = new ArrayList<>();
        for (Site s : sites) {
            ObjectNode idms = previous.get(new ObjectKey("config.openshift.io", "ImageDigestMirrorSet", null,
                    s.hub().mirrorSetName()));
            if (idms == null) {
                out.add(s);
                continue;
            }
            List<String> known = new ArrayList<>();
            for (JsonNode e : idms.path("spec").path("imageDigestMirrors")) {
                known.add(e.path("source").asText());
            }
            List<Hub.Mirror> mirrors = s.hub().mirrors();
            List<Hub.Mirror> ordered = mirrors.stream().sorted(Comparator.comparingInt((Hub.Mirror m) -> known.contains(m.source())
                    ? known.indexOf(m.source()) : known.size() + mirrors.indexOf(m))).toList();
            out.add(new Site(s.name(), s.baseDomain(), s.hub().withMirrors(ordered), s.clusters(), s.externalSecrets(),
                    s.ref(), s.file()));
        }
        return out;
    }
}
