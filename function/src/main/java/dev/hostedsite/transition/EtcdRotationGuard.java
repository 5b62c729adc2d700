package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.SecretWriter;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.input.SecretItem;
import dev.hostedsite.input.Secrets;
import dev.hostedsite.kinds.Names;
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
    /** The Secret key HyperShift reads an AES-CBC key from: {@code AESCBCKeySecretKey} in openshift/hypershift {@code api/hypershift/v1beta1/hostedcluster_types.go}. */
    private static final String KEY = "key";

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
        SecretItem oldKey = oldSecret == null ? null : SecretItem.read(oldSecret, KEY);
        Optional<byte[]> old = oldKey == null ? Optional.empty() : oldKey.value();
        JsonNode newSecret = c.etcdEncryptionKey().inline() ? null : inputSecrets.get(ns + newName);
        SecretItem newKey = newSecret == null ? null : SecretItem.read(newSecret, KEY);
        Optional<byte[]> active = c.etcdEncryptionKey().inline() ? Secrets.etcdKeyBytes(c.etcdEncryptionKey())
                : newKey == null ? Optional.empty() : newKey.value();
        Optional<byte[]> backup = c.etcdBackupKey() != null && c.etcdBackupKey().inline()
                ? Secrets.etcdKeyBytes(c.etcdBackupKey()) : Optional.empty();
        if (old.isPresent() && (active.map(a -> Arrays.equals(a, old.get())).orElse(false)
                || backup.map(b -> Arrays.equals(b, old.get())).orElse(false))) {
            return Optional.empty();
        }
        String loss = "everything HyperShift encrypted with the previous key becomes unreadable: data loss";
        String why;
        if (old.isPresent() && active.isPresent()) {
            why = "The two Secrets hold different keys (compared as the API server stores them: data base64-decoded,"
                    + " stringData as written, stringData overriding data), so " + loss;
        } else {
            List<String> unknown = new ArrayList<>();
            if (old.isEmpty()) {
                unknown.add(unreadable(ns + oldName, oldKey));
            }
            if (active.isEmpty() && !c.etcdEncryptionKey().inline()) {
                unknown.add(unreadable(ns + newName, newKey));
            }
            why = "The render cannot tell whether both hold the same key (" + String.join("; ", unknown)
                    + "); unless they do, " + loss;
        }
        String message = "this render makes Secret " + ns + newName + " the active etcd encryption key of HostedCluster "
                + ns + c.name() + "; the previous render used Secret " + ns + oldName + ", and it is not kept as"
                + " etcdBackupKey. " + why + ". To switch safely: set etcdBackupKey to the previous key"
                + " (secretRef: {name: " + oldName + "}), render and apply, let HyperShift re-encrypt with the new key,"
                + " and only then remove etcdBackupKey. If the change was a mistake, restore the previous reference.";
        return Optional.of(Diagnostic.error(site.ref(), c.etcdEncryptionKey().path(), message).withFile(site.file())
                .withValue(newName));
    }

    /** Why the key of Secret {@code id} is not known: {@code key} is null when the input has no such Secret. */
    private static String unreadable(String id, SecretItem key) {
        if (key == null) {
            return "Secret " + id + " is not among the input items: a Secret made on the hub, by a SealedSecret or by"
                    + " an ExternalSecret cannot be compared";
        }
        return switch (key.state()) {
            case ABSENT -> "Secret " + id + " has no '" + KEY + "' entry under data or stringData";
            case NOT_BASE64 -> key.field() + " of Secret " + id + " is not valid base64";
            case PRESENT -> throw new IllegalStateException("a readable key is not unreadable");
        };
    }

    private static Optional<Diagnostic> check(Site site, Cluster c, JsonNode previousSecret) {
        if (previousSecret == null || !c.etcdEncryptionKey().inline()) {
            return Optional.empty();
        }
        Optional<byte[]> old = SecretItem.read(previousSecret, KEY).value();
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
