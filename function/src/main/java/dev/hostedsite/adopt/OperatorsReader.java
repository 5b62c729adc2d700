package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.adopt.Adopted.Disposition;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.OperatorGroups;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hub prerequisites, the inverse of {@code generate/HubOperators} and {@code generate/HubPlumbing}: the
 * {@code cluster} OperatorHub, Subscriptions with their OperatorGroups ({@code hub.operators}, and the packages of each
 * catalog), MetalLB ({@code hub.metallb}), the Provisioning ({@code hub.provisioning}) and the LVMCluster
 * ({@code hub.storage.lvms}). A Subscription the render would add by default (the MCE, MetalLB and LVMS operators from
 * the first catalog carrying them, default channel) is not written as an entry.
 */
final class OperatorsReader {
    private final Inventory inv;
    private final ObjectNode hub;

    private OperatorsReader(Inventory inv, ObjectNode hub) {
        this.inv = inv;
        this.hub = hub;
    }

    /** Adds the operator fields to {@code hub} (the tree {@link HubReader} made). */
    static void read(Inventory inv, ObjectNode hub) {
        OperatorsReader r = new OperatorsReader(inv, hub);
        r.operatorHub();
        List<Sub> subs = r.subscriptions();
        r.metallb(subs);
        r.provisioning();
        r.lvms(subs);
        r.operators(subs);
    }

    private void operatorHub() {
        Optional<ObjectNode> oh = inv.get("OperatorHub", null, Names.OPERATOR_HUB);
        boolean off = oh.map(o -> o.path("spec").path("disableAllDefaultSources").asBoolean(false)).orElse(false);
        if (!off) {
            hub.putObject("operatorHub").put("disableDefaultSources", false);
        }
        oh.ifPresent(o -> inv.claim(o, "spec.hub.operatorHub.disableDefaultSources", Disposition.SITE_FIELD,
                "the render applies disableAllDefaultSources server-side; the OperatorHub's other fields are not the site's"));
    }

    /** A Subscription as an operator entry, resolved. */
    private record Sub(ObjectNode object, String pkg, String channel, String catalog, String namespace,
                       String approval, String startingCSV, String installMode) {}

    private List<Sub> subscriptions() {
        List<Sub> out = new ArrayList<>();
        for (ObjectNode s : inv.readable("Subscription")) {
            JsonNode spec = s.path("spec");
            String pkg = spec.path("name").asText();
            String ns = Inventory.namespace(s);
            if (ns == null || !Names.OPENSHIFT_MARKETPLACE.equals(spec.path("sourceNamespace").asText())
                    || catalog(spec.path("source").asText()).isEmpty()) {
                continue;
            }
            if (!pkg.equals(Inventory.name(s))) {
                inv.warn(s, "metadata.name", "the render names a Subscription after its package (" + pkg + "); this one"
                        + " is kept as it is, since OLM would install the operator twice.");
                continue;
            }
            String mode = OlmPackages.ALL_NAMESPACES;
            if (!OperatorGroups.PLATFORM_NAMESPACE.equals(ns)) {
                List<ObjectNode> groups = inv.readable("OperatorGroup").stream()
                        .filter(g -> ns.equals(Inventory.namespace(g))).toList();
                if (groups.size() == 1) {
                    ObjectNode g = groups.get(0);
                    JsonNode targets = g.path("spec").path("targetNamespaces");
                    mode = targets.size() == 1 && targets.get(0).asText().equals(ns) ? OlmPackages.OWN_NAMESPACE
                            : OlmPackages.ALL_NAMESPACES;
                    if (targets.size() > 1 || targets.size() == 1 && !targets.get(0).asText().equals(ns)) {
                        inv.warn(g, "spec.targetNamespaces", "a SingleNamespace or MultiNamespace group cannot be written by the"
                                + " site; the render targets the group's own namespace.");
                    }
                    if (ns.equals(Inventory.name(g))) {
                        inv.claim(g, "spec.hub.operators", Disposition.SITE_FIELD, "installMode of the entries in " + ns);
                    } else {
                        inv.warn(g, "metadata.name", "the render names the OperatorGroup of namespace " + ns + " after it;"
                                + " with this one (" + Inventory.name(g) + ") kept, the namespace would hold two and OLM"
                                + " would install nothing there (TooManyOperatorGroups). Delete " + Inventory.name(g)
                                + " when the render's group is applied, in the same sync.");
                    }
                }
            }
            out.add(new Sub(s, pkg, spec.path("channel").asText(null), spec.path("source").asText(), ns,
                    spec.path("installPlanApproval").asText("Automatic"), spec.path("startingCSV").asText(null), mode));
            for (String f : List.of("config", "installPlanRef")) {
                if (spec.has(f)) {
                    inv.warn(s, "spec." + f, "the render's Subscription has no " + f + "; it would be dropped.");
                }
            }
            inv.get("Namespace", null, ns).ifPresent(n -> inv.claim(n, "spec.hub.operators", Disposition.SITE_FIELD,
                    "the namespace of an operator"));
            catalog(spec.path("source").asText()).ifPresent(c -> addPackage(c, pkg));
        }
        return out;
    }

    private Optional<ObjectNode> catalog(String name) {
        for (JsonNode c : hub.path("catalogs")) {
            if (c.path("name").asText().equals(name)) {
                return Optional.of((ObjectNode) c);
            }
        }
        return Optional.empty();
    }

    private static void addPackage(ObjectNode catalog, String pkg) {
        ArrayNode packages = catalog.withArray("packages");
        Set<String> sorted = new java.util.TreeSet<>();
        packages.forEach(p -> sorted.add(p.asText()));
        sorted.add(pkg);
        packages.removeAll();
        sorted.forEach(packages::add);
    }

    private void operators(List<Sub> subs) {
        ArrayNode out = hub.arrayNode();
        for (Sub s : subs) {
            String path = "spec.hub.operators[" + out.size() + "]";
            if (isDefault(s)) {
                inv.claim(s.object(), "spec.hub.operators", Disposition.SITE_FIELD,
                        "the render subscribes " + s.pkg() + " by default from catalog " + s.catalog());
                continue;
            }
            ObjectNode o = out.addObject();
            o.put("package", s.pkg());
            if (s.channel() != null) {
                o.put("channel", s.channel());
            }
            o.put("catalog", s.catalog());
            if (!s.namespace().equals(HubOperatorDefaults.defaultNamespace(s.pkg(), mceNamespace()))) {
                o.put("namespace", s.namespace());
            }
            if (!s.approval().equals("Automatic")) {
                o.put("installPlanApproval", s.approval());
            }
            if (s.startingCSV() != null) {
                o.put("startingCSV", s.startingCSV());
            }
            if (!s.installMode().equals(HubOperatorDefaults.defaultInstallMode(s.pkg()))
                    && !OperatorGroups.PLATFORM_NAMESPACE.equals(s.namespace())) {
                o.put("installMode", s.installMode());
            }
            inv.claim(s.object(), path, Disposition.SITE_FIELD, "an operator entry");
        }
        if (!out.isEmpty()) {
            hub.set("operators", out);
        }
        for (JsonNode c : hub.path("catalogs")) {
            if (c.path("packages").isEmpty()) {
                ((ObjectNode) c).remove("packages");
            }
        }
    }

    private String mceNamespace() {
        return hub.path("mceNamespace").asText(SiteBinder.DEFAULT_MCE_NAMESPACE);
    }

    /** Whether the render would add this Subscription by itself (HubOperatorDefaults.effective). */
    private boolean isDefault(Sub s) {
        boolean applies = switch (s.pkg()) {
            case OlmPackages.MCE_PACKAGE -> !hub.path("multiclusterEngine").path("owner").asText("self").equals("acm");
            case OlmPackages.METALLB_PACKAGE -> hub.has("metallb");
            case OlmPackages.LVMS_PACKAGE -> hub.path("storage").has("lvms");
            default -> false;
        };
        String first = null;
        for (JsonNode c : hub.path("catalogs")) {
            for (JsonNode p : c.path("packages")) {
                if (first == null && p.asText().equals(s.pkg())) {
                    first = c.path("name").asText();
                }
            }
        }
        return applies && s.channel() == null && s.startingCSV() == null && s.approval().equals("Automatic")
                && s.catalog().equals(first)
                && s.namespace().equals(HubOperatorDefaults.defaultNamespace(s.pkg(), mceNamespace()))
                && s.installMode().equals(HubOperatorDefaults.defaultInstallMode(s.pkg()));
    }

    private void metallb(List<Sub> subs) {
        String ns = subs.stream().filter(s -> s.pkg().equals(OlmPackages.METALLB_PACKAGE)).map(Sub::namespace)
                .findFirst().orElse(OlmPackages.METALLB_NAMESPACE);
        Optional<ObjectNode> metallb = inv.get("MetalLB", ns, Names.METALLB);
        if (metallb.isEmpty()) {
            return;
        }
        inv.claim(metallb.get(), "spec.hub.metallb", Disposition.SITE_FIELD, "MetalLB on the hub");
        if (!metallb.get().path("spec").isEmpty()) {
            inv.warn(metallb.get(), "spec", "the render's MetalLB has an empty spec; these settings would be dropped.");
        }
        List<ObjectNode> pools = inv.readable("IPAddressPool").stream().filter(p -> ns.equals(Inventory.namespace(p))).toList();
        Set<String> order = new LinkedHashSet<>();
        inv.get("L2Advertisement", ns, Names.L2_ADVERTISEMENT).ifPresent(l2 -> {
            l2.path("spec").path("ipAddressPools").forEach(p -> order.add(p.asText()));
            inv.claim(l2, "spec.hub.metallb.addressPools", Disposition.SITE_FIELD, "advertises every pool");
        });
        pools.forEach(p -> order.add(Inventory.name(p)));
        ArrayNode out = hub.putObject("metallb").putArray("addressPools");
        for (String name : order) {
            pools.stream().filter(p -> name.equals(Inventory.name(p))).findFirst().ifPresent(p -> {
                ObjectNode pool = out.addObject();
                pool.put("name", name);
                ArrayNode addresses = pool.putArray("addresses");
                p.path("spec").path("addresses").forEach(addresses::add);
                inv.claim(p, "spec.hub.metallb.addressPools[" + (out.size() - 1) + "]", Disposition.SITE_FIELD,
                        "an address pool");
                for (String f : List.of("autoAssign", "avoidBuggyIPs", "serviceAllocation")) {
                    if (p.path("spec").has(f)) {
                        inv.warn(p, "spec." + f, "the render's IPAddressPool has no " + f + "; it would be dropped.");
                    }
                }
            });
        }
    }

    private void provisioning() {
        inv.get("Provisioning", null, Names.PROVISIONING).ifPresent(p -> {
            JsonNode spec = p.path("spec");
            if (!spec.path("watchAllNamespaces").asBoolean(false)) {
                return;
            }
            boolean create = spec.size() == 2 && "Disabled".equals(spec.path("provisioningNetwork").asText());
            hub.put("provisioning", create ? "create" : "patch");
            inv.claim(p, "spec.hub.provisioning", Disposition.SITE_FIELD, create
                    ? "the documented object for a hub without one"
                    : "the render applies watchAllNamespaces server-side; the Provisioning's other fields are not the site's");
        });
    }

    private void lvms(List<Sub> subs) {
        String ns = subs.stream().filter(s -> s.pkg().equals(OlmPackages.LVMS_PACKAGE)).map(Sub::namespace)
                .findFirst().orElse(OlmPackages.LVMS_NAMESPACE);
        List<ObjectNode> clusters = inv.readable("LVMCluster").stream().filter(c -> ns.equals(Inventory.namespace(c))).toList();
        if (clusters.isEmpty()) {
            return;
        }
        ObjectNode c = clusters.get(0);
        ObjectNode lvms = hub.putObject("storage").putObject("lvms");
        if (!"lvmcluster".equals(Inventory.name(c))) {
            lvms.put("name", Inventory.name(c));
        }
        lvms.set("deviceClasses", c.path("spec").path("storage").path("deviceClasses").deepCopy());
        inv.claim(c, "spec.hub.storage.lvms", Disposition.SITE_FIELD, "the LVMCluster and its device classes, as written");
        JsonNode spec = c.path("spec");
        if (spec.size() > 1) {
            inv.warn(c, "spec", "the render's LVMCluster holds only spec.storage; the other fields (tolerations,"
                    + " nodeSelector) would be dropped.");
        }
    }
}
