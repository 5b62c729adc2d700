package dev.hostedsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one golden harness: finds every case under {@code fixtures/} (any depth; layout in fixtures/README.md) and
 * runs it by its kind, told by its file names:
 * <ul>
 *   <li>{@code input.yaml} → {@code expected.yaml} or {@code expected-results.yaml}: a render ({@link RenderCase});</li>
 *   <li>{@code before.yaml} + {@code after.yaml} → {@code expected.txt}: a day-2 diff ({@link Day2Case});</li>
 *   <li>{@code <name>.cmd} → {@code <name>.out} (+ {@code .err}): a CLI run ({@link CliCase}); a folder with .cmd
 *       files is one CLI case and its subfolders are the commands' inputs.</li>
 * </ul>
 * A case with input but no expectation, an expectation with no input, a half day-2 pair, or two cases of one name
 * is itself a failing test (never a silent skip). {@code -Dfixtures.update=true} rewrites every expectation; then
 * review {@code git diff -- fixtures}.
 */
class FixturesTest {
    static final boolean UPDATE = Boolean.getBoolean("fixtures.update");
    /** Cases per group when this harness was written: a group that holds fewer has lost cases (lower it on purpose only). */
    static final Map<String, Integer> AT_LEAST = Map.of("cli", 32, "day2", 34, "hostile-input", 362, "hub", 4,
            "loop", 8, "passthrough", 5, "render", 13);

    /** One case: its kind, its folder (or .cmd file), and its group (the first folder under fixtures/). */
    record Case(String kind, Path path, String group) {}

    /** What a walk of a fixtures tree found: the cases, and what is wrong with the tree (one message each). */
    record Found(List<Case> cases, List<String> problems) {
        Map<String, Integer> perGroup() {
            Map<String, Integer> n = new TreeMap<>();
            cases.forEach(c -> n.merge(c.group(), 1, Integer::sum));
            return n;
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Path root = Repo.fixtures();
        Found found = discover(root, UPDATE);
        System.out.println("fixture cases per group: " + found.perGroup() + ", " + found.cases().size() + " in all");
        Stream<DynamicTest> problems = found.problems().stream()
                .map(p -> DynamicTest.dynamicTest("broken: " + p, () -> fail(p + " (see fixtures/README.md)")));
        Stream<DynamicTest> cases = found.cases().stream().map(c -> DynamicTest.dynamicTest(
                c.kind() + " " + root.relativize(c.path()), () -> run(c)));
        return Stream.concat(problems, cases);
    }

    @Test
    void noGroupLostCases() throws IOException {
        Map<String, Integer> perGroup = discover(Repo.fixtures(), false).perGroup();
        AT_LEAST.forEach((group, n) -> assertTrue(perGroup.getOrDefault(group, 0) >= n,
                "fixtures/" + group + " holds " + perGroup.getOrDefault(group, 0) + " cases, fewer than " + n));
    }

    /** The discovery refuses half cases instead of skipping them; whole cases of each kind are found. */
    @Test
    void incompleteCasesAreProblemsNotSkips(@TempDir Path root) throws IOException {
        write(root.resolve("render/ok/input.yaml"));
        write(root.resolve("render/ok/expected.yaml"));
        write(root.resolve("render/no-expected/input.yaml"));
        write(root.resolve("render/no-input/expected-results.yaml"));
        write(root.resolve("day2/pair/before.yaml"));
        write(root.resolve("day2/pair/after.yaml"));
        write(root.resolve("day2/pair/expected.txt"));
        write(root.resolve("day2/no-after/before.yaml"));
        write(root.resolve("day2/no-after/expected.txt"));
        write(root.resolve("day2/no-input/expected.txt"));
        write(root.resolve("cli/runs/a.cmd"));
        write(root.resolve("cli/runs/a.out"));
        write(root.resolve("cli/runs/b.out"));
        write(root.resolve("cli/runs/input/input.yaml")); // a command's input, not a render case
        write(root.resolve("other/ok/input.yaml"));
        write(root.resolve("other/ok/expected.yaml"));
        Found found = discover(root, false);
        assertEquals(List.of(
                new Case("cli", root.resolve("cli/runs/a.cmd"), "cli"),
                new Case("day2", root.resolve("day2/pair"), "day2"),
                new Case("render", root.resolve("other/ok"), "other"),
                new Case("render", root.resolve("render/ok"), "render")), found.cases());
        assertEquals(List.of(
                "cli/runs/b.out: no b.cmd",
                "day2/no-after: before.yaml without after.yaml",
                "day2/no-input: expected.txt without before.yaml and after.yaml",
                "render/no-expected: input.yaml without expected.yaml or expected-results.yaml",
                "render/no-input: expected-results.yaml without input.yaml",
                "two cases named ok: other/ok, render/ok"), found.problems());
        assertEquals(Map.of("cli", 1, "day2", 1, "other", 1, "render", 1), found.perGroup());
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    static void run(Case c) throws IOException {
        switch (c.kind()) {
            case "render" -> RenderCase.check(c.path(), UPDATE);
            case "day2" -> Day2Case.check(c.path(), UPDATE);
            case "cli" -> CliCase.check(c.path(), UPDATE);
            default -> throw new IllegalStateException(c.kind());
        }
    }

    /**
     * Every case under {@code root}, sorted by path, and every half case or duplicate name as a problem; with
     * {@code update}, a case without its expectation is a case (the run writes it).
     */
    static Found discover(Path root, boolean update) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byName = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String where = root.relativize(dir).toString();
                String group = root.relativize(dir).getName(0).toString();
                Set<String> files;
                try (Stream<Path> list = Files.list(dir)) {
                    files = new java.util.TreeSet<>(list.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList());
                }
                boolean isCase = true;
                if (files.stream().anyMatch(f -> f.endsWith(".cmd"))) {
                    for (String f : files) {
                        String stem = f.replaceFirst("\\.(cmd|out|err)$", "");
                        if (f.endsWith(".cmd")) {
                            cases.add(new Case("cli", dir.resolve(f), group));
                        } else if (!stem.equals(f) && !files.contains(stem + ".cmd")) {
                            problems.add(where + "/" + f + ": no " + stem + ".cmd");
                        }
                    }
                    byName.computeIfAbsent(dir.getFileName().toString(), k -> new ArrayList<>()).add(where);
                    return FileVisitResult.SKIP_SUBTREE; // its subfolders are the commands' inputs
                } else if (files.contains("input.yaml")) {
                    if (update || files.contains(RenderCase.EXPECTED) || files.contains(RenderCase.EXPECTED_RESULTS)) {
                        cases.add(new Case("render", dir, group));
                    } else {
                        problems.add(where + ": input.yaml without " + RenderCase.EXPECTED + " or " + RenderCase.EXPECTED_RESULTS);
                    }
                } else if (files.contains("before.yaml") || files.contains("after.yaml")) {
                    if (!files.contains("before.yaml") || !files.contains("after.yaml")) {
                        problems.add(where + ": " + (files.contains("before.yaml") ? "before.yaml without after.yaml" : "after.yaml without before.yaml"));
                    } else if (update || files.contains(Day2Case.EXPECTED)) {
                        cases.add(new Case("day2", dir, group));
                    } else {
                        problems.add(where + ": before.yaml and after.yaml without " + Day2Case.EXPECTED);
                    }
                } else {
                    isCase = false;
                    for (String expected : List.of(RenderCase.EXPECTED, RenderCase.EXPECTED_RESULTS)) {
                        if (files.contains(expected)) {
                            problems.add(where + ": " + expected + " without input.yaml");
                        }
                    }
                    if (files.contains(Day2Case.EXPECTED)) {
                        problems.add(where + ": " + Day2Case.EXPECTED + " without before.yaml and after.yaml");
                    }
                }
                if (isCase) {
                    byName.computeIfAbsent(dir.getFileName().toString(), k -> new ArrayList<>()).add(where);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        byName.forEach((name, where) -> {
            if (where.size() > 1) {
                problems.add("two cases named " + name + ": " + String.join(", ", where.stream().sorted().toList()));
            }
        });
        cases.sort(java.util.Comparator.comparing(c -> c.path().toString()));
        problems.sort(null);
        return new Found(List.copyOf(cases), List.copyOf(problems));
    }
}
