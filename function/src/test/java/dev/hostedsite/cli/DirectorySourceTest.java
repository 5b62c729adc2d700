package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.hostedsite.graph.Layout;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the directory mode (Argo CD's generate: {@code hostedsite render .}) reads a checked-out site directory. */
class DirectorySourceTest {
    private FileSystem fs;
    private Path site;

    @BeforeEach
    void setUp() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.unix());
        site = Files.createDirectories(fs.getPath("/repo/sites/lab"));
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    private static List<String> paths(List<ObjectNode> items) {
        List<String> out = new ArrayList<>();
        for (ObjectNode item : items) {
            JsonNode a = item.path("metadata").path("annotations");
            out.add(a.path(Layout.PATH).asText() + "#" + a.path(Layout.INDEX).asText() + " " + item.path("kind").asText());
        }
        return out;
    }

    @Test
    void readsEveryYamlAndJsonFileBelowTheDirectoryInPathOrderWithKptAnnotations() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "kind: HostedSite\nmetadata: {name: lab}\n");
        Files.writeString(site.resolve("Kptfile"), "apiVersion: kpt.dev/v1\nkind: Kptfile\n");
        Files.writeString(site.resolve("README.md"), "# not YAML: ignored\n");
        Files.createDirectories(site.resolve("generated/hub"));
        Files.writeString(site.resolve("generated/hub/a.yml"), "kind: A\n---\nkind: B\n");
        Files.writeString(site.resolve("extra.json"), "{\"kind\": \"C\"}");

        List<ObjectNode> items = DirectorySource.read(site);

        assertEquals(List.of("extra.json#0 C", "generated/hub/a.yml#0 A", "generated/hub/a.yml#1 B", "site.yaml#0 HostedSite"),
                paths(items));
        JsonNode annotations = items.get(2).path("metadata").path("annotations");
        assertEquals("generated/hub/a.yml", annotations.path(Layout.INTERNAL_PATH).asText());
        assertEquals("1", annotations.path(Layout.INTERNAL_INDEX).asText());
    }

    @Test
    void skipsHiddenDirectoriesSuchAsTheGitMetadata() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "kind: HostedSite\n");
        Files.createDirectories(site.resolve(".git/refs"));
        Files.writeString(site.resolve(".git/config.yaml"), "kind: NotASiteObject\n");
        Files.writeString(site.resolve(".hidden.yaml"), "kind: AlsoHidden\n");

        assertEquals(List.of("site.yaml#0 HostedSite"), paths(DirectorySource.read(site)));
    }

    @Test
    void aSingleFileIsReadUnderItsOwnName() throws Exception {
        Path file = site.resolve("site.yaml");
        Files.writeString(file, "kind: HostedSite\n");
        assertEquals(List.of("site.yaml#0 HostedSite"), paths(DirectorySource.read(file)));
    }

    @Test
    void badFilesAreNamedInTheError() throws Exception {
        Files.writeString(site.resolve("ok.yaml"), "kind: A\n");
        Files.writeString(site.resolve("broken.yaml"), "kind: [unclosed\n");
        DirectorySource.BadFile broken = assertThrows(DirectorySource.BadFile.class, () -> DirectorySource.read(site));
        assertTrue(broken.getMessage().startsWith("broken.yaml: line "), broken.getMessage());

        Files.delete(site.resolve("broken.yaml"));
        Files.writeString(site.resolve("list.yaml"), "- a\n- b\n");
        DirectorySource.BadFile notObject = assertThrows(DirectorySource.BadFile.class, () -> DirectorySource.read(site));
        assertEquals("list.yaml: document 0 is not an object", notObject.getMessage());

        DirectorySource.BadFile missing = assertThrows(DirectorySource.BadFile.class,
                () -> DirectorySource.read(fs.getPath("/repo/sites/nope")));
        assertTrue(missing.getMessage().contains("no such file or directory: check the path"), missing.getMessage());
    }
}
