package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The generated objects of a render, one per identity. An object that several sites or clusters emit (a hub
 * singleton, a shared namespace) is kept once if they agree to the byte, and is an error naming both
 * owners if they do not. Records which sites own each object, for the owner annotation.
 */
public final class ManifestSet {
    public static final String OWNER = "hostedsite.dev/owner";

    private final Map<ObjectKey, Entry> byKey = new TreeMap<>();
    private final List<Diagnostic> conflicts = new ArrayList<>();

    private record Entry(Manifest manifest, TreeSet<String> owners, Site firstSite) {}

    public void addAll(Site site, List<Manifest> manifests) {
        for (Manifest m : manifests) {
            add(site, m.withBody(Canonical.sorted(m.body())));
        }
    }

    private void add(Site site, Manifest m) {
        ObjectKey key = m.key();
        Entry existing = byKey.get(key);
        if (existing == null) {
            TreeSet<String> owners = new TreeSet<>();
            owners.add(site.name());
            byKey.put(key, new Entry(m, owners, site));
        } else if (existing.manifest().body().equals(m.body()) && existing.manifest().dir().equals(m.dir())) {
            existing.owners().add(site.name());
        } else {
            conflicts.add(conflict(existing.firstSite(), site, key, m.dir()));
        }
    }

    private static Diagnostic conflict(Site first, Site second, ObjectKey key, String dir) {
        String message = first == second
                ? "HostedSite " + first.name() + " describes " + key + " twice, with different contents: "
                        + "two clusters or pools of the site map to the same object. Give them distinct names or namespaces."
                : "HostedSites " + first.name() + " and " + second.name() + " disagree on " + key
                        + ": both generate it, with different contents. Hub singletons and shared namespaces must be"
                        + " described identically by every site; give other objects distinct names.";
        // the field the object comes from: hub singletons from spec.hub, everything else from spec.clusters
        String field = "hub".equals(dir) ? "spec.hub" : "spec.clusters";
        return new Diagnostic(Severity.ERROR, message, second.ref(), field, null, second.file());
    }

    public List<Diagnostic> conflicts() {
        return conflicts;
    }

    /** The objects with their owner annotation set, in identity order. */
    public List<Manifest> manifests() {
        List<Manifest> out = new ArrayList<>();
        for (Entry e : byKey.values()) {
            Manifest m = e.manifest();
            ObjectNode annotations = m.annotations();
            annotations.put(OWNER, String.join(",", e.owners()));
            out.add(m.withBody(Canonical.sorted(m.body())));
        }
        return out;
    }

    /** Where each object comes from: its first site and the origin of that site's manifest. */
    public Origins origins() {
        Map<ObjectKey, Origins.Origin> out = new HashMap<>();
        for (Map.Entry<ObjectKey, Entry> e : byKey.entrySet()) {
            String path = e.getValue().manifest().origin();
            if (path != null) {
                out.put(e.getKey(), new Origins.Origin(e.getValue().firstSite(), path));
            }
        }
        return new Origins(out);
    }

    public static boolean isGenerated(ObjectNode item) {
        return item.path("metadata").path("annotations").has(OWNER);
    }
}
