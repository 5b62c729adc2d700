package dev.hostedsite.input;

import dev.hostedsite.model.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mirror registry's CA bundle and host, as the hub's objects take them. The bundle goes whole into the
 * ConfigMaps user-ca-bundle, registry-config and custom-registries ({@link CaBundleRules}); the registry becomes a
 * key of ConfigMap registry-config ({@link ConfigKeyRules}). Findings name the HostedSite field.
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

    /** What is wrong with the registry's PEM CA bundle ({@link CaBundleRules}), as a sentence, or empty. */
    static Optional<String> caBundleProblem(String pem) {
        return CaBundleRules.problem(pem).map(p -> switch (p) {
            case TOO_LARGE -> "the registry CA bundle is larger than 1 MiB, the most a ConfigMap holds. Keep only the"
                    + " certificates that sign the mirror registry.";
            case NO_PEM -> "the registry CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE-----). Paste the"
                    + " mirror registry's CA certificate.";
            case NO_CERTIFICATE -> "the registry CA bundle holds no X.509 certificate.";
            case UNPARSABLE -> "the registry CA bundle does not parse as X.509 PEM certificates: check that each"
                    + " certificate is complete, between its BEGIN and END lines.";
        });
    }
}
