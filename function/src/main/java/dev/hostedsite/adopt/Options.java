package dev.hostedsite.adopt;

/**
 * How {@link Adoption#adopt} writes the site.
 *
 * @param siteName the HostedSite's name; null to take it from the objects' {@code hostedsite.dev/owner} annotation,
 *     else {@value #DEFAULT_SITE_NAME}
 * @param secrets how the site points at the hub's Secrets
 * @param storeName with {@link SecretMode#EXTERNAL_SECRET}: the external-secrets.io store the ExternalSecrets read
 * @param storeKind with {@link SecretMode#EXTERNAL_SECRET}: {@code SecretStore} or {@code ClusterSecretStore}
 */
public record Options(String siteName, SecretMode secrets, String storeName, String storeKind) {
    public static final String DEFAULT_SITE_NAME = "imported";

    /**
     * {@code SECRET_REF} (default): each Secret the site needs is a {@code secretRef} to the Secret that exists,
     * declared in {@code spec.externalSecrets}. {@code EXTERNAL_SECRET}: each becomes an {@code externalSecret}
     * of the store {@code storeName}, remote key {@code <namespace>/<name>} (the values must be put there first).
     */
    public enum SecretMode { SECRET_REF, EXTERNAL_SECRET }

    public Options {
        if (secrets == null) {
            secrets = SecretMode.SECRET_REF;
        }
        if (secrets == SecretMode.EXTERNAL_SECRET && (storeName == null || storeName.isBlank())) {
            throw new IllegalArgumentException("the externalSecret mode needs a store name");
        }
        if (storeKind == null) {
            storeKind = "SecretStore";
        }
    }

    /** Site name from the objects, secretRefs. */
    public static Options defaults() {
        return new Options(null, SecretMode.SECRET_REF, null, null);
    }

    public Options withSiteName(String name) {
        return new Options(name, secrets, storeName, storeKind);
    }
}
