package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.input.NmstateApi.Enum;
import dev.hostedsite.input.NmstateApi.ListOf;
import dev.hostedsite.input.NmstateApi.Obj;
import dev.hostedsite.input.NmstateApi.Scalar;
import dev.hostedsite.input.NmstateApi.Shape;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Site;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A host's {@code network} document read as nmstate reads it, before it becomes an NMStateConfig that
 * assisted-service bakes into the discovery ISO:
 * <ul>
 *   <li>keys and value types per {@link NmstateApi} (nmstate's own serde types): an unknown key where nmstate
 *       refuses it ({@code deny_unknown_fields}) is an error, an unknown interface key (kept and unused by nmstate) a
 *       warning; addresses are IP literals of their section's family with a prefix length in range;</li>
 *   <li>every interface a route ({@code next-hop-interface}), bond ({@code link-aggregation.port}, {@code ports-config}),
 *       VLAN ({@code base-iface}), bridge port or {@code controller} names is declared in the document: at discovery
 *       a NIC's name comes from the NMStateConfig's MAC → name map, so an undeclared name matches no NIC;</li>
 *   <li>a document that sets static addresses lists the host's boot NIC with its {@code bootMACAddress}:
 *       assisted-service applies a host's static configuration only when a MAC of its {@code mac_interface.ini}
 *       (the NMStateConfig's {@code spec.interfaces}) is one of the host's NICs (openshift/assisted-service at
 *       {@link dev.hostedsite.kinds.Upstreams#ASSISTED_SERVICE} {@code internal/constants/nmstatectl_script.go}
 *       {@code process_host_directories_by_mac_address}), and the BareMetalHost is matched to its Agent by that
 *       boot MAC; a one-digit typo leaves the host without its addresses, so it never registers;</li>
 *   <li>no static address is used twice among the hosts of a site, none is its subnet's network or broadcast
 *       address, and each lies in the cluster's machine network ({@link StaticAddresses#machineNetwork}).</li>
 * </ul>
 */
public final class NmstateRules {
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");

    private final List<Finding> out = new ArrayList<>();

    private NmstateRules() {}

    /** Findings for every host document of every site. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            NmstateRules r = new NmstateRules();
            Map<String, String> used = new HashMap<>();
            for (Cluster c : site.clusters()) {
                for (Host h : c.hosts()) {
                    if (h.network() != null && h.network().isObject()) {
                        r.document(h);
                    }
                }
                r.addresses(c, used);
            }
            out.addAll(Finding.diagnostics(site, r.out));
        }
        return out;
    }

    /**
     * The errors nmstate's API rules find in one nmstate document (keys, value types, interface references), as
     * {@code path: message} lines with paths under {@code root}; empty when nmstate would read it. For checking the
     * {@code spec.config} of a rendered NMStateConfig.
     */
    public static List<String> errors(JsonNode document, String root) {
        NmstateRules r = new NmstateRules();
        r.shapeAndReferences(document, root);
        return r.out.stream().filter(Finding::error).map(f -> f.path() + ": " + f.message()).toList();
    }

    private void document(Host h) {
        shapeAndReferences(h.network(), h.path() + ".network");
        if (h.network().path("interfaces").isArray()) {
            bootNic(h, h.network().path("interfaces"));
        }
    }

    private void shapeAndReferences(JsonNode doc, String root) {
        walk(doc, NmstateApi.NETWORK_STATE, root);
        JsonNode ifaces = doc.path("interfaces");
        if (!ifaces.isArray()) {
            return;
        }
        Set<String> declared = new LinkedHashSet<>();
        ifaces.forEach(i -> declared.add(i.path("name").asText("")));
        for (int i = 0; i < ifaces.size(); i++) {
            interfaceDocument(ifaces.get(i), root + ".interfaces[" + i + "]", declared);
        }
        JsonNode routes = StaticAddresses.list(doc.path("routes").path("config"));
        for (int i = 0; i < routes.size(); i++) {
            JsonNode r = routes.get(i);
            String p = root + ".routes.config[" + i + "]";
            if (!"absent".equals(r.path("state").asText())) {
                reference(r.path("next-hop-interface"), p + ".next-hop-interface", "the route's next hop", declared);
            }
            ipNetwork(r.path("destination"), p + ".destination");
            ipLiteral(r.path("next-hop-address"), p + ".next-hop-address", "next-hop-address");
        }
        JsonNode servers = StaticAddresses.list(doc.path("dns-resolver").path("config").path("server"));
        for (int i = 0; i < servers.size(); i++) {
            String server = servers.get(i).asText("");
            // nmstate takes a scoped IPv6 server as address%interface (dns.rs)
            ipLiteral(servers.get(i), root + ".dns-resolver.config.server[" + i + "]", "a DNS server",
                    server.contains("%") ? server.substring(0, server.indexOf('%')) : server);
        }
    }

    private void interfaceDocument(JsonNode nic, String p, Set<String> declared) {
        if (!nic.isObject()) {
            out.add(Finding.error(p, "an interface is an object with name and type (nmstate Interface).", nic.toString()));
            return;
        }
        if (!nic.path("name").isTextual() || nic.path("name").asText().isEmpty()) {
            out.add(Finding.error(p + ".name", "every interface needs a name (nmstate BaseInterface.name).", null));
        }
        String type = nic.path("type").asText("unknown");
        if (!NmstateApi.INTERFACE_TYPES.contains(type)) {
            // sorted: Set.of iterates in a per-JVM order, and the first of equally near names is suggested
            out.add(Finding.warning(p + ".type", type, "nmstate does not know interface type '" + type + "' and treats"
                    + " the interface as one of unknown type"
                    + Suggest.nearest(type, NmstateApi.INTERFACE_TYPES.stream().sorted().toList()).map(t -> "; did you mean " + t + "?")
                    .orElse(".")));
        }
        if ("absent".equals(nic.path("state").asText())) {
            return; // iface.rs Interface::deserialize: only name, type and state are read
        }
        Obj shape = NmstateApi.INTERFACES.getOrDefault(type, NmstateApi.OTHER_INTERFACE);
        walk(nic, shape, p, NmstateApi.INTERFACES.containsKey(type));
        addressFamilies(nic, p);
        if (nic.path("mac-address").isTextual() && List.of("ethernet", "veth").contains(type)
                && !MAC.matcher(nic.path("mac-address").asText()).matches()) {
            out.add(Finding.error(p + ".mac-address", "an ethernet mac-address is six hexadecimal pairs separated by"
                    + " ':' (52:54:00:10:00:02).", nic.path("mac-address").asText()));
        }
        reference(nic.path("controller"), p + ".controller", "controller", declared);
        JsonNode bond = nic.path("link-aggregation");
        for (String key : List.of("port", "ports")) {
            JsonNode ports = StaticAddresses.list(bond.path(key));
            for (int i = 0; i < ports.size(); i++) {
                reference(ports.get(i), p + ".link-aggregation." + key + "[" + i + "]", "a bond port", declared);
            }
        }
        JsonNode portsConfig = StaticAddresses.list(bond.path("ports-config"));
        for (int i = 0; i < portsConfig.size(); i++) {
            reference(portsConfig.get(i).path("name"), p + ".link-aggregation.ports-config[" + i + "].name", "a bond port",
                    declared);
        }
        reference(nic.path("vlan").path("base-iface"), p + ".vlan.base-iface", "the VLAN's base interface", declared);
        for (String key : List.of("port", "ports")) {
            JsonNode ports = StaticAddresses.list(nic.path("bridge").path(key));
            for (int i = 0; i < ports.size(); i++) {
                reference(ports.get(i).path("name"), p + ".bridge." + key + "[" + i + "].name", "a bridge port", declared);
            }
        }
    }

    /** {@code ipv4.address[].ip} is an IPv4 literal with a prefix up to 32; {@code ipv6} likewise (ip.rs). */
    private void addressFamilies(JsonNode nic, String p) {
        for (String section : List.of("ipv4", "ipv6")) {
            JsonNode addrs = StaticAddresses.list(nic.path(section).path("address"));
            int family = section.equals("ipv4") ? 4 : 6;
            int bits = family == 4 ? 32 : 128;
            for (int i = 0; i < addrs.size(); i++) {
                JsonNode a = addrs.get(i);
                String ap = p + "." + section + ".address[" + i + "]";
                String ip = a.path("ip").asText("");
                if (a.path("ip").isTextual() && Net.family(ip) != family) {
                    out.add(Finding.error(ap + ".ip", (Net.family(ip) == 0 ? "not an IP address"
                            : "an IPv" + Net.family(ip) + " address under " + section) + ": nmstate takes an IPv" + family
                            + " literal here, without prefix length (that is prefix-length). Write it as 192.168.122.32"
                            + " under ipv4, fd00:122::32 under ipv6.", ip));
                }
                StaticAddresses.prefix(a.path("prefix-length")).filter(n -> n > bits).ifPresent(n -> out.add(
                        Finding.error(ap + ".prefix-length", "an IPv" + family + " prefix length is at most " + bits + ".",
                                String.valueOf(n))));
            }
        }
    }

    private void reference(JsonNode name, String path, String role, Set<String> declared) {
        if (!name.isTextual() || name.asText().isEmpty() || declared.contains(name.asText())) {
            return;
        }
        String n = name.asText();
        out.add(Finding.error(path, role + " is interface '" + n + "', which the document does not declare. At"
                + " discovery the host's NICs take their names from the NMStateConfig's interfaces (MAC → name), so an"
                + " undeclared name matches no NIC and nmstate fails to apply the document. Declare '" + n + "' in"
                + " interfaces, or name one of " + declared
                + Suggest.nearest(n, List.copyOf(declared)).map(s -> " (did you mean " + s + "?)").orElse("") + ".", n));
    }

    private void ipNetwork(JsonNode dest, String path) {
        if (!dest.isTextual()) {
            return;
        }
        String d = dest.asText();
        boolean ok = d.contains("/") ? Net.cidr(d).isPresent() : Net.family(d) != 0;
        if (!ok) {
            out.add(Finding.error(path, "a route destination is an IP network such as 0.0.0.0/0 or fd00:122::/64 (or a"
                    + " single address); nmstate refuses '" + d + "' (ip.rs sanitize_ip_network).", d));
        }
    }

    private void ipLiteral(JsonNode n, String path, String role) {
        ipLiteral(n, path, role, n.asText(""));
    }

    private void ipLiteral(JsonNode n, String path, String role, String ip) {
        if (n.isTextual() && Net.family(ip) == 0) {
            out.add(Finding.error(path, role + " must be an IP address such as 192.168.122.1 or fd00:122::1.", n.asText()));
        }
    }

    /** With static addresses, the boot NIC must be among the MACs the NMStateConfig maps (see the class comment). */
    private void bootNic(Host h, JsonNode ifaces) {
        boolean malformed = false;
        for (JsonNode nic : ifaces) {
            malformed |= nic.path("mac-address").isTextual() && !MAC.matcher(nic.path("mac-address").asText()).matches();
        }
        if (StaticAddresses.of(h).isEmpty() || !Hosts.interfacesWithoutMac(h).isEmpty() || malformed) {
            return; // MACs that are missing or malformed are reported on their own
        }
        String boot = h.bootMACAddress().toLowerCase(Locale.ROOT);
        Map<String, String> macs = Hosts.interfaceMacs(h);
        if (macs.containsValue(boot)) {
            return;
        }
        String path = h.path() + ".network.interfaces";
        String closest = null;
        int digits = Integer.MAX_VALUE;
        for (int i = 0; i < ifaces.size(); i++) {
            String mac = ifaces.get(i).path("mac-address").asText(null);
            if (mac != null && macs.containsValue(mac.toLowerCase(Locale.ROOT))) {
                int d = hexDigitsApart(mac.toLowerCase(Locale.ROOT), boot);
                if (d < digits) {
                    digits = d;
                    closest = mac;
                    path = h.path() + ".network.interfaces[" + i + "].mac-address";
                }
            }
        }
        String what = closest == null ? "none of its interfaces carries the boot MAC " + h.bootMACAddress()
                : "its mac-address " + closest + " differs from bootMACAddress " + h.bootMACAddress()
                + (digits <= 2 ? " in " + digits + " digit" + (digits == 1 ? "" : "s") : "")
                + ", and no interface carries the boot MAC";
        out.add(Finding.error(path, "host " + h.name() + " sets static addresses, but " + what + " (the NMStateConfig maps "
                + macs + "). assisted-service applies a host's static network only when one of those MACs is a NIC"
                + " of the host, and ties the host to its BareMetalHost by bootMACAddress: this host would boot the"
                + " discovery ISO without its addresses and never register. Give the boot NIC's interface"
                + " mac-address: " + h.bootMACAddress() + ", or correct bootMACAddress.", closest));
    }

    private static int hexDigitsApart(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int d = 0;
        for (int i = 0; i < a.length(); i++) {
            d += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return d;
    }

    /** Static addresses: unique in the site, not a network or broadcast address, inside the machine network. */
    private void addresses(Cluster c, Map<String, String> used) {
        StaticAddresses.MachineNetwork machine = StaticAddresses.machineNetwork(c);
        for (StaticAddresses.Address a : StaticAddresses.of(c)) {
            String key = Net.value(a.ip()).orElseThrow() + "/" + a.subnet().family();
            String prev = used.putIfAbsent(key, a.path());
            if (prev != null) {
                out.add(Finding.error(a.path(), "static address " + a.ip() + " is also set at " + prev + "; two"
                        + " nodes with one address break both. Give each host its own address.", a.ip()));
            }
            Net.Cidr s = a.subnet();
            BigInteger v = Net.value(a.ip()).orElseThrow();
            if (s.family() == 4 && a.prefixLength() <= 30 && (v.equals(s.first()) || v.equals(s.last()))) {
                out.add(Finding.error(a.path(), a.ip() + " is the " + (v.equals(s.first()) ? "network" : "broadcast")
                        + " address of " + Net.networkText(s) + ", which no host can use. Pick another address.", a.ip()));
            }
            // an invalid entry is reported by AddressPlanRules; a family the network lists nothing for, once below
            if (!machine.declared() || machine.cidrs().size() != c.networking().machineNetwork().size()
                    || !machine.hasFamily(a.subnet().family())) {
                continue;
            }
            if (!machine.contains(a.ip())) {
                out.add(Finding.error(a.path(), "static address " + a.ip() + " lies outside the cluster's machine"
                        + " network " + c.networking().machineNetwork() + " (" + c.path() + ".networking.machineNetwork)."
                        + " Correct the address, or add its network to machineNetwork.", a.ip()));
            }
        }
        if (!machine.declared()) {
            derivedSubnets(c);
            return;
        }
        for (int family : List.of(4, 6)) {
            StaticAddresses.of(c).stream().filter(a -> a.subnet().family() == family).findFirst()
                    .filter(a -> !machine.hasFamily(family) && machine.cidrs().size() == c.networking().machineNetwork().size())
                    .ifPresent(a -> out.add(Finding.warning(c.path() + ".networking.machineNetwork",
                            String.join(", ", c.networking().machineNetwork()), "the hosts have IPv" + family
                            + " static addresses (" + a.ip() + " at " + a.path() + ") but machineNetwork lists no IPv"
                            + family + " network: a dual-stack cluster gives one machine network per family. Add the"
                            + " nodes' IPv" + family + " network.")));
        }
    }

    /** Without a declared machine network, hosts of one family on different subnets get a warning. */
    private void derivedSubnets(Cluster c) {
        Map<Integer, StaticAddresses.Address> firstOfFamily = new HashMap<>();
        for (StaticAddresses.Address a : StaticAddresses.of(c)) {
            StaticAddresses.Address first = firstOfFamily.putIfAbsent(a.subnet().family(), a);
            if (first != null && !first.subnet().contains(a.ip())) {
                out.add(Finding.warning(a.path(), a.ip(), "static address " + a.ip() + "/" + a.prefixLength() + " is"
                        + " outside " + Net.networkText(first.subnet()) + ", the subnet of " + first.path() + ": nodes of a"
                        + " cluster usually share one machine network. If the hosts are on routed networks, list them in "
                        + c.path() + ".networking.machineNetwork; otherwise correct the address or prefix-length."));
            }
        }
    }

    // ---- keys and value types --------------------------------------------------------------------------------

    private void walk(JsonNode v, Shape shape, String path) {
        walk(v, shape, path, true);
    }

    /** {@code warnUnknown}: for an object that keeps unknown keys, whether to warn about them. */
    private void walk(JsonNode v, Shape shape, String path, boolean warnUnknown) {
        if (v == null || v.isMissingNode()) {
            return;
        }
        if (v.isNull()) {
            // a plain Option takes null as "not given"; the *_or_string readers refuse it (NmstateApi.nullMeansAbsent)
            if (!NmstateApi.nullMeansAbsent(shape)) {
                out.add(Finding.error(path, "nmstate refuses null here: its reader (deserializer.rs) takes "
                        + expected((Scalar) shape) + ", not null. Give a value, or leave the key out.", "null"));
            }
            return;
        }
        if (shape instanceof Scalar s) {
            scalar(v, s, path);
        } else if (shape instanceof Enum e) {
            String text = v.isTextual() || v.isIntegralNumber() ? v.asText() : null;
            if (text == null || !e.values().contains(text)) {
                out.add(Finding.error(path, "nmstate takes one of " + e.values().stream().sorted().toList()
                        + " here.", v.isValueNode() ? v.asText() : v.toString()));
            }
        } else if (shape instanceof ListOf l) {
            if (!v.isArray()) {
                out.add(Finding.error(path, "nmstate takes a list here.", v.isValueNode() ? v.asText() : null));
                return;
            }
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isNull()) {
                    out.add(Finding.error(path + "[" + i + "]", "a list item cannot be null: nmstate reads each item"
                            + " as a value, not an Option. Remove the empty item.", "null"));
                    continue;
                }
                walk(v.get(i), l.item(), path + "[" + i + "]");
            }
        } else if (shape instanceof Obj o) {
            object(v, o, path, warnUnknown);
        }
    }

    private void object(JsonNode v, Obj o, String path, boolean warnUnknown) {
        if (!v.isObject()) {
            out.add(Finding.error(path, "nmstate takes an object (" + o.upstream() + ") here.",
                    v.isValueNode() ? v.asText() : null));
            return;
        }
        var it = v.fields();
        while (it.hasNext()) {
            var f = it.next();
            Shape field = o.fields().get(f.getKey());
            String p = path + "." + f.getKey();
            if (field != null) {
                if (!(f.getValue().isNull() && o.required().containsKey(f.getKey()))) {
                    walk(f.getValue(), field, p); // a required key's null is reported below
                }
                continue;
            }
            String hint = Suggest.nearest(f.getKey(), List.copyOf(o.fields().keySet()))
                    .map(k -> " Did you mean " + k + "?").orElse("");
            if (o.denyUnknown()) {
                out.add(Finding.error(p, "nmstate refuses the unknown key '" + f.getKey() + "' in " + o.upstream()
                        + " (deny_unknown_fields), so the host's network document fails to apply." + hint, f.getKey()));
            } else if (warnUnknown) {
                out.add(Finding.warning(p, f.getKey(), "nmstate keeps the unknown key '" + f.getKey() + "' of an "
                        + o.upstream() + " and does nothing with it." + hint));
            }
        }
        o.required().forEach((key, example) -> {
            if (v.path(key).isMissingNode() || v.path(key).isNull()) {
                out.add(Finding.error(v.has(key) ? path + "." + key : path, "the " + o.upstream() + " has " + (v.has(key) ? "a null " : "no ") + key
                        + ", which nmstate requires (" + o.upstream() + "." + key.replace('-', '_') + " is not optional):"
                        + " add it, such as " + key + ": " + example + ".", v.has(key) ? "null" : null));
            }
        });
    }

    private void scalar(JsonNode v, Scalar s, String path) {
        String problem = switch (s.kind()) {
            case NmstateApi.STRING, NmstateApi.IP -> v.isTextual() ? null : "a string (quote it)";
            case NmstateApi.BOOL -> v.isBoolean() ? null : "true or false";
            case NmstateApi.BOOL_OR_STRING -> v.isBoolean()
                    || v.isTextual() && NmstateApi.BOOL_STRINGS.contains(v.asText().toLowerCase(Locale.ROOT))
                    || v.isIntegralNumber() && List.of(BigInteger.ZERO, BigInteger.ONE).contains(v.bigIntegerValue())
                    ? null : expected(s);
            case NmstateApi.UINT -> v.isIntegralNumber() && inRange(v.bigIntegerValue(), s.max()) ? null
                    : "a whole number " + range(s.max());
            case NmstateApi.UINT_OR_STRING -> NmstateApi.unsignedOrString(v)
                    .filter(n -> n.compareTo(BigInteger.valueOf(s.max())) <= 0).isPresent() ? null : expected(s);
            case NmstateApi.INT_OR_STRING -> NmstateApi.signedOrString(v).isPresent() ? null : expected(s);
            default -> throw new IllegalStateException("unknown nmstate scalar kind " + s.kind());
        };
        if (problem != null) {
            out.add(Finding.error(path, "nmstate reads this value as " + problem + ".",
                    v.isValueNode() ? v.asText() : v.toString()));
        }
    }

    private static String range(long max) {
        return max == Long.MAX_VALUE ? "of 0 or more" : "from 0 to " + max;
    }

    /** What a {@code *_or_string} reader takes, for messages. */
    private static String expected(Scalar s) {
        return switch (s.kind()) {
            case NmstateApi.UINT_OR_STRING -> "a whole number " + range(s.max()) + " (or the same in a string)";
            case NmstateApi.INT_OR_STRING -> "a whole number (or the same in a string)";
            default -> "a boolean (true, false, or one of " + NmstateApi.BOOL_STRINGS + ")";
        };
    }

    private static boolean inRange(BigInteger n, long max) {
        return n != null && n.signum() >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0;
    }
}
