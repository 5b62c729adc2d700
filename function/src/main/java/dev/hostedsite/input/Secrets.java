package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostedsite.model.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks on inline secret material. Every message here describes the problem without quoting the secret.
 */
public final class Secrets {
    /** Strict: text after the JSON document (a second paste, a stray word) is an error, not silently ignored. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Secrets() {}

    /** The inline value under {@code key}: {@code value}, then {@code data} (decoded), then {@code stringData}. */
    static Optional<String> plain(SecretSource s, String key) {
        if (s.value() != null) {
            return Optional.of(s.value());
        }
        if (s.data() != null && s.data().containsKey(key)) {
            return SecretDataRules.decode(s.data().get(key)).map(raw -> new String(raw, StandardCharsets.UTF_8));
        }
        if (s.stringData() != null && s.stringData().containsKey(key)) {
            return Optional.of(s.stringData().get(key));
        }
        return Optional.empty();
    }

    /** Problem with an etcd AES key, or empty. The key text is base64 of 16, 24 or 32 bytes. */
    static Optional<String> etcdKeyProblem(SecretSource s) {
        String b64 = etcdKeyText(s);
        if (b64 == null && s.stringData() != null) {
            return Optional.of("give the etcd key as value (its base64 text) or data.key, not stringData:"
                    + " the Secret must hold the raw key bytes.");
        }
        if (b64 == null) {
            return Optional.of("the etcd key secret has no 'key' entry: give value (the base64 AES key) or data.key.");
        }
        Optional<byte[]> decoded = SecretDataRules.decode(b64);
        if (decoded.isEmpty()) {
            return Optional.of("the etcd encryption key is not valid base64. Create one with: openssl rand -base64 32");
        }
        byte[] raw = decoded.get();
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            return Optional.of("the etcd encryption key decodes to " + raw.length
                    + " bytes; AES-CBC needs 16, 24 or 32. Create one with: openssl rand -base64 32");
        }
        return Optional.empty();
    }

    /** The raw bytes of an inline etcd key ({@code value} or {@code data.key}, both base64), if readable. */
    public static Optional<byte[]> etcdKeyBytes(SecretSource s) {
        return SecretDataRules.decode(etcdKeyText(s));
    }

    /**
     * The base64 text of an inline etcd key as the Secret carries it: {@code value} stripped (as SecretWriter writes
     * it), else {@code data.key}; null if neither is given.
     */
    private static String etcdKeyText(SecretSource s) {
        return s.value() != null ? s.value().strip() : s.data() != null ? s.data().get("key") : null;
    }

    static Optional<String> pullSecretProblem(SecretSource s) {
        Optional<String> text = plain(s, ".dockerconfigjson");
        if (text.isEmpty()) {
            return Optional.of("the pull secret has no '.dockerconfigjson' entry: give value (the JSON text) or"
                    + " data/stringData with key .dockerconfigjson.");
        }
        try {
            JsonNode json = JSON.readTree(text.get());
            if (json == null || !json.path("auths").isObject()) {
                return Optional.of("the pull secret is JSON without an \"auths\" object; use the file from"
                        + " console.redhat.com merged with the mirror registry's credentials.");
            }
        } catch (Exception e) {
            return Optional.of("the pull secret is not valid JSON (the value is not shown here).");
        }
        return Optional.empty();
    }

    static Optional<String> bmcProblem(SecretSource s) {
        if (s.value() != null) {
            return Optional.of("BMC credentials need two keys: use data (base64) or stringData with username and password.");
        }
        for (String key : new String[] {"username", "password"}) {
            if (!has(s.data(), key) && !has(s.stringData(), key)) {
                return Optional.of("BMC credentials lack '" + key + "': give username and password in data or stringData.");
            }
        }
        return Optional.empty();
    }

    static boolean has(Map<String, String> m, String key) {
        return m != null && m.containsKey(key);
    }

    /**
     * The findings on a secret given inline (none for a secretRef or externalSecret): a warning that its plaintext goes
     * into Git, the API server's rules on its Secret's data ({@link SecretDataRules#check}), then, when that data
     * reads, the error {@code contentProblem} finds in it. No finding quotes the secret.
     */
    static List<Finding> inline(SecretSource s, Function<SecretSource, Optional<String>> contentProblem) {
        if (!s.inline()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        out.add(Finding.warning(s.path(), "this secret is inline: its plaintext goes into Git with the rendered Secret."
                + " Use secretRef or externalSecret outside of labs."));
        List<Finding> data = SecretDataRules.check(s);
        out.addAll(data);
        if (data.stream().noneMatch(Finding::error)) {
            contentProblem.apply(s).ifPresent(msg -> out.add(Finding.error(s.path(), msg, null)));
        }
        return out;
    }

    /** Problem with an ssh key: not one OpenSSH public key line (id_rsa.pub: type, base64, comment), or empty. */
    static Optional<String> sshKeyProblem(SecretSource s) {
        Optional<String> key = plain(s, "id_rsa.pub");
        if (key.isEmpty() || !key.get().strip().matches("(ssh-|ecdsa-|sk-)\\S+ \\S+.*")) {
            return Optional.of("the ssh key is not an OpenSSH public key line (ssh-ed25519 AAAA… comment);"
                    + " give the public key, never the private one.");
        }
        return Optional.empty();
    }
}
