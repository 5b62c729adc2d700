package dev.hostedsite.krm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTest {

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "n", "true", "null", "52:54:00:10:00:00", "1:20", "-5", "8080",
            "0x1F", "1e3", ".5"})
    void yaml11AmbiguousStringsAreQuotedAndReadBackAsStrings(String value) throws IOException {
        ObjectNode o = Yaml.object().put("v", value);
        String text = Yaml.write(o);
        assertTrue(text.startsWith("v: \"") || text.startsWith("v: '"), () -> "not quoted: " + text);
        assertEquals(value, Yaml.readAll(text).get(0).path("v").textValue());
    }

    @Test
    void plainStringsStayUnquotedAndMultiLineStringsUseLiteralBlocks() {
        ObjectNode o = Yaml.object().put("name", "hosted-worker0").put("ca", "line1\nline2\n");
        assertEquals("name: hosted-worker0\nca: |\n  line1\n  line2\n", Yaml.write(o));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThrows(IOException.class, () -> Yaml.readAll("a: 1\na: 2\n"));
    }

    @Test
    void aliasBombsAreRejected() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        IOException e = assertThrows(IOException.class, () -> Yaml.readAll(b.toString()));
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }

    @Test
    void aSingleAliasIsRejectedRatherThanReadAsItsName() {
        assertThrows(IOException.class, () -> Yaml.readAll("x: &m [a, b]\ny: *m\n"));
    }
}
