package dev.hostedsite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.DirectorySource;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Argo CD config management plugin of packages/argocd/plugin.yaml, run the way the cmp-server runs it:
 * a real git repository (JGit) is cloned and checked out at a revision, and the plugin's exact
 * {@code discover} and {@code generate} commands run with bash in the site's directory, with the
 * environment Argo CD gives them and the repository's bin/ (the image's /usr/local/bin) on PATH.
 */
class ArgoPluginIT {
    private static final PersonIdent AUTHOR = new PersonIdent("Fleet Admin", "fleet@example.com", 1_767_225_600_000L, 0);
    private static final String STALE_HOST = "sites/lab/generated/lab/hosted/clusters-hosted/baremetalhost_hosted-worker1.yaml";

    @TempDir
    Path work;
    Path origin;
    JsonNode plugin;

    @BeforeEach
    void setUp() throws Exception {
        Tool.require("bash");
        origin = work.resolve("fleet");
        Files.createDirectories(origin);
        plugin = Yaml.readAll(Files.readString(Repo.root().resolve("packages/argocd/plugin.yaml"))).get(0);
    }

    @Test
    void generatePrintsOnlyTheDeployableManifestsOfTheCheckedOutRevision() throws Exception {
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Path siteDir = Files.createDirectories(origin.resolve("sites/lab"));
            Path packageDir = Repo.root().resolve("packages/hosted-site");
            Files.copy(packageDir.resolve("Kptfile"), siteDir.resolve("Kptfile"));
            // the pool already runs 2 of its 3 hosts, so that retiring one is allowed (HostRemovalGuard)
            String selector = "          hostSelector: {matchLabels: {pool: hosted}}\n";
            String site = Files.readString(packageDir.resolve("site.yaml"));
            assertTrue(site.contains(selector));
            site = site.replace(selector, selector + "          replicas: 2\n");
            Files.writeString(siteDir.resolve("site.yaml"), site);
            RevCommit threeHosts = commit(git, "lab: three workers");

            // A kpt render of the first revision committed its output; then worker1 is removed from the
            // site without re-rendering: its generated file is stale and must not be deployed.
            writeKptOutput(origin, siteDir);
            assertTrue(Files.isRegularFile(origin.resolve(STALE_HOST)));
            int from = site.indexOf("        - name: worker1\n");
            int to = site.indexOf("        - name: worker2\n");
            Files.writeString(siteDir.resolve("site.yaml"), site.substring(0, from) + site.substring(to));
            RevCommit twoHosts = commit(git, "lab: worker1 retired");

            Tool first = generate(checkout(threeHosts, "rev1"), threeHosts);
            Tool second = generate(checkout(twoHosts, "rev2"), twoHosts);
            assertEquals(0, first.exit(), first::toString);
            assertEquals(0, second.exit(), second::toString);

            List<String> firstIds = assertOnlyDeployable(first.stdout());
            List<String> secondIds = assertOnlyDeployable(second.stdout());
            assertTrue(firstIds.contains("BareMetalHost clusters-hosted/hosted-worker1"), firstIds::toString);
            assertFalse(secondIds.contains("BareMetalHost clusters-hosted/hosted-worker1"), secondIds::toString);
            assertFalse(secondIds.contains("Secret clusters-hosted/hosted-worker1-bmc-secret"), secondIds::toString);
            assertEquals(firstIds.size() - 2, secondIds.size());
            assertEquals(deployableIds(siteDir), secondIds, "exactly what the site at that revision renders to");

            assertTrue(second.stderr().contains("rendering sites/lab of site-lab at " + twoHosts.getName() + " (site lab, part all)"),
                    second.stderr());
        }
    }

    @Test
    void aTransitionTheHubRefusesFailsTheGenerationAgainstTheCommittedRender() throws Exception {
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Path siteDir = Files.createDirectories(origin.resolve("sites/lab"));
            String site = Files.readString(Repo.root().resolve("packages/hosted-site/site.yaml"));
            Files.writeString(siteDir.resolve("site.yaml"), site);
            writeKptOutput(origin, siteDir);
            assertTrue(site.contains("serviceNetwork: [172.31.0.0/16"));
            Files.writeString(siteDir.resolve("site.yaml"), site.replace("serviceNetwork: [172.31.0.0/16",
                    "serviceNetwork: [172.30.0.0/16"));
            RevCommit changed = commit(git, "lab: another service network, with the previous render committed");

            Tool failed = generate(checkout(changed, "rev"), changed);
            assertNotEquals(0, failed.exit(), failed::toString);
            assertEquals("", failed.stdout(), "a refused transition prints nothing Argo CD could sync or prune by");
            assertTrue(failed.stderr().contains("spec.networking.serviceNetwork cannot change after creation"), failed.stderr());
        }
    }

    @Test
    void aBrokenSiteExitsNonZeroWithNothingOnStdout() throws Exception {
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Path siteDir = Files.createDirectories(origin.resolve("sites/lab"));
            String site = Files.readString(Repo.root().resolve("packages/hosted-site/site.yaml"));
            assertTrue(site.contains("      port: 5000\n"));
            Files.writeString(siteDir.resolve("site.yaml"), site.replace("      port: 5000\n", "      port: 70000\n"));
            RevCommit broken = commit(git, "lab: a typo in the registry port");

            Tool failed = generate(checkout(broken, "rev"), broken);
            assertNotEquals(0, failed.exit(), failed::toString);
            assertEquals("", failed.stdout(), "a failed render prints nothing Argo CD could sync or prune by");
            assertTrue(failed.stderr().contains("spec.hub.registry.port"), failed.stderr());
        }
    }

    @Test
    void discoverSelectsSiteDirectoriesOnly() throws Exception {
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Path siteDir = Files.createDirectories(origin.resolve("sites/lab"));
            Files.copy(Repo.root().resolve("packages/hosted-site/site.yaml"), siteDir.resolve("site.yaml"));
            Path apps = Files.createDirectories(origin.resolve("apps/monitoring"));
            Files.writeString(apps.resolve("configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n");
            RevCommit rev = commit(git, "a site and an ordinary app");
            Path checkout = checkout(rev, "rev");

            List<String> find = words(plugin.path("spec").path("discover").path("find").path("command"));
            Tool site = Tool.run(find, checkout.resolve("sites/lab"), Map.of());
            assertEquals(0, site.exit(), site::toString);
            assertEquals("./site.yaml", site.stdout().strip());
            Tool app = Tool.run(find, checkout.resolve("apps/monitoring"), Map.of());
            assertEquals("", app.stdout().strip(), app::toString);
            Tool parent = Tool.run(find, checkout.resolve("sites"), Map.of());
            assertEquals("", parent.stdout().strip(), "sub-directories are not searched");
        }
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }

    /** A fresh clone of the fleet repository, checked out (detached) at the revision, as the repo-server does. */
    private Path checkout(RevCommit revision, String name) throws Exception {
        Path dir = work.resolve("clone-" + name);
        try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(dir.toFile()).call()) {
            clone.checkout().setName(revision.getName()).call();
            assertEquals(revision.getName(), clone.getRepository().resolve("HEAD").getName());
        }
        return dir;
    }

    private Tool generate(Path checkout, RevCommit revision) throws Exception {
        List<String> command = words(plugin.path("spec").path("generate").path("command"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Tool.pathWith(Tool.launcher().getParent()));
        env.put("HOSTEDSITE_JAR", Tool.jar().toString());
        env.put("ARGOCD_APP_NAME", "site-lab");
        env.put("ARGOCD_APP_NAMESPACE", "argocd");
        env.put("ARGOCD_APP_REVISION", revision.getName());
        env.put("ARGOCD_APP_SOURCE_PATH", "sites/lab");
        env.put("ARGOCD_APP_SOURCE_REPO_URL", origin.toUri().toString());
        env.put("ARGOCD_ENV_SITE", "lab");
        return Tool.run(command, checkout.resolve("sites/lab"), env);
    }

    /** Parses the stream; every document is a whole object Argo CD may apply. Returns kind namespace/name ids. */
    private static List<String> assertOnlyDeployable(String stdout) throws Exception {
        List<JsonNode> docs = Yaml.readAll(stdout);
        assertFalse(docs.isEmpty(), "no objects");
        List<String> ids = new ArrayList<>();
        for (JsonNode o : docs) {
            assertTrue(o.isObject() && o.path("apiVersion").isTextual() && o.path("kind").isTextual()
                    && o.path("metadata").path("name").isTextual(), "not a Kubernetes object: " + o);
            String kind = o.path("kind").asText();
            assertNotEquals("HostedSite", kind);
            assertFalse(o.path("apiVersion").asText().startsWith("kpt.dev/"), "Kptfile in the output");
            JsonNode annotations = o.path("metadata").path("annotations");
            assertFalse(annotations.has("config.kubernetes.io/local-config"), kind + " is local-config");
            for (Iterator<String> keys = annotations.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                assertFalse(Layout.TOOL_ANNOTATIONS.contains(key) || key.startsWith("internal.config.kubernetes.io/"),
                        key + " on " + kind);
            }
            ids.add(id(o));
        }
        return ids;
    }

    /** The files a kpt render would have written for the site, as committed to the package. */
    private static void writeKptOutput(Path repo, Path siteDir) throws Exception {
        Compiler.Result result = Compiler.compile(DirectorySource.read(siteDir), null);
        assertFalse(result.failed(), result.diagnostics()::toString);
        for (ObjectNode item : result.items()) {
            if (ManifestSet.isGenerated(item)) {
                Path file = siteDir.resolve(item.path("metadata").path("annotations").path(Layout.PATH).asText());
                Files.createDirectories(file.getParent());
                Files.writeString(file, Yaml.write(Layout.withoutToolAnnotations(item)));
            }
        }
    }

    private static List<String> deployableIds(Path siteDir) throws Exception {
        List<String> ids = new ArrayList<>();
        Compiler.Result result = Compiler.compile(DirectorySource.read(siteDir.resolve("site.yaml")), null);
        for (ObjectNode o : Main.deployable(result.items())) {
            ids.add(id(o));
        }
        return ids;
    }

    private static String id(JsonNode o) {
        JsonNode m = o.path("metadata");
        return o.path("kind").asText() + " " + (m.has("namespace") ? m.path("namespace").asText() + "/" : "")
                + m.path("name").asText();
    }

    private static List<String> words(JsonNode command) {
        assertTrue(command.isArray() && !command.isEmpty(), "command missing in plugin.yaml");
        List<String> out = new ArrayList<>();
        command.forEach(w -> out.add(w.asText()));
        return out;
    }
}
