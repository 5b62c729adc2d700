package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hostedsite import -o DIR}: what it writes, what it replaces, what it refuses; the imported folder renders. */
class ImportCommandTest {
    static final Path EXPORT = Repo.fixtures().resolve("import/doc-shaped/export");

    @Test
    void anEarlierImportIsReplacedAndAnyOtherFolderRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("site");
        Run first = Run.of(new byte[0], "import", EXPORT.toString(), "-o", dir.toString());
        assertEquals(0, first.exit(), first.stderr());
        assertTrue(Files.readString(dir.resolve("IMPORT.md")).startsWith("# hostedsite import"));
        assertTrue(Files.isRegularFile(dir.resolve("site.yaml")));
        Path stale = dir.resolve("kept/cluster/stale_object.yaml");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "kind: Stale\n");
        Path mine = dir.resolve("README.md");
        Files.writeString(mine, "notes\n");
        Run again = Run.of(new byte[0], "import", EXPORT.toString(), "-o", dir.toString());
        assertEquals(0, again.exit(), again.stderr());
        assertFalse(Files.exists(stale), "kept/ is replaced as a whole");
        assertTrue(Files.exists(mine), "other files of the folder are left alone");

        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("site.yaml"), "mine\n");
        Run refused = Run.of(new byte[0], "import", EXPORT.toString(), "-o", foreign.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.stderr().contains("holds no earlier import"), refused.stderr());
        try (Stream<Path> files = Files.list(foreign)) {
            assertEquals(List.of(foreign.resolve("site.yaml")), files.toList(), "nothing written");
        }
        assertEquals("mine\n", Files.readString(foreign.resolve("site.yaml")));
    }

    @Test
    void theImportedFolderRendersAndStdoutHoldsTheSite(@TempDir Path tmp) {
        Path dir = tmp.resolve("site");
        assertEquals(0, Run.of(new byte[0], "import", EXPORT.toString(), "-o", dir.toString()).exit());
        Run fromDir = Run.of(new byte[0], "render", dir.toString());
        assertEquals(0, fromDir.exit(), fromDir.stderr());
        Run stream = Run.of(new byte[0], "import", EXPORT.toString());
        assertEquals(0, stream.exit(), stream.stderr());
        assertTrue(stream.stderr().startsWith("# hostedsite import: "), "the report on stderr");
        assertTrue(stream.stdout().contains("kind: HostedSite"), "the site on stdout");
        assertFalse(stream.stdout().contains("# hostedsite import"), "the report is not on stdout");
    }

    @Test
    void strictFailsOnlyWhenTheFirstSyncChangesSomething(@TempDir Path tmp) throws IOException {
        Path hcp = Repo.fixtures().resolve("import/hcp-render/export");
        Run clean = Run.of(new byte[0], "import", hcp.toString(), "--strict");
        assertEquals(0, clean.exit(), clean.stderr());
        // the same export with a NodePool detach timeout that is not the API's default: the apply would remove it
        Path changed = Files.createDirectories(tmp.resolve("export"));
        try (Stream<Path> files = Files.list(hcp)) {
            for (Path f : files.toList()) {
                Files.writeString(changed.resolve(f.getFileName().toString()), Files.readString(f)
                        .replace("nodeVolumeDetachTimeout\":\"0s\"", "nodeVolumeDetachTimeout\":\"5m\"")
                        .replace("nodeVolumeDetachTimeout: 0s", "nodeVolumeDetachTimeout: 5m"));
            }
        }
        Run strict = Run.of(new byte[0], "import", changed.toString(), "--strict");
        assertEquals(1, strict.exit(), strict.stderr());
        assertTrue(strict.stderr().contains("--strict: the first sync of the imported site would change"), strict.stderr());
        assertFalse(strict.stderr().contains("\tat "), "no stack trace");
    }
}
