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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No secret bytes anywhere but the Secret: error cases built around distinctive secret values, each invalid in
 * its own way. Every byte of the results on stdout (as YAML, and each message decoded) and of stderr is scanned
 * for each secret, its base64 form, and (for base64 inputs) its decoded form. The items on stdout are the input
 * echoed back, as the KRM spec requires of a failed render, so they are not scanned.
 */
class SecretLeakTest {
    private static final String PULL = "{\"auths\":{\"leak.example\":{\"auth\":\"UFVMTC1MRUFLLTczOTE=\"}}} PULL-LEAK-7391";
    private static final String PULL_JSON_NO_AUTHS = "{\"leak.example\":{\"auth\":\"PULL-LEAK-5512\"}}";
    private static final String ETCD_SHORT = Base64.getEncoder().encodeToString("ETCD-LEAK-4410".getBytes(StandardCharsets.UTF_8));
    private static final String ETCD_NOT_B64 = "ETCD-LEAK-8823 is not base64!";
    private static final String ETCD_GOOD = Base64.getEncoder().encodeToString("ETCD-LEAK-GOOD-32-BYTES-00000000".getBytes(StandardCharsets.UTF_8));
    private static final String BMC_PASSWORD = "BMC-LEAK-PASSWORD-6604";
    private static final String BMC_VALUE = "admin:BMC-LEAK-VALUE-1290";
    private static final String DATA_NOT_B64 = "DATA-LEAK-3371 not base64";
    private static final String SSH_PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----\nSSH-LEAK-PRIVATE-9034\n-----END OPENSSH PRIVATE KEY-----\n";

    private record Case(String name, String stdin, List<String> secrets) {}

    private static Case edit(String name, Consumer<ObjectNode> edit, String... secrets) {
        ObjectNode rl = ExampleSite.resourceList();
        edit.accept(rl);
        return new Case(name, Yaml.write(rl), List.of(secrets));
    }

    private static ObjectNode cluster(ObjectNode rl) {
        return ExampleSite.cluster(rl);
    }

    private static ObjectNode value(String v) {
        return Yaml.object().put("value", v);
    }

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(edit("pull secret not JSON", rl -> cluster(rl).set("pullSecret", value(PULL)), PULL, "PULL-LEAK-7391",
                "UFVMTC1MRUFLLTczOTE="));
        cases.add(edit("pull secret without auths", rl -> cluster(rl).set("pullSecret", value(PULL_JSON_NO_AUTHS)),
                PULL_JSON_NO_AUTHS, "PULL-LEAK-5512"));
        cases.add(edit("pull secret data not base64", rl -> cluster(rl).set("pullSecret", Yaml.object().set("data",
                Yaml.object().put(".dockerconfigjson", DATA_NOT_B64))), DATA_NOT_B64, "DATA-LEAK-3371"));
        cases.add(edit("pull secret data base64 of garbage", rl -> cluster(rl).set("pullSecret", Yaml.object().set("data",
                Yaml.object().put(".dockerconfigjson", b64("PULL-LEAK-B64-4471 {")))), "PULL-LEAK-B64-4471"));
        cases.add(edit("pull secret as a number", rl -> cluster(rl).set("pullSecret",
                Yaml.object().put("value", 987654321987654L)), "987654321987654"));
        cases.add(edit("pull secret under a misspelt field", rl -> cluster(rl).set("pullSecret",
                Yaml.object().put("valu", PULL)), PULL, "PULL-LEAK-7391"));
        cases.add(edit("pull secret with two forms", rl -> cluster(rl).set("pullSecret",
                value(PULL).set("secretRef", Yaml.object().put("name", "x"))), PULL, "PULL-LEAK-7391"));
        cases.add(edit("etcd key too short", rl -> cluster(rl).set("etcdEncryptionKey", value(ETCD_SHORT)), ETCD_SHORT,
                "ETCD-LEAK-4410"));
        cases.add(edit("etcd key not base64", rl -> cluster(rl).set("etcdEncryptionKey", value(ETCD_NOT_B64)),
                ETCD_NOT_B64, "ETCD-LEAK-8823"));
        cases.add(edit("etcd key as stringData", rl -> cluster(rl).set("etcdEncryptionKey", Yaml.object().set("stringData",
                Yaml.object().put("key", "ETCD-LEAK-SD-1177"))), "ETCD-LEAK-SD-1177"));
        cases.add(edit("etcd backup key too short", rl -> cluster(rl).set("etcdBackupKey", value(ETCD_SHORT)), ETCD_SHORT,
                "ETCD-LEAK-4410"));
        cases.add(edit("good etcd key, bad MAC elsewhere", rl -> {
            cluster(rl).set("etcdEncryptionKey", value(ETCD_GOOD));
            ExampleSite.host(rl, 0).put("bootMACAddress", "nope");
        }, ETCD_GOOD, "ETCD-LEAK-GOOD"));
        cases.add(edit("bmc password without username", rl -> ExampleSite.host(rl, 0).with("bmc").set("credentials",
                Yaml.object().set("stringData", Yaml.object().put("password", BMC_PASSWORD))), BMC_PASSWORD));
        cases.add(edit("bmc credentials as one value", rl -> ExampleSite.host(rl, 0).with("bmc").set("credentials",
                value(BMC_VALUE)), BMC_VALUE, "BMC-LEAK-VALUE-1290"));
        cases.add(edit("bmc password data not base64", rl -> ExampleSite.host(rl, 0).with("bmc").set("credentials",
                Yaml.object().set("data", Yaml.object().put("username", b64("admin")).put("password", BMC_PASSWORD + "!"))),
                BMC_PASSWORD));
        cases.add(edit("bmc password a number", rl -> ExampleSite.host(rl, 0).with("bmc").set("credentials",
                Yaml.object().set("stringData", Yaml.object().put("username", "admin").put("password", 660455512L))),
                "660455512"));
        cases.add(edit("bmc secret key name invalid", rl -> ExampleSite.host(rl, 0).with("bmc").set("credentials",
                Yaml.object().set("stringData", Yaml.object().put("user name", "admin").put("password", BMC_PASSWORD))),
                BMC_PASSWORD));
        cases.add(edit("bmc credentials in a bracketed address", rl -> ExampleSite.host(rl, 0).with("bmc").put("address",
                "redfish-virtualmedia://admin:URL-LEAK-5120@[10.0.0.1]:8000/redfish/v1/Systems/1"), "URL-LEAK-5120"));
        cases.add(edit("bmc credentials that warn, bad MAC elsewhere", rl -> {
            ExampleSite.host(rl, 0).with("bmc").set("credentials", Yaml.object().set("data", Yaml.object()
                    .put("username", b64("admin\t")).put("password", b64("BMC-NL-LEAK-3317\n"))));
            ExampleSite.host(rl, 1).put("bootMACAddress", "nope");
        }, "BMC-NL-LEAK-3317"));
        cases.add(edit("ssh private key", rl -> {
            cluster(rl).remove("sshAuthorizedKey");
            cluster(rl).set("sshKey", value(SSH_PRIVATE));
        }, SSH_PRIVATE, "SSH-LEAK-PRIVATE-9034"));
        cases.add(edit("inline secrets and a dangling secretRef", rl -> {
            cluster(rl).set("pullSecret", value("{\"auths\":{\"r\":{\"auth\":\"REF-LEAK-2231\"}}}"));
            cluster(rl).set("etcdEncryptionKey", Yaml.object().set("secretRef", Yaml.object().put("name", "missing")));
            ExampleSite.host(rl, 1).with("bmc").set("credentials",
                    Yaml.object().set("stringData", Yaml.object().put("username", "admin").put("password", BMC_PASSWORD)));
        }, "REF-LEAK-2231", BMC_PASSWORD));
        cases.add(edit("two sites disagree, each with inline secrets", rl -> {
            cluster(rl).set("pullSecret", value("{\"auths\":{\"r\":{\"auth\":\"SITE-LEAK-8080\"}}}"));
            ObjectNode other = ExampleSite.site(rl).deepCopy();
            other.with("metadata").put("name", "lab2");
            other.with("spec").with("hub").with("agentServiceConfig").put("databaseStorage", "99Gi");
            ((ObjectNode) other.path("spec").path("clusters").get(0)).put("name", "other");
            rl.withArray("items").add(other);
        }, "SITE-LEAK-8080"));
        String previous = Files.readString(Repo.fixture("bad-etcd-rotation-without-backup").resolve("input.yaml"));
        cases.add(new Case("etcd key rotated without backup", previous, List.of(
                "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "0123456789abcdef0123456789abcdef")));
        String duplicate = Yaml.write(ExampleSite.resourceList()).replace(
                "value: eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=",
                "value: eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=\n" + " ".repeat(10) + "value: RFVQLUxFQUstNDQ1NA==");
        cases.add(new Case("duplicate key holding a secret", duplicate, List.of("RFVQLUxFQUstNDQ1NA==", "DUP-LEAK-4454",
                "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=")));
        String unterminated = Yaml.write(ExampleSite.resourceList()).replace(
                "value: eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=", "value: \"UNTERMINATED-LEAK-6161");
        cases.add(new Case("unterminated quote in a secret", unterminated, List.of("UNTERMINATED-LEAK-6161")));
        String tabbed = Yaml.write(ExampleSite.resourceList()).replace(
                "value: eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA=", "value: TAB-LEAK-7777\n\t\tmore: x");
        cases.add(new Case("tab after a secret", tabbed, List.of("TAB-LEAK-7777")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> noSecretInResultsOrStderr() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        Run run = Run.of(c.stdin());
        assertEquals(Main.INPUT_ERROR, run.exit(), c.name() + ": expected an input error; stderr: " + run.stderr());
        JsonNode results = Yaml.readAll(run.stdout()).get(0).path("results");
        assertTrue(results.size() > 0, c.name() + ": no results");
        StringBuilder scanned = new StringBuilder(Yaml.write(results)).append('\n').append(Yaml.json(results))
                .append('\n').append(run.stderr());
        for (JsonNode r : results) {
            scanned.append('\n').append(r.path("message").asText()).append('\n')
                    .append(r.path("field").path("currentValue").asText(""));
        }
        String text = scanned.toString();
        for (String secret : c.secrets()) {
            for (String form : forms(secret)) {
                assertFalse(text.contains(form), c.name() + ": secret bytes (" + form.length() + " chars) in results/stderr:\n"
                        + text);
            }
        }
    }

    /** The secret, its base64 form, and its decoded form when it is base64. */
    private static List<String> forms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret, b64(secret)));
        try {
            String decoded = new String(Base64.getDecoder().decode(secret), StandardCharsets.UTF_8);
            if (decoded.length() >= 6) {
                forms.add(decoded);
            }
        } catch (IllegalArgumentException notBase64) {
            // nothing more to look for
        }
        return forms;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
