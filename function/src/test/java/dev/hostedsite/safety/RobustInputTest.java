package dev.hostedsite.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.ExampleSite;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input bytes in the shapes real pipelines produce: empty, no HostedSite, not UTF-8, CRLF, BOM, JSON. */
class RobustInputTest {
    static String exampleInput;
    static Run exampleRun;

    @BeforeAll
    static void renderExample() throws Exception {
        exampleInput = Files.readString(Repo.fixture("example-lab").resolve("input.yaml"));
        exampleRun = Run.of(exampleInput);
        assertEquals(Main.OK, exampleRun.exit(), exampleRun.stderr());
    }

    private static JsonNode results(Run run) throws Exception {
        return Yaml.readAll(run.stdout()).get(0).path("results");
    }

    private static void assertOneInputError(Run run, String expectedWords) throws Exception {
        assertEquals(Main.INPUT_ERROR, run.exit());
        JsonNode results = results(run);
        assertEquals("error", results.get(0).path("severity").asText());
        assertTrue(results.get(0).path("message").asText().contains(expectedWords), results.toString());
        assertTrue(Yaml.readAll(run.stdout()).get(0).path("items").isEmpty());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void emptyStdin() throws Exception {
        assertOneInputError(Run.of(new byte[0]), "empty");
    }

    @Test
    void onlyCommentsAndBlankLines() throws Exception {
        assertOneInputError(Run.of("# nothing here\n\n   \n"), "empty");
    }

    @Test
    void resourceListWithoutHostedSitePassesThroughWithAnInfoResult() throws Exception {
        String in = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
                + "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: keep-me\n    annotations:\n"
                + "      config.kubernetes.io/path: cm.yaml\n  data:\n    x: \"1\"\n";
        Run run = Run.of(in);
        assertEquals(Main.OK, run.exit(), run.stderr());
        JsonNode out = Yaml.readAll(run.stdout()).get(0);
        assertEquals(Yaml.readAll(in).get(0).path("items"), out.path("items"));
        assertEquals("info", out.path("results").get(0).path("severity").asText());
        assertTrue(out.path("results").get(0).path("message").asText().contains("no HostedSite"));
    }

    @Test
    void resourceListWithNoItemsAtAll() throws Exception {
        Run run = Run.of("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n");
        assertEquals(Main.OK, run.exit(), run.stderr());
        assertEquals("info", results(run).get(0).path("severity").asText());
    }

    @Test
    void notUtf8() throws Exception {
        byte[] bytes = exampleInput.getBytes(StandardCharsets.UTF_8).clone();
        byte[] latin1 = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, latin1, 0, bytes.length);
        latin1[bytes.length] = (byte) 0xE9; // 'é' in ISO-8859-1: not valid UTF-8
        latin1[bytes.length + 1] = '\n';
        assertOneInputError(Run.of(latin1), "UTF-8");
    }

    @Test
    void utf16IsRefusedAsNotUtf8() throws Exception {
        Run run = Run.of(exampleInput.getBytes(StandardCharsets.UTF_16));
        assertEquals(Main.INPUT_ERROR, run.exit());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void crlfLineEndingsRenderLikeLf() {
        Run run = Run.of(exampleInput.replace("\n", "\r\n"));
        assertEquals(exampleRun.stdout(), run.stdout());
        assertEquals(Main.OK, run.exit());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        Run run = Run.of("\uFEFF" + exampleInput);
        assertEquals(exampleRun.stdout(), run.stdout());
    }

    @Test
    void resourceListInJsonRendersLikeYaml() throws Exception {
        String json = Yaml.json(Yaml.readAll(exampleInput).get(0));
        Run run = Run.of(json);
        assertEquals(exampleRun.stdout(), run.stdout());
    }

    @Test
    void hostedSiteWrittenAsJsonInsideYaml() throws Exception {
        ObjectNode rl = ExampleSite.resourceList();
        String siteJson = Yaml.json(ExampleSite.site(rl));
        String in = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- " + Yaml.json(rl.path("items").get(0))
                + "\n- " + siteJson + "\n";
        Run run = Run.of(in);
        assertEquals(exampleRun.stdout(), run.stdout());
    }
}
