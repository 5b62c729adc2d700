package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.generate.Names;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A render seen as a change: the objects the previous render applied ({@code before}) and the objects this
 * one applies ({@code after}), each by identity and without the KRM tool annotations, plus where in the
 * HostedSites each new object comes from. The previous render is whatever the input holds with the
 * {@link ManifestSet#OWNER} annotation: kpt hands the package's {@code generated/} files back as items,
 * {@code render -o DIR} and the Argo CD plugin read the checked-out {@code generated/}. Local-config artifacts
 * are never applied and are left out.
 */
public record Transition(List<Site> sites, Map<ObjectKey, ObjectNode> before, Map<ObjectKey, ObjectNode> after) {

    /** Where an object comes from: the HostedSite and the field path of its cluster, pool or host. */
    public record Origin(Site site, Cluster cluster, String path) {
        public ObjectRef ref() {
            return site.ref();
        }

        public SourceFile file() {
            return site.file();
        }
    }

    /** The transition from the previous render found among {@code items} to {@code generated}. */
    public static Transition of(List<Site> sites, List<ObjectNode> items, List<Manifest> generated) {
        Map<ObjectKey, ObjectNode> before = new TreeMap<>();
        for (ObjectNode item : previousRender(items)) {
            before.put(ObjectKey.of(item), Layout.withoutToolAnnotations(item));
        }
        Map<ObjectKey, ObjectNode> after = new TreeMap<>();
        for (Manifest m : generated) {
            if (!m.localConfig()) {
                after.put(m.key(), Layout.withoutToolAnnotations(m.body()));
            }
        }
        return new Transition(sites, Collections.unmodifiableMap(before), Collections.unmodifiableMap(after));
    }

    /** The applied objects of a previous render among the items (marked as generated, not local-config). */
    public static List<ObjectNode> previousRender(List<ObjectNode> items) {
        return items.stream().filter(ManifestSet::isGenerated).filter(i -> !"true".equals(
                i.path("metadata").path("annotations").path("config.kubernetes.io/local-config").asText())).toList();
    }

    /** True when there is a previous render to compare with. */
    public boolean hasPrevious() {
        return !before.isEmpty();
    }

    /** The HostedCluster, NodePool or BareMetalHost of the new render with this identity: where it comes from. */
    public Optional<Origin> origin(ObjectKey key) {
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                if (key.kind().equals("HostedCluster") && c.namespace().equals(key.namespace()) && c.name().equals(key.name())) {
                    return Optional.of(new Origin(site, c, c.path()));
                }
                for (Cluster.NodePool p : c.nodePools()) {
                    if (key.kind().equals("NodePool") && c.namespace().equals(key.namespace()) && p.name().equals(key.name())) {
                        return Optional.of(new Origin(site, c, p.path()));
                    }
                }
                for (Cluster.Host h : c.hosts()) {
                    if (key.kind().equals("BareMetalHost") && c.controlPlaneNamespace().equals(key.namespace())
                            && Names.bareMetalHost(c, h).equals(key.name())) {
                        return Optional.of(new Origin(site, c, h.path()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The cluster of the new render whose HostedCluster is {@code namespace/name}. */
    public Optional<Origin> cluster(String namespace, String name) {
        return origin(new ObjectKey("hypershift.openshift.io", "HostedCluster", namespace, name));
    }

    /** The site named first in an object's owner annotation, if it is among this render's sites. */
    public Optional<Site> ownerSite(JsonNode object) {
        String owners = object.path("metadata").path("annotations").path(ManifestSet.OWNER).asText("");
        for (String o : owners.split(",")) {
            for (Site s : sites) {
                if (s.name().equals(o)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** Objects of a kind in {@code before} or {@code after}. */
    static Map<ObjectKey, ObjectNode> ofKind(Map<ObjectKey, ObjectNode> objects, String kind) {
        Map<ObjectKey, ObjectNode> out = new TreeMap<>();
        objects.forEach((k, v) -> {
            if (k.kind().equals(kind)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
