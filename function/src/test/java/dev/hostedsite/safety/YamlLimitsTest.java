package dev.hostedsite.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.cli.Main;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One test per parser limit of {@link Yaml} (docs/security.md): just inside passes, just beyond is refused. */
class YamlLimitsTest {
    private static String configMapWith(String value) {
        return "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
                + "  metadata: {name: big}\n  data:\n    blob: " + value + "\n";
    }

    /** A size bomb, built deterministically: a ResourceList of about {@code total} characters in many short values. */
    static String ofSize(int total) {
        StringBuilder b = new StringBuilder("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
                + "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: big}\n  data:\n");
        for (int i = 0; b.length() < total - 64; i++) {
            b.append("    k").append(i).append(": ").append("v".repeat(40)).append('\n');
        }
        return b.toString();
    }

    @Test
    void documentSizeLimit() throws Exception {
        String inside = ofSize(Yaml.MAX_DOCUMENT_CODE_POINTS - 1024);
        assertEquals(1, Yaml.readAll(inside).size());
        String beyond = ofSize(Yaml.MAX_DOCUMENT_CODE_POINTS + 1024);
        Run run = Run.of(beyond);
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.stdout().contains("larger than " + Yaml.MAX_DOCUMENT_CODE_POINTS + " characters"), run.stdout());
    }

    @Test
    void stringLengthLimit() throws Exception {
        assertEquals(1, Yaml.readAll(configMapWith("x".repeat(Yaml.MAX_STRING_LENGTH - 16))).size());
        Run run = Run.of(configMapWith("x".repeat(Yaml.MAX_STRING_LENGTH + 16)));
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.stdout().contains("longer than " + Yaml.MAX_STRING_LENGTH + " characters"), run.stdout());
    }

    @Test
    void aliasesAreRefusedAnchorsAloneAreFine() throws Exception {
        assertEquals(1, Yaml.readAll("a: &x {b: 1}\nc: 2\n").size());
        IOException e = assertThrows(IOException.class, () -> Yaml.readAll("a: &x {b: 1}\nc: *x\n"));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        assertThrows(IOException.class, () -> Yaml.readAll(bomb.toString()));
    }

    private static String nested(int depth) {
        // the root mapping is one level, each list one more
        return "a: " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n";
    }

    @Test
    void nestingDepthLimit() throws Exception {
        assertEquals(1, Yaml.readAll(nested(Yaml.MAX_NESTING_DEPTH)).size());
        IOException e = assertThrows(IOException.class, () -> Yaml.readAll(nested(Yaml.MAX_NESTING_DEPTH + 1)));
        Run run = Run.of(configMapWith("[".repeat(200) + "]".repeat(200)));
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertTrue(run.stdout().contains("deeper than " + Yaml.MAX_NESTING_DEPTH + " levels"), run.stdout() + e);
    }

    @Test
    void duplicateKeysAreRefused() {
        IOException e = assertThrows(IOException.class, () -> Yaml.readAll("a: 1\nb: 2\na: 3\n"));
        assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
    }
}
