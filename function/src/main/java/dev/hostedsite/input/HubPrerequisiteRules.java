package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.OperatorGroups;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the hub prerequisites a site installs from Git: the OperatorHub's default sources, the
 * {@code hub.operators} chain (catalog → mirrored package → one OperatorGroup per namespace), the MultiClusterEngine's
 * owner, and MetalLB's address pools against the clusters that publish their API server as a LoadBalancer.
 */
final class HubPrerequisiteRules {
    private final Site site;
    private final Hub hub;
    private final List<Diagnostic> out = new ArrayList<>();

    private HubPrerequisiteRules(Site site) {
        this.site = site;
        this.hub = site.hub();
    }

    static List<Diagnostic> check(Site site) {
        HubPrerequisiteRules r = new HubPrerequisiteRules(site);
        r.defaultSources();
        r.operators();
        r.operatorGroups();
        r.multiclusterEngine();
        r.metallb();
        r.loadBalancers();
        return r.out;
    }

    private void error(String path, String message, String value) {
        out.add(Diagnostic.error(site.ref(), path, message).withValue(value).withFile(site.file()));
    }

    private void warning(String path, String message) {
        out.add(Diagnostic.warning(site.ref(), path, message).withFile(site.file()));
    }

    private void defaultSources() {
        if (hub.disableDefaultSources()) {
            return;
        }
        for (int i = 0; i < hub.catalogs().size(); i++) {
            String name = hub.catalogs().get(i).name();
            if (OlmPackages.isDefaultSource(name)) {
                error("spec.hub.catalogs[" + i + "].name", "catalog '" + name + "' has the name of a default"
                        + " OperatorHub source, and spec.hub.operatorHub.disableDefaultSources is false: the marketplace"
                        + " operator owns openshift-marketplace/" + name + " and would fight this CatalogSource."
                        + " Rename the catalog (for example " + name + "-disconnected), or set"
                        + " disableDefaultSources: true (a disconnected hub cannot reach the default sources anyway).", name);
            }
        }
    }

    private void operators() {
        Map<String, String> seen = new HashMap<>();
        for (Hub.Operator o : hub.operators()) {
            String prev = seen.putIfAbsent(o.pkg(), o.path());
            if (prev != null) {
                error(o.path() + ".package", "package '" + o.pkg() + "' is already installed by " + prev
                        + ": one Subscription per package. Remove one of the entries.", o.pkg());
            }
            Optional<Hub.Catalog> catalog = hub.catalogs().stream().filter(c -> c.name().equals(o.catalog())).findFirst();
            if (catalog.isEmpty()) {
                error(o.path() + ".catalog", "catalog '" + o.catalog() + "' is none of spec.hub.catalogs ("
                        + String.join(", ", hub.catalogs().stream().map(Hub.Catalog::name).toList())
                        + "): the Subscription would name a CatalogSource that does not exist. Name one of them, or add"
                        + " the catalog to spec.hub.catalogs.", o.catalog());
            } else if (!catalog.get().packages().contains(o.pkg())) {
                int index = hub.catalogs().indexOf(catalog.get());
                error(o.path() + ".package", "package '" + o.pkg() + "' is not in the packages of catalog '"
                        + o.catalog() + "', so the generated ImageSetConfiguration does not mirror it and the mirrored"
                        + " catalog cannot resolve the Subscription. Add it to spec.hub.catalogs[" + index + "].packages.",
                        o.pkg());
            }
            OlmPackages.known(o.pkg()).ifPresent(p -> {
                if (!p.supported().contains(o.installMode())) {
                    error(o.path() + ".installMode", "the " + o.pkg() + " operator's CSV does not support install mode "
                            + o.installMode() + "; it supports " + String.join(", ", p.supported().stream().sorted().toList())
                            + ". Use " + p.preferred() + ".", o.installMode());
                }
            });
            if (o.namespace().equals(OlmPackages.OPENSHIFT_OPERATORS) && !o.installMode().equals(OlmPackages.ALL_NAMESPACES)) {
                error(o.path() + ".installMode", "namespace openshift-operators already has the hub's AllNamespaces"
                        + " OperatorGroup global-operators, so an operator there is installed for all namespaces. Use"
                        + " installMode AllNamespaces there, or another namespace for an OwnNamespace install.", o.installMode());
            }
        }
    }

    /** A namespace gets one OperatorGroup ({@link OperatorGroups}), so entries sharing one must agree on its install mode. */
    private void operatorGroups() {
        List<Hub.Operator> operators = HubOperatorDefaults.effective(hub);
        Map<String, Hub.Operator> firstInNamespace = OperatorGroups.firstByNamespace(operators);
        for (Hub.Operator o : operators) {
            Hub.Operator first = firstInNamespace.get(o.namespace());
            if (first != o && !first.installMode().equals(o.installMode())) {
                error(o.path() + ".installMode", "namespace " + o.namespace() + " gets one OperatorGroup, and " + first.path()
                        + " (" + first.pkg() + ") needs it " + first.installMode() + " while this entry (" + o.pkg()
                        + ") needs " + o.installMode() + ": OLM refuses a namespace with two OperatorGroups. Give the"
                        + " entries the same installMode, or put them in different namespaces.", o.installMode());
            }
        }
    }

    /**
     * On an ACM hub the MultiClusterHub creates the MultiClusterEngine and rewrites its {@code spec.overrides.components}
     * from its own on every reconcile (stolostron/multiclusterhub-operator @ 31083c85
     * pkg/multiclusterengine/multiclusterengine.go {@code RenderMultiClusterEngine}, pkg/utils/utils.go
     * {@code GetMCEComponents}). That list has no list-type map in the MCE CRD, so a server-side-applied partial
     * object would own the whole list and fight the hub operator: nothing is emitted, and a warning says how to check.
     */
    private void multiclusterEngine() {
        if (hub.emitsMultiClusterEngine()) {
            if (hub.operators().stream().noneMatch(o -> o.pkg().equals(OlmPackages.MCE_PACKAGE))
                    && HubOperatorDefaults.catalogCarrying(hub, OlmPackages.MCE_PACKAGE).isEmpty()) {
                warning("spec.hub.catalogs", "no catalog lists package multicluster-engine, so nothing installs the"
                        + " multicluster engine operator from Git and the MultiClusterEngine waits for one installed by"
                        + " hand. Add multicluster-engine to the packages of a mirrored catalog (the render then"
                        + " subscribes it), or set spec.hub.multiclusterEngine.owner: acm on an ACM hub.");
            }
            return;
        }
        for (Hub.Operator o : hub.operators()) {
            if (o.pkg().equals(OlmPackages.MCE_PACKAGE)) {
                error(o.path() + ".package", "spec.hub.multiclusterEngine.owner is acm: ACM installs the multicluster"
                        + " engine operator itself, and a second Subscription would fight it. Remove this entry.", o.pkg());
            }
        }
        warning("spec.hub.multiclusterEngine.owner", "ACM's MultiClusterHub owns the MultiClusterEngine and rewrites"
                + " its components on every reconcile, so this render emits no MultiClusterEngine and cannot ensure that"
                + " the hypershift and assisted-service components are on. Check with: oc get multiclusterengine"
                + " multiclusterengine -o jsonpath='{range .spec.overrides.components[*]}{.name}={.enabled}{\"\\n\"}{end}'"
                + " and, if either is false, set it in the MultiClusterHub: oc edit multiclusterhub -n"
                + " open-cluster-management (spec.overrides.components: {name: hypershift, enabled: true} and"
                + " {name: assisted-service, enabled: true}).");
    }

    private void metallb() {
        if (hub.metallb() == null) {
            return;
        }
        if (hub.operators().stream().noneMatch(o -> o.pkg().equals(OlmPackages.METALLB_PACKAGE))
                && HubOperatorDefaults.catalogCarrying(hub, OlmPackages.METALLB_PACKAGE).isEmpty()) {
            error("spec.hub.metallb", "MetalLB needs its operator, and no catalog lists package metallb-operator."
                    + " Add metallb-operator to the packages of a mirrored catalog (oc-mirror then mirrors it and the"
                    + " render subscribes it), or add a spec.hub.operators entry for it.", null);
        }
        Map<String, String> names = new HashMap<>();
        List<Net.Cidr> blocks = new ArrayList<>();
        List<String> blockPaths = new ArrayList<>();
        for (Hub.AddressPool p : hub.metallb().addressPools()) {
            String prev = names.putIfAbsent(p.name(), p.path());
            if (prev != null) {
                error(p.path() + ".name", "address pool name '" + p.name() + "' is already used at " + prev + ".", p.name());
            }
            for (int i = 0; i < p.addresses().size(); i++) {
                String a = p.addresses().get(i);
                String path = p.path() + ".addresses[" + i + "]";
                Optional<Net.Cidr> block = Net.poolAddresses(a);
                if (block.isEmpty()) {
                    error(path, "'" + a + "' is neither a CIDR (192.168.122.0/28) nor a range of two addresses of one"
                            + " family, the first not after the second (192.168.122.20-192.168.122.29): MetalLB rejects"
                            + " the IPAddressPool.", a);
                    continue;
                }
                for (int j = 0; j < blocks.size(); j++) {
                    if (blocks.get(j).overlaps(block.get())) {
                        error(path, "'" + a + "' overlaps " + blockPaths.get(j) + " ('" + blocks.get(j).text()
                                + "'): MetalLB rejects overlapping pools. Make the ranges disjoint.", a);
                    }
                }
                blocks.add(block.get());
                blockPaths.add(path);
            }
        }
    }

    private void loadBalancers() {
        List<Net.Cidr> pools = new ArrayList<>();
        if (hub.metallb() != null) {
            hub.metallb().addressPools().forEach(p -> p.addresses().forEach(a -> Net.poolAddresses(a).ifPresent(pools::add)));
        }
        for (Cluster c : site.clusters()) {
            if (c.apiServer().nodePort()) {
                continue;
            }
            if (hub.metallb() == null) {
                warning(c.path() + ".apiServer.publishing", "the API server of " + c.name() + " is published as a"
                        + " LoadBalancer Service, and without spec.hub.metallb nothing on a bare-metal hub assigns it an"
                        + " address: the HostedCluster waits forever for its API endpoint. Add spec.hub.metallb with an"
                        + " address pool (or make sure another load balancer serves the hub), or use NodePort.");
                continue;
            }
            if (c.dns() == null) {
                continue;
            }
            for (int i = 0; i < c.dns().apiAddresses().size(); i++) {
                String ip = c.dns().apiAddresses().get(i);
                if (pools.stream().noneMatch(b -> b.contains(ip))) {
                    warning(c.path() + ".dns.apiAddresses[" + i + "]", "API address " + ip + " of " + c.name()
                            + " is in no spec.hub.metallb address pool: MetalLB assigns the API server Service an"
                            + " address from the pools, so the DNS records would point elsewhere. Add the address to a"
                            + " pool, or correct the record.");
                }
            }
        }
    }
}
