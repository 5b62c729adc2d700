package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One key of a v1 Secret object among the input items (a Secret the user keeps next to the HostedSite, or one a
 * previous render wrote), read the way the API server materialises it: {@code data} values are base64
 * ({@link SecretDataRules#decode}), {@code stringData} values are the bytes of the text as is, and a key under
 * {@code stringData} overrides the same key under {@code data}.
 *
 * <p>Upstream: kubernetes/kubernetes {@code pkg/apis/core/v1/conversion.go}, {@code Convert_v1_Secret_To_core_Secret}
 * ("StringData overwrites Data": {@code out.Data[k] = []byte(v)} for every stringData entry).
 *
 * @param state  whether the key is there and readable
 * @param field  where the value was read ({@code data.<key>} or {@code stringData.<key>}), null when absent
 * @param bytes  the value's bytes when {@code state} is {@link State#PRESENT}, else null; never put in a message
 */
public record SecretItem(State state, String field, byte[] bytes) {
    public enum State {
        /** Neither {@code data} nor {@code stringData} has the key. */
        ABSENT,
        /** Only {@code data} has the key, and its text is not base64 the API server accepts. */
        NOT_BASE64,
        /** The key's bytes are known. */
        PRESENT
    }

    /** The value of {@code key} in the Secret object {@code secret}; never null. */
    public static SecretItem read(JsonNode secret, String key) {
        JsonNode plain = secret.path("stringData").get(key);
        if (plain != null && plain.isValueNode() && !plain.isNull()) {
            return new SecretItem(State.PRESENT, "stringData." + key, plain.asText().getBytes(StandardCharsets.UTF_8));
        }
        JsonNode encoded = secret.path("data").get(key);
        if (encoded == null || !encoded.isValueNode() || encoded.isNull()) {
            return new SecretItem(State.ABSENT, null, null);
        }
        Optional<byte[]> decoded = SecretDataRules.decode(encoded.asText());
        return decoded.map(b -> new SecretItem(State.PRESENT, "data." + key, b))
                .orElseGet(() -> new SecretItem(State.NOT_BASE64, "data." + key, null));
    }

    /** The bytes, when known. */
    public Optional<byte[]> value() {
        return Optional.ofNullable(bytes);
    }
}
