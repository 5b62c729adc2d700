package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.krm.ItemRole;
import dev.hostedsite.transition.SiteEvidence;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code hostedsite import}'s core, the inverse of the render: from a hub's objects, a HostedSite whose render gives
 * them back, plus the objects the contract cannot express, kept as passthrough items.
 *
 * <p>One site per hub, the product's model: every HostedCluster of the export becomes a cluster of the one site, and
 * when the export comes from several HostedSites (their {@code hostedsite.dev/owner} annotations name several) they
 * are merged into one, named after the first; rendering it relabels {@code hostedsite.dev/owner} and nothing else.
 * Two HostedClusters of one name in different namespaces cannot both be adopted (their control planes would share the
 * agents' names): the second is an error, and the import stops.
 *
 * <p>After reading, the site is rendered ({@link Compiler#compile}) together with the kept objects: what the render
 * generates is covered by the site (a Namespace, say, that no reader claimed), and the render's errors become the
 * import's, so a site that does not render is never handed out silently.
 */
public final class Adoption {
    private Adoption() {}

    /**
     * Adopts {@code objects} (clean ones, as {@code LiveExport} leaves them; live noise is tolerated and dropped).
     * Never throws for user input: unreadable objects, duplicates and unknown kinds are diagnostics or kept objects.
     */
    public static Adopted adopt(List<ObjectNode> objects, Options options) {
        options = options == null ? Options.defaults() : options;
        Inventory inv = new Inventory(objects == null ? List.of() : objects);
        SecretReader secrets = new SecretReader(inv, options);
        ObjectNode site = Yaml.object();
        site.put("apiVersion", ItemRole.SITE_GROUP + "/v1alpha1");
        site.put("kind", ItemRole.SITE_KIND);
        site.putObject("metadata").put("name", siteName(inv, options));
        ObjectNode spec = site.putObject("spec");

        if (nothingToAdopt(inv)) {
            return nothing(inv, secrets, site);
        }
        List<ObjectNode> hostedClusters = hostedClusters(inv);
        List<String> overrides = new ArrayList<>();
        hostedClusters.forEach(hc -> {
            JsonNode v = hc.path("metadata").path("annotations").path("hypershift.openshift.io/olm-catalogs-is-registry-overrides");
            if (v.isTextual()) {
                overrides.add(v.asText());
            }
        });
        ObjectNode hub = HubReader.read(inv, overrides);
        OperatorsReader.read(inv, hub);

        String baseDomain = null;
        ArrayNode clusters = Yaml.NODES.arrayNode();
        for (ObjectNode hc : hostedClusters) {
            String domain = hc.path("spec").path("dns").path("baseDomain").asText(null);
            if (baseDomain == null) {
                baseDomain = domain;
            } else if (domain != null && !domain.equals(baseDomain)) {
                inv.warn(hc, "spec.dns.baseDomain", "a site has one base domain (" + baseDomain + "); this cluster's "
                        + domain + " cannot be written, and dns.baseDomain is immutable: import it as another site.");
            }
            clusters.add(ClusterReader.read(inv, secrets, hc, "spec.clusters[" + clusters.size() + "]"));
        }
        if (baseDomain == null) {
            baseDomain = "example.com";
            inv.warn(null, "spec.baseDomain", "no HostedCluster in the export gives a base domain; example.com is written:"
                    + " correct it before the first render.");
        }
        spec.put("baseDomain", baseDomain);
        secrets.declareTheRest();
        if (!secrets.externalSecrets().isEmpty()) {
            ArrayNode ext = spec.putArray("externalSecrets");
            secrets.externalSecrets().forEach(ext::add);
        }
        spec.set("hub", hub);
        spec.set("clusters", clusters);

        List<ObjectNode> candidates = new ArrayList<>();
        for (ObjectNode o : inv.all()) {
            if (!inv.claimed(o) && !o.path("kind").asText().equals("Secret") && !ItemRole.isHostedSite(o)) {
                candidates.add(o);
            }
        }
        List<ObjectNode> kept = settle(inv, site, candidates);
        List<Diagnostic> diagnostics = new ArrayList<>(inv.diagnostics());
        return new Adopted(site, kept, List.copyOf(inv.ledger()), List.copyOf(diagnostics));
    }

    /**
     * Renders the site with the candidates for keeping: those the render generates are covered by the site; the others
     * are kept (without this tool's annotations, which the render gives generated objects only). The render's errors
     * become the import's.
     */
    private static List<ObjectNode> settle(Inventory inv, ObjectNode site, List<ObjectNode> candidates) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode o : candidates) {
            kept.add(keptCopy(o));
        }
        List<ObjectNode> input = new ArrayList<>();
        input.add(site);
        input.addAll(kept);
        Compiler.Result result;
        try {
            result = Compiler.compile(input, null);
        } catch (RuntimeException bug) {
            inv.error(null, null, "rendering the imported site failed inside the render (" + bug + "); please report it.");
            return kept;
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) {
                inv.add(new Diagnostic(d.severity(), "rendering the imported site: " + d.message(), d.resource(),
                        d.fieldPath(), d.currentValue(), null));
            }
        }
        if (result.failed()) {
            for (int i = 0; i < candidates.size(); i++) {
                inv.field(candidates.get(i), "", null, Disposition.KEPT_AS_IS, "kept as a passthrough item");
            }
            return kept;
        }
        Set<ObjectKey> generated = new HashSet<>();
        result.generated().forEach(m -> generated.add(m.key()));
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ObjectNode o = candidates.get(i);
            if (generated.contains(ObjectKey.of(o))) {
                inv.claim(o, null, Disposition.SITE_FIELD, "the render makes it from the site");
            } else {
                out.add(kept.get(i));
                inv.field(o, "", null, Disposition.KEPT_AS_IS, Inventory.owner(o) != null
                        ? "made by an earlier render from a value the site cannot hold now; kept as it is"
                        : "the contract cannot express it (or it was a passthrough item): kept as it is");
            }
        }
        return out;
    }

    /** A kept object: what this tool adds to generated objects is removed, so the render places it like any item. */
    private static ObjectNode keptCopy(ObjectNode o) {
        ObjectNode copy = o.deepCopy();
        if (Inventory.owner(o) != null && copy.path("metadata").path("annotations").isObject()) {
            ObjectNode a = (ObjectNode) copy.path("metadata").path("annotations");
            a.remove(List.of(ItemRole.OWNER, WaveAssigner.WAVE, WaveAssigner.SYNC_OPTIONS));
            if (a.isEmpty()) {
                ((ObjectNode) copy.get("metadata")).remove("annotations");
            }
        }
        return copy;
    }

    /** Whether the export holds nothing a HostedSite describes: no HostedCluster, AgentServiceConfig, registry trust. */
    private static boolean nothingToAdopt(Inventory inv) {
        return inv.readable("HostedCluster").isEmpty() && inv.readable("AgentServiceConfig").isEmpty()
                && inv.get("ConfigMap", Names.OPENSHIFT_CONFIG, Names.REGISTRY_CONFIG).isEmpty();
    }

    /**
     * An export with nothing to adopt: the site is marked {@value SiteEvidence#DELETE_ANNOTATION} so that it renders
     * nothing (a site needs a hub and clusters), every object is kept as it is and every Secret declared.
     */
    private static Adopted nothing(Inventory inv, SecretReader secrets, ObjectNode site) {
        inv.warn(null, null, "the export holds no HostedCluster, no AgentServiceConfig and no registry-config: nothing"
                + " a HostedSite describes. The site written is marked " + SiteEvidence.DELETE_ANNOTATION + ": \"true\""
                + " so that it renders nothing; every object is kept as it is.");
        ((ObjectNode) site.get("metadata")).putObject("annotations").put(SiteEvidence.DELETE_ANNOTATION, "true");
        secrets.declareTheRest();
        ObjectNode spec = (ObjectNode) site.get("spec");
        if (!secrets.externalSecrets().isEmpty()) {
            ArrayNode ext = spec.putArray("externalSecrets");
            secrets.externalSecrets().forEach(ext::add);
        }
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode o : inv.all()) {
            if (!inv.claimed(o) && !o.path("kind").asText().equals("Secret") && !ItemRole.isHostedSite(o)) {
                kept.add(keptCopy(o));
                inv.field(o, "", null, Disposition.KEPT_AS_IS, "nothing to adopt: kept as it is");
            }
        }
        return new Adopted(site, kept, List.copyOf(inv.ledger()), List.copyOf(inv.diagnostics()));
    }

    /** The HostedClusters to adopt; a second one of a name already taken is kept as it is, with an error. */
    private static List<ObjectNode> hostedClusters(Inventory inv) {
        Map<String, ObjectNode> byName = new TreeMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode hc : inv.readable("HostedCluster")) {
            String name = Inventory.name(hc);
            if (Inventory.namespace(hc) == null || !hc.path("spec").isObject()) {
                inv.error(hc, "metadata.namespace", "HostedCluster " + name + " has no namespace or no spec: it cannot"
                        + " be adopted. Export it again with oc get hostedcluster -A -o yaml, or leave it out of the"
                        + " export.");
                continue;
            }
            ObjectNode first = byName.putIfAbsent(name, hc);
            if (first != null) {
                inv.error(hc, "metadata.name", "HostedCluster " + name + " exists in namespaces "
                        + Inventory.namespace(first) + " and " + Inventory.namespace(hc) + "; a site holds one cluster of"
                        + " a name. Export each namespace's objects apart (oc get … -n <namespace>) and import each"
                        + " into a site of its own.");
                continue;
            }
            out.add(hc);
        }
        return out;
    }

    /** The site's name: the option, else the export's {@code hostedsite.dev/owner} (the first of several), else a default. */
    private static String siteName(Inventory inv, Options options) {
        if (options.siteName() != null) {
            return options.siteName();
        }
        Set<String> owners = inv.owners();
        if (owners.isEmpty()) {
            return Options.DEFAULT_SITE_NAME;
        }
        String first = owners.iterator().next();
        if (owners.size() > 1) {
            inv.info(null, "metadata.name", "the export comes from the HostedSites " + String.join(", ", owners)
                    + "; one site per hub is the model, so they become one site, " + first + ": rendering it writes "
                    + ItemRole.OWNER + ": " + first + " on every object, and changes nothing else.");
        }
        return first;
    }

    /** For messages: an object's kind, namespace and name. */
    static String display(ObjectNode o) {
        return ObjectRef.of(o).display();
    }
}
