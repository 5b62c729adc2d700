package dev.hostedsite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository checkout the tests run in (Maven passes it as {@code hostedsite.repo}), and its fixtures:
 * {@code fixtures/<feature>/[<topic>/]<case>/} (fixtures/README.md), every case name unique in the tree.
 */
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

    /**
     * The case folder named {@code name}, wherever its feature group puts it (e.g. {@code "example-lab"} is
     * {@code fixtures/render/example-lab}). Throws when no folder or more than one has that name.
     */
    public static Path fixture(String name) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(fixtures())) {
            found = walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("fixture '" + name + "': " + found.size() + " folders of that name under " + fixtures());
        }
        return found.get(0);
    }

    /** Every render case: a folder anywhere under fixtures/ holding an {@code input.yaml}, sorted by path. */
    public static List<Path> renderCases() throws IOException {
        return fixtureCases("").stream().filter(d -> Files.isRegularFile(d.resolve("input.yaml"))).toList();
    }

    /**
     * The case folders anywhere under fixtures/ (those holding an {@code input.yaml}, or the {@code before.yaml}
     * of a day-2 case) whose name starts with {@code prefix} ("" for all), sorted by path.
     */
    public static List<Path> fixtureCases(String prefix) throws IOException {
        try (Stream<Path> dirs = Files.walk(fixtures())) {
            return dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith(prefix))
                    .filter(d -> Files.isRegularFile(d.resolve("input.yaml")) || Files.isRegularFile(d.resolve("before.yaml")))
                    .sorted().toList();
        }
    }
}
