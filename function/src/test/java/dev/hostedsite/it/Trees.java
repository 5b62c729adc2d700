package dev.hostedsite.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Byte-exact snapshots and copies of directory trees. */
final class Trees {
    private Trees() {}

    /** Every regular file below {@code root}: relative path ('/'-separated) to its bytes. */
    static SortedMap<String, byte[]> snapshot(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** Null when both snapshots hold the same files with the same bytes, else what differs. */
    static String difference(Map<String, byte[]> before, Map<String, byte[]> after) {
        StringBuilder b = new StringBuilder();
        for (String f : before.keySet()) {
            if (!after.containsKey(f)) {
                b.append("removed ").append(f).append('\n');
            } else if (!Arrays.equals(before.get(f), after.get(f))) {
                b.append("changed ").append(f).append('\n');
            }
        }
        for (String f : after.keySet()) {
            if (!before.containsKey(f)) {
                b.append("added ").append(f).append('\n');
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static List<String> under(Map<String, byte[]> snapshot, String prefix) {
        return snapshot.keySet().stream().filter(f -> f.startsWith(prefix)).toList();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
