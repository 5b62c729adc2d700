package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Cluster.Host;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static addresses a cluster's hosts set in their nmstate documents ({@code interfaces[].ipv4|ipv6.address[]}
 * of interfaces not {@code state: absent}), and the cluster's machine network: {@code networking.machineNetwork}
 * when given, else derived from those addresses (each address's subnet, distinct, in host order).
 */
final class StaticAddresses {
    private StaticAddresses() {}

    /**
     * One static address: {@code path} the field path of its {@code ip}; {@code subnet} the network the address and
     * its prefix length span.
     */
    record Address(Host host, String path, String ip, int prefixLength, Net.Cidr subnet) {}

    /** The machine network and whether the site declared it ({@code networking.machineNetwork}) or it was derived. */
    record MachineNetwork(List<Net.Cidr> cidrs, boolean declared) {
        boolean contains(String ip) {
            return cidrs.stream().anyMatch(c -> c.contains(ip));
        }

        boolean hasFamily(int family) {
            return cidrs.stream().anyMatch(c -> c.family() == family);
        }
    }

    /** Well-formed static addresses of the host (an ip literal of the section's family, a prefix within range). */
    static List<Address> of(Host h) {
        List<Address> out = new ArrayList<>();
        if (h.network() == null) {
            return out;
        }
        JsonNode ifaces = list(h.network().path("interfaces"));
        for (int i = 0; i < ifaces.size(); i++) {
            JsonNode nic = ifaces.get(i);
            if ("absent".equals(nic.path("state").asText())) {
                continue;
            }
            for (String section : List.of("ipv4", "ipv6")) {
                JsonNode addrs = list(nic.path(section).path("address"));
                int family = section.equals("ipv4") ? 4 : 6;
                for (int j = 0; j < addrs.size(); j++) {
                    JsonNode a = addrs.get(j);
                    String ip = a.path("ip").asText("");
                    Optional<Integer> prefix = prefix(a.path("prefix-length"));
                    if (Net.family(ip) != family || prefix.isEmpty() || prefix.get() > (family == 4 ? 32 : 128)) {
                        continue;
                    }
                    String path = h.path() + ".network.interfaces[" + i + "]." + section + ".address[" + j + "].ip";
                    Net.cidr(ip + "/" + prefix.get()).ifPresent(c -> out.add(new Address(h, path, ip, prefix.get(), c)));
                }
            }
        }
        return out;
    }

    /** The node when it is a list, else an empty one: a document of the wrong shape has no entries to read. */
    static JsonNode list(JsonNode n) {
        return n.isArray() ? n : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static List<Address> of(Cluster c) {
        List<Address> out = new ArrayList<>();
        c.hosts().forEach(h -> out.addAll(of(h)));
        return out;
    }

    /**
     * The prefix length nmstate reads: a u8 by {@code u8_or_string}, the same reader as the document check
     * ({@link NmstateApi#unsignedOrString}); empty when nmstate would refuse the value.
     */
    static Optional<Integer> prefix(JsonNode n) {
        return NmstateApi.unsignedOrString(n).filter(i -> i.compareTo(BigInteger.valueOf(255)) <= 0)
                .map(BigInteger::intValue);
    }

    /**
     * The cluster's machine network: its {@code networking.machineNetwork} (valid entries), else the distinct
     * subnets of its static addresses; empty when it gives neither.
     */
    static MachineNetwork machineNetwork(Cluster c) {
        List<Net.Cidr> declared = new ArrayList<>();
        c.networking().machineNetwork().forEach(text -> Net.cidr(text).ifPresent(declared::add));
        if (!c.networking().machineNetwork().isEmpty()) {
            return new MachineNetwork(List.copyOf(declared), true);
        }
        List<Net.Cidr> derived = new ArrayList<>();
        for (Address a : of(c)) {
            Net.Cidr s = a.subnet();
            if (derived.stream().noneMatch(d -> d.first().equals(s.first()) && d.last().equals(s.last()))) {
                derived.add(new Net.Cidr(Net.networkText(s), s.family(), s.first(), s.last()));
            }
        }
        return new MachineNetwork(List.copyOf(derived), false);
    }
}
