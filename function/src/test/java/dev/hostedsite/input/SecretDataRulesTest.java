package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.model.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API server's rules on Secret data ({@link SecretDataRules}): base64 as Go decodes it, size, credential bytes. */
class SecretDataRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "YWRtaW4= | admin",
        "'' | ''",
        "YWRtaW4 | REFUSED",
        "admin | REFUSED",
        "YWRt aW4= | REFUSED",
        "YW-_ | REFUSED",
        "YQ=== | REFUSED",
        "YQ==YQ== | REFUSED",
    })
    void secretDataIsDecodedAsTheApiServerDecodesIt(String text, String expected) {
        String got = SecretDataRules.decode(text).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("REFUSED");
        assertEquals(expected, got);
    }

    @Test
    void lineBreaksInSecretDataAreSkippedAsGoSkipsThem() {
        for (String wrapped : List.of("YWRt\naW4=", "YWRtaW4=\r\n", "YW\r\nRtaW4\n=")) {
            assertEquals("admin", new String(SecretDataRules.decode(wrapped).orElseThrow(), StandardCharsets.UTF_8));
        }
    }

    private static SecretSource data(Map<String, String> data) {
        return new SecretSource("s", SecretSource.Form.INLINE, null, data, null, null, null);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void credentialBytesThatCannotBeMeantGetAWarningNamingTheField() {
        SecretSource s = data(Map.of("username", b64("admin\n".getBytes(StandardCharsets.UTF_8)),
                "password", b64(new byte[] {(byte) 0xff, (byte) 0xfe})));
        List<Finding> f = SecretDataRules.credentialWarnings(s, List.of("username", "password"));
        assertEquals(List.of("s.data.username", "s.data.password"), f.stream().map(Finding::path).toList());
        assertTrue(f.get(0).message().contains("newline") && f.get(1).message().contains("UTF-8"), f::toString);
        assertTrue(SecretDataRules.credentialWarnings(data(Map.of("username", b64("admin".getBytes(StandardCharsets.UTF_8)),
                "password", b64("pässword".getBytes(StandardCharsets.UTF_8)))), List.of("username", "password")).isEmpty());
    }

    @Test
    void aSecretAboveOneMebibyteOfDataIsRefused() {
        String big = "x".repeat(SecretDataRules.MAX_SECRET_SIZE);
        SecretSource s = new SecretSource("s", SecretSource.Form.INLINE, null, null,
                Map.of("username", "admin", "password", big), null, null);
        List<Finding> f = SecretDataRules.check(s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).error() && f.get(0).message().contains("1 MiB") && f.get(0).value() == null);
        SecretSource fits = new SecretSource("s", SecretSource.Form.INLINE, null, null,
                Map.of("password", big), null, null);
        assertTrue(SecretDataRules.check(fits).isEmpty());
    }
}
