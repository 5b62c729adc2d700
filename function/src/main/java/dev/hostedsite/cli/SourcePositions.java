package dev.hostedsite.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Line and column of every field of a YAML document, from the parser's token locations. Keys are field paths
 * as diagnostics write them ({@code spec.clusters[0].hosts[2].bootMACAddress}); the root object is {@code ""}.
 * Lookups fall back to the nearest ancestor that exists (a missing required field points at its parent).
 */
public final class SourcePositions {
    /** 1-based line and column. */
    public record Position(int line, int column) {}

    /** Where a field's key is (an array element: where the element starts), and where its value starts. */
    public record Entry(Position key, Position value, boolean scalar) {}

    private final Map<String, Entry> byPath;

    private SourcePositions(Map<String, Entry> byPath) {
        this.byPath = byPath;
    }

    /**
     * Scans the object (and list) documents of a YAML stream; scalar and empty documents are skipped. When every
     * document {@code Yaml.readAll} returns is an object (what the CLI requires), index i is its i-th document.
     */
    public static List<SourcePositions> scan(String text) throws IOException {
        List<SourcePositions> docs = new ArrayList<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Deque<Frame> stack = new ArrayDeque<>();
            Map<String, Entry> doc = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonLocation loc = p.currentTokenLocation();
                Position here = new Position(loc.getLineNr(), loc.getColumnNr());
                if (stack.isEmpty()) {
                    if (t.isStructStart()) {
                        doc = new HashMap<>();
                        docs.add(new SourcePositions(doc));
                        doc.put("", new Entry(here, here, false));
                        stack.push(new Frame("", t == JsonToken.START_ARRAY));
                    }
                    continue;
                }
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.key = p.currentName();
                    top.keyAt = here;
                    continue;
                }
                if (t.isStructEnd()) {
                    stack.pop();
                    continue;
                }
                String path;
                Position keyAt;
                if (top.array) {
                    path = top.path + "[" + top.next++ + "]";
                    keyAt = here;
                } else {
                    path = top.path.isEmpty() ? top.key : top.path + "." + top.key;
                    keyAt = top.keyAt;
                }
                doc.putIfAbsent(path, new Entry(keyAt, here, !t.isStructStart()));
                if (t.isStructStart()) {
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                }
            }
        }
        return docs;
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int next;
        String key;
        Position keyAt;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    /** The entry of the path, or of its nearest existing ancestor, or of the document. */
    public Entry find(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Entry e = byPath.get(p);
            if (e != null) {
                return e;
            }
            if (p.isEmpty()) {
                return null;
            }
            p = parent(p);
        }
    }

    public Optional<Entry> exact(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.endsWith("]") ? path.lastIndexOf('[') : -1;
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
