package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ConfigMap and Secret data keys as the API server admits them ({@link ConfigKeyRules}). */
class ConfigKeyRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ca-bundle.crt | ok", ".dockerconfigjson | ok", "registry.example.com..5000 | ok",
        ". | bad", ".. | bad", "..data | bad", "a b | bad", "[fd00::1]..5000 | bad"})
    void configKeysFollowTheApiServer(String key, String expected) {
        assertEquals(expected, ConfigKeyRules.problem(key).isEmpty() ? "ok" : "bad");
    }
}
