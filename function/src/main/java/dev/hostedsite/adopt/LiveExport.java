package dev.hostedsite.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Input;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads manifests as they come off a hub ({@code oc get … -o yaml}: a {@code kind: List} of v1 or a typed list such as
 * {@code HostedClusterList}, multi-document streams, single objects, also written by hand or by
 * {@code hcp create cluster agent --render}) into clean objects: what the user wrote, without what the API server
 * and the controllers wrote ({@link ServerOwned}). Every field, annotation, label and whole object it drops is
 * recorded, with why, as a server-owned ledger entry ({@link Dropped}). Server defaults are not dropped here (a
 * default can also be what the user wrote); {@link AdoptionCheck} compares with them applied on both sides.
 *
 * <p>The {@code kubectl.kubernetes.io/last-applied-configuration} annotation is dropped from the object but kept,
 * parsed, in {@link Result#lastApplied}: a client-side apply removes the fields it lists that the new render leaves
 * out, which is how a first sync can remove a field the hub's controllers read.
 */
public final class LiveExport {
    private LiveExport() {}

    /** One YAML document: the file (as the user named it), its first line (1-based) and its tree. */
    public record Document(String file, int line, JsonNode node) {}

    /**
     * What was dropped: the object, the dot path of the field (or {@code metadata.annotations.<key>}; {@code ""} for
     * the whole object) and why (the upstream writer).
     */
    public record Dropped(ObjectRef object, String manifestPath, String why) {}

    /**
     * The clean objects (in input order, each once), what was dropped, each object's last-applied configuration
     * (parsed; only for objects that had one), where each object was read ({@code file:line}, with
     * {@code items[i]} for a list item), the problems found (errors: the import must stop), and the sites named by
     * the {@code hostedsite.dev/owner} annotations this tool wrote (dropped from the objects; the site keeps the name).
     */
    public record Result(List<ObjectNode> objects, List<Dropped> dropped, Map<ObjectKey, ObjectNode> lastApplied,
                         Map<ObjectKey, String> where, List<Diagnostic> problems, java.util.Set<String> owners) {
        public boolean failed() {
            return problems.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * Reads a file, or every {@code .yaml}, {@code .yml} and {@code .json} file below a directory (sorted, hidden
     * folders skipped), then {@link #clean}s it. An unreadable file or bad YAML is an error at its file:line.
     */
    public static Result read(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            files.add(path);
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(p -> !hidden(path.relativize(p)))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)")).sorted().forEach(files::add);
            }
        } else {
            return failure(Diagnostic.error(null, null, path + ": no such file or directory. Give the file or folder"
                    + " the hub export was written to (oc get … -o yaml > FILE)."));
        }
        List<Document> docs = new ArrayList<>();
        for (Path f : files) {
            String shown = f.toString();
            String text;
            try {
                text = Input.utf8(Files.readAllBytes(f));
            } catch (Input.Unreadable e) {
                return failure(Diagnostic.error(null, null, shown + ": " + e.getMessage()));
            }
            try {
                docs.addAll(documents(shown, text));
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                return failure(Diagnostic.error(null, null, "not YAML: " + Input.describe(e)
                        .replaceFirst("^line \\d+, column \\d+: ", "") + ". Fix the file or export it again with oc get … -o yaml.")
                        .withFile(new SourceFile(shown, null, Math.max(line, 1), 1)));
            }
        }
        if (docs.isEmpty()) {
            return failure(Diagnostic.error(null, null, path + ": no YAML document found. Export the hub's objects with"
                    + " oc get … -o yaml into it."));
        }
        return clean(docs);
    }

    /** The documents of one file, each with the line it starts at. */
    static List<Document> documents(String file, String text) throws IOException {
        List<Document> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder chunk = new StringBuilder();
        int start = 1;
        for (int i = 0; i <= lines.length; i++) {
            boolean marker = i < lines.length && (lines[i].equals("---") || lines[i].startsWith("--- ")
                    || lines[i].equals("---\r"));
            if (i == lines.length || marker) {
                addChunk(file, chunk.toString(), start, out);
                chunk.setLength(0);
                start = i + 2;
            } else {
                chunk.append(lines[i]).append('\n');
            }
        }
        return out;
    }

    private static void addChunk(String file, String chunk, int start, List<Document> out) throws IOException {
        int first = start;
        for (String l : chunk.split("\n")) {
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                first++;
            } else {
                break;
            }
        }
        try {
            for (JsonNode doc : Yaml.readAll(chunk)) {
                out.add(new Document(file, first, doc));
            }
        } catch (JsonProcessingException e) {
            if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
                throw new JsonProcessingException(e.getOriginalMessage(), new com.fasterxml.jackson.core.JsonLocation(
                        null, -1, e.getLocation().getLineNr() + start - 1, e.getLocation().getColumnNr())) { };
            }
            throw e;
        }
    }

    /** The clean objects of parsed documents; pure. */
    public static Result clean(List<Document> docs) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        Map<ObjectKey, ObjectNode> objects = new LinkedHashMap<>();
        Map<ObjectKey, ObjectNode> lastApplied = new TreeMap<>();
        Map<ObjectKey, String> where = new TreeMap<>();
        List<ObjectNode> docsObjects = new ArrayList<>();
        for (Document d : docs) {
            for (Item item : items(d, problems)) {
                ObjectNode o = item.node();
                docsObjects.add(o);
                String at = d.file() + ":" + d.line() + (item.index() == null ? "" : " (items[" + item.index() + "])");
                ObjectRef ref = ObjectRef.of(o);
                if (ref.kind() == null || ref.name() == null || ref.apiVersion() == null) {
                    problems.add(Diagnostic.error(null, null, (item.index() == null ? "" : "items[" + item.index() + "]: ") + "an object without "
                            + (ref.apiVersion() == null ? "apiVersion" : ref.kind() == null ? "kind" : "metadata.name")
                            + ": not something oc get writes. Export it again with oc get KIND NAME -o yaml.")
                            .withFile(new SourceFile(d.file(), item.index(), d.line(), 1)));
                    continue;
                }
                Optional<String> whole = ServerOwned.madeByPlatform(o);
                if (whole.isPresent()) {
                    dropped.add(new Dropped(ref, "", whole.get()));
                    continue;
                }
                ObjectKey key = ObjectKey.of(o);
                List<Dropped> own = new ArrayList<>();
                ObjectNode applied = lastApplied(o, ref, d.file(), item.index(), d.line(), problems);
                ObjectNode clean = strip(o, ref, own);
                ObjectNode earlier = objects.get(key);
                if (earlier != null) {
                    if (!earlier.equals(clean)) {
                        problems.add(Diagnostic.error(ref, null, (item.index() == null ? "" : "items[" + item.index() + "]: ") + ref.display() + " is also at " + where.get(key)
                                + ", with other content: export each object once (or from one point in time).")
                                .withFile(new SourceFile(d.file(), item.index(), d.line(), 1)));
                    }
                    continue;
                }
                objects.put(key, clean);
                where.put(key, at);
                dropped.addAll(own);
                if (applied != null) {
                    lastApplied.put(key, applied);
                }
            }
        }
        java.util.Set<String> owners = new java.util.TreeSet<>();
        for (ObjectNode o : docsObjects) {
            for (String owner : o.path("metadata").path("annotations").path(dev.hostedsite.krm.ItemRole.OWNER).asText("").split(",")) {
                if (!owner.isBlank()) {
                    owners.add(owner.strip());
                }
            }
        }
        return new Result(List.copyOf(objects.values()), List.copyOf(dropped), lastApplied, where, List.copyOf(problems),
                java.util.Collections.unmodifiableSet(owners));
    }

    private record Item(ObjectNode node, Integer index) {}

    /** The objects of one document: itself, or the items of a list ({@code kind: List} or {@code <Kind>List}). */
    private static List<Item> items(Document d, List<Diagnostic> problems) {
        List<Item> out = new ArrayList<>();
        if (!(d.node() instanceof ObjectNode o)) {
            problems.add(Diagnostic.error(null, null, "a document that is not an object: export objects with oc get … -o yaml")
                    .withFile(new SourceFile(d.file(), null, d.line(), 1)));
            return out;
        }
        String kind = o.path("kind").asText("");
        if (kind.endsWith("List") && o.path("items").isArray()) {
            String apiVersion = o.path("apiVersion").asText("v1");
            String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
            ArrayNode items = (ArrayNode) o.get("items");
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof ObjectNode item)) {
                    problems.add(Diagnostic.error(null, null, "items[" + i + "] is not an object")
                            .withFile(new SourceFile(d.file(), i, d.line(), 1)));
                    continue;
                }
                ObjectNode copy = item.deepCopy();
                // a typed list from the API leaves out its items' apiVersion and kind
                if (itemKind != null && !copy.has("kind")) {
                    ObjectNode filled = Yaml.object().put("apiVersion", apiVersion).put("kind", itemKind);
                    filled.setAll(copy);
                    copy = filled;
                }
                out.add(new Item(copy, i));
            }
            return out;
        }
        out.add(new Item(o.deepCopy(), null));
        return out;
    }

    private static ObjectNode lastApplied(ObjectNode o, ObjectRef ref, String file, Integer index, int line,
                                          List<Diagnostic> problems) {
        JsonNode text = o.path("metadata").path("annotations").path(LAST_APPLIED);
        if (!text.isTextual()) {
            return null;
        }
        try {
            List<JsonNode> parsed = Yaml.readAll(text.asText());
            if (parsed.size() == 1 && parsed.get(0) instanceof ObjectNode applied) {
                return applied;
            }
        } catch (IOException e) {
            // reported below
        }
        problems.add(Diagnostic.warning(ref, "metadata.annotations." + LAST_APPLIED, "the last-applied"
                + " configuration does not parse as one JSON object, so what the first sync would remove cannot be told;"
                + " the import reads the object without it.").withFile(new SourceFile(file, index, line, 1)));
        return null;
    }

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** A clean copy of {@code o}; what it drops goes to {@code dropped}. */
    static ObjectNode strip(ObjectNode o, ObjectRef ref, List<Dropped> dropped) {
        ObjectNode out = o.deepCopy();
        String kind = ref.kind();
        for (ServerOwned.Row r : ServerOwned.METADATA) {
            if (r.appliesTo(kind)) {
                removePath(out, r.key(), ref, r.why() + " (" + r.source() + ")", dropped);
            }
        }
        for (ServerOwned.Row r : ServerOwned.SPEC_FIELDS) {
            if (r.appliesTo(kind)) {
                removePath(out, r.key(), ref, r.why() + " (" + r.source() + ")", dropped);
            }
        }
        ObjectNode meta = out.path("metadata") instanceof ObjectNode m ? m : null;
        if (meta != null) {
            removeKeys(meta, "annotations", ServerOwned.ANNOTATIONS, ref, dropped);
            removeKeys(meta, "labels", ServerOwned.LABELS, ref, dropped);
        }
        return out;
    }

    private static void removeKeys(ObjectNode meta, String field, List<ServerOwned.Row> rows, ObjectRef ref,
                                   List<Dropped> dropped) {
        if (!(meta.get(field) instanceof ObjectNode map)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            Optional<ServerOwned.Row> row = ServerOwned.key(rows, ref.kind(), k);
            if (row.isPresent()) {
                map.remove(k);
                dropped.add(new Dropped(ref, "metadata." + field + "." + k, row.get().why() + " (" + row.get().source() + ")"));
            }
        }
        if (map.isEmpty()) {
            meta.remove(field);
        }
    }

    private static void removePath(ObjectNode root, String path, ObjectRef ref, String why, List<Dropped> dropped) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = parent.get(parts[i]);
        }
        if (parent instanceof ObjectNode p && p.has(parts[parts.length - 1])) {
            p.remove(parts[parts.length - 1]);
            dropped.add(new Dropped(ref, path, why));
        }
    }

    private static boolean hidden(Path rel) {
        for (Iterator<Path> it = rel.iterator(); it.hasNext(); ) {
            if (it.next().toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Result failure(Diagnostic d) {
        return new Result(List.of(), List.of(), Map.of(), Map.of(), List.of(d), java.util.Set.of());
    }
}
