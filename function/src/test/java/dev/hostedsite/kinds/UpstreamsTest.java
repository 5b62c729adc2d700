package dev.hostedsite.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Upstreams.Pin;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pin table {@link Upstreams} is the only place a commit of an upstream repository is chosen: every commit cited
 * in the code (main and test), the docs, the README and the packages is one of its pins, and the pin of the
 * repository named with it.
 */
class UpstreamsTest {
    /** A citation: an optional {@code owner/repo}, then {@code @}, then 7 to 40 hex digits (backquotes allowed). */
    static final Pattern CITED = Pattern.compile(
            "(?:([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)`?\\s*)?@\\s*`?([0-9a-f]{7,40})(?![0-9A-Za-z_-])");
    /** A full commit id anywhere, cited with {@code @} or not. */
    static final Pattern FULL = Pattern.compile("(?<![0-9A-Za-z_-])[0-9a-f]{40}(?![0-9A-Za-z_-])");
    static final Set<String> SCANNED = Set.of(".java", ".md", ".yaml", ".yml", ".lua", ".json", ".sh", ".py", ".txt");

    @Test
    void eachRepositoryHasOnePinUnlessItsVersionsAreModelled() {
        Map<String, List<Pin>> byRepository = Upstreams.PINS.stream()
                .collect(Collectors.groupingBy(p -> p.upstream().repository()));
        byRepository.forEach((repository, pins) -> {
            assertTrue(pins.size() == 1 || pins.stream().allMatch(p -> !p.version().isEmpty()),
                    repository + " is pinned " + pins.size() + " times; a second pin must say which version it models");
            assertEquals(pins.size(), pins.stream().map(Pin::version).distinct().count(), repository);
        });
        for (Pin p : Upstreams.PINS) {
            assertTrue(p.upstream().commit().matches("[0-9a-f]{40}"), p.upstream().pin());
            assertTrue(p.date().matches("\\d{4}-\\d{2}-\\d{2}") && !p.reads().isBlank() && !p.licence().isBlank(), p.toString());
        }
        assertEquals(Upstreams.PINS.size(), Upstreams.ALL.stream().distinct().count(), "one pin per commit");
        for (Upstreams.Crd crd : Upstreams.SCHEMAS) {
            assertTrue(Upstreams.ALL.contains(crd.from()) && crd.blob().matches("[0-9a-f]{8}"), crd.toString());
        }
    }

    /** Every commit cited anywhere is a pin: the pin of the repository named before it, if one is named. */
    @Test
    void everyCitedCommitIsAPinOfItsRepository() throws IOException {
        List<String> stray = new ArrayList<>();
        for (Path f : scanned()) {
            stray.addAll(strayCitations(Repo.root().relativize(f).toString(), Files.readString(f)));
        }
        assertEquals(List.of(), stray, "commits cited outside the pin table kinds/Upstreams: pin them there (read the"
                + " rule at the pinned commit) or cite the pinned commit");
    }

    /** The main code writes a full commit id only in the table; elsewhere it links the pin ({@code {@link Upstreams#X}}). */
    @Test
    void theMainCodeSpellsFullCommitsOnlyInTheTable() throws IOException {
        Path main = Repo.root().resolve("function/src/main/java");
        List<String> spelled = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (!f.endsWith("dev/hostedsite/kinds/Upstreams.java") && FULL.matcher(Files.readString(f)).find()) {
                    spelled.add(main.relativize(f).toString());
                }
            }
        }
        assertEquals(List.of(), spelled, "link the pin of kinds/Upstreams instead of spelling its commit");
    }

    /** The check finds what it is for: a stray commit, a wrong repository's commit, a full id cited without {@code @}. */
    @Test
    void theCheckFailsOnAStrayPin() {
        String metal3 = Upstreams.METAL3.commit();
        assertEquals(List.of(), strayCitations("ok.java", "// metal3-io/baremetal-operator @ " + metal3.substring(0, 8)
                + "\n * openshift/hypershift @\n * " + Upstreams.HYPERSHIFT.commit() + " and argo-cd @ `03fd7573`"));
        assertEquals(1, strayCitations("a.java", "// metal3-io/baremetal-operator @ " + "ccbab4b773b8").size());
        assertEquals(1, strayCitations("b.md", "openshift/hypershift @ `" + metal3 + "`").size());
        assertEquals(1, strayCitations("c.md", "read at 3b341795ce916f5e" + "0cf7952267f28aa463fbd991").size());
        assertEquals(1, strayCitations("d.lua", "-- controllers/x.go @ " + "9209cb5d").size());
    }

    static List<String> strayCitations(String file, String text) {
        String joined = text.replaceAll("\n\\s*(?:\\*|//|--|#)?\\s*", " ");
        List<String> stray = new ArrayList<>();
        Matcher m = CITED.matcher(joined);
        while (m.find()) {
            String repository = m.group(1);
            String commit = m.group(2);
            boolean named = repository != null && Upstreams.ALL.stream().anyMatch(u -> u.repository().equals(repository));
            boolean pinned = Upstreams.ALL.stream().anyMatch(u -> u.commit().startsWith(commit)
                    && (!named || u.repository().equals(repository)));
            if (!pinned) {
                stray.add(file + ": " + m.group().strip());
            }
        }
        Matcher full = FULL.matcher(joined);
        while (full.find()) {
            if (Upstreams.ALL.stream().noneMatch(u -> u.commit().equals(full.group()))) {
                stray.add(file + ": " + full.group());
            }
        }
        return stray.stream().distinct().toList();
    }

    /** The main and test code, the docs, the READMEs, the packages, the tools and the rendered PROVENANCE.md. */
    static List<Path> scanned() throws IOException {
        Path root = Repo.root();
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("function/src", "docs", "packages", "tools", "bench", "bin")) {
            if (Files.isDirectory(root.resolve(dir))) {
                try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                    files.filter(Files::isRegularFile).filter(UpstreamsTest::isText).sorted().forEach(out::add);
                }
            }
        }
        out.add(root.resolve("README.md"));
        out.add(Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md"));
        try (Stream<Path> files = Files.walk(Repo.fixtures())) {
            files.filter(p -> p.getFileName().toString().equals("README.md")).sorted().forEach(out::add);
        }
        return out;
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 || SCANNED.contains(name.substring(dot));
    }

    /** The pins the schemas' provenance names are pins of the table (NodePool's unit cites its pin through it). */
    @Test
    void kindUnitsCiteTablePins() {
        Upstream nodePool = dev.hostedsite.kinds.nodepool.NodePoolKind.UPSTREAM;
        assertTrue(Upstreams.ALL.stream().anyMatch(u -> u.repository().equals(nodePool.repository())
                && u.commit().equals(nodePool.commit())), nodePool.pin());
    }
}
