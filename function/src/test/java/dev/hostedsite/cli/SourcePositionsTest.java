package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.cli.SourcePositions.Position;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcePositionsTest {
    static final String TEXT = """
            # comment
            ---
            ---
            a: 1
            ---
            kind: X
            spec:
              list:
                - name: first
                  mac: "52:54:00:10:00:00"
                - {name: second, port: 80}
              "odd.key/x": v
            """;

    @Test
    void indexesEveryFieldOfEveryDocument() throws IOException {
        List<SourcePositions> docs = SourcePositions.scan(TEXT);
        assertEquals(Yaml.readAll(TEXT).stream().filter(n -> n.isObject()).count(), docs.size(),
                "the object documents Yaml.readAll returns");
        SourcePositions d = docs.get(1);
        assertEquals(new Position(6, 1), d.find("").key());
        assertEquals(new Position(7, 1), d.find("spec").key());
        assertEquals(new Position(9, 7), d.find("spec.list[0]").key());
        assertEquals(new Position(10, 7), d.find("spec.list[0].mac").key());
        assertEquals(new Position(10, 12), d.find("spec.list[0].mac").value());
        assertEquals(new Position(11, 22), d.find("spec.list[1].port").key());
        assertEquals(new Position(11, 28), d.find("spec.list[1].port").value());
        assertEquals(new Position(12, 3), d.find("spec.odd.key/x").key());
        assertEquals(new Position(4, 1), docs.get(0).find("a").key());
    }

    @Test
    void missingFieldsFallBackToTheirNearestAncestor() throws IOException {
        SourcePositions d = SourcePositions.scan(TEXT).get(1);
        assertEquals(d.find("spec.list[1]"), d.find("spec.list[1].bmc.credentials"));
        assertEquals(d.find("spec"), d.find("spec.missing[3].x"));
        assertEquals(d.find(""), d.find("status"));
    }
}
