package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the Secrets a site needs into SecretSources without ever reading a value into the site: an ExternalSecret of
 * the render's shape and name becomes {@code externalSecret} (the render writes it back); otherwise a {@code secretRef}
 * to the Secret by its name, declared in {@code spec.externalSecrets} as {@code namespace/name} (the site does not
 * produce it), or, with {@link Options.SecretMode#EXTERNAL_SECRET}, an {@code externalSecret} of the given store. Every
 * other Secret of the export is declared too, so nothing the hub holds is left unnamed; their values stay on the hub.
 */
final class SecretReader {
    static final String EXTERNAL_SECRETS_GROUP = "external-secrets.io";
    private final Inventory inv;
    private final Options options;
    private final Set<String> declared = new TreeSet<>();
    /** Secrets the render produces itself (an ssh public key given inline): not declared. */
    private final Set<String> produced = new TreeSet<>();

    SecretReader(Inventory inv, Options options) {
        this.inv = inv;
        this.options = options;
    }

    /**
     * The SecretSource of the site field {@code siteField} for the Secret {@code name} that objects in
     * {@code namespaces} reference, where the render would name it {@code defaultName} (null: no default name, a
     * reference only).
     */
    ObjectNode source(String siteField, String name, String defaultName, List<String> namespaces) {
        ObjectNode src = Yaml.object();
        if (name.equals(defaultName)) {
            List<ObjectNode> externals = new ArrayList<>();
            for (String ns : namespaces) {
                inv.get("ExternalSecret", ns, name).filter(es -> targets(es, name)).ifPresent(externals::add);
            }
            if (externals.size() == namespaces.size()) {
                ObjectNode es = externals.get(0);
                JsonNode spec = es.path("spec");
                ObjectNode ext = src.putObject("externalSecret");
                ObjectNode store = ext.putObject("storeRef");
                store.put("name", spec.path("secretStoreRef").path("name").asText());
                store.put("kind", spec.path("secretStoreRef").path("kind").asText("SecretStore"));
                JsonNode remote = spec.path("data").path(0).path("remoteRef");
                if (remote.isMissingNode()) {
                    remote = spec.path("dataFrom").path(0).path("extract");
                }
                ext.put("remoteKey", remote.path("key").asText());
                if (remote.hasNonNull("property")) {
                    ext.put("property", remote.path("property").asText());
                }
                for (ObjectNode e : externals) {
                    inv.claim(e, siteField + ".externalSecret", Disposition.SITE_FIELD,
                            "an ExternalSecret of the render's shape: the render writes it back from the store reference");
                }
                for (String ns : namespaces) {
                    inv.any("Secret", ns, name).ifPresent(s -> inv.claim(s, siteField, Disposition.SECRET_REFERENCED,
                            "produced by its ExternalSecret; its value stays in the store"));
                }
                return src;
            }
            if (options.secrets() == Options.SecretMode.EXTERNAL_SECRET) {
                ObjectNode ext = src.putObject("externalSecret");
                ext.putObject("storeRef").put("name", options.storeName()).put("kind", options.storeKind());
                ext.put("remoteKey", namespaces.get(0) + "/" + name);
                for (String ns : namespaces) {
                    inv.any("Secret", ns, name).ifPresent(s -> inv.claim(s, siteField, Disposition.SECRET_REFERENCED,
                            "becomes an ExternalSecret of store " + options.storeName() + ", remote key "
                                    + namespaces.get(0) + "/" + name + ": put the value there before the first sync"));
                }
                return src;
            }
        }
        src.putObject("secretRef").put("name", name);
        for (String ns : namespaces) {
            declare(ns, name, siteField);
        }
        return src;
    }

    /** Declares the Secret {@code namespace/name} as existing on the hub, and claims it when the export holds it. */
    void declare(String namespace, String name, String siteField) {
        if (producedByKeptObject(namespace, name)) {
            return;
        }
        declared.add(namespace == null ? name : namespace + "/" + name);
        inv.any("Secret", namespace, name).ifPresent(s -> inv.claim(s, siteField == null ? "spec.externalSecrets" : siteField,
                Disposition.SECRET_REFERENCED, "referenced by name (spec.externalSecrets); its value stays on the hub"));
    }

    /** A Secret the render itself produces from a site field holding no secret (an ssh public key). */
    void produced(ObjectNode secret, String siteField, String note) {
        produced.add(Inventory.namespace(secret) + "/" + Inventory.name(secret));
        inv.claim(secret, siteField, Disposition.SITE_FIELD, note);
    }

    /** Declares every Secret of the export not yet accounted for. */
    void declareTheRest() {
        for (ObjectNode o : inv.all()) {
            if (o.path("kind").asText().equals("Secret") && !inv.claimed(o)) {
                declare(Inventory.namespace(o), Inventory.name(o), null);
            }
        }
    }

    /** The {@code spec.externalSecrets} entries, sorted. */
    List<String> externalSecrets() {
        return List.copyOf(declared);
    }

    /** Whether an ExternalSecret or SealedSecret that stays a passthrough item produces this Secret. */
    private boolean producedByKeptObject(String namespace, String name) {
        for (ObjectNode o : inv.all()) {
            String kind = o.path("kind").asText();
            if (inv.claimed(o) || !java.util.Objects.equals(namespace, Inventory.namespace(o))) {
                continue;
            }
            if (kind.equals("ExternalSecret") && targets(o, name)) {
                return true;
            }
            if (kind.equals("SealedSecret") && name.equals(o.path("spec").path("template").path("metadata").path("name")
                    .asText(Inventory.name(o)))) {
                return true;
            }
        }
        return false;
    }

    /** The Secret an ExternalSecret produces: {@code spec.target.name}, default the ExternalSecret's own name. */
    static boolean targets(JsonNode es, String name) {
        return name.equals(es.path("spec").path("target").path("name").asText(Inventory.name(es)));
    }
}
