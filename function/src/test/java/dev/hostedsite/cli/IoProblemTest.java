package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every I/O error the CLI prints says what is wrong, where, and what to do; never the bare path the JDK gives. */
class IoProblemTest {

    @Test
    void eachKindOfFileSystemErrorNamesTheFileAndWhatToDo() {
        String exists = IoProblem.describe(new FileAlreadyExistsException("/tmp/afile"));
        assertEquals("/tmp/afile: exists already, and is not a directory: a directory was needed there; give a"
                + " directory, or a path that does not exist yet", exists);
        assertTrue(IoProblem.describe(new NoSuchFileException("/x/y")).startsWith("/x/y: no such file or directory: check"));
        assertTrue(IoProblem.describe(new AccessDeniedException("/root/z")).startsWith("/root/z: permission denied: give"));
        assertTrue(IoProblem.describe(new IOException("disk on fire")).startsWith("disk on fire: check"));
        assertTrue(IoProblem.describe(new IOException()).startsWith("IOException: check"));
    }

    @Test
    void renderIntoAFileSaysSoAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "keep\n");
        Run r = Run.of(new byte[0], "render", Repo.fixtures().resolve("cli/lab/input").toString(), "-o", file.toString());
        assertEquals(Main.INPUT_ERROR, r.exit());
        assertTrue(r.stderr().contains("-o " + file + ": this is a file, not a directory"), r.stderr());
        assertEquals("keep\n", Files.readString(file));
    }

    @Test
    void aGeneratedFileInTheOutputDirectoryIsNamedWithWhatToDo(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("generated"), "not a folder\n");
        Run r = Run.of(new byte[0], "render", Repo.fixtures().resolve("cli/lab/input").toString(), "-o", tmp.toString());
        assertEquals(Main.INPUT_ERROR, r.exit());
        assertTrue(r.stderr().contains("the render could not be written, and nothing in it changed: " + tmp.resolve("generated")
                + ": is a file, where the render keeps a folder of its own"), r.stderr());
        assertEquals("not a folder\n", Files.readString(tmp.resolve("generated")));
    }
}
