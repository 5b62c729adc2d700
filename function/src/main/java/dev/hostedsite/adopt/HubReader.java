package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Hub;
import dev.hostedsite.platform.agent.RegistriesConf;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spec.hub} from the hub's own objects, the inverse of {@code generate/HubGenerator}: the registry and its CA
 * ({@code registry-config}, {@code custom-registries}), the mirrors (every ImageDigestMirrorSet, ImageTagMirrorSet and
 * ImageContentSourcePolicy, whatever its name), the CatalogSources, the {@code agent} AgentServiceConfig (storage;
 * osImages, the web server from their URLs), the MultiClusterEngine. Operators, MetalLB and the bare-metal plumbing are
 * {@link OperatorsReader}'s.
 */
final class HubReader {
    private final Inventory inv;
    private final ObjectNode hub = Yaml.object();

    private HubReader(Inventory inv) {
        this.inv = inv;
    }

    /** The {@code spec.hub} tree; {@code overrides} is the HostedClusters' OLM registry-overrides annotation values. */
    static ObjectNode read(Inventory inv, List<String> overrides) {
        HubReader r = new HubReader(inv);
        r.mce();
        r.registry();
        r.mirrors();
        r.registriesConf();
        r.catalogs(overrides);
        r.agentServiceConfig();
        return r.hub;
    }

    private void mce() {
        List<ObjectNode> mces = inv.readable("MultiClusterEngine");
        boolean acmHub = !inv.readable("MultiClusterHub").isEmpty() || inv.all().stream()
                .anyMatch(o -> o.path("kind").asText().equals("MultiClusterHub"));
        if (mces.isEmpty()) {
            String ns = inv.readable("AgentServiceConfig").isEmpty() ? null : namespaceOfCustomRegistries();
            if (ns != null && !ns.equals(SiteBinder.DEFAULT_MCE_NAMESPACE)) {
                hub.put("mceNamespace", ns);
            }
            if (inv.managed() || acmHub) {
                hub.putObject("multiclusterEngine").put("owner", "acm");
            }
            return;
        }
        ObjectNode mce = mces.get(0);
        if (mces.size() > 1) {
            inv.warn(mces.get(1), "metadata.name", "a hub runs one MultiClusterEngine; only " + Inventory.name(mce)
                    + " is adopted, the others are kept as they are.");
        }
        String ns = mce.path("spec").path("targetNamespace").asText(SiteBinder.DEFAULT_MCE_NAMESPACE);
        if (!ns.equals(SiteBinder.DEFAULT_MCE_NAMESPACE)) {
            hub.put("mceNamespace", ns);
        }
        if (acmHub || mce.path("metadata").path("labels").has("installer.name")) {
            hub.putObject("multiclusterEngine").put("owner", "acm");
            inv.claim(mce, "spec.hub.multiclusterEngine.owner", Disposition.DROPPED,
                    "ACM's MultiClusterHub owns this MultiClusterEngine; the site leaves it to ACM (owner: acm)");
            return;
        }
        inv.claim(mce, "spec.hub.mceNamespace", Disposition.SITE_FIELD,
                "the render writes the MultiClusterEngine with its target namespace, hypershift and assisted-service enabled");
        if (!Inventory.name(mce).equals(Names.MULTICLUSTER_ENGINE)) {
            inv.warn(mce, "metadata.name", "the render names the MultiClusterEngine " + Names.MULTICLUSTER_ENGINE
                    + "; a hub holds one, so the first sync would add a second beside " + Inventory.name(mce)
                    + ", which the MCE operator refuses. Rename is not possible in place: keep it and set owner: acm, or"
                    + " delete it before the first sync.");
        }
        JsonNode components = mce.path("spec").path("overrides").path("components");
        List<String> others = new ArrayList<>();
        for (JsonNode c : components) {
            String name = c.path("name").asText();
            boolean enabled = c.path("enabled").asBoolean();
            if ((name.equals("hypershift") || name.equals("assisted-service")) && !enabled) {
                inv.warn(mce, "spec.overrides.components", "component " + name + " is disabled here; the render enables it.");
            } else if (!name.equals("hypershift") && !name.equals("assisted-service")) {
                others.add(name + "=" + enabled);
            }
        }
        if (!others.isEmpty()) {
            inv.warn(mce, "spec.overrides.components", "the render lists only hypershift and assisted-service; the"
                    + " settings of " + String.join(", ", others) + " would go back to the MCE's defaults.");
        }
    }

    private String namespaceOfCustomRegistries() {
        return inv.readable("ConfigMap").stream().filter(c -> Names.CUSTOM_REGISTRIES.equals(Inventory.name(c)))
                .map(Inventory::namespace).findFirst().orElse(null);
    }

    private void registry() {
        ObjectNode reg = hub.putObject("registry");
        Optional<ObjectNode> trust = inv.get("ConfigMap", Names.OPENSHIFT_CONFIG, Names.REGISTRY_CONFIG);
        String mceNs = hub.path("mceNamespace").asText(SiteBinder.DEFAULT_MCE_NAMESPACE);
        Optional<ObjectNode> custom = inv.get("ConfigMap", mceNs, Names.CUSTOM_REGISTRIES);
        String ca = null;
        if (trust.isPresent()) {
            Iterator<Map.Entry<String, JsonNode>> it = trust.get().path("data").fields();
            if (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                int sep = key.indexOf("..");
                reg.put("host", sep < 0 ? key : key.substring(0, sep));
                if (sep >= 0) {
                    try {
                        reg.put("port", Integer.parseInt(key.substring(sep + 2)));
                    } catch (NumberFormatException bad) {
                        inv.warn(trust.get(), "data", "the key " + key + " is not <host>..<port>; the port is left out.");
                    }
                }
                ca = e.getValue().asText();
                if (it.hasNext()) {
                    inv.warn(trust.get(), "data", "registry-config holds the CAs of several registries; the render writes"
                            + " only the mirror registry's (" + key + "): the others would be dropped from the hub's trust.");
                }
            }
            inv.claim(trust.get(), "spec.hub.registry", Disposition.SITE_FIELD,
                    "the mirror registry's host, port (the data key <host>..<port>) and CA");
        }
        if (custom.isPresent()) {
            String bundle = custom.get().path("data").path("ca-bundle.crt").asText(null);
            if (ca == null) {
                ca = bundle;
            } else if (bundle != null && !bundle.strip().equals(ca.strip())) {
                inv.warn(custom.get(), "data.ca-bundle.crt", "differs from the CA in registry-config; the render writes"
                        + " the registry-config CA into both.");
            }
            inv.claim(custom.get(), "spec.hub.mirrors", Disposition.SITE_FIELD,
                    "registries.conf and ca-bundle.crt: the render writes them from the mirrors and the registry CA");
        }
        if (!reg.has("host")) {
            hostFromMirrors().ifPresent(h -> {
                int colon = h.lastIndexOf(':');
                if (colon > 0 && h.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                    reg.put("host", h.substring(0, colon));
                    reg.put("port", Integer.parseInt(h.substring(colon + 1)));
                } else {
                    reg.put("host", h);
                }
            });
        }
        if (ca != null) {
            reg.put("caBundle", ca);
        } else {
            inv.error(null, "spec.hub.registry.caBundle", "the export holds neither ConfigMap openshift-config/"
                    + Names.REGISTRY_CONFIG + " nor " + Names.CUSTOM_REGISTRIES + ": the mirror registry's CA is unknown."
                    + " Add them to the export (oc get configmap -n openshift-config registry-config -o yaml).");
        }
        inv.get("Image", null, Names.IMAGE_CONFIG).ifPresent(image -> {
            String name = image.path("spec").path("additionalTrustedCA").path("name").asText();
            if (name.equals(Names.REGISTRY_CONFIG)) {
                inv.claim(image, "spec.hub.registry.caBundle", Disposition.SITE_FIELD,
                        "the render applies additionalTrustedCA server-side; the Image's other fields are not the site's");
            } else {
                inv.warn(image, "spec.additionalTrustedCA.name", "the render points the hub's trust at " + Names.REGISTRY_CONFIG
                        + ", not " + name + ": the CAs of " + name + " would no longer be trusted.");
                inv.claim(image, "spec.hub.registry.caBundle", Disposition.SITE_FIELD, "partial object, applied server-side");
            }
        });
    }

    private Optional<String> hostFromMirrors() {
        for (JsonNode m : hub.path("mirrors")) {
            for (JsonNode target : m.path("mirrors")) {
                String t = target.asText();
                int slash = t.indexOf('/');
                return Optional.of(slash < 0 ? t : t.substring(0, slash));
            }
        }
        return Optional.empty();
    }

    /**
     * Mirrors: the digest mirror sets (IDMS, then ICSP) in order, then the tag mirror sets' sources not yet seen; a
     * source an ImageTagMirrorSet lists gets {@code tags: true}.
     */
    private void mirrors() {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        Map<String, Boolean> tags = new LinkedHashMap<>();
        List<ObjectNode> idms = inv.readable("ImageDigestMirrorSet");
        List<ObjectNode> itms = inv.readable("ImageTagMirrorSet");
        List<ObjectNode> icsp = inv.readable("ImageContentSourcePolicy");
        for (ObjectNode set : idms) {
            collect(set, "imageDigestMirrors", sources, tags, false);
        }
        for (ObjectNode set : icsp) {
            collect(set, "repositoryDigestMirrors", sources, tags, false);
            inv.warn(set, "kind", "ImageContentSourcePolicy is deprecated; the render writes its mirrors as the"
                    + " ImageDigestMirrorSet " + Names.MIRROR_SETS + " and keeps this object as it is: delete it once"
                    + " the new set is applied (both are merged into the same registries.conf).");
        }
        for (ObjectNode set : itms) {
            collect(set, "imageTagMirrors", sources, tags, true);
        }
        mirrorSetNames(idms, itms);
        ArrayNode out = hub.putArray("mirrors");
        sources.forEach((source, targets) -> {
            ObjectNode m = out.addObject();
            m.put("source", source);
            ArrayNode ms = m.putArray("mirrors");
            targets.forEach(ms::add);
            if (tags.getOrDefault(source, false)) {
                m.put("tags", true);
            }
        });
    }

    /**
     * {@code hub.registriesConf}: the hub's {@code custom-registries} registries.conf verbatim, only when it differs
     * from the text the render generates from the mirrors just read ({@link RegistriesConf#render}), so that the
     * ConfigMap keeps its bytes.
     */
    private void registriesConf() {
        String mceNs = hub.path("mceNamespace").asText(SiteBinder.DEFAULT_MCE_NAMESPACE);
        Optional<ObjectNode> custom = inv.get("ConfigMap", mceNs, Names.CUSTOM_REGISTRIES);
        String text = custom.map(c -> c.path("data").path("registries.conf").asText(null)).orElse(null);
        if (text == null || text.isBlank()) {
            return;
        }
        List<Hub.Mirror> mirrors = new ArrayList<>();
        for (JsonNode m : hub.path("mirrors")) {
            List<String> targets = new ArrayList<>();
            m.path("mirrors").forEach(t -> targets.add(t.asText()));
            mirrors.add(new Hub.Mirror(m.path("source").asText(), List.copyOf(targets), m.path("tags").asBoolean(false)));
        }
        if (!text.equals(RegistriesConf.render(mirrors))) {
            hub.put("registriesConf", text);
            inv.field(custom.get(), "data.registries.conf", "spec.hub.registriesConf", Disposition.SITE_FIELD,
                    "the hub's registries.conf differs from the one the render generates from the mirrors: kept verbatim");
        }
    }

    private void collect(ObjectNode set, String field, Map<String, List<String>> sources, Map<String, Boolean> tags,
                         boolean tag) {
        for (JsonNode e : set.path("spec").path(field)) {
            String source = e.path("source").asText();
            List<String> targets = sources.computeIfAbsent(source, s -> new ArrayList<>());
            for (JsonNode m : e.path("mirrors")) {
                if (!targets.contains(m.asText())) {
                    targets.add(m.asText());
                }
            }
            if (tag) {
                tags.put(source, true);
            }
            if (e.has("mirrorSourcePolicy")) {
                inv.warn(set, "spec." + field, "mirrorSourcePolicy " + e.path("mirrorSourcePolicy").asText() + " of "
                        + source + " cannot be written by the site; the render leaves it out (the default AllowContactingSource).");
            }
        }
    }

    /**
     * The mirror sets the render writes back: those of its name ({@code hub.mirrorSetName}: the hub's one
     * ImageDigestMirrorSet's, when it has exactly one and no ImageTagMirrorSet of another name). Others are kept,
     * with a warning.
     */
    private void mirrorSetNames(List<ObjectNode> idms, List<ObjectNode> itms) {
        String name = Names.MIRROR_SETS;
        if (idms.size() == 1 && itms.size() <= 1
                && itms.stream().allMatch(t -> Inventory.name(t).equals(Inventory.name(idms.get(0))))) {
            name = Inventory.name(idms.get(0));
        } else if (idms.isEmpty() && itms.size() == 1) {
            name = Inventory.name(itms.get(0));
        }
        if (!name.equals(Names.MIRROR_SETS)) {
            hub.put("mirrorSetName", name);
            for (ObjectNode set : idms.isEmpty() ? itms : idms) {
                inv.field(set, "metadata.name", "spec.hub.mirrorSetName", Disposition.SITE_FIELD,
                        "the hub's one mirror set keeps its name (a contract addition), so adoption adds no set");
            }
        }
        for (ObjectNode set : idms) {
            claimSet(set, name);
        }
        for (ObjectNode set : itms) {
            claimSet(set, name);
        }
    }

    private void claimSet(ObjectNode set, String name) {
        if (name.equals(Inventory.name(set))) {
            inv.claim(set, "spec.hub.mirrors", Disposition.SITE_FIELD, "the render writes it from the mirrors");
        } else {
            inv.warn(set, "metadata.name", set.path("kind").asText() + " " + Inventory.name(set) + " is kept as it is;"
                    + " the render also writes its mirrors into " + set.path("kind").asText() + " " + name
                    + " (the Machine Config Operator merges both into the same registries.conf, so nodes see no change)."
                    + " Delete " + Inventory.name(set) + " once " + name + " is applied.");
        }
    }

    /**
     * CatalogSources in openshift-marketplace. The hub does not know what oc-mirror pulled ({@code source}): a catalog
     * whose image lies in a repository the HostedClusters' OLM overrides annotation names as the mirror of
     * {@code registry.redhat.io/redhat} comes from there; otherwise the source is written as the image itself, and
     * the ledger says to correct it (it feeds only the oc-mirror ImageSetConfiguration).
     */
    private void catalogs(List<String> overrides) {
        ArrayNode out = hub.putArray("catalogs");
        for (ObjectNode cs : inv.readable("CatalogSource")) {
            if (!Names.OPENSHIFT_MARKETPLACE.equals(Inventory.namespace(cs))) {
                continue;
            }
            JsonNode spec = cs.path("spec");
            String image = spec.path("image").asText(null);
            if (image == null || !spec.path("sourceType").asText("grpc").equals("grpc")) {
                continue;
            }
            ObjectNode c = out.addObject();
            c.put("name", Inventory.name(cs));
            String source = catalogSource(image, overrides);
            c.put("source", source);
            c.put("image", image);
            if (spec.hasNonNull("displayName")) {
                c.put("displayName", spec.path("displayName").asText());
            }
            c.putArray("packages");
            String field = "spec.hub.catalogs[" + (out.size() - 1) + "]";
            inv.claim(cs, field, Disposition.SITE_FIELD, "name, image and displayName; source "
                    + (source.equals(image) ? "set to the image (no hub object records which index oc-mirror pulls)"
                    : "from the HostedCluster's olm-catalogs-is-registry-overrides annotation") + ": " + source);
            if (source.equals(image)) {
                inv.warn(cs, "spec.image", field + ".source is set to the mirror's image " + image + ", since no hub"
                        + " object records the index oc-mirror pulls for this catalog: the site's oc-mirror"
                        + " ImageSetConfiguration would pull it from the mirror itself. Set " + field + ".source to"
                        + " the upstream index (e.g. registry.redhat.io/redhat/redhat-operator-index:v4.18) and its"
                        + " packages to those you mirror; the hub's objects do not change.");
            }
            for (String f : List.of("publisher", "grpcPodConfig", "updateStrategy", "secrets", "priority", "icon")) {
                if (spec.has(f)) {
                    inv.warn(cs, "spec." + f, "the render's CatalogSource has no " + f + "; it would be dropped.");
                }
            }
        }
    }

    static String catalogSource(String image, List<String> overrides) {
        String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String tag = "";
        int colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            tag = repo.substring(colon);
            repo = repo.substring(0, colon);
        }
        int slash = repo.lastIndexOf('/');
        String namespace = slash < 0 ? repo : repo.substring(0, slash);
        for (String value : overrides) {
            for (String pair : value.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].strip().equals("registry.redhat.io/redhat") && kv[1].strip().equals(namespace)) {
                    return "registry.redhat.io/redhat" + repo.substring(slash) + tag;
                }
            }
        }
        return image;
    }

    private void agentServiceConfig() {
        ObjectNode os = hub.putObject("osImages");
        ObjectNode storage = hub.putObject("agentServiceConfig");
        Optional<ObjectNode> found = inv.get("AgentServiceConfig", null, Names.AGENT_SERVICE_CONFIG);
        if (found.isEmpty()) {
            inv.error(null, "spec.hub.agentServiceConfig", "the export holds no AgentServiceConfig " + Names.AGENT_SERVICE_CONFIG
                    + ": storage and osImages are unknown. Add it to the export (oc get agentserviceconfig agent -o yaml).");
            return;
        }
        ObjectNode asc = found.get();
        JsonNode spec = asc.path("spec");
        String storageClass = null;
        for (String claim : List.of("databaseStorage", "filesystemStorage", "imageStorage")) {
            JsonNode c = spec.path(claim);
            if (c.isMissingNode()) {
                continue;
            }
            String size = c.path("resources").path("requests").path("storage").asText(null);
            if (size != null) {
                storage.put(claim, size);
            }
            String sc = c.path("storageClassName").asText(null);
            if (sc != null && storageClass != null && !sc.equals(storageClass)) {
                inv.warn(asc, "spec." + claim + ".storageClassName", "the render gives the three claims one StorageClass ("
                        + storageClass + "), not " + sc + ": the claim's class is immutable, so assisted-service's"
                        + " volume would have to be recreated.");
            }
            if (storageClass == null) {
                storageClass = sc;
            }
        }
        if (storageClass != null) {
            storage.put("storageClassName", storageClass);
        }
        String mirrorRef = spec.path("mirrorRegistryRef").path("name").asText(null);
        if (mirrorRef != null && !mirrorRef.equals(Names.CUSTOM_REGISTRIES)) {
            inv.warn(asc, "spec.mirrorRegistryRef.name", "the render points assisted-service at " + Names.CUSTOM_REGISTRIES
                    + ", not " + mirrorRef + ".");
        }
        String base = null;
        ArrayNode images = os.putArray("images");
        for (JsonNode i : spec.path("osImages")) {
            String url = i.path("url").asText();
            String dir = url.substring(0, Math.max(0, url.lastIndexOf('/')));
            if (base == null) {
                base = dir;
            } else if (!base.equals(dir)) {
                inv.warn(asc, "spec.osImages", "the render serves every OS image from one web server directory ("
                        + base + "); " + url + " lies elsewhere and would move.");
            }
            ObjectNode img = images.addObject();
            img.put("openshiftVersion", i.path("openshiftVersion").asText());
            img.put("version", i.path("version").asText());
            img.put("cpuArchitecture", i.path("cpuArchitecture").asText("x86_64"));
            img.put("iso", url.substring(url.lastIndexOf('/') + 1));
            if (i.hasNonNull("rootFSUrl")) {
                String rootfs = i.path("rootFSUrl").asText();
                if (!rootfs.startsWith(base + "/")) {
                    inv.warn(asc, "spec.osImages", "rootFSUrl " + rootfs + " is not beside its ISO; the render puts it there.");
                }
                img.put("rootfs", rootfs.substring(rootfs.lastIndexOf('/') + 1));
            }
        }
        // webServer first: the field order of the example site
        ObjectNode ordered = Yaml.object();
        ordered.put("webServer", base == null ? "" : base);
        ordered.setAll(os);
        os.removeAll();
        os.setAll(ordered);
        if (spec.path("OSImageCACertRef").hasNonNull("name")) {
            String ns = hub.path("mceNamespace").asText(SiteBinder.DEFAULT_MCE_NAMESPACE);
            String cm = spec.path("OSImageCACertRef").path("name").asText();
            inv.get("ConfigMap", ns, cm).ifPresentOrElse(c -> {
                os.put("caBundle", c.path("data").path("ca-bundle.crt").asText());
                inv.claim(c, "spec.hub.osImages.caBundle", Disposition.SITE_FIELD, "the web server's CA");
            }, () -> inv.warn(asc, "spec.OSImageCACertRef", "ConfigMap " + ns + "/" + cm + " is not in the export;"
                    + " the web server's CA is unknown."));
        }
        for (String f : List.of("iPXEHTTPRoute", "mustGatherImages", "unauthenticatedRegistries", "ingress",
                "kubeletConfig", "imageStorage")) {
            if (spec.has(f) && !f.equals("imageStorage")) {
                inv.warn(asc, "spec." + f, "the render's AgentServiceConfig has no " + f + "; it would be dropped.");
            }
        }
        inv.claim(asc, "spec.hub.agentServiceConfig", Disposition.SITE_FIELD,
                "storage from the claims, osImages and the web server from the image URLs");
    }
}
