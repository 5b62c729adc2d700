package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.krm.Input;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a file, or every YAML/JSON file below a directory (sorted, hidden folders skipped), into items
 * annotated with their file path and index, as kpt would hand them to the function.
 */
public final class DirectorySource {
    private DirectorySource() {}

    /** Thrown with a message for the user (which file, where). */
    public static final class BadFile extends Exception {
        public BadFile(String message) {
            super(message);
        }
    }

    public static List<ObjectNode> read(Path root) throws BadFile, IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            files.add(root);
        } else if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !hidden(root.relativize(p)))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                        .sorted()
                        .forEach(files::add);
            }
        } else {
            throw new BadFile(root + ": no such file or directory");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (Path f : files) {
            String rel = Files.isDirectory(root) ? root.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
            List<JsonNode> docs;
            try {
                docs = Yaml.readAll(Input.utf8(Files.readAllBytes(f)));
            } catch (Input.Unreadable e) {
                throw new BadFile(rel + ": " + e.getMessage());
            } catch (IOException e) {
                throw new BadFile(rel + ": " + Input.describe(e));
            }
            for (int i = 0; i < docs.size(); i++) {
                JsonNode doc = docs.get(i);
                if (!doc.isObject()) {
                    throw new BadFile(rel + ": document " + i + " is not an object");
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
        return items;
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
