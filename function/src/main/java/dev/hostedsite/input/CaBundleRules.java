package dev.hostedsite.input;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * A CA bundle the render puts whole into a ConfigMap (the registry's into user-ca-bundle, registry-config and
 * custom-registries; the osImages web server's into the ConfigMap AgentServiceConfig's OSImageCACertRef names):
 * it must fit one ConfigMap ({@code ValidateConfigMap}, kubernetes {@code pkg/apis/core/validation/validation.go},
 * caps a ConfigMap's data at {@link SecretDataRules#MAX_SECRET_SIZE}) and hold X.509 PEM certificates (read with
 * the JDK's X.509 {@link CertificateFactory}). Each caller words the problem for its field.
 */
final class CaBundleRules {
    /** What is wrong with a bundle, in the order it is checked. */
    enum Problem {
        /** More than a ConfigMap holds. */
        TOO_LARGE,
        /** No {@code -----BEGIN CERTIFICATE-----} line. */
        NO_PEM,
        /** PEM that yields no certificate. */
        NO_CERTIFICATE,
        /** PEM that does not parse as X.509. */
        UNPARSABLE
    }

    private CaBundleRules() {}

    /** The first problem of {@code pem}, or empty when it is a bundle of X.509 certificates a ConfigMap holds. */
    static Optional<Problem> problem(String pem) {
        if (pem.getBytes(StandardCharsets.UTF_8).length > SecretDataRules.MAX_SECRET_SIZE) {
            return Optional.of(Problem.TOO_LARGE);
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.of(Problem.NO_PEM);
        }
        try {
            var certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return certs.isEmpty() ? Optional.of(Problem.NO_CERTIFICATE) : Optional.empty();
        } catch (CertificateException | RuntimeException e) {
            return Optional.of(Problem.UNPARSABLE);
        }
    }
}
