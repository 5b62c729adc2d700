package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render -o DIR} writes into DIR however DIR is spelt: {@code .}, {@code site/.}, {@code a/../b}. */
class OutputDirectoryTest {

    @Test
    void writesIntoATargetSpeltWithDotSegments(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("site"));
        Path spelt = tmp.resolve("site").resolve(".");
        OutputDirectory.write(spelt, Map.of("generated/namespaces/namespace_clusters.yaml", "kind: Namespace\n"));
        assertEquals("kind: Namespace\n",
                Files.readString(tmp.resolve("site/generated/namespaces/namespace_clusters.yaml")));

        Path viaParent = tmp.resolve("other").resolve("..").resolve("site");
        OutputDirectory.write(viaParent, Map.of("generated/a.yaml", "a\n"));
        assertEquals("a\n", Files.readString(tmp.resolve("site/generated/a.yaml")));
    }
}
