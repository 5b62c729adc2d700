package dev.hostedsite.kinds;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One pin per upstream repository: the schemas' provenance and the rules' citations name the same commit. */
class UpstreamsTest {

    @Test
    void everySchemaOfAPinnedRepositoryComesFromThePinnedCommit() throws IOException {
        List<String> rows = Files.readAllLines(Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md")).stream()
                .filter(l -> l.startsWith("| `")).toList();
        for (Upstream pin : Upstreams.ALL) {
            List<String> ofRepository = rows.stream().filter(r -> r.contains("| " + pin.repository() + " |")
                    || r.contains("[" + pin.repository() + "]")).toList();
            assertFalse(ofRepository.isEmpty(), "PROVENANCE.md lists schemas from " + pin.repository());
            for (String row : ofRepository) {
                assertTrue(row.contains("`" + pin.commit() + "`"), pin.pin() + " vs " + row);
            }
        }
    }

    /** No other commit of a pinned repository is cited in the main code. */
    @Test
    void theMainCodeCitesNoOtherCommitOfAPinnedRepository() throws IOException {
        java.nio.file.Path main = Repo.root().resolve("function/src/main/java");
        String repositories = String.join("|", Upstreams.ALL.stream()
                .map(u -> java.util.regex.Pattern.quote(u.repository())).toList());
        java.util.regex.Pattern cited = java.util.regex.Pattern.compile("(" + repositories + ") ?@ ?([0-9a-f]{7,40})");
        try (var files = Files.walk(main)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = cited.matcher(Files.readString(f));
                while (m.find()) {
                    String repo = m.group(1);
                    String commit = m.group(2);
                    Upstream pin = Upstreams.ALL.stream().filter(u -> u.repository().equals(repo)).findFirst().orElseThrow();
                    assertTrue(pin.commit().startsWith(commit), f + " cites " + repo + "@" + commit + ", not " + pin.pin());
                }
            }
        }
    }
}
