package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.testing.Sites;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A CA bundle a ConfigMap holds: its size first, then PEM, then X.509. */
class CaBundleRulesTest {
    private static final String GOOD = Sites.example().path("spec").path("hub").path("registry").path("caBundle").asText();

    @Test
    void eachProblemInTheOrderChecked() {
        assertEquals(Optional.empty(), CaBundleRules.problem(GOOD));
        assertEquals(Optional.of(CaBundleRules.Problem.TOO_LARGE),
                CaBundleRules.problem(GOOD + "#".repeat(SecretDataRules.MAX_SECRET_SIZE)));
        assertEquals(Optional.of(CaBundleRules.Problem.NO_PEM), CaBundleRules.problem("MIIB..."));
        assertEquals(Optional.of(CaBundleRules.Problem.UNPARSABLE),
                CaBundleRules.problem("-----BEGIN CERTIFICATE-----\nnotbase64\n-----END CERTIFICATE-----\n"));
    }
}
