package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, exit codes and render's output directory. */
class CliTest {
    static final String SITE = Repo.root().resolve("packages/hosted-site").toString();
    static final String MISTAKES = Repo.fixtures().resolve("cli/mistakes/input").toString();

    static Run run(String... args) {
        return Run.of(new byte[0], args);
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(Main.OK, help.exit());
        for (String command : List.of("validate", "plan", "diff", "graph", "render", "crd")) {
            assertTrue(help.stdout().contains("\n  " + command + " "), "top-level help lists " + command);
        }
        assertEquals(help.stdout(), run("help").stdout());
        Run version = run("--version");
        assertEquals(Main.OK, version.exit());
        assertTrue(version.stdout().matches("hostedsite \\d+\\.\\d+\\.\\d+\\S*\n"), version.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "diff", "graph", "render", "crd"})
    void everyCommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(Main.OK, r.exit());
        assertTrue(r.stdout().startsWith("Usage: hostedsite " + command), r.stdout());
        assertTrue(r.stdout().contains("Exit codes"), r.stdout());
        assertEquals(r.stdout(), run("help", command).stdout());
        assertEquals(r.stdout(), run(command, "-h").stdout());
        assertEquals("", r.stderr());

        String synopsis = r.stdout().lines().findFirst().orElseThrow();
        String listed = run("--help").stdout().lines().filter(l -> l.startsWith("  " + command + " ")).findFirst()
                .orElseThrow();
        for (String token : synopsis.split("[\\s\\[\\]|]+")) {
            if (token.startsWith("-")) {
                assertTrue(listed.contains(token), "top-level help shows " + command + " " + token + ": " + listed);
            }
        }
    }

    @Test
    void usageMistakesExitTwo() {
        List<String[]> cases = List.of(
                new String[] {"frobnicate"},
                new String[] {"validate"},
                new String[] {"validate", SITE, SITE},
                new String[] {"plan", "--bogus", SITE},
                new String[] {"plan", SITE, "--previous"},
                new String[] {"diff", SITE},
                new String[] {"diff", SITE, SITE, SITE},
                new String[] {"graph", SITE, "--format", "svg"},
                new String[] {"graph", SITE, "--format"},
                new String[] {"render", SITE, "-o"},
                new String[] {"crd", "extra"},
                new String[] {"--version", "extra"},
                new String[] {"help", "nosuchcommand"});
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(Main.USAGE, r.exit(), String.join(" ", args) + ": " + r.stderr());
            assertEquals("", r.stdout(), String.join(" ", args));
            assertTrue(r.stderr().contains("hostedsite"), r.stderr());
        }
    }

    @Test
    void inputErrorsExitOne(@TempDir Path tmp) throws IOException {
        for (String command : List.of("validate", "plan", "graph", "render")) {
            Run missing = run(command, tmp.resolve("nope.yaml").toString());
            assertEquals(Main.INPUT_ERROR, missing.exit(), command);
            Run bad = run(command, MISTAKES);
            assertEquals(Main.INPUT_ERROR, bad.exit(), command);
            if (!command.equals("validate")) {
                assertEquals("", bad.stdout(), command + " prints nothing on stdout when the render fails");
                assertTrue(bad.stderr().contains("schema.yaml:20:7: error: spec.hub.registry.tls"), bad.stderr());
            }
        }
        assertEquals(Main.OK, run("validate", SITE).exit());
        assertEquals(Main.OK, run("plan", SITE).exit());
        assertEquals(Main.OK, run("graph", SITE, "--format", "dot").exit());
    }

    @Test
    void renderPartsSplitTheRenderWithoutLossAndRefuseUnknownParts() {
        Run all = run("render", SITE);
        Run hub = run("render", SITE, "--part", "hub");
        Run cluster = run("render", SITE, "--part", "lab/hosted");
        assertEquals(Main.OK, hub.exit(), hub.stderr());
        assertEquals(Main.OK, cluster.exit(), cluster.stderr());
        java.util.Set<String> whole = new java.util.TreeSet<>(List.of(all.stdout().split("(?m)^---\n")));
        java.util.Set<String> parts = new java.util.TreeSet<>(List.of(hub.stdout().split("(?m)^---\n")));
        parts.addAll(List.of(cluster.stdout().split("(?m)^---\n")));
        assertEquals(whole, parts, "the parts together are the whole render");
        assertTrue(cluster.stdout().contains("kind: HostedCluster"));
        assertFalse(hub.stdout().contains("kind: HostedCluster"));

        Run typo = run("render", SITE, "--part", "lab/hostd");
        assertEquals(Main.INPUT_ERROR, typo.exit());
        assertEquals("", typo.stdout(), "never an empty stream Argo CD would prune to");
        assertTrue(typo.stderr().contains("no part 'lab/hostd' in this render; its parts: hub, lab/hosted"), typo.stderr());
        assertEquals(Main.USAGE, run("render", SITE, "--part", "hub", "-o", "x").exit());
    }

    /** A user's item in a hosted cluster's namespace syncs with that cluster's Application, after its Namespace. */
    @Test
    void renderPartsPutAPassthroughItemWithThePartOfItsNamespace(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.copy(Path.of(SITE, "site.yaml"), site.resolve("site.yaml"));
        Files.writeString(site.resolve("extra.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cluster-notes
                  namespace: clusters-hosted
                data:
                  owner: platform-team
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: hub-notes
                  namespace: openshift-config
                data:
                  owner: platform-team
                """);
        Run hub = run("render", site.toString(), "--part", "hub");
        Run cluster = run("render", site.toString(), "--part", "lab/hosted");
        assertEquals(Main.OK, cluster.exit(), cluster.stderr());
        assertTrue(cluster.stdout().contains("name: cluster-notes"), cluster.stdout());
        assertTrue(cluster.stdout().contains("name: clusters-hosted\n"), "its Namespace is in the same part");
        assertFalse(hub.stdout().contains("name: cluster-notes"), hub.stdout());
        assertTrue(hub.stdout().contains("name: hub-notes"), hub.stdout());
        assertFalse(cluster.stdout().contains("name: hub-notes"), cluster.stdout());
    }

    @Test
    void yamlSyntaxErrorIsFileLineColumn(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("broken.yaml");
        Files.writeString(f, "apiVersion: hostedsite.dev/v1alpha1\nkind: HostedSite\nmetadata:\n  name: x\n   bad: [\n");
        Run r = run("validate", f.toString());
        assertEquals(Main.INPUT_ERROR, r.exit());
        assertTrue(r.stdout().matches("(?s)" + java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: error: .*"), r.stdout());
        assertFalse(r.stdout().contains("Exception"), r.stdout());
    }

    @Test
    void renderToDirectoryUsesThePackageLayout(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("render", SITE, "-o", out.toString());
        assertEquals(Main.OK, r.exit(), r.stderr());
        assertEquals("", r.stdout());
        Map<String, String> files = files(out);
        // the same objects as the stdout render, one per file
        List<JsonNode> streamed = Yaml.readAll(run("render", SITE).stdout());
        long generated = files.keySet().stream().filter(p -> p.startsWith("generated/")).count();
        assertEquals(streamed.size(), generated);
        for (JsonNode o : streamed) {
            String kind = o.path("kind").asText().toLowerCase(java.util.Locale.ROOT);
            String ns = o.path("metadata").path("namespace").asText("");
            String suffix = (ns.isEmpty() ? "" : ns + "/") + kind + "_" + o.path("metadata").path("name").asText() + ".yaml";
            String path = files.keySet().stream().filter(p -> p.startsWith("generated/") && p.endsWith("/" + suffix))
                    .findFirst().orElseThrow(() -> new AssertionError("no file for " + suffix + " in " + files.keySet()));
            assertEquals(o, Yaml.readAll(files.get(path)).get(0), path);
            assertFalse(files.get(path).contains(Layout.PATH), path + " keeps a tool annotation");
        }
        assertTrue(files.containsKey("artifacts/lab/imageset-config.yaml"), files.keySet().toString());
        assertTrue(files.get("artifacts/lab/imageset-config.yaml").contains("kind: ImageSetConfiguration"));
        assertTrue(files.get("artifacts/lab/dnsmasq.conf").startsWith("# dnsmasq"));
        assertTrue(files.containsKey("artifacts/lab/records.zone"));
        assertFalse(files.keySet().stream().anyMatch(p -> p.contains(".hostedsite-render")), "staging folder left behind");
    }

    /** The plan's header counts the local files it lists, and they are the files render -o writes under artifacts/. */
    @Test
    void planCountsTheLocalFilesItListsAndRenderWrites(@TempDir Path tmp) throws IOException {
        Run plan = run("plan", SITE);
        assertEquals(Main.OK, plan.exit(), plan.stderr());
        List<String> listed = plan.stdout().lines().filter(l -> l.startsWith("- artifacts/")).map(l -> l.substring(2)).toList();
        java.util.regex.Matcher header = java.util.regex.Pattern.compile(", (\\d+) local files? \\(in (\\d+) local-config"
                + " ConfigMaps?\\) for the operator\\.").matcher(plan.stdout());
        assertTrue(header.find(), plan.stdout());
        assertEquals(listed.size(), Integer.parseInt(header.group(1)), "header count vs listed files: " + listed);

        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("render", SITE, "-o", out.toString()).exit());
        List<String> written = files(out).keySet().stream().filter(p -> p.startsWith("artifacts/")).sorted().toList();
        assertEquals(written, listed.stream().sorted().toList());
        long configMaps = dev.hostedsite.testing.Sites.compile(dev.hostedsite.testing.Sites.example()).generated().stream()
                .filter(dev.hostedsite.graph.Manifest::localConfig).count();
        assertEquals(configMaps, Integer.parseInt(header.group(2)));
    }

    @Test
    void renderToDirectoryReplacesItsFoldersAndKeepsOtherFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("generated/stale"));
        Files.writeString(out.resolve("generated/stale/old.yaml"), "kind: Old\n");
        Files.writeString(out.resolve("README.md"), "mine\n");
        assertEquals(Main.OK, run("render", SITE, "--output", out.toString()).exit());
        Map<String, String> files = files(out);
        assertFalse(files.containsKey("generated/stale/old.yaml"), "a stale generated file survived");
        assertEquals("mine\n", files.get("README.md"));
    }

    @Test
    void failedRenderLeavesTheDirectoryAlone(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("render", SITE, "-o", out.toString()).exit());
        Map<String, String> before = files(out);
        Run r = run("render", MISTAKES, "-o", out.toString());
        assertEquals(Main.INPUT_ERROR, r.exit());
        assertEquals(before, files(out));
        Path fresh = tmp.resolve("fresh");
        assertEquals(Main.INPUT_ERROR, run("render", MISTAKES, "-o", fresh.toString()).exit());
        assertFalse(Files.exists(fresh), "a failed render created the output directory");
    }

    static String day2(String testCase, String file) {
        return Repo.fixture("day2-" + testCase).resolve(file).toString();
    }

    @Test
    void renderToDirectoryComparesWithWhatTheDirectoryHolds(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("render", day2("service-network-change", "before.yaml"), "-o", out.toString()).exit());
        Map<String, String> before = files(out);
        Run refused = run("render", day2("service-network-change", "after.yaml"), "-o", out.toString());
        assertEquals(Main.INPUT_ERROR, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("error: spec.clusters[0].networking.serviceNetwork: HostedCluster clusters/hosted"
                + " exists on the hub, and its spec.networking.serviceNetwork cannot change"), refused.stderr());
        assertEquals(before, files(out), "a refused transition changed the directory");
        // into a fresh directory there is nothing to compare with: the same input renders
        assertEquals(Main.OK, run("render", day2("service-network-change", "after.yaml"), "-o", tmp.resolve("fresh").toString()).exit());
        // a harmless change goes through
        Path grow = tmp.resolve("grow");
        assertEquals(Main.OK, run("render", day2("add-host", "before.yaml"), "-o", grow.toString()).exit());
        assertEquals(Main.OK, run("render", day2("add-host", "after.yaml"), "-o", grow.toString()).exit());
        assertTrue(files(grow).keySet().stream().anyMatch(f -> f.endsWith("baremetalhost_hosted-worker3.yaml")));
    }

    @Test
    void planAndDiffCompareWithAPreviousRenderDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("render", day2("host-removal", "before.yaml"), "-o", out.toString()).exit());
        Run plan = run("plan", day2("host-removal", "after.yaml"), "--previous", out.toString());
        assertEquals(Main.INPUT_ERROR, plan.exit());
        assertTrue(plan.stdout().contains("- deleted: BareMetalHost `clusters-hosted/hosted-worker2`\n  - DESTROYS DATA"), plan.stdout());
        assertTrue(plan.stderr().contains("cluster.x-k8s.io/delete-machine=yes"), plan.stderr());
        Run diff = run("diff", out.toString(), day2("host-removal", "after.yaml"));
        assertEquals(Main.INPUT_ERROR, diff.exit());
        assertTrue(diff.stdout().contains("- changed: NodePool `clusters/hosted` ("), diff.stdout());
        assertTrue(diff.stdout().contains(" spec.clusters[0].nodePools[0].replicas): 3 → 2 (applied)"), diff.stdout());
        // without a previous render, plan lists no changes, and diff says there is nothing to compare with
        assertFalse(run("plan", day2("host-removal", "after.yaml")).stdout().contains("Changes against"));
        Run nothing = run("diff", tmp.resolve("empty").toString(), day2("host-removal", "after.yaml"));
        assertEquals(Main.INPUT_ERROR, nothing.exit());
        Files.createDirectories(tmp.resolve("empty"));
        Run empty = run("diff", tmp.resolve("empty").toString(), day2("host-removal", "after.yaml"));
        assertEquals(Main.INPUT_ERROR, empty.exit());
        assertTrue(empty.stderr().contains("no previous render there"), empty.stderr());
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
