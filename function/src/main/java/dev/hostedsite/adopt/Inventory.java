package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.adopt.Adopted.Entry;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.krm.ItemRole;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects being adopted, cleaned ({@link LiveNoise}), and what the readers made of each: an object a reader
 * {@link #claim claims} is covered by the site (or referenced, for a Secret); the others are kept as they are.
 *
 * <p>When some object carries {@code hostedsite.dev/owner} the export is of a hub this tool already renders: then
 * only objects with that annotation are read into the site, and the others (the site's passthrough items: own
 * Secrets, ConfigMaps, custom resources) stay passthrough items, so that the render gives them back unchanged.
 */
final class Inventory {
    private final List<ObjectNode> objects = new ArrayList<>();
    private final Map<ObjectNode, Disposition> claimed = new IdentityHashMap<>();
    private final List<Entry> ledger = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final boolean managed;

    Inventory(List<ObjectNode> input) {
        for (ObjectNode o : flatten(input)) {
            if (o == null || !o.path("kind").isTextual() || o.path("kind").asText().isEmpty()
                    || !o.path("metadata").path("name").isTextual()) {
                diagnostics.add(Diagnostic.warning(o == null ? null : ObjectRef.of(o), null,
                        "an object without kind or metadata.name cannot be adopted; it is left out."));
                continue;
            }
            LiveNoise.Cleaned c = LiveNoise.clean(o);
            objects.add(c.object());
            for (String field : c.dropped()) {
                ledger.add(new Entry(ObjectRef.of(c.object()), field, null, Disposition.SERVER_OWNED,
                        "written by the API server or a controller; never part of the site"));
            }
        }
        managed = objects.stream().anyMatch(o -> owner(o) != null);
    }

    /** The objects, with those of {@code oc get -o yaml} Lists ({@code kind: List}, {@code kind: <Kind>List}) taken out. */
    static List<ObjectNode> flatten(List<ObjectNode> input) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : input) {
            if (o != null && o.path("kind").asText().endsWith("List") && o.path("items").isArray()) {
                for (JsonNode item : o.path("items")) {
                    if (item.isObject()) {
                        out.addAll(flatten(List.of((ObjectNode) item)));
                    }
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** The {@code hostedsite.dev/owner} annotation, or null. */
    static String owner(JsonNode o) {
        JsonNode v = o.path("metadata").path("annotations").path(ItemRole.OWNER);
        return v.isTextual() ? v.asText() : null;
    }

    /** Whether the export comes from a hub this tool renders (some object carries {@code hostedsite.dev/owner}). */
    boolean managed() {
        return managed;
    }

    /** Every cleaned object, in input order. */
    List<ObjectNode> all() {
        return objects;
    }

    /** The objects of {@code kind} the readers may read (see the class comment), in input order. */
    List<ObjectNode> readable(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && readable(o)).toList();
    }

    boolean readable(ObjectNode o) {
        return !managed || owner(o) != null;
    }

    /** The readable object of {@code kind} with that namespace (null: cluster-scoped) and name. */
    Optional<ObjectNode> get(String kind, String namespace, String name) {
        return readable(kind).stream().filter(o -> name.equals(name(o)) && java.util.Objects.equals(namespace, namespace(o)))
                .findFirst();
    }

    /** Any object (readable or not) of {@code kind} with that namespace and name; for Secrets and references. */
    Optional<ObjectNode> any(String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && name.equals(name(o))
                && java.util.Objects.equals(namespace, namespace(o))).findFirst();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText(null);
    }

    static String namespace(JsonNode o) {
        JsonNode ns = o.path("metadata").path("namespace");
        return ns.isTextual() && !ns.asText().isEmpty() ? ns.asText() : null;
    }

    /** Marks {@code o} as covered by the site ({@code disposition}: SITE_FIELD, SECRET_REFERENCED or DROPPED). */
    void claim(ObjectNode o, String siteField, Disposition disposition, String note) {
        if (!claimed.containsKey(o)) {
            claimed.put(o, disposition);
            ledger.add(new Entry(ObjectRef.of(o), "", siteField, disposition, note));
        }
    }

    boolean claimed(ObjectNode o) {
        return claimed.containsKey(o);
    }

    /** A ledger line about one field of {@code o}. */
    void field(ObjectNode o, String manifestPath, String siteField, Disposition disposition, String note) {
        ledger.add(new Entry(ObjectRef.of(o), manifestPath, siteField, disposition, note));
    }

    /**
     * Warns about each annotation of {@code o} the render does not write: {@code known} are the annotations the site
     * expresses, and this tool's and Argo CD's own are always known. An annotation kubectl applied is in its
     * last-applied configuration, so the first apply of the render deletes it.
     */
    void otherAnnotations(ObjectNode o, java.util.Collection<String> known) {
        o.path("metadata").path("annotations").fieldNames().forEachRemaining(k -> {
            if (!known.contains(k) && !k.startsWith("hostedsite.dev/") && !k.startsWith("argocd.argoproj.io/")) {
                warn(o, "metadata.annotations", "the render does not write the annotation " + k + "; the first"
                        + " sync would remove it.");
            }
        });
    }

    /** A value the render would write differently, or input the import cannot read: a warning. */
    void warn(ObjectNode o, String fieldPath, String message) {
        diagnostics.add(Diagnostic.warning(o == null ? null : ObjectRef.of(o), fieldPath, message));
    }

    void error(ObjectNode o, String fieldPath, String message) {
        diagnostics.add(Diagnostic.error(o == null ? null : ObjectRef.of(o), fieldPath, message));
    }

    void info(ObjectNode o, String fieldPath, String message) {
        diagnostics.add(Diagnostic.info(o == null ? null : ObjectRef.of(o), fieldPath, message));
    }

    void add(Diagnostic d) {
        diagnostics.add(d);
    }

    List<Entry> ledger() {
        return ledger;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The distinct owner names in the export (a comma-separated annotation names several sites), sorted. */
    Set<String> owners() {
        Set<String> out = new java.util.TreeSet<>();
        for (ObjectNode o : objects) {
            String v = owner(o);
            if (v != null) {
                for (String s : v.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.strip());
                    }
                }
            }
        }
        return new LinkedHashSet<>(out);
    }
}
