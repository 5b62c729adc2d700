package dev.hostedsite.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the tests run in (Maven passes it as {@code hostedsite.repo}). */
public final class Repo {
    private Repo() {}

    public static Path root() {
        String prop = System.getProperty("hostedsite.repo");
        Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }

    public static Path fixtures() {
        return root().resolve("fixtures");
    }

    /** The folders directly under fixtures/ whose name starts with {@code prefix} ("" for all), sorted. */
    public static java.util.List<Path> fixtureCases(String prefix) throws java.io.IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
