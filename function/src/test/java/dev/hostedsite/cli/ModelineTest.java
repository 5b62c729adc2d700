package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.input.SchemaValidator;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example HostedSite file starts with a yaml-language-server modeline that resolves to the bundled schema. */
class ModelineTest {
    static final String PREFIX = "# yaml-language-server: $schema=";

    /**
     * Sites in a package point at the package's own copy of the schema ({@code .schema/}, a hidden folder that
     * neither kpt nor the directory render reads as a resource), so the modeline survives copying the package;
     * the CLI fixtures point into the source tree. {@code -Dfixtures.update=true} refreshes the copies.
     */
    @Test
    void exampleSitesPointEditorsAtTheSchema() throws IOException {
        Path schema = Repo.root().resolve("function/src/main/resources").resolve(SchemaValidator.SCHEMA_RESOURCE).normalize();
        String bundled = Files.readString(schema);
        Path packages = Repo.root().resolve("packages");
        List<Path> sites = new ArrayList<>();
        for (Path dir : List.of(packages, Repo.fixtures().resolve("cli"))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".yaml")).filter(ModelineTest::isSite).sorted().forEach(sites::add);
            }
        }
        assertTrue(sites.size() >= 4, "example sites found: " + sites);
        List<String> problems = new ArrayList<>();
        for (Path f : sites) {
            String first = Files.readAllLines(f).get(0);
            if (!first.startsWith(PREFIX)) {
                problems.add(f + ": first line is not a modeline");
                continue;
            }
            Path target = f.getParent().resolve(first.substring(PREFIX.length()).trim()).normalize();
            if (f.startsWith(packages)) {
                Path pkg = packages.resolve(packages.relativize(f).getName(0));
                if (!target.equals(f.getParent().resolve(".schema/hostedsite-v1alpha1.json"))) {
                    problems.add(f + ": modeline points at " + target + ", not at the package's .schema/ copy");
                    continue;
                }
                if (Boolean.getBoolean("fixtures.update")) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, bundled);
                }
                if (!target.startsWith(pkg) || !Files.isRegularFile(target) || !Files.readString(target).equals(bundled)) {
                    problems.add(f + ": " + target + " is missing or differs from the bundled schema"
                            + " (run the tests with -Dfixtures.update=true)");
                }
            } else if (!target.equals(schema) || !Files.isRegularFile(target)) {
                problems.add(f + ": modeline points at " + target);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean isSite(Path p) {
        try {
            return Files.readString(p).contains("\nkind: HostedSite\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
