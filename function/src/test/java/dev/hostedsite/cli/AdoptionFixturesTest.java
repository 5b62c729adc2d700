package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.AdoptionCheck;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The adoption fixtures, {@code fixtures/import/<case>/}: a hub export ({@code export/}, made by
 * {@code tools/make-import-fixtures.py}) goes through LiveExport → Adoption → render → AdoptionCheck, as
 * {@code hostedsite import -o} runs it. Per case:
 * <ul>
 *   <li>the folder the import writes equals {@code expected/} byte for byte ({@code -Dfixtures.update=true} rewrites it);</li>
 *   <li>the first sync changes nothing a controller reads, except the differences {@code GAPS} lists, each a named gap
 *       of the import's core or of the contract: the list can only shrink (a difference that is gone fails the test
 *       until its line is removed, one that is new fails it too);</li>
 *   <li>the round trip holds: importing the imported site's own render gives back a site that renders the same
 *       deployable stream;</li>
 *   <li>no Secret value of the export (base64 or decoded, or a registry credential inside a pull secret) reaches the
 *       folder, stdout or stderr.</li>
 * </ul>
 */
class AdoptionFixturesTest {
    static final boolean UPDATE = Boolean.getBoolean("fixtures.update");
    static final Path ROOT = Repo.fixtures().resolve("import");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(p -> Files.isDirectory(p.resolve("export"))).sorted().toList();
        }
        assertTrue(cases.size() >= 2, "expected doc-shaped and hcp-render under " + ROOT + ", found " + cases);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            String name = c.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name + ": golden folder", () -> golden(c)));
            tests.add(DynamicTest.dynamicTest(name + ": no change but the named gaps", () -> gaps(c)));
            tests.add(DynamicTest.dynamicTest(name + ": round trip", () -> roundTrip(c)));
            tests.add(DynamicTest.dynamicTest(name + ": no secret value written or printed", () -> noSecret(c)));
        }
        return tests.stream();
    }

    static String shown(Path c) {
        return "fixtures/import/" + c.getFileName() + "/export";
    }

    static ImportCommand.Imported imported(Path c) throws IOException {
        ImportCommand.Imported i = ImportCommand.importPath(c.resolve("export"), shown(c), null);
        assertEquals(List.of(), i.errors(), c + ": the import failed");
        return i;
    }

    private static void golden(Path c) throws IOException {
        ImportCommand.Imported i = imported(c);
        Map<String, String> files = ImportCommand.files(i.adopted().site(), i.kept(), i.report(), shown(c));
        Path expected = c.resolve("expected");
        if (UPDATE) {
            if (Files.isDirectory(expected)) {
                try (Stream<Path> walk = Files.walk(expected)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            ImportCommand.write(expected, files);
        }
        Map<String, String> stored = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(expected)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                stored.put(expected.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertEquals(stored.keySet(), files.keySet(), c + ": the files of the imported folder");
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertEquals(stored.get(f.getKey()), f.getValue(), c + ": " + f.getKey() + " differs (-Dfixtures.update=true rewrites it)");
        }
        assertEquals(files, ImportCommand.files(imported(c).adopted().site(), imported(c).kept(), imported(c).report(), shown(c)),
                "a second import wrote something else");
    }

    /** {@code Kind namespace/name path} of each difference; {@code path} is {@code (object)} for a whole object. */
    static TreeSet<String> differences(AdoptionCheck.Result r) {
        TreeSet<String> out = new TreeSet<>();
        for (AdoptionCheck.Difference d : r.differences()) {
            out.add(d.key().kind() + " " + (d.key().namespace() == null ? "" : d.key().namespace() + "/") + d.key().name() + " "
                    + (d.path().isEmpty() ? "(object)" : d.path()));
        }
        return out;
    }

    private static void gaps(Path c) throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        Path gaps = c.resolve("GAPS");
        if (Files.exists(gaps)) {
            for (String line : Files.readAllLines(gaps)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    assertTrue(line.contains(" — "), gaps + ": each line is 'Kind namespace/name path — the gap': " + line);
                    listed.add(line.substring(0, line.indexOf(" — ")).strip());
                }
            }
        }
        TreeSet<String> found = differences(imported(c).check());
        assertEquals(listed, found, c + ": the first sync must change nothing a controller reads; the differences left are"
                + " listed in GAPS, each with the gap that causes it (remove a line once its gap is closed)");
    }

    private static void roundTrip(Path c) throws IOException {
        ImportCommand.Imported first = imported(c);
        List<ObjectNode> rendered = first.render().deployable();
        Path tmp = Files.createTempDirectory("adopt-roundtrip");
        try {
            Files.writeString(tmp.resolve("render.yaml"), Main.stream(rendered), StandardCharsets.UTF_8);
            ImportCommand.Imported second = ImportCommand.importPath(tmp.resolve("render.yaml"), "render.yaml",
                    first.adopted().site().path("metadata").path("name").asText());
            assertEquals(List.of(), second.errors());
            assertTrue(second.check().clean(), "importing the imported site's render changes: " + second.check().differences());
            assertEquals(Main.stream(rendered), Main.stream(second.render().deployable()),
                    "render(import(render(site))) differs from render(site)");
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every Secret value of the export, as written (base64) and decoded, and each registry credential inside it. */
    static TreeSet<String> secretValues(Path export) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(export)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            for (JsonNode doc : Yaml.readAll(Files.readString(f))) {
                List<JsonNode> objects = new ArrayList<>();
                if (doc.path("items").isArray()) {
                    doc.path("items").forEach(objects::add);
                } else {
                    objects.add(doc);
                }
                for (JsonNode o : objects) {
                    if (!o.path("kind").asText().equals("Secret")) {
                        continue;
                    }
                    o.path("data").fields().forEachRemaining(e -> {
                        String decoded = new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8);
                        // an ssh public key is not secret (README: sshAuthorizedKey); the import writes it on purpose
                        if (e.getKey().equals("id_rsa.pub")) {
                            return;
                        }
                        out.add(e.getValue().asText());
                        out.add(decoded);
                        if (e.getKey().equals(".dockerconfigjson")) {
                            try {
                                Yaml.readAll(decoded).get(0).path("auths").forEach(a -> {
                                    out.add(a.path("auth").asText());
                                    out.add(new String(Base64.getDecoder().decode(a.path("auth").asText()), StandardCharsets.UTF_8));
                                });
                            } catch (IOException ex) {
                                throw new IllegalStateException(ex);
                            }
                        }
                    });
                    o.path("stringData").fields().forEachRemaining(e -> out.add(e.getValue().asText()));
                }
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static void noSecret(Path c) throws IOException {
        TreeSet<String> secrets = secretValues(c.resolve("export"));
        assertTrue(secrets.size() >= 6, c + ": the export's Secrets were read: " + secrets.size());
        Path out = Files.createTempDirectory("adopt-secrets");
        try {
            Path dir = out.resolve("site");
            Run toDir = Run.of(new byte[0], "import", c.resolve("export").toString(), "-o", dir.toString());
            Run toStdout = Run.of(new byte[0], "import", c.resolve("export").toString());
            assertEquals(0, toDir.exit(), toDir.stderr());
            assertEquals(0, toStdout.exit(), toStdout.stderr());
            List<String> written = new ArrayList<>(List.of(toDir.stdout(), toDir.stderr(), toStdout.stdout(), toStdout.stderr()));
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    written.add(Files.readString(p));
                }
            }
            assertTrue(written.size() >= 6, "the folder holds site.yaml, IMPORT.md and kept objects");
            for (String text : written) {
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), c + ": a Secret value of the export was written or printed");
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
