package dev.hostedsite.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.krm.Input;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a file, or every YAML/JSON file below a directory (sorted, hidden folders skipped), into items
 * annotated with their file path and index, as kpt would hand them to the function. {@link #load} also
 * records where every field is in its file.
 */
public final class DirectorySource {
    private DirectorySource() {}

    /** Thrown with a message for the user (which file, where). */
    public static final class BadFile extends Exception {
        private final String file;
        private final int line;
        private final int column;
        private final String what;

        public BadFile(String message) {
            this(null, 0, 0, message);
        }

        BadFile(String file, int line, int column, String what) {
            super((file == null ? "" : file + ": ") + (line > 0 ? "line " + line + ", column " + column + ": " : "") + what);
            this.file = file;
            this.line = line;
            this.column = column;
            this.what = what;
        }

        /** {@code file:line:col: error: what} when the parser gave a position, else {@code error: file: what}. */
        public String compilerStyle(String displayFile) {
            if (file != null && line > 0) {
                return displayFile + ":" + line + ":" + column + ": error: " + what;
            }
            return file == null ? "error: " + what : displayFile + ": error: " + what;
        }

        public String file() {
            return file;
        }
    }

    /** The items of a file or directory, and the text of each file by relative path (for positions on demand). */
    /** {@code texts}: each file's text by relative path, from which positions are scanned when first asked for. */
    /**
     * {@code elsewhere}: the keys of {@code texts} that are files read from another root (a previous render's
     * folder), keyed by the path a user opens them at ({@link #display} returns them unchanged).
     */
    public record Sources(Path root, boolean directory, List<ObjectNode> items, Map<String, String> texts,
                          Map<String, List<SourcePositions>> scanned, Set<String> elsewhere) {
        /**
         * The positions of a file's documents, or null for a file not read here. Scanned on first use: only a
         * diagnostic needs them, so a clean render (the Argo CD plugin's every refresh) parses each file once.
         */
        public List<SourcePositions> positions(String rel) {
            String text = texts.get(rel);
            if (text == null) {
                return null;
            }
            return scanned.computeIfAbsent(rel, r -> {
                try {
                    return SourcePositions.scan(text);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot re-scan " + r + ", which parsed before", e);
                }
            });
        }

        /**
         * These items (copies) and files as the previous render of another input: each item's path annotations, and
         * its file's key, become the path a user opens it at ({@code OUT/generated/hub/x.yaml}, not the
         * {@code hub/x.yaml} it has below this root), so a diagnostic about it names a file that exists.
         *
         * @param keep the items to keep (the previous render's objects among them)
         */
        public Sources asElsewhere(List<ObjectNode> keep) {
            Map<String, String> shown = new LinkedHashMap<>();
            texts.forEach((rel, text) -> shown.put(display(rel), text));
            List<ObjectNode> moved = new ArrayList<>();
            for (ObjectNode item : keep) {
                ObjectNode copy = item.deepCopy();
                JsonNode a = copy.path("metadata").path("annotations");
                if (a instanceof ObjectNode annotations && annotations.has(Layout.PATH)) {
                    String rel = annotations.path(Layout.INTERNAL_PATH).asText(annotations.path(Layout.PATH).asText());
                    annotations.put(Layout.PATH, display(rel)).put(Layout.INTERNAL_PATH, display(rel));
                }
                moved.add(copy);
            }
            return new Sources(root, directory, List.copyOf(moved), shown, new HashMap<>(), Set.copyOf(shown.keySet()));
        }

        /** This input's items, with the files of {@code other} ({@link #asElsewhere}) added for positions. */
        public Sources plusFiles(Sources other) {
            Map<String, String> all = new LinkedHashMap<>(texts);
            all.putAll(other.texts());
            Set<String> foreign = new java.util.TreeSet<>(elsewhere);
            foreign.addAll(other.elsewhere());
            return new Sources(root, directory, items, all, new HashMap<>(), foreign);
        }

        /** The path a user can open: the argument for a file, the argument joined with the relative path for a directory. */
        public String display(String rel) {
            if (rel == null) {
                return root.toString();
            }
            if (elsewhere.contains(rel)) {
                return rel;
            }
            return directory ? root.resolve(rel).normalize().toString() : root.toString();
        }
    }

    public static List<ObjectNode> read(Path root) throws BadFile, IOException {
        return load(root).items();
    }

    public static Sources load(Path root) throws BadFile, IOException {
        List<Path> files = new ArrayList<>();
        boolean directory = Files.isDirectory(root);
        if (Files.isRegularFile(root)) {
            files.add(root);
        } else if (directory) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !hidden(root.relativize(p)))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                        .sorted()
                        .forEach(files::add);
            }
        } else {
            throw new BadFile(root + ": no such file or directory: check the path (a YAML/JSON file, or a folder of them)");
        }
        List<ObjectNode> items = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path f : files) {
            String rel = directory ? root.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
            List<JsonNode> docs;
            try {
                String text = Input.utf8(Files.readAllBytes(f));
                docs = Yaml.readAll(text);
                texts.put(rel, text);
            } catch (Input.Unreadable e) {
                throw new BadFile(rel, 0, 0, e.getMessage());
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                String what = Input.describe(e).replaceFirst("^line \\d+, column \\d+: ", "");
                throw loc != null && loc.getLineNr() > 0
                        ? new BadFile(rel, loc.getLineNr(), loc.getColumnNr(), what)
                        : new BadFile(rel, 0, 0, what);
            } catch (IOException e) {
                throw new BadFile(rel, 0, 0, Input.describe(e));
            }
            for (int i = 0; i < docs.size(); i++) {
                JsonNode doc = docs.get(i);
                if (!doc.isObject()) {
                    throw new BadFile(rel, 0, 0, "document " + i + " is not an object");
                }
                ObjectNode item = (ObjectNode) doc;
                ObjectNode meta = item.has("metadata") && item.get("metadata").isObject()
                        ? (ObjectNode) item.get("metadata") : item.putObject("metadata");
                ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
                        ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
                annotations.put(Layout.PATH, rel).put(Layout.INDEX, Integer.toString(i))
                        .put(Layout.INTERNAL_PATH, rel).put(Layout.INTERNAL_INDEX, Integer.toString(i));
                items.add(item);
            }
        }
        return new Sources(root, directory, items, texts, new HashMap<>(), Set.of());
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
