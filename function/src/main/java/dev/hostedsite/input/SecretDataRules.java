package dev.hostedsite.input;

import dev.hostedsite.model.SecretSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API server accepts in a Secret this function writes from an inline {@link SecretSource}, checked on
 * the source so the finding names the HostedSite field. Secret values never appear in a finding.
 *
 * <p>Upstream:
 * <ul>
 *   <li>kubernetes/kubernetes {@code pkg/apis/core/validation/validation.go} {@code ValidateSecret}: each key is a
 *       config key ({@link ConfigKeyRules}), and the decoded values together hold at most {@code MaxSecretSize}
 *       = 1 MiB;</li>
 *   <li>{@code data} values reach the API server as JSON strings decoded into {@code []byte}, which Go's
 *       {@code encoding/json} does with {@code base64.StdEncoding} (golang/go {@code src/encoding/json/decode.go},
 *       {@code src/encoding/base64/base64.go}): standard alphabet, padding to a multiple of four required,
 *       {@code \r} and {@code \n} skipped anywhere, nothing else (no spaces, no URL alphabet).</li>
 * </ul>
 */
public final class SecretDataRules {
    /** {@code MaxSecretSize} in pkg/apis/core/types.go: 1 MiB of decoded data. */
    static final int MAX_SECRET_SIZE = 1024 * 1024;

    private SecretDataRules() {}

    /** A {@code data} value decoded as the API server decodes it; empty when it refuses the text. */
    public static Optional<byte[]> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.replace("\r", "").replace("\n", "");
        if (s.length() % 4 != 0 || !s.matches("[A-Za-z0-9+/]*(|=|==)")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Findings for the inline secret {@code s}; none for the other forms. */
    static List<Finding> check(SecretSource s) {
        List<Finding> out = new ArrayList<>();
        if (!s.inline()) {
            return out;
        }
        long size = s.value() == null ? 0 : s.value().getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String> e : entries(s.data())) {
            String field = s.path() + ".data." + e.getKey();
            key(field, e.getKey()).ifPresent(out::add);
            Optional<byte[]> raw = decode(e.getValue());
            if (raw.isEmpty()) {
                out.add(Finding.error(field, "this data value is not base64 as the API server decodes it (standard"
                        + " alphabet A-Z a-z 0-9 + /, padded with = to a multiple of 4 characters), so the Secret would be"
                        + " refused. Put the plain text under stringData instead, or encode it: printf %s 'the value' |"
                        + " base64 -w0", null));
            } else {
                size += raw.get().length;
            }
        }
        for (Map.Entry<String, String> e : entries(s.stringData())) {
            key(s.path() + ".stringData." + e.getKey(), e.getKey()).ifPresent(out::add);
            size += e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_SECRET_SIZE) {
            out.add(Finding.error(s.path(), "this secret holds " + size + " bytes; the API server refuses a Secret"
                    + " above 1 MiB (1048576 bytes) of data.", null));
        }
        return out;
    }

    /**
     * Warnings for credential entries whose bytes are probably not what the user meant: not UTF-8 text, control
     * characters, or a trailing newline ({@code echo admin | base64} encodes "admin\n"). {@code keys} are the
     * entries a login uses (username, password).
     */
    static List<Finding> credentialWarnings(SecretSource s, List<String> keys) {
        List<Finding> out = new ArrayList<>();
        if (!s.inline()) {
            return out;
        }
        for (String k : keys) {
            String field;
            byte[] raw;
            if (s.data() != null && s.data().containsKey(k)) {
                field = s.path() + ".data." + k;
                Optional<byte[]> d = decode(s.data().get(k));
                if (d.isEmpty()) {
                    continue;
                }
                raw = d.get();
            } else if (s.stringData() != null && s.stringData().containsKey(k)) {
                field = s.path() + ".stringData." + k;
                raw = s.stringData().get(k).getBytes(StandardCharsets.UTF_8);
            } else {
                continue;
            }
            credentialBytes(field, k, raw).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Finding> credentialBytes(String field, String key, byte[] raw) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(Finding.warning(field, "the " + key + " decodes to bytes that are not UTF-8 text; check"
                    + " that it was base64-encoded from the text itself (printf %s 'the " + key + "' | base64 -w0)."));
        }
        if (text.endsWith("\n") || text.endsWith("\r")) {
            return Optional.of(Finding.warning(field, "the " + key + " ends with a newline, which the BMC will not"
                    + " expect (echo adds one: use printf %s, or echo -n; a YAML | block adds one too: use |- )."));
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(Finding.warning(field, "the " + key + " contains control characters (tab, escape, ...);"
                    + " check that it is the text you meant."));
        }
        return Optional.empty();
    }

    private static Optional<Finding> key(String field, String key) {
        return ConfigKeyRules.problem(key).map(p -> Finding.error(field, p + "; the API server refuses this Secret."
                + " Rename the key.", key));
    }

    private static Iterable<Map.Entry<String, String>> entries(Map<String, String> m) {
        return m == null ? List.of() : m.entrySet();
    }
}
