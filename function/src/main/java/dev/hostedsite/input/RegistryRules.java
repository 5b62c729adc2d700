package dev.hostedsite.input;

import dev.hostedsite.model.Hub;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The mirror registry's CA bundle and host, as the hub's objects take them. The bundle goes whole into the
 * ConfigMaps user-ca-bundle, registry-config and custom-registries, so it must fit one ConfigMap
 * ({@code ValidateConfigMap}, kubernetes {@code pkg/apis/core/validation/validation.go}, caps a ConfigMap's data
 * at the Secret limit, {@link SecretDataRules#MAX_SECRET_SIZE}) and hold X.509 PEM certificates; the registry
 * becomes a key of ConfigMap registry-config ({@link ConfigKeyRules}). Findings name the HostedSite field.
 */
final class RegistryRules {
    private RegistryRules() {}

    /** The CA bundle's findings (at most one), then the registry host's. */
    static List<Finding> check(Hub hub) {
        List<Finding> out = new ArrayList<>();
        caBundleProblem(hub.registry().caBundle()).ifPresent(m -> out.add(Finding.error("spec.hub.registry.caBundle", m, null)));
        ConfigKeyRules.problem(hub.registry().trustKey()).ifPresent(p -> out.add(Finding.error("spec.hub.registry.host",
                "the registry becomes the key " + hub.registry().trustKey() + " of ConfigMap registry-config (<host>..<port>),"
                        + " and " + p + ". Give the registry by host name.", hub.registry().host())));
        return out;
    }

    /** What is wrong with a PEM CA bundle (too large, no certificate, unparsable), or empty. */
    static java.util.Optional<String> caBundleProblem(String pem) {
        if (pem.getBytes(StandardCharsets.UTF_8).length > SecretDataRules.MAX_SECRET_SIZE) {
            return java.util.Optional.of("the registry CA bundle is larger than 1 MiB, the most a ConfigMap holds. Keep"
                    + " only the certificates that sign the mirror registry.");
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return java.util.Optional.of("the registry CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE-----)."
                    + " Paste the mirror registry's CA certificate.");
        }
        try {
            var certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                return java.util.Optional.of("the registry CA bundle holds no X.509 certificate.");
            }
        } catch (CertificateException | RuntimeException e) {
            return java.util.Optional.of("the registry CA bundle does not parse as X.509 PEM certificates: check that each"
                    + " certificate is complete, between its BEGIN and END lines.");
        }
        return java.util.Optional.empty();
    }
}
