package dev.hostedsite.model;

import java.util.Map;

/**
 * Where a secret comes from: exactly one of inline ({@code value}, {@code data} base64, {@code stringData}),
 * {@code secretRef} or {@code externalSecret}. {@code path} is its field path in the HostedSite.
 */
public record SecretSource(String path, Form form, String value, Map<String, String> data,
                           Map<String, String> stringData, String refName, External external) {

    public enum Form { INLINE, SECRET_REF, EXTERNAL }

    public record External(String storeName, String storeKind, String remoteKey, String property) {}

    public boolean inline() {
        return form == Form.INLINE;
    }

    /** The name every reference to this secret uses: the user's Secret for secretRef, otherwise {@code generatedName}. */
    public String referencedName(String generatedName) {
        return form == Form.SECRET_REF ? refName : generatedName;
    }
}
