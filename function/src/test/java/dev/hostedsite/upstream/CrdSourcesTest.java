package dev.hostedsite.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Upstreams.Crd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remaking a committed CRD source from a clone: the pinned commit's file, its blob id checked, descriptions removed. */
class CrdSourcesTest {
    static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: example.com
              versions:
              - name: v1
                schema:
                  openAPIV3Schema:
                    description: Widget is an example.
                    properties:
                      spec:
                        description: |-
                          What the widget should be.
                        type: object
                    type: object
            """;

    @Test
    void aSourceIsThePinnedFileWithoutItsDescriptions(@TempDir Path dir) throws Exception {
        RevCommit pinned;
        String blob;
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.writeString(dir.resolve("widgets.yaml"), CRD);
            git.add().addFilepattern("widgets.yaml").call();
            pinned = git.commit().setMessage("pinned").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").setSign(false).call();
            blob = git.getRepository().resolve(pinned.name() + ":widgets.yaml").name();
            Files.writeString(dir.resolve("widgets.yaml"), CRD.replace("Widget is", "Widget was"));
            git.commit().setAll(true).setMessage("later").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").setSign(false).call();
        }
        Path gitDir = dir.resolve(".git");
        Crd crd = new Crd(new Upstream("example/widgets", pinned.name(), List.of()), "widgets.yaml", blob.substring(0, 8),
                List.of("example.com/widget-v1.json"));

        String source = CrdSources.fromGit(crd, gitDir);
        assertTrue(source.startsWith(CrdSources.header(crd, blob)), source);
        String yaml = source.substring(CrdSources.header(crd, blob).length());
        assertEquals(CRD.replace("        description: Widget is an example.\n", "")
                .replace("            description: |-\n              What the widget should be.\n", ""), yaml);
        assertEquals(CrdToSchema.convert(CRD, "s"), CrdToSchema.convert(yaml, "s"), "the same schemas from both");

        Crd wrongBlob = new Crd(crd.from(), crd.path(), "00000000", crd.schemas());
        assertTrue(assertThrows(IllegalStateException.class, () -> CrdSources.fromGit(wrongBlob, gitDir)).getMessage()
                .contains("the table says 00000000"));
        Crd missingCommit = new Crd(new Upstream("example/widgets", "0".repeat(40), List.of()), crd.path(), crd.blob(),
                crd.schemas());
        assertThrows(IllegalStateException.class, () -> CrdSources.fromGit(missingCommit, gitDir));
    }
}
