package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.generate.Names;
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
 * externalSecret the key never passes through the render. Messages never contain key bytes.
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
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                check(site, c, previous.get(c.namespace() + "/" + Names.etcdKey(c))).ifPresent(out::add);
            }
        }
        return out;
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
