package dev.hostedsite.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.input.SecretItem;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.Sites;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The etcd key guard reads a Secret from the input as the API server stores it: {@code data} base64,
 * {@code stringData} as written, stringData overriding data (kubernetes {@code pkg/apis/core/v1/conversion.go}).
 */
class EtcdRotationGuardTest {
    private static final String KEY_A = "0123456789abcdef0123456789abcdef";
    private static final String KEY_B = "fedcba9876543210fedcba9876543210";

    @Test
    void secretItemReadsDataStringDataAndTheOverride() {
        byte[] a = KEY_A.getBytes(StandardCharsets.UTF_8);
        SecretItem fromData = SecretItem.read(secret("s", "data", b64(KEY_A)), "key");
        assertEquals(SecretItem.State.PRESENT, fromData.state());
        assertEquals("data.key", fromData.field());
        assertArrayEquals(a, fromData.bytes());

        SecretItem fromString = SecretItem.read(secret("s", "stringData", KEY_A), "key");
        assertEquals("stringData.key", fromString.field());
        assertArrayEquals(a, fromString.bytes());

        ObjectNode both = secret("s", "data", b64(KEY_B));
        both.putObject("stringData").put("key", KEY_A);
        assertArrayEquals(a, SecretItem.read(both, "key").bytes(), "stringData overrides data for the same key");

        ObjectNode badDataGoodString = secret("s", "data", "not base64!");
        badDataGoodString.putObject("stringData").put("key", KEY_A);
        assertArrayEquals(a, SecretItem.read(badDataGoodString, "key").bytes());

        SecretItem bad = SecretItem.read(secret("s", "data", "not base64!"), "key");
        assertEquals(SecretItem.State.NOT_BASE64, bad.state());
        assertNull(bad.bytes());
        assertEquals(SecretItem.State.ABSENT, SecretItem.read(secret("s", "data", b64(KEY_A)), "other").state());
        assertEquals(SecretItem.State.ABSENT, SecretItem.read(Yaml.object(), "key").state());
    }

    /**
     * The previous render made hosted-etcd-a active; the new input makes hosted-etcd-b active without a backup key.
     * {@code oldForm}/{@code newForm}: data, stringData, none (the Secret has no 'key'), or absent (not in the input).
     */
    @ParameterizedTest
    @CsvSource({
            "data, A, data, A, ''",
            "stringData, A, stringData, A, ''",
            "data, A, stringData, A, ''",
            "stringData, A, data, A, ''",
            "stringData, A, stringData, B, The two Secrets hold different keys",
            "data, A, stringData, B, The two Secrets hold different keys",
            "absent, A, stringData, A, Secret clusters/hosted-etcd-a is not among the input items",
            "stringData, A, none, A, Secret clusters/hosted-etcd-b has no 'key' entry under data or stringData",
            "stringData, A, bad, A, data.key of Secret clusters/hosted-etcd-b is not valid base64"})
    void renamedSecretRef(String oldForm, String oldKey, String newForm, String newKey, String expected) {
        ObjectNode site = Sites.example();
        ObjectNode etcd = Sites.cluster(site).putObject("etcdEncryptionKey");
        etcd.putObject("secretRef").put("name", "hosted-etcd-b");
        Site bound = Sites.bind(site);
        String ns = bound.clusters().get(0).namespace();
        assertEquals("clusters", ns);

        List<ObjectNode> items = new ArrayList<>();
        items.add(previousHostedCluster(ns, bound.clusters().get(0).name(), "hosted-etcd-a"));
        item("hosted-etcd-a", oldForm, oldKey).ifPresent(items::add);
        item("hosted-etcd-b", newForm, newKey).ifPresent(items::add);

        List<Diagnostic> found = EtcdRotationGuard.check(List.of(bound), items);
        if (expected.isEmpty()) {
            assertEquals(List.of(), found);
            return;
        }
        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("spec.clusters[0].etcdEncryptionKey", d.fieldPath());
        assertTrue(d.message().contains(expected), d.message());
        assertFalse(d.message().contains(KEY_A) || d.message().contains(KEY_B) || d.message().contains(b64(KEY_A)),
                "no key bytes in the message: " + d.message());
    }

    private static java.util.Optional<ObjectNode> item(String name, String form, String key) {
        String text = key.equals("A") ? KEY_A : KEY_B;
        return switch (form) {
            case "absent" -> java.util.Optional.empty();
            case "none" -> java.util.Optional.of(secret(name, "data", null));
            case "bad" -> java.util.Optional.of(secret(name, "data", "not base64!"));
            case "data" -> java.util.Optional.of(secret(name, "data", b64(text)));
            default -> java.util.Optional.of(secret(name, form, text));
        };
    }

    private static ObjectNode previousHostedCluster(String ns, String name, String activeKey) {
        ObjectNode hc = Yaml.object();
        hc.put("apiVersion", "hypershift.openshift.io/v1beta1").put("kind", "HostedCluster");
        ObjectNode meta = hc.putObject("metadata").put("name", name).put("namespace", ns);
        meta.putObject("annotations").put(ManifestSet.OWNER, "lab");
        hc.putObject("spec").putObject("secretEncryption").put("type", "aescbc").putObject("aescbc")
                .putObject("activeKey").put("name", activeKey);
        return hc;
    }

    private static ObjectNode secret(String name, String field, String key) {
        ObjectNode s = Yaml.object();
        s.put("apiVersion", "v1").put("kind", "Secret");
        s.putObject("metadata").put("name", name).put("namespace", "clusters");
        s.put("type", "Opaque");
        ObjectNode values = s.putObject(field);
        if (key != null) {
            values.put("key", key);
        } else {
            values.put("other", b64(KEY_A));
        }
        return s;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
