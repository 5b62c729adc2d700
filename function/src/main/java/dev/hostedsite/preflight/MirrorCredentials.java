package dev.hostedsite.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Registry credentials from a containers auth.json document ({@code {"auths": {KEY: {"auth": base64(user:password)}}}}),
 * the format of a pull secret's {@code .dockerconfigjson} and of {@code podman login --authfile}.
 *
 * <p>Lookup follows containers-auth.json(5) (containers/image {@code docs/containers-auth.json.5.md}, "Format"):
 * a key is a registry ({@code host[:port]}) or a registry with a namespace or repository path, and the most specific
 * key that the repository lies under wins; a legacy {@code https://} prefix is ignored. Entries without a
 * {@code user:password} {@code auth} (identity tokens) are skipped.
 *
 * @param origin where the document came from, for messages (a field path or file name; never its content)
 * @param byKey key → (user, password); never printed
 */
public record MirrorCredentials(String origin, Map<String, Login> byKey) {

    /** One login. {@link #toString} hides the password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=<hidden>]";
        }
    }

    /** No credentials: the registry is asked anonymously. */
    public static MirrorCredentials none(String origin) {
        return new MirrorCredentials(origin, Map.of());
    }

    /** Parses an auth.json document; a document that is not one gives an empty set (the check then says so). */
    public static MirrorCredentials parse(String json, String origin) {
        Map<String, Login> out = new TreeMap<>();
        try {
            JsonNode auths = new ObjectMapper().readTree(json).path("auths");
            auths.fields().forEachRemaining(e -> {
                String decoded = decode(e.getValue().path("auth").asText(""));
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    out.put(normalize(e.getKey()), new Login(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            return none(origin);
        }
        return new MirrorCredentials(origin, Map.copyOf(out));
    }

    /** The login for {@code repository} ({@code host[:port]/path}): the most specific key it lies under. */
    public Optional<Login> forRepository(String repository) {
        String best = null;
        for (String key : byKey.keySet()) {
            if ((repository.equals(key) || repository.startsWith(key + "/")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return Optional.ofNullable(best).map(byKey::get);
    }

    private static String normalize(String key) {
        String k = key.replaceFirst("^https?://", "");
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
