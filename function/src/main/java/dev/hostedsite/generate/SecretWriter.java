package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lowers a {@link SecretSource} to what must exist in one namespace: a Secret (inline), an ExternalSecret
 * (external-secrets.io/v1, served by External Secrets Operator 0.16 and later), or nothing (secretRef).
 */
public final class SecretWriter {
    static final String EXTERNAL_SECRETS_API = "external-secrets.io/v1";

    /** What the consumer expects inside the Secret. */
    enum Shape {
        PULL_SECRET("kubernetes.io/dockerconfigjson", ".dockerconfigjson", false),
        SSH_KEY("Opaque", "id_rsa.pub", false),
        /** {@code value} is the base64 AES key itself: it goes into {@code data.key} as is, never encoded twice. */
        ETCD_KEY("Opaque", "key", true),
        BMC_CREDENTIALS("Opaque", null, false);

        final String type;
        final String key;
        final boolean valueIsBase64;

        Shape(String type, String key, boolean valueIsBase64) {
            this.type = type;
            this.key = key;
            this.valueIsBase64 = valueIsBase64;
        }
    }

    private SecretWriter() {}

    /** The name every reference uses: the user's Secret for secretRef, otherwise the generated name. */
    public static String referencedName(SecretSource source, String generatedName) {
        return source.referencedName(generatedName);
    }

    static Optional<ObjectNode> write(SecretSource source, String namespace, String name, Shape shape) {
        return switch (source.form()) {
            case SECRET_REF -> Optional.empty();
            case INLINE -> Optional.of(Core.secret(namespace, name, shape.type, inlineData(source, shape)));
            case EXTERNAL -> Optional.of(externalSecret(source.external(), namespace, name, shape));
        };
    }

    static Map<String, String> inlineData(SecretSource s, Shape shape) {
        Map<String, String> data = new TreeMap<>();
        if (s.value() != null && shape.key != null) {
            data.put(shape.key, shape.valueIsBase64 ? s.value().strip() : base64(s.value()));
        }
        if (s.data() != null) {
            // the API server skips line breaks in base64 data (SecretDataRules.decode): write each value on one line
            s.data().forEach((k, v) -> data.put(k, v.replace("\r", "").replace("\n", "")));
        }
        if (s.stringData() != null) {
            s.stringData().forEach((k, v) -> data.put(k, base64(v)));
        }
        return data;
    }

    private static ObjectNode externalSecret(SecretSource.External ext, String namespace, String name, Shape shape) {
        ObjectNode es = Yaml.object();
        es.put("apiVersion", EXTERNAL_SECRETS_API);
        es.put("kind", "ExternalSecret");
        es.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode spec = es.putObject("spec");
        spec.put("refreshInterval", "1h");
        spec.putObject("secretStoreRef").put("kind", ext.storeKind()).put("name", ext.storeName());
        ObjectNode target = spec.putObject("target");
        target.put("name", name).put("creationPolicy", "Owner");
        target.putObject("template").put("type", shape.type);
        if (shape.key != null) {
            ArrayNode data = spec.putArray("data");
            ObjectNode remote = data.addObject().put("secretKey", shape.key).putObject("remoteRef");
            remote.put("key", ext.remoteKey());
            if (ext.property() != null) {
                remote.put("property", ext.property());
            }
        } else {
            spec.putArray("dataFrom").addObject().putObject("extract").put("key", ext.remoteKey());
        }
        return es;
    }

    static String base64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
