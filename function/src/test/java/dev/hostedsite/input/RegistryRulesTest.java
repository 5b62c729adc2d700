package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's CA bundle and host as ConfigMap data and key. */
class RegistryRulesTest {

    private static List<Finding> withRegistry(String field, String value) {
        ObjectNode site = Sites.example();
        ((ObjectNode) site.path("spec").path("hub").path("registry")).put(field, value);
        return RegistryRules.check(Sites.bind(site).hub());
    }

    @Test
    void theExampleRegistryPasses() {
        assertEquals(List.of(), RegistryRules.check(Sites.bind(Sites.example()).hub()));
    }

    @Test
    void aBundleWithoutPemIsRefused() {
        Finding f = RuleRuns.at(withRegistry("caBundle", "just text"), "spec.hub.registry.caBundle");
        assertTrue(f.error() && f.message().contains("no PEM certificate"), f.toString());
    }

    @Test
    void aBrokenCertificateIsRefusedWithoutQuotingIt() {
        Finding f = RuleRuns.at(withRegistry("caBundle", "-----BEGIN CERTIFICATE-----\nnotbase64\n-----END CERTIFICATE-----\n"),
                "spec.hub.registry.caBundle");
        assertTrue(f.error() && f.message().contains("X.509") && !f.message().contains("notbase64"), f.toString());
    }

    @Test
    void aBundleLargerThanAConfigMapIsRefused() {
        String big = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(SecretDataRules.MAX_SECRET_SIZE) + "\n";
        assertTrue(RuleRuns.at(withRegistry("caBundle", big), "spec.hub.registry.caBundle").message().contains("1 MiB"));
    }
}
