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

    @Test
    void exampleSitesPointEditorsAtTheSchema() throws IOException {
        Path schema = Repo.root().resolve("function/src/main/resources").resolve(SchemaValidator.SCHEMA_RESOURCE).normalize();
        List<Path> sites = new ArrayList<>();
        for (Path dir : List.of(Repo.root().resolve("packages"), Repo.fixtures().resolve("cli"))) {
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
            if (!target.equals(schema) || !Files.isRegularFile(target)) {
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
