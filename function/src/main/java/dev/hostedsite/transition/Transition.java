package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.ResourceList;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import dev.hostedsite.krm.ItemRole;
import java.util.Collections;
import java.util.HashMap;
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
public final class Transition {
    private final List<Site> sites;
    private final Map<ObjectKey, ObjectNode> before;
    private final Map<ObjectKey, ObjectNode> after;
    /** "kind" and "kind namespace" → objects, for each side: the guards look objects up by both. */
    private final Map<String, Map<ObjectKey, ObjectNode>> beforeIndex;
    private final Map<String, Map<ObjectKey, ObjectNode>> afterIndex;
    private final Map<ObjectKey, Origin> origins = new HashMap<>();

    private Transition(List<Site> sites, Map<ObjectKey, ObjectNode> before, Map<ObjectKey, ObjectNode> after) {
        this.sites = sites;
        this.before = Collections.unmodifiableMap(before);
        this.after = Collections.unmodifiableMap(after);
        this.beforeIndex = index(before);
        this.afterIndex = index(after);
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                origins.put(new ObjectKey(HYPERSHIFT, "HostedCluster", c.namespace(), c.name()), new Origin(site, c, c.path()));
                for (Cluster.NodePool p : c.nodePools()) {
                    origins.put(new ObjectKey(HYPERSHIFT, "NodePool", c.namespace(), p.name()), new Origin(site, c, p.path()));
                }
                for (Cluster.Host h : c.hosts()) {
                    origins.put(new ObjectKey("metal3.io", "BareMetalHost", c.controlPlaneNamespace(),
                            Names.bareMetalHost(c, h)), new Origin(site, c, h.path()));
                }
            }
        }
    }

    private static final String HYPERSHIFT = "hypershift.openshift.io";

    private static Map<String, Map<ObjectKey, ObjectNode>> index(Map<ObjectKey, ObjectNode> objects) {
        Map<String, Map<ObjectKey, ObjectNode>> out = new HashMap<>();
        objects.forEach((k, o) -> {
            out.computeIfAbsent(k.kind(), x -> new TreeMap<>()).put(k, o);
            out.computeIfAbsent(k.kind() + " " + k.namespace(), x -> new TreeMap<>()).put(k, o);
        });
        return out;
    }

    public List<Site> sites() {
        return sites;
    }

    /** The previous render's applied objects by identity, without the KRM tool annotations. */
    public Map<ObjectKey, ObjectNode> before() {
        return before;
    }

    /** This render's applied objects by identity, without the KRM tool annotations. */
    public Map<ObjectKey, ObjectNode> after() {
        return after;
    }

    /** Where an object comes from: the HostedSite and the field path of its cluster, pool or host. */
    public record Origin(Site site, Cluster cluster, String path) {
        public ObjectRef ref() {
            return site.ref();
        }

        public SourceFile file() {
            return site.file();
        }
    }

    /**
     * The applied objects of the previous render found among {@code items} ({@link #previousRender}), by identity,
     * without the KRM tool annotations; empty when there is none. Built once per render and shared: the day-2
     * checks ({@code InfraEnvArchitectures}, {@code MirrorOrder}) and {@link #of} read the same index.
     */
    public static Map<ObjectKey, ObjectNode> previousObjects(List<ObjectNode> items) {
        Map<ObjectKey, ObjectNode> before = new TreeMap<>();
        for (ObjectNode item : previousRender(items)) {
            before.put(ObjectKey.of(item), Layout.withoutToolAnnotations(item));
        }
        return before;
    }

    /**
     * The transition from the previous render to {@code generated}.
     *
     * @param before the previous render's objects, as {@link #previousObjects} indexes them
     */
    public static Transition of(List<Site> sites, Map<ObjectKey, ObjectNode> before, List<Manifest> generated) {
        Map<ObjectKey, ObjectNode> after = new TreeMap<>();
        for (Manifest m : generated) {
            if (!m.localConfig()) {
                after.put(m.key(), Layout.withoutToolAnnotations(m.body()));
            }
        }
        return new Transition(sites, before, after);
    }

    /**
     * The applied objects of a previous render among the items (marked as generated, or read from a
     * {@code generated/} folder; not local-config): {@link ItemRole#PREVIOUS_RENDER}.
     */
    public static List<ObjectNode> previousRender(List<ObjectNode> items) {
        return items.stream().filter(i -> ItemRole.of(i) == ItemRole.PREVIOUS_RENDER)
                .filter(i -> !ResourceList.isLocalConfig(i)).toList();
    }

    /** True when there is a previous render to compare with. */
    public boolean hasPrevious() {
        return !before.isEmpty();
    }

    /** The HostedCluster, NodePool or BareMetalHost of the new render with this identity: where it comes from. */
    public Optional<Origin> origin(ObjectKey key) {
        return Optional.ofNullable(origins.get(key));
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

    /** Objects of a kind on one side ({@link #before} or {@link #after}), by identity. */
    Map<ObjectKey, ObjectNode> ofKind(Map<ObjectKey, ObjectNode> side, String kind) {
        return (side == before ? beforeIndex : afterIndex).getOrDefault(kind, Map.of());
    }

    /** Objects of a kind in one namespace on one side, by identity. */
    Map<ObjectKey, ObjectNode> inNamespace(Map<ObjectKey, ObjectNode> side, String kind, String namespace) {
        return (side == before ? beforeIndex : afterIndex).getOrDefault(kind + " " + namespace, Map.of());
    }
}
