package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.Names;
import dev.hostedsite.generate.SecretWriter;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a render that would silently change a hosted cluster's etcd encryption key. In kpt mode the input
 * holds what the previous render wrote (items with the owner annotation): when the previous active key Secret
 * held key A, the new input makes another key active, and A is not kept as {@code etcdBackupKey}, every object
 * HyperShift encrypted with A would become unreadable. Only inline keys can be compared; for secretRef and
 * externalSecret the key never passes through the render. Also refuses a change of the active key's Secret name
 * (a secretRef renamed, a change of form) that does not keep the previous Secret as backup key. Messages never
 * contain key bytes.
 */
public final class EtcdRotationGuard {
    private EtcdRotationGuard() {}

    public static List<Diagnostic> check(List<Site> sites, List<ObjectNode> items) {
        Map<String, JsonNode> previous = new HashMap<>();
        for (ObjectNode item : items) {
            if (ManifestSet.isGenerated(item) && "Secret".equals(item.path("kind").asText())
                    && "v1".equals(item.path("apiVersion").asText())) {
                JsonNode meta = item.path("metadata");
                previous.put(meta.path("namespace").asText() + "/" + meta.path("name").asText(), item);
            }
        }
        Map<String, JsonNode> previousClusters = new HashMap<>();
        Map<String, JsonNode> secrets = new HashMap<>();
        for (ObjectNode item : items) {
            JsonNode meta = item.path("metadata");
            String id = meta.path("namespace").asText() + "/" + meta.path("name").asText();
            if (ManifestSet.isGenerated(item) && "HostedCluster".equals(item.path("kind").asText())) {
                previousClusters.put(id, item);
            } else if (!ManifestSet.isGenerated(item) && "Secret".equals(item.path("kind").asText())
                    && "v1".equals(item.path("apiVersion").asText())) {
                secrets.put(id, item);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                check(site, c, previous.get(c.namespace() + "/" + Names.etcdKey(c))).ifPresent(out::add);
                JsonNode hc = previousClusters.get(c.namespace() + "/" + c.name());
                if (hc != null) {
                    checkName(site, c, hc, previous, secrets).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /**
     * The active key's Secret is another one than in the previous render (a secretRef renamed, or a change of
     * form): unless the new Secret visibly holds the same key, the previous Secret must be the backup key.
     * Key bytes are known for Secrets this render or the input holds as plain Secrets; a SealedSecret,
     * ExternalSecret or external Secret cannot be compared.
     */
    private static Optional<Diagnostic> checkName(Site site, Cluster c, JsonNode previousCluster,
                                                  Map<String, JsonNode> previousSecrets, Map<String, JsonNode> inputSecrets) {
        String oldName = previousCluster.path("spec").path("secretEncryption").path("aescbc").path("activeKey")
                .path("name").asText("");
        String newName = SecretWriter.referencedName(c.etcdEncryptionKey(), Names.etcdKey(c));
        if (oldName.isEmpty() || oldName.equals(newName)) {
            return Optional.empty();
        }
        if (c.etcdBackupKey() != null && oldName.equals(SecretWriter.referencedName(c.etcdBackupKey(), Names.etcdBackupKey(c)))) {
            return Optional.empty();
        }
        String ns = c.namespace() + "/";
        JsonNode oldSecret = previousSecrets.getOrDefault(ns + oldName, inputSecrets.get(ns + oldName));
        Optional<byte[]> old = oldSecret == null ? Optional.empty()
                : Secrets.decodeBase64(oldSecret.path("data").path("key").asText(null));
        Optional<byte[]> active = c.etcdEncryptionKey().inline() ? Secrets.etcdKeyBytes(c.etcdEncryptionKey())
                : Optional.ofNullable(inputSecrets.get(ns + newName))
                        .flatMap(s -> Secrets.decodeBase64(s.path("data").path("key").asText(null)));
        Optional<byte[]> backup = c.etcdBackupKey() != null && c.etcdBackupKey().inline()
                ? Secrets.etcdKeyBytes(c.etcdBackupKey()) : Optional.empty();
        if (old.isPresent() && (active.map(a -> Arrays.equals(a, old.get())).orElse(false)
                || backup.map(b -> Arrays.equals(b, old.get())).orElse(false))) {
            return Optional.empty();
        }
        String message = "this render makes Secret " + ns + newName + " the active etcd encryption key of HostedCluster "
                + ns + c.name() + "; the previous render used Secret " + ns + oldName + ", and it is not kept as"
                + " etcdBackupKey. Unless both hold the same key, everything HyperShift encrypted with the previous key"
                + " becomes unreadable: data loss"
                + (old.isEmpty() || active.isEmpty() ? " (the render cannot compare them: a referenced Secret's value is"
                        + " not in its input)" : "") + ". To switch safely: set etcdBackupKey to the previous key"
                + " (secretRef: {name: " + oldName + "}), render and apply, let HyperShift re-encrypt with the new key,"
                + " and only then remove etcdBackupKey. If the change was a mistake, restore the previous reference.";
        return Optional.of(Diagnostic.error(site.ref(), c.etcdEncryptionKey().path(), message).withFile(site.file())
                .withValue(newName));
    }

    private static Optional<Diagnostic> check(Site site, Cluster c, JsonNode previousSecret) {
        if (previousSecret == null || !c.etcdEncryptionKey().inline()) {
            return Optional.empty();
        }
        Optional<byte[]> old = Secrets.decodeBase64(previousSecret.path("data").path("key").asText(null));
        Optional<byte[]> active = Secrets.etcdKeyBytes(c.etcdEncryptionKey());
        if (old.isEmpty() || active.isEmpty() || Arrays.equals(old.get(), active.get())) {
            return Optional.empty();
        }
        SecretSource backup = c.etcdBackupKey();
        if (backup != null && (!backup.inline()
                || Secrets.etcdKeyBytes(backup).map(b -> Arrays.equals(b, old.get())).orElse(false))) {
            return Optional.empty();
        }
        String secret = c.namespace() + "/" + Names.etcdKey(c);
        String message = "this render changes the active etcd encryption key of HostedCluster " + c.namespace() + "/"
                + c.name() + ", and the key it replaces (in Secret " + secret + ", written by the previous render) is "
                + (backup == null ? "not kept" : "not the one given") + " as etcdBackupKey. Every object HyperShift"
                + " encrypted with the previous key (Secrets, ConfigMaps, tokens in the hosted etcd) would become"
                + " unreadable: data loss. To rotate safely: set etcdBackupKey to the previous key (data.key of " + secret
                + "), render and apply, let HyperShift re-encrypt with the new key, and only then remove etcdBackupKey."
                + " If the change was a mistake, restore the previous key.";
        return Optional.of(Diagnostic.error(site.ref(), c.etcdEncryptionKey().path(), message).withFile(site.file()));
    }
}
