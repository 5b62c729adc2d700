package dev.hostedsite.kinds.catalog;

import dev.hostedsite.kinds.KindSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field map: which HostedSite field each field of an emitted object comes from, as data. A row names the
 * kind, a manifest path (dot path from the object root; it also covers every field below it) and the site field,
 * relative to the object's origin ({@code graph/Manifest#origin}: the cluster, pool, host or operator entry it is
 * built from). A site field starting with {@code spec.} is absolute; one starting with {@code cluster:} is
 * relative to the enclosing cluster ({@code spec.clusters[i]}) of the origin. A field no row covers maps to the
 * origin itself, which is still a line of the user's file.
 *
 * <p>The rows of a kind declared as a unit come from its {@link KindSpec#fields} (with what a change of the
 * field does); this class holds the rows of the kinds not declared yet.
 *
 * <p>Read by the generic passes that report on generated objects (reference checks, day-2 checks, {@code plan}
 * and {@code diff}) to name the field the user edits. {@code FieldMapTest} renders the example site and checks
 * that every row's manifest path exists in some generated object and its site field exists in the schema.
 */
public final class FieldMap {
    /** One row; see the class comment for the forms of {@code siteField}. */
    public record Row(String kind, String manifestPath, String siteField) {}

    private static final String CLUSTER = "cluster:";

    /** The rows of the kinds not declared as units yet; declared kinds bring theirs ({@link KindCatalog}). */
    private static final List<Row> UNDECLARED = List.of();

    /**
     * Kind → the HostedSite entity its objects are built from, as a schema path ({@code []} for any element): what
     * the relative site fields of its rows are relative to.
     */
    public static final Map<String, String> ORIGIN_ENTITY = origins(Map.of());

    private static final List<Row> ROWS = rows(UNDECLARED);

    private static List<Row> rows(List<Row> undeclared) {
        List<Row> out = new ArrayList<>(undeclared);
        for (KindSpec k : KindCatalog.DECLARED) {
            k.fields().forEach(f -> out.add(new Row(k.kind(), f.manifestPath(), f.siteField())));
        }
        return List.copyOf(out);
    }

    /** The undeclared kinds' origins above, then each declared kind's own ({@link KindSpec#origin}). */
    private static Map<String, String> origins(Map<String, String> undeclared) {
        Map<String, String> out = new java.util.HashMap<>(undeclared);
        KindCatalog.DECLARED.forEach(k -> out.put(k.kind(), k.origin()));
        return Map.copyOf(out);
    }

    private FieldMap() {}

    private static Row row(String kind, String manifestPath, String siteField) {
        return new Row(kind, manifestPath, siteField);
    }

    /** Every row, in table order. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** The rows of one kind. */
    public static List<Row> rows(String kind) {
        return ROWS.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /**
     * The HostedSite field path that the field {@code manifestPath} of an object of {@code kind} built from
     * {@code origin} comes from: the row with the longest manifest path equal to or above it, resolved against
     * the origin; the origin itself when no row covers it; empty when the origin is unknown (null).
     */
    public static Optional<String> siteField(String kind, String origin, String manifestPath) {
        if (origin == null) {
            return Optional.empty();
        }
        String path = manifestPath == null ? "" : manifestPath;
        Optional<Row> row = ROWS.stream()
                .filter(r -> r.kind().equals(kind) && covers(r.manifestPath(), path))
                .max(Comparator.comparingInt(r -> r.manifestPath().length()));
        return Optional.of(row.map(r -> resolve(origin, r.siteField())).orElse(origin));
    }

    /** A row's site field resolved against an origin (see the class comment). */
    static String resolve(String origin, String siteField) {
        if (siteField.startsWith("spec.")) {
            return siteField;
        }
        if (siteField.startsWith(CLUSTER)) {
            return clusterOf(origin).map(c -> c + "." + siteField.substring(CLUSTER.length()))
                    .orElse(origin);
        }
        return origin + "." + siteField;
    }

    /** {@code spec.clusters[i]} of an origin below it. */
    static Optional<String> clusterOf(String origin) {
        String prefix = "spec.clusters[";
        if (!origin.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = origin.indexOf(']', prefix.length());
        return end < 0 ? Optional.empty() : Optional.of(origin.substring(0, end + 1));
    }

    private static boolean covers(String rowPath, String path) {
        return path.equals(rowPath) || path.startsWith(rowPath + ".") || path.startsWith(rowPath + "[");
    }
}
