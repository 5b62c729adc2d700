package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a render into a directory with the kpt package's layout: {@code generated/...} (one deployable
 * object per file, at {@link Layout#pathOf}) and {@code artifacts/<site>/<file>} (the local-config artifacts
 * as plain files). Everything is staged in a hidden folder inside the target first; only then are the old
 * {@code generated/} and {@code artifacts/} swapped for the new ones, so an error leaves the directory as it was.
 * Other files of the directory are left alone.
 */
final class OutputDirectory {
    static final String GENERATED = "generated";
    static final String ARTIFACTS = "artifacts";

    private OutputDirectory() {}

    /** Relative path → file content, in a stable order. */
    static Map<String, String> files(List<Manifest> generated) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Manifest m : generated) {
            if (m.localConfig()) {
                Iterator<Map.Entry<String, JsonNode>> data = m.body().path("data").fields();
                while (data.hasNext()) {
                    Map.Entry<String, JsonNode> f = data.next();
                    files.put(ARTIFACTS + "/" + m.dir() + "/" + f.getKey(), f.getValue().asText());
                }
            } else {
                ObjectNode clean = Layout.withoutToolAnnotations(m.body());
                files.put(Layout.pathOf(m), Yaml.write(clean));
            }
        }
        return files;
    }

    static void write(Path outputDir, Map<String, String> files) throws IOException {
        // absolute and normalized first: the containment check below compares normalized paths, and a target
        // such as "." or "site/." would otherwise refuse every file (render . -o .)
        Path target = outputDir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".hostedsite-render-");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = staging.resolve(f.getKey()).normalize();
                if (!p.startsWith(staging)) {
                    throw new IOException("refusing to write outside the output directory: " + f.getKey());
                }
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(staging.resolve(GENERATED));
            Files.createDirectories(staging.resolve(ARTIFACTS));
            for (String dir : List.of(GENERATED, ARTIFACTS)) {
                Path current = target.resolve(dir);
                if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(current.toString(), null,
                            "is a file, where the render keeps a folder of its own");
                }
            }
            swap(target, staging);
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves the old folders aside and the new ones in; puts the old ones back if a move fails. */
    private static void swap(Path target, Path staging) throws IOException {
        List<String[]> done = new ArrayList<>();
        try {
            for (String dir : List.of(GENERATED, ARTIFACTS)) {
                Path current = target.resolve(dir);
                Path aside = staging.resolve("old-" + dir);
                boolean existed = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
                if (existed) {
                    Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                done.add(new String[] {dir, existed ? "old" : ""});
                Files.move(staging.resolve(dir), current, StandardCopyOption.ATOMIC_MOVE);
                done.get(done.size() - 1)[1] += "+new";
            }
        } catch (IOException e) {
            for (String[] d : done) {
                Path current = target.resolve(d[0]);
                if (d[1].endsWith("+new")) {
                    Files.move(current, staging.resolve(d[0]), StandardCopyOption.ATOMIC_MOVE);
                }
                if (d[1].startsWith("old")) {
                    Files.move(staging.resolve("old-" + d[0]), current, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
