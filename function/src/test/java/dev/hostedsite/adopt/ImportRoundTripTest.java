package dev.hostedsite.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.ItemRole;
import dev.hostedsite.krm.ResourceList;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof of {@code hostedsite import}: for every success fixture (a render case whose {@code expected.yaml}
 * holds no error result, found as {@code FixturesTest} finds render cases; none skipped), render the site, take the objects a hub would
 * receive ({@link Compiler.Result#deployable}, the stream {@code render} prints), adopt them, render the imported
 * site with the kept objects, and compare the two streams object by object, byte for byte as YAML. Secrets are the
 * exception: import never writes a value, so each Secret of the original is either referenced by name from the
 * imported site in its namespace ({@code spec.externalSecrets}, which every {@code secretRef} of an import needs)
 * or, for an ssh public key the hub also shows in an InfraEnv, written back byte for byte from
 * {@code sshAuthorizedKey}. No Secret value (base64 or decoded) may appear in the imported site or the kept objects,
 * except such public keys.
 *
 * <p>A fixture with several HostedSites (two-sites) becomes one site (one site per hub): its render is compared with
 * {@code hostedsite.dev/owner} set aside, the one annotation that names the site.
 */
class ImportRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everySuccessFixtureRoundTrips() throws IOException {
        List<Path> cases = successCases();
        assertTrue(cases.size() > 30, "the success fixtures were found: " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> roundTrip(dir)));
    }

    /** Every fixture folder with an input.yaml whose expected.yaml reports no error, sorted. */
    static List<Path> successCases() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : Repo.renderCases()) {
            if (!Files.isRegularFile(dir.resolve("expected.yaml"))) {
                continue; // a failed render keeps its findings in expected-results.yaml (fixtures/README.md)
            }
            JsonNode expected = Yaml.readAll(Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8)).get(0);
            boolean error = false;
            for (JsonNode r : expected.path("results")) {
                error |= r.path("severity").asText().equals("error");
            }
            if (!error) {
                out.add(dir);
            }
        }
        return out;
    }

    static Compiler.Result render(Path dir) throws Exception {
        JsonNode doc = Yaml.readAll(Files.readString(dir.resolve("input.yaml"), StandardCharsets.UTF_8)).get(0);
        ResourceList list = ResourceList.from(doc);
        return Compiler.compile(list.items(), list.functionConfig());
    }

    static void roundTrip(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        Compiler.Result original = render(dir);
        assertFalse(original.failed(), name + ": the fixture renders");
        List<ObjectNode> hub = original.deployable();
        Set<String> sites = new TreeSet<>();
        hub.forEach(o -> {
            String owner = Inventory.owner(o);
            if (owner != null) {
                sites.addAll(List.of(owner.split(",")));
            }
        });

        Adopted adopted = Adoption.adopt(copies(hub), Options.defaults());
        List<Diagnostic> errors = adopted.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors.stream().map(Diagnostic::oneLine).toList(), name + ": import reported errors");
        List<ObjectNode> input = new ArrayList<>();
        input.add(adopted.site());
        input.addAll(adopted.keptAsIs());
        Compiler.Result again = Compiler.compile(input, null);
        assertFalse(again.failed(), () -> name + ": the imported site does not render: " + again.diagnostics().stream()
                .filter(Diagnostic::isError).map(Diagnostic::oneLine).toList() + "\n" + Yaml.write(adopted.site()));

        boolean merged = sites.size() > 1;
        Map<ObjectKey, String> before = byKey(hub, merged);
        Map<ObjectKey, String> after = byKey(again.deployable(), merged);
        Set<String> externals = new TreeSet<>();
        adopted.site().path("spec").path("externalSecrets").forEach(e -> externals.add(e.asText()));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<ObjectKey, String> e : before.entrySet()) {
            ObjectKey k = e.getKey();
            String now = after.get(k);
            if (k.kind().equals("Secret") && k.group().isEmpty()) {
                if (now == null) {
                    if (!externals.contains(k.namespace() + "/" + k.name()) && !externals.contains(k.name())) {
                        problems.add("Secret " + k.namespace() + "/" + k.name() + " is neither rendered nor referenced"
                                + " from spec.externalSecrets");
                    }
                } else if (!now.equals(e.getValue())) {
                    problems.add("Secret " + k.namespace() + "/" + k.name() + " is rendered with other content");
                }
                continue;
            }
            if (now == null) {
                problems.add("missing after import: " + k);
            } else if (!now.equals(e.getValue())) {
                problems.add("differs after import: " + k + "\n--- before\n" + e.getValue() + "--- after\n" + now);
            }
        }
        for (ObjectKey k : after.keySet()) {
            if (!before.containsKey(k)) {
                problems.add("new after import: " + k);
            }
        }
        assertEquals(List.of(), problems, name + ": the render of the imported site differs\n" + Yaml.write(adopted.site()));
        if (merged) {
            assertEquals(sites.size() > 1 ? clusterNames(hub) : Set.of(), clusterNames(again.deployable()),
                    name + ": the one imported site holds the clusters of every site");
        }
        assertNoSecretValue(name, hub, adopted);
    }

    /** No Secret value of the export, base64 or decoded, in the site or the kept objects (public keys excepted). */
    static void assertNoSecretValue(String name, List<ObjectNode> hub, Adopted adopted) {
        StringBuilder written = new StringBuilder(Yaml.write(adopted.site()));
        adopted.keptAsIs().forEach(o -> written.append(Yaml.write(o)));
        assertFalse(adopted.keptAsIs().stream().anyMatch(o -> o.path("kind").asText().equals("Secret")),
                name + ": a Secret is kept as it is");
        Set<String> scalars = new java.util.HashSet<>();
        collectScalars(adopted.site(), scalars);
        adopted.keptAsIs().forEach(o -> collectScalars(o, scalars));
        StringBuilder visible = new StringBuilder();
        hub.stream().filter(o -> !o.path("kind").asText().equals("Secret")).forEach(o -> visible.append(Yaml.json(o)));
        for (Map.Entry<String, String> e : secretValues(hub).entrySet()) {
            String value = e.getKey();
            boolean publicKey = value.startsWith("ssh-") || value.startsWith("ecdsa-");
            boolean shown = visible.indexOf(Yaml.json(Yaml.NODES.textNode(value.strip()))) >= 0;
            if (publicKey && shown) {
                continue;
            }
            // a short value ("admin") is looked for as a whole YAML scalar, a longer one anywhere in the text
            boolean found = value.strip().length() < 8 ? scalars.contains(value) || scalars.contains(value.strip())
                    : written.indexOf(value) >= 0 || written.indexOf(value.strip()) >= 0;
            assertFalse(found, name + ": the value of " + e.getValue() + " reached the imported site or the kept objects");
        }
    }

    /** Every Secret data value of the objects, as base64 and decoded (strings of 4 or more characters). */
    static Map<String, String> secretValues(List<ObjectNode> objects) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ObjectNode o : objects) {
            if (!o.path("kind").asText().equals("Secret")) {
                continue;
            }
            o.path("data").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                String where = "Secret " + o.path("metadata").path("namespace").asText() + "/"
                        + o.path("metadata").path("name").asText() + " key " + f.getKey();
                out.put(v.asText(), where);
                try {
                    String decoded = new String(Base64.getMimeDecoder().decode(v.asText()), StandardCharsets.UTF_8);
                    if (decoded.strip().length() >= 4) {
                        out.put(decoded, where + " (decoded)");
                    }
                } catch (IllegalArgumentException notBase64) {
                    // the value itself is checked
                }
            });
        }
        return out;
    }

    private static void collectScalars(JsonNode n, Set<String> out) {
        if (n.isValueNode()) {
            out.add(n.asText());
        }
        n.fields().forEachRemaining(f -> {
            out.add(f.getKey());
            collectScalars(f.getValue(), out);
        });
        if (n.isArray()) {
            n.forEach(c -> collectScalars(c, out));
        }
    }

    private static Set<String> clusterNames(List<ObjectNode> objects) {
        Set<String> out = new TreeSet<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("HostedCluster"))
                .forEach(o -> out.add(o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText()));
        return out;
    }

    private static List<ObjectNode> copies(List<ObjectNode> objects) {
        return objects.stream().map(ObjectNode::deepCopy).toList();
    }

    private static Map<ObjectKey, String> byKey(List<ObjectNode> objects, boolean withoutOwner) {
        Map<ObjectKey, String> out = new TreeMap<>();
        for (ObjectNode o : objects) {
            ObjectNode copy = o.deepCopy();
            if (withoutOwner && copy.path("metadata").path("annotations").isObject()) {
                ((ObjectNode) copy.path("metadata").path("annotations")).remove(ItemRole.OWNER);
            }
            String previous = out.put(ObjectKey.of(copy), Yaml.write(copy));
            assertTrue(previous == null, "two objects with the key " + ObjectKey.of(copy));
        }
        return out;
    }

    @Test
    void theSuccessFixturesIncludeTheInterestingShapes() throws IOException {
        Set<String> names = new TreeSet<>();
        successCases().forEach(d -> names.add(d.getFileName().toString()));
        assertTrue(names.containsAll(List.of("example-lab", "two-sites", "nodeport-tags-423", "nodepools-mixed-arch",
                "metal-static-network", "secrets-external", "secrets-secretref")), names.toString());
    }
}
