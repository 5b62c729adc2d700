package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site's address plan, free of collisions:
 * <ul>
 *   <li>each cluster's {@code clusterNetwork} and {@code serviceNetwork} clear of its machine network (declared, or
 *       derived from the hosts' static addresses: {@link StaticAddresses#machineNetwork}) — HyperShift refuses
 *       overlapping machine, service and cluster networks (openshift/hypershift at
 *       {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT}: the HostedCluster CRD's CEL rule on {@code spec.networking},
 *       and {@code hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go}
 *       {@code validateSliceNetworkCIDRs}, which sets ValidConfiguration False), and a derived overlap routes node
 *       traffic into the pod or service network just the same;</li>
 *   <li>those networks clear of the API and ingress addresses ({@code dns.*Addresses}, NodePort {@code apiServer.address})
 *       and of the hub's MetalLB pools: an address inside them is routed to pods or Services, not to the hub;</li>
 *   <li>MetalLB pools clear of every host's static address: MetalLB would hand a node's address to a LoadBalancer
 *       Service and answer ARP for it (metallb/metallb assigns any address of an IPAddressPool);</li>
 *   <li>a NodePort {@code apiServer.address} among {@code dns.apiAddresses}, as a LoadBalancer's API address must be in
 *       a pool ({@code HubPrerequisiteRules}): HyperShift publishes every service on that address, so the DNS record
 *       {@code api.<cluster>} must point at it; and not inside a MetalLB pool.</li>
 * </ul>
 */
public final class AddressPlanRules {
    private final Site site;
    private final List<Finding> out = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();

    /** One address entry of a MetalLB IPAddressPool. */
    private record Pool(String path, Net.Cidr block) {}

    private AddressPlanRules(Site site) {
        this.site = site;
        Hub.MetalLb metallb = site.hub().metallb();
        if (metallb != null) {
            for (Hub.AddressPool p : metallb.addressPools()) {
                for (int i = 0; i < p.addresses().size(); i++) {
                    String path = p.path() + ".addresses[" + i + "]";
                    Net.poolAddresses(p.addresses().get(i)).ifPresent(b -> pools.add(new Pool(path, b)));
                }
            }
        }
    }

    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            AddressPlanRules r = new AddressPlanRules(site);
            site.clusters().forEach(r::cluster);
            r.poolsClearOfNodes();
            out.addAll(Finding.diagnostics(site, r.out));
        }
        return out;
    }

    private void cluster(Cluster c) {
        StaticAddresses.MachineNetwork machine = StaticAddresses.machineNetwork(c);
        machineNetworkSyntax(c);
        List<Named> internal = new ArrayList<>();
        addAll(internal, c.path() + ".networking.clusterNetwork", c.networking().clusterNetwork(), "cluster network");
        addAll(internal, c.path() + ".networking.serviceNetwork", c.networking().serviceNetwork(), "service network");
        List<Named> addresses = new ArrayList<>();
        if (c.dns() != null) {
            addIps(addresses, c.path() + ".dns.apiAddresses", c.dns().apiAddresses());
            addIps(addresses, c.path() + ".dns.ingressAddresses", c.dns().ingressAddresses());
        }
        if (c.apiServer().nodePort() && c.apiServer().address() != null) {
            addIps(addresses, c.path() + ".apiServer.address", List.of(c.apiServer().address()));
        }
        for (Named n : internal) {
            for (Net.Cidr m : machine.cidrs()) {
                if (n.cidr().overlaps(m)) {
                    out.add(Finding.error(n.path(), "the " + n.role() + " " + n.cidr().text() + " overlaps the machine"
                            + " network " + m.text() + (machine.declared() ? " (" + c.path() + ".networking.machineNetwork)"
                            : " (derived from the hosts' static addresses)") + ": HyperShift refuses overlapping machine,"
                            + " cluster and service networks, and the nodes' traffic would be routed to pods or"
                            + " Services. Choose a " + n.role() + " outside " + m.text() + ".", n.cidr().text()));
                }
            }
            for (Named a : addresses) {
                String ip = a.cidr().text();
                // the NodePort address inside the service network is HyperShift's own validation
                // (validateNodePortVsServiceNetwork): ControllerRules reports it, with that citation, once
                boolean controllerRule = a.path().endsWith(".apiServer.address") && n.path().contains(".serviceNetwork");
                if (n.cidr().contains(ip) && !controllerRule) {
                    out.add(Finding.error(a.path(), ip + " lies inside the " + n.role() + " " + n.cidr().text() + " ("
                            + n.path() + "), whose addresses the hosted cluster routes to its pods or Services, never"
                            + " to the hub. Use an address on the machine network, or move the " + n.role() + ".", ip));
                }
            }
            for (Pool p : pools) {
                if (n.cidr().overlaps(p.block())) {
                    out.add(Finding.error(n.path(), "the " + n.role() + " " + n.cidr().text() + " overlaps the MetalLB"
                            + " pool " + p.block().text() + " (" + p.path() + "): the API address MetalLB hands out would"
                            + " be routed to the hosted cluster's pods or Services. Choose a " + n.role() + " outside it.",
                            n.cidr().text()));
                }
            }
        }
        nodePortAddress(c);
    }

    /** A network or a single address (a /32 or /128 whose text is the bare address) at a field path. */
    private record Named(String path, Net.Cidr cidr, String role) {}

    private static void addAll(List<Named> out, String path, List<String> cidrs, String role) {
        for (int i = 0; i < cidrs.size(); i++) {
            String p = path + "[" + i + "]";
            Net.cidr(cidrs.get(i)).ifPresent(c -> out.add(new Named(p, c, role)));
        }
    }

    private static void addIps(List<Named> out, String path, List<String> ips) {
        for (int i = 0; i < ips.size(); i++) {
            String ip = ips.get(i);
            String p = ips.size() == 1 && path.endsWith(".address") ? path : path + "[" + i + "]";
            Net.cidr(ip + (Net.family(ip) == 4 ? "/32" : "/128"))
                    .ifPresent(c -> out.add(new Named(p, new Net.Cidr(ip, c.family(), c.first(), c.last()), "address")));
        }
    }

    /** {@code networking.machineNetwork}: CIDRs of network addresses, one per family at most. */
    private void machineNetworkSyntax(Cluster c) {
        List<String> m = c.networking().machineNetwork();
        List<Integer> families = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            String p = c.path() + ".networking.machineNetwork[" + i + "]";
            Optional<Net.Cidr> cidr = Net.cidr(m.get(i));
            if (cidr.isEmpty()) {
                out.add(Finding.error(p, "'" + m.get(i) + "' is not a CIDR (" + Net.cidrProblem(m.get(i))
                        + "): write the nodes' network such as 192.168.122.0/24 or fd00:122::/64.", m.get(i)));
            } else if (Net.hasHostBits(cidr.get())) {
                out.add(Finding.error(p, "'" + m.get(i) + "' has host bits set: use the network address, "
                        + Net.networkText(cidr.get()) + ".", m.get(i)));
            } else {
                families.add(cidr.get().family());
            }
        }
        if (families.size() != families.stream().distinct().count()) {
            // a HostedCluster takes at most one machine network per family in practice; two of one family are a typo
            out.add(Finding.warning(c.path() + ".networking.machineNetwork", String.join(", ", m), "two machine networks"
                    + " of one IP family: check that the nodes really span both."));
        }
    }

    private void nodePortAddress(Cluster c) {
        Cluster.ApiServer api = c.apiServer();
        if (!api.nodePort() || api.address() == null || Net.family(api.address()) == 0) {
            return;
        }
        String path = c.path() + ".apiServer.address";
        if (c.dns() != null && !c.dns().apiAddresses().isEmpty()
                && c.dns().apiAddresses().stream().noneMatch(a -> sameAddress(a, api.address()))) {
            out.add(Finding.warning(path, api.address(), "the API server of " + c.name() + " is published as NodePort"
                    + " on " + api.address() + ", but dns.apiAddresses " + c.dns().apiAddresses() + " does not hold it:"
                    + " the api and api-int records would point where no API server listens. Put " + api.address()
                    + " in dns.apiAddresses, or correct apiServer.address."));
        }
        for (Pool p : pools) {
            if (p.block().contains(api.address())) {
                out.add(Finding.error(path, "NodePort address " + api.address() + " lies inside the MetalLB pool "
                        + p.block().text() + " (" + p.path() + "): MetalLB may give it to a LoadBalancer Service and"
                        + " answer ARP for it. Take the address out of the pool.", api.address()));
            }
        }
    }

    private static boolean sameAddress(String a, String b) {
        return Net.family(a) != 0 && Net.value(a).equals(Net.value(b));
    }

    /** No MetalLB pool hands out a node's static address. */
    private void poolsClearOfNodes() {
        for (Pool p : pools) {
            List<String> hits = new ArrayList<>();
            for (Cluster c : site.clusters()) {
                for (StaticAddresses.Address a : StaticAddresses.of(c)) {
                    if (p.block().contains(a.ip())) {
                        hits.add(a.ip() + " (" + c.name() + "/" + a.host().name() + ")");
                    }
                }
            }
            if (!hits.isEmpty()) {
                out.add(Finding.error(p.path(), "MetalLB pool " + p.block().text() + " contains the static address"
                        + (hits.size() == 1 ? " " : "es ") + String.join(", ", hits) + " of the site's nodes: MetalLB"
                        + " would hand a node's address to a LoadBalancer Service and answer ARP for it, cutting the node"
                        + " off. Keep the pool's range clear of node addresses.", p.block().text()));
            }
        }
    }
}
