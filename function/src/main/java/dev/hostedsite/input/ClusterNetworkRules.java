package dev.hostedsite.input;

import dev.hostedsite.model.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's network rules the schema cannot express: clusterNetwork and serviceNetwork are valid CIDRs without
 * host bits, one per IP family in the same family order, and disjoint; the API server's publishing settings fit
 * (a NodePort within the hub's default node port range 30000-32767; hostname only with LoadBalancer, address and
 * port only with NodePort); DNS addresses are IP addresses. Findings name the HostedSite field.
 */
final class ClusterNetworkRules extends FindingCollector {
    private final Cluster c;

    private ClusterNetworkRules(Cluster c) {
        this.c = c;
    }

    /** The findings for one cluster: networks, then the API server, then the DNS addresses. */
    static List<Finding> check(Cluster c) {
        ClusterNetworkRules r = new ClusterNetworkRules(c);
        r.networking();
        r.apiServer();
        if (c.dns() != null) {
            r.addresses(c.path() + ".dns.apiAddresses", c.dns().apiAddresses());
            r.addresses(c.path() + ".dns.ingressAddresses", c.dns().ingressAddresses());
        }
        return List.copyOf(r.out);
    }

    private void networking() {
        Map<String, Net.Cidr> all = new java.util.LinkedHashMap<>();
        String serviceNetwork = c.path() + ".networking.serviceNetwork";
        List<Integer> clusterFamilies = cidrs(c.path() + ".networking.clusterNetwork", c.networking().clusterNetwork(), all);
        List<Integer> serviceFamilies = cidrs(serviceNetwork, c.networking().serviceNetwork(), all);
        if (clusterFamilies != null && serviceFamilies != null && !clusterFamilies.equals(serviceFamilies)) {
            error(serviceNetwork, "serviceNetwork must use the IP families of clusterNetwork in the same order"
                    + " (single-stack IPv4, IPv6, or dual-stack with the same primary family); got "
                    + families(serviceFamilies) + " for clusterNetwork's " + families(clusterFamilies) + ".");
        }
        // an overlap is reported at the later of the two networks (the service network, when one is involved)
        List<Map.Entry<String, Net.Cidr>> nets = new ArrayList<>(all.entrySet());
        for (int i = 0; i < nets.size(); i++) {
            for (int j = i + 1; j < nets.size(); j++) {
                Net.Cidr a = nets.get(i).getValue();
                Net.Cidr b = nets.get(j).getValue();
                if (a.overlaps(b)) {
                    String other = nets.get(i).getKey().substring(c.path().length() + ".networking.".length());
                    error(nets.get(j).getKey(), "network " + b.text() + " overlaps " + other + " " + a.text()
                            + "; cluster and service networks must be disjoint. Choose a range outside " + a.text() + ".",
                            b.text());
                }
            }
        }
    }

    private static String families(List<Integer> f) {
        return f.stream().map(x -> "IPv" + x).reduce((a, b) -> a + "+" + b).orElse("none");
    }

    /** Parses a CIDR list; returns its families, or null if any entry is invalid. */
    private List<Integer> cidrs(String path, List<String> list, Map<String, Net.Cidr> all) {
        List<Integer> families = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Optional<Net.Cidr> cidr = Net.cidr(list.get(i));
            if (cidr.isEmpty()) {
                error(path + "[" + i + "]", "'" + list.get(i) + "' is not a CIDR (" + Net.cidrProblem(list.get(i))
                        + "): write a network address and prefix length such as 10.132.0.0/14 or fd01::/48.", list.get(i));
                ok = false;
            } else if (Net.hasHostBits(cidr.get())) {
                error(path + "[" + i + "]", "'" + list.get(i) + "' has host bits set: use the network address, "
                        + Net.networkText(cidr.get()) + ".", list.get(i));
                ok = false;
            } else {
                all.put(path + "[" + i + "]", cidr.get());
                families.add(cidr.get().family());
            }
        }
        if (ok && (families.size() > 2 || families.size() == 2 && families.get(0).equals(families.get(1)))) {
            error(path, "give one CIDR, or two of different families (dual-stack).");
            return null;
        }
        return ok ? families : null;
    }

    private void apiServer() {
        Cluster.ApiServer api = c.apiServer();
        String p = c.path() + ".apiServer";
        if (api.nodePort()) {
            if (api.hostname() != null) {
                warning(p + ".hostname", "hostname is used with LoadBalancer publishing only; it is ignored here.");
            }
            if (api.port() != null && (api.port() < 30000 || api.port() > 32767)) {
                error(p + ".port", "a node port must be within 30000-32767, the hub's default service node port range.",
                        api.port().toString());
            }
        } else if (api.address() != null || api.port() != null) {
            warning(p, "address and port are used with NodePort publishing only; they are ignored with LoadBalancer.");
        }
    }

    private void addresses(String path, List<String> ips) {
        for (int i = 0; i < ips.size(); i++) {
            if (Net.family(ips.get(i)) == 0) {
                error(path + "[" + i + "]", "not an IPv4 or IPv6 address: write an address such as 192.168.122.20 or fd00::20,"
                        + " without host name or prefix length.", ips.get(i));
            }
        }
    }
}
