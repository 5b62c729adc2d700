package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.krm.ItemRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's checks on the core objects a site passes through (items of the input that are neither the
 * HostedSite, the previous render nor local config), so that a Secret the hub would refuse stops the render
 * instead of failing the sync halfway. The render's own Secrets and ConfigMaps are checked on their HostedSite
 * fields ({@link SecretDataRules}); these are the same rules on objects written by hand.
 *
 * <p>Upstream: kubernetes/kubernetes {@code pkg/apis/core/validation/validation.go}:
 * <ul>
 *   <li>{@code ValidateObjectMeta}: {@code metadata.name} is required (no {@code generateName}: Argo CD applies by
 *       name);</li>
 *   <li>{@code ValidateSecret}: keys are config keys ({@link ConfigKeyRules}), at most {@code MaxSecretSize} = 1 MiB
 *       of data, and per {@code type}: {@code kubernetes.io/dockerconfigjson} needs {@code .dockerconfigjson} holding a
 *       JSON object, {@code kubernetes.io/dockercfg} needs {@code .dockercfg} likewise, {@code kubernetes.io/basic-auth}
 *       needs {@code username} or {@code password}, {@code kubernetes.io/ssh-auth} a non-empty
 *       {@code ssh-privatekey}, {@code kubernetes.io/tls} both {@code tls.crt} and {@code tls.key},
 *       {@code kubernetes.io/service-account-token} the annotation {@code kubernetes.io/service-account.name};</li>
 *   <li>{@code ValidateConfigMap}: keys are config keys, no key in both {@code data} and {@code binaryData}, at most
 *       1 MiB in all.</li>
 * </ul>
 * {@code stringData} is merged into {@code data} before validation (pkg/apis/core/v1/conversion.go,
 * {@code Convert_v1_Secret_To_core_Secret}), so a key may come from either. {@code data} values are decoded as
 * {@link SecretDataRules#decode} does. Findings never hold a secret value.
 */
public final class PassthroughAdmission {
    /** Per Secret type: the data keys it requires, all ({@code true}) or at least one ({@code false}). */
    private record TypeRule(List<String> keys, boolean all, boolean json, boolean nonEmpty) {}

    private static final Map<String, TypeRule> TYPES = Map.of(
            "kubernetes.io/dockerconfigjson", new TypeRule(List.of(".dockerconfigjson"), true, true, false),
            "kubernetes.io/dockercfg", new TypeRule(List.of(".dockercfg"), true, true, false),
            "kubernetes.io/basic-auth", new TypeRule(List.of("username", "password"), false, false, false),
            "kubernetes.io/ssh-auth", new TypeRule(List.of("ssh-privatekey"), true, false, true),
            "kubernetes.io/tls", new TypeRule(List.of("tls.crt", "tls.key"), true, false, false));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PassthroughAdmission() {}

    /** Findings for the passthrough items (errors: the API server would refuse the object). */
    public static List<Diagnostic> check(List<ObjectNode> passthrough) {
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectNode item : passthrough) {
            SourceFile file = ItemRole.sourceFile(item);
            ObjectRef ref = ObjectRef.of(item);
            boolean named = item.path("metadata").path("name").isTextual() && !item.path("metadata").path("name").asText().isEmpty();
            if (item.path("apiVersion").asText("").isEmpty() || item.path("kind").asText("").isEmpty()) {
                out.add(error(ref, file, item.path("kind").asText("").isEmpty() ? "kind" : "apiVersion",
                        "this document has no " + (item.path("kind").asText("").isEmpty() ? "kind" : "apiVersion")
                                + ": it is neither a HostedSite nor a manifest a hub accepts. Add it, or, if the file is"
                                + " not meant for the hub, move it out of the folder or annotate it"
                                + " config.kubernetes.io/local-config: \"true\"."));
                continue;
            }
            if (!named) {
                out.add(error(ref, file, "metadata.name", "this " + item.path("kind").asText() + " has no metadata.name:"
                        + " the API server refuses it and Argo CD cannot track it. Name it, or, if it is not meant for"
                        + " the hub, annotate it config.kubernetes.io/local-config: \"true\" or move it out of the folder."));
            }
            boolean core = item.path("apiVersion").asText().equals("v1");
            if (core && item.path("kind").asText().equals("Secret")) {
                secret(item, ref, file, out);
            } else if (core && item.path("kind").asText().equals("ConfigMap")) {
                configMap(item, ref, file, out);
            }
        }
        return out;
    }

    private static void secret(ObjectNode item, ObjectRef ref, SourceFile file, List<Diagnostic> out) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        long size = 0;
        for (Map.Entry<String, JsonNode> e : item.path("data").properties()) {
            key(ref, file, "data." + e.getKey(), e.getKey(), "Secret", out);
            Optional<byte[]> raw = e.getValue().isTextual() ? SecretDataRules.decode(e.getValue().asText()) : Optional.empty();
            if (raw.isEmpty()) {
                out.add(error(ref, file, "data." + e.getKey(), "this data value is not base64 as the API server decodes"
                        + " it (standard alphabet, padded with = to a multiple of 4), so the Secret would be refused. Put"
                        + " the plain text under stringData instead, or encode it: printf %s 'the value' | base64 -w0"));
            } else {
                data.put(e.getKey(), raw.get());
            }
        }
        for (Map.Entry<String, JsonNode> e : item.path("stringData").properties()) {
            key(ref, file, "stringData." + e.getKey(), e.getKey(), "Secret", out);
            data.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] v : data.values()) {
            size += v.length;
        }
        if (size > SecretDataRules.MAX_SECRET_SIZE) {
            out.add(error(ref, file, "data", "this Secret holds " + size + " bytes; the API server refuses a Secret above"
                    + " 1 MiB (1048576 bytes) of data."));
        }
        String type = item.path("type").asText("");
        if (type.equals("kubernetes.io/service-account-token")
                && item.path("metadata").path("annotations").path("kubernetes.io/service-account.name").asText("").isEmpty()) {
            out.add(error(ref, file, "metadata.annotations", "a Secret of type kubernetes.io/service-account-token needs"
                    + " the annotation kubernetes.io/service-account.name; the API server refuses it without."));
        }
        TypeRule rule = TYPES.get(type);
        if (rule == null) {
            return;
        }
        List<String> missing = rule.keys().stream().filter(k -> !data.containsKey(k)
                || rule.nonEmpty() && data.get(k).length == 0).toList();
        if (rule.all() ? !missing.isEmpty() : missing.size() == rule.keys().size()) {
            String keys = String.join(rule.all() ? " and " : " or ", rule.all() ? missing : rule.keys());
            out.add(error(ref, file, "data", "a Secret of type " + type + " needs " + (rule.nonEmpty() ? "a non-empty " : "")
                    + "data key " + keys + "; the API server refuses it without (it would fail the sync). Add "
                    + (rule.all() && missing.size() > 1 ? "them" : "it") + " under data (base64) or stringData, or correct"
                    + " the type.").withValue(type));
            return;
        }
        if (rule.json()) {
            for (String k : rule.keys()) {
                if (!isJsonObject(data.get(k))) {
                    out.add(error(ref, file, (item.path("stringData").has(k) ? "stringData." : "data.") + k,
                            "a Secret of type " + type + " must hold a JSON object under " + k + " (a registry auth"
                                    + " file: {\"auths\": {...}}); the API server refuses this one."));
                }
            }
        }
    }

    private static void configMap(ObjectNode item, ObjectRef ref, SourceFile file, List<Diagnostic> out) {
        long size = 0;
        for (Map.Entry<String, JsonNode> e : item.path("data").properties()) {
            key(ref, file, "data." + e.getKey(), e.getKey(), "ConfigMap", out);
            size += e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, JsonNode> e : item.path("binaryData").properties()) {
            key(ref, file, "binaryData." + e.getKey(), e.getKey(), "ConfigMap", out);
            if (item.path("data").has(e.getKey())) {
                out.add(error(ref, file, "binaryData." + e.getKey(), "key " + e.getKey() + " is in both data and"
                        + " binaryData; the API server refuses a ConfigMap with a duplicate key. Keep one."));
            }
            size += SecretDataRules.decode(e.getValue().asText()).map(b -> b.length).orElse(0);
        }
        if (size > SecretDataRules.MAX_SECRET_SIZE) {
            out.add(error(ref, file, "data", "this ConfigMap holds " + size + " bytes; the API server refuses a"
                    + " ConfigMap above 1 MiB (1048576 bytes)."));
        }
    }

    private static void key(ObjectRef ref, SourceFile file, String field, String key, String kind, List<Diagnostic> out) {
        ConfigKeyRules.problem(key).ifPresent(p -> out.add(error(ref, file, field, p + "; the API server refuses this "
                + kind + ". Rename the key.").withValue(key)));
    }

    private static boolean isJsonObject(byte[] raw) {
        if (raw == null) {
            return false;
        }
        try {
            return JSON.readTree(raw) instanceof ObjectNode;
        } catch (IOException e) {
            return false;
        }
    }

    private static Diagnostic error(ObjectRef ref, SourceFile file, String field, String message) {
        return new Diagnostic(Severity.ERROR, message, ref, field, null, file);
    }

}
