package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server's Secret and ConfigMap rules on passthrough items (kubernetes ValidateSecret, ValidateConfigMap). */
class PassthroughAdmissionTest {

    private static List<Diagnostic> check(String yaml) throws IOException {
        return PassthroughAdmission.check(List.of((ObjectNode) Yaml.readAll(yaml).get(0)));
    }

    private static String secret(String type, String data) {
        return "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: n}\ntype: " + type + "\n" + data;
    }

    @Test
    void eachSecretTypeNeedsItsKeys() throws IOException {
        assertEquals(1, check(secret("kubernetes.io/dockerconfigjson", "data: {config.json: e30=}\n")).size());
        assertEquals(List.of(), check(secret("kubernetes.io/dockerconfigjson", "data: {.dockerconfigjson: e30=}\n")));
        assertTrue(check(secret("kubernetes.io/tls", "stringData: {tls.crt: x}\n")).get(0).message().contains("tls.key"));
        assertEquals(List.of(), check(secret("kubernetes.io/tls", "stringData: {tls.crt: x, tls.key: y}\n")));
        assertEquals(1, check(secret("kubernetes.io/basic-auth", "stringData: {user: x}\n")).size());
        assertEquals(List.of(), check(secret("kubernetes.io/basic-auth", "stringData: {password: x}\n")));
        assertEquals(1, check(secret("kubernetes.io/ssh-auth", "stringData: {ssh-privatekey: ''}\n")).size());
        assertEquals(1, check(secret("kubernetes.io/service-account-token", "data: {}\n")).size());
        assertEquals(List.of(), check(secret("Opaque", "data: {anything: eA==}\n")));
    }

    @Test
    void aRegistryAuthFileMustBeAJsonObject() throws IOException {
        List<Diagnostic> d = check(secret("kubernetes.io/dockerconfigjson", "stringData: {.dockerconfigjson: 'not json'}\n"));
        assertEquals(1, d.size());
        assertEquals("stringData..dockerconfigjson", d.get(0).fieldPath());
        assertFalse(d.get(0).message().contains("not json"), "no secret value in a finding");
        assertEquals(1, check(secret("kubernetes.io/dockerconfigjson", "stringData: {.dockerconfigjson: '[1]'}\n")).size());
    }

    @Test
    void dataIsDecodedAndKeyedAsTheApiServerDoes() throws IOException {
        assertEquals("data.password", check(secret("Opaque", "data: {password: admin}\n")).get(0).fieldPath());
        assertEquals(1, check(secret("Opaque", "stringData: {'..x': y}\n")).size());
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\nbinaryData: {a: eA==}\n";
        assertTrue(check(cm).get(0).message().contains("both data and binaryData"));
    }

    @Test
    void aDocumentNeedsNameKindAndApiVersion() throws IOException {
        assertEquals("metadata.name", check("apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: n}\n").get(0).fieldPath());
        assertEquals("kind", check("apiVersion: v1\nmetadata: {name: x}\n").get(0).fieldPath());
        assertEquals("apiVersion", check("kind: ConfigMap\nmetadata: {name: x}\n").get(0).fieldPath());
    }
}
