package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of nmstate's document API that a host's {@code network} uses, as data: for each object the keys nmstate
 * deserializes (their serde names after {@code rename}, {@code rename_all = "kebab-case"} and {@code alias}), the
 * value type each key takes, and whether nmstate refuses a key it does not know ({@code deny_unknown_fields}).
 *
 * <p>Taken from nmstate/nmstate at {@link dev.hostedsite.kinds.Upstreams#NMSTATE} (614c66dc, 2024-10-16), {@code rust/src/lib/}:
 * <ul>
 *   <li>{@code net_state.rs} {@code NetworkState} (deny_unknown_fields): the top level;</li>
 *   <li>{@code iface.rs} {@code Interface::deserialize}: dispatch on {@code type}; with {@code state: absent} every
 *       key but name, type and state is dropped; {@code InterfaceType} and {@code InterfaceState} values;</li>
 *   <li>{@code ifaces/base.rs} {@code BaseInterface}: deny_unknown_fields but a {@code #[serde(flatten)] _other}
 *       map, so an interface keeps a key it does not know and does nothing with it (a warning here, not an error);</li>
 *   <li>{@code ifaces/ethernet.rs} {@code EthernetConfig}, {@code ifaces/bond.rs} {@code BondConfig},
 *       {@code BondPortConfig}, {@code BondOptions}, {@code ifaces/vlan.rs} {@code VlanConfig},
 *       {@code ifaces/linux_bridge.rs} {@code LinuxBridgeConfig}, {@code LinuxBridgePortConfig},
 *       {@code LinuxBridgeOptions}, {@code LinuxBridgeStpOptions} (all deny_unknown_fields);</li>
 *   <li>{@code ip.rs} {@code InterfaceIp}, {@code InterfaceIpAddr} (deny_unknown_fields); {@code InterfaceIpv4}
 *       refuses {@code autoconf}, {@code InterfaceIpv6} {@code dhcp-client-id};</li>
 *   <li>{@code route.rs} {@code Routes}, {@code RouteEntry}; {@code route_rule.rs} {@code RouteRules},
 *       {@code RouteRuleEntry}; {@code dns.rs} {@code DnsState}, {@code DnsClientState}; {@code hostname.rs}
 *       {@code HostNameState} (all deny_unknown_fields);</li>
 *   <li>{@code deserializer.rs}: the {@code *_or_string} readers that also take a number or boolean as a string
 *       (booleans as {@code 1|0|true|false|yes|no|on|off|y|n}).</li>
 * </ul>
 * Objects nmstate has but a discovery-time document rarely needs (ethtool, 802.1x, lldp, ovs-db, ovn, sr-iov,
 * mptcp, dispatch, bridge port VLANs, the other interface types' own sections) are {@link Shape#ANY}: taken as
 * they are, not descended into.
 */
public final class NmstateApi {
    private NmstateApi() {}

    /** Upstream revision the tables were read from. */
    public static final String COMMIT = dev.hostedsite.kinds.Upstreams.NMSTATE.pin();

    /** The value shapes nmstate's deserializers accept. */
    public sealed interface Shape permits Scalar, Enum, ListOf, Obj, Any {
        Shape ANY = new Any();
    }

    /** A scalar: {@code kind} one of the constants below; {@code max} the largest integer (unsigned kinds). */
    public record Scalar(String kind, long max) implements Shape {}

    /** A string from a fixed set (an enum without an untagged {@code Other(String)} fallback). */
    public record Enum(Set<String> values) implements Shape {}

    public record ListOf(Shape item) implements Shape {}

    /**
     * An object: {@code fields} its keys; {@code denyUnknown} whether nmstate refuses other keys; {@code upstream}
     * the Rust type, for messages; {@code required} its keys that are not an {@code Option} (serde refuses the
     * object without them, and refuses {@code null} for them), each with an example value for the message.
     */
    public record Obj(String upstream, boolean denyUnknown, Map<String, Shape> fields, Map<String, String> required)
            implements Shape {
        /** An object whose keys are all optional. */
        public Obj(String upstream, boolean denyUnknown, Map<String, Shape> fields) {
            this(upstream, denyUnknown, fields, Map.of());
        }
    }

    /** Any value, not descended into. */
    public record Any() implements Shape {}

    static final String STRING = "string";
    static final String BOOL = "bool";
    static final String BOOL_OR_STRING = "bool-or-string";
    static final String UINT = "uint";
    static final String UINT_OR_STRING = "uint-or-string";
    static final String INT_OR_STRING = "int-or-string";
    static final String IP = "ip";

    private static Scalar s(String kind) {
        return new Scalar(kind, 0);
    }

    private static Scalar u(boolean orString, int bits) {
        return new Scalar(orString ? UINT_OR_STRING : UINT, bits == 64 ? Long.MAX_VALUE : (1L << bits) - 1);
    }

    private static Enum e(String... values) {
        return new Enum(Set.of(values));
    }

    /** Keys in the given order (for stable messages). */
    private static Map<String, Shape> keys(Object... pairs) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Shape) pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, String> keysOf(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Shape> plus(Map<String, Shape> base, Object... pairs) {
        Map<String, Shape> m = new LinkedHashMap<>(base);
        m.putAll(keys(pairs));
        return m;
    }

    /** ip.rs {@code InterfaceIpAddr}: {@code ip} ({@code IpAddr}) and {@code prefix_length} ({@code u8_or_string}) are required. */
    static final Obj IP_ADDRESS = new Obj("InterfaceIpAddr", true, keys(
            "ip", s(IP), "prefix-length", u(true, 8), "mptcp-flags", Shape.ANY,
            "valid-life-time", s(STRING), "preferred-life-time", s(STRING)),
            keysOf("ip", "192.168.122.32", "prefix-length", "24"));

    private static final Map<String, Shape> INTERFACE_IP = keys(
            "enabled", s(BOOL_OR_STRING), "dhcp", s(BOOL_OR_STRING), "autoconf", s(BOOL_OR_STRING),
            "dhcp-client-id", s(STRING), "dhcp-duid", s(STRING), "address", new ListOf(IP_ADDRESS),
            "auto-dns", s(BOOL_OR_STRING), "auto-gateway", s(BOOL_OR_STRING), "auto-routes", s(BOOL_OR_STRING),
            "auto-route-table-id", u(true, 32), "auto-route-metric", u(true, 32), "addr-gen-mode", s(STRING),
            "allow-extra-address", s(BOOL), "token", s(STRING), "dhcp-send-hostname", s(BOOL),
            "dhcp-custom-hostname", s(STRING));

    /** ip.rs {@code InterfaceIpv4}: {@code InterfaceIp} without {@code autoconf}. */
    static final Obj IPV4 = new Obj("InterfaceIpv4", true, without(INTERFACE_IP, "autoconf"));

    /** ip.rs {@code InterfaceIpv6}: {@code InterfaceIp} without {@code dhcp-client-id}. */
    static final Obj IPV6 = new Obj("InterfaceIpv6", true, without(INTERFACE_IP, "dhcp-client-id"));

    private static Map<String, Shape> without(Map<String, Shape> m, String key) {
        Map<String, Shape> out = new LinkedHashMap<>(m);
        out.remove(key);
        return out;
    }

    /** ifaces/base.rs {@code BaseInterface}. */
    static final Map<String, Shape> BASE_INTERFACE = keys(
            "name", s(STRING), "profile-name", s(STRING), "description", s(STRING), "type", s(STRING),
            "driver", s(STRING), "state", e("up", "down", "absent", "ignore"),
            "identifier", e("name", "mac-address"), "mac-address", s(STRING), "permanent-mac-address", s(STRING),
            "mtu", u(true, 64), "min-mtu", u(false, 64), "max-mtu", u(false, 64),
            "wait-ip", e("any", "ipv4", "ipv6", "ipv4+ipv6"), "ipv4", IPV4, "ipv6", IPV6, "mptcp", Shape.ANY,
            "controller", s(STRING), "accept-all-mac-addresses", s(BOOL_OR_STRING), "copy-mac-from", s(STRING),
            "ovs-db", Shape.ANY, "802.1x", Shape.ANY, "lldp", Shape.ANY, "ethtool", Shape.ANY, "dispatch", Shape.ANY);

    /** ifaces/ethernet.rs {@code EthernetConfig}. */
    static final Obj ETHERNET = new Obj("EthernetConfig", true, keys(
            "sr-iov", Shape.ANY, "auto-negotiation", s(BOOL_OR_STRING), "speed", u(true, 32),
            "duplex", e("full", "half")));

    /** ifaces/bond.rs {@code BondOptions} (snake_case keys, as the kernel's sysfs names). */
    static final Obj BOND_OPTIONS = new Obj("BondOptions", true, keys(
            "ad_actor_sys_prio", u(true, 16), "ad_actor_system", s(STRING), "ad_select", s(STRING),
            "ad_user_port_key", u(true, 16), "all_slaves_active", s(STRING), "arp_all_targets", s(STRING),
            "arp_interval", u(true, 32), "arp_ip_target", s(STRING), "arp_validate", s(STRING),
            "downdelay", u(true, 32), "fail_over_mac", s(STRING), "lacp_rate", s(STRING), "lp_interval", u(true, 32),
            "miimon", u(true, 32), "min_links", u(true, 32), "num_grat_arp", u(true, 8), "num_unsol_na", u(true, 8),
            "packets_per_slave", u(true, 32), "primary", s(STRING), "primary_reselect", s(STRING),
            "resend_igmp", u(true, 32), "tlb_dynamic_lb", s(BOOL_OR_STRING), "updelay", u(true, 32),
            "use_carrier", s(BOOL_OR_STRING), "xmit_hash_policy", s(STRING), "balance_slb", s(BOOL_OR_STRING),
            "balance-slb", s(BOOL_OR_STRING), "arp_missed_max", u(true, 8)));

    /** ifaces/bond.rs {@code BondMode} (names and their integer aliases). */
    static final Enum BOND_MODE = e("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
            "balance-tlb", "balance-alb", "0", "1", "2", "3", "4", "5", "6");

    /** ifaces/bond.rs {@code BondConfig}; {@code ports} is an alias of {@code port}. */
    static final Obj BOND = new Obj("BondConfig", true, keys(
            "mode", BOND_MODE, "options", BOND_OPTIONS, "port", new ListOf(s(STRING)), "ports", new ListOf(s(STRING)),
            "ports-config", new ListOf(new Obj("BondPortConfig", false, keys(
                    "name", s(STRING), "priority", s(INT_OR_STRING), "queue-id", u(true, 16)),
                    keysOf("name", "eno1")))));

    /** ifaces/vlan.rs {@code VlanConfig}. */
    static final Obj VLAN = new Obj("VlanConfig", true, keys(
            "base-iface", s(STRING), "id", u(true, 16), "protocol", e("802.1q", "802.1ad"),
            "registration-protocol", e("gvrp", "mvrp", "none"), "reorder-headers", s(BOOL),
            "loose-binding", s(BOOL)));

    /** ifaces/linux_bridge.rs {@code LinuxBridgeConfig}; {@code ports} is an alias of {@code port}. */
    static final Obj BRIDGE;

    static {
        Obj port = new Obj("LinuxBridgePortConfig", true, keys(
                "name", s(STRING), "stp-hairpin-mode", s(BOOL_OR_STRING), "stp-path-cost", u(true, 32),
                "stp-priority", u(true, 16), "vlan", Shape.ANY));
        Obj stp = new Obj("LinuxBridgeStpOptions", true, keys(
                "enabled", s(BOOL_OR_STRING), "forward-delay", u(true, 8), "hello-time", u(true, 8),
                "max-age", u(true, 8), "priority", u(true, 16)));
        Obj options = new Obj("LinuxBridgeOptions", true, keys(
                "gc-timer", u(false, 64), "group-addr", s(STRING), "group-forward-mask", u(true, 16),
                "group-fwd-mask", u(true, 16), "hash-max", u(true, 32), "hello-timer", u(false, 64),
                "mac-ageing-time", u(true, 32), "multicast-last-member-count", u(true, 32),
                "multicast-last-member-interval", u(true, 64), "multicast-membership-interval", u(true, 64),
                "multicast-querier", s(BOOL_OR_STRING), "multicast-querier-interval", u(true, 64),
                "multicast-query-interval", u(true, 64), "multicast-query-response-interval", u(true, 64),
                "multicast-query-use-ifaddr", s(BOOL_OR_STRING), "multicast-router", Shape.ANY,
                "multicast-snooping", s(BOOL_OR_STRING), "multicast-startup-query-count", u(true, 32),
                "multicast-startup-query-interval", u(true, 64), "stp", stp, "vlan-protocol", e("802.1q", "802.1ad"),
                "vlan-default-pvid", u(false, 16)));
        BRIDGE = new Obj("LinuxBridgeConfig", true, keys("options", options, "port", new ListOf(port),
                "ports", new ListOf(port)));
    }

    /**
     * Interface type → its object. The four types modelled here get their section on top of
     * {@code BaseInterface}; their unknown keys land in {@code _other} (kept, unused: {@code denyUnknown} false).
     * Types not in this map are checked only for the base keys they share.
     */
    static final Map<String, Obj> INTERFACES = Map.of(
            "ethernet", new Obj("EthernetInterface", false, plus(BASE_INTERFACE, "ethernet", ETHERNET, "veth", Shape.ANY)),
            "veth", new Obj("EthernetInterface", false, plus(BASE_INTERFACE, "ethernet", ETHERNET, "veth", Shape.ANY)),
            "bond", new Obj("BondInterface", false, plus(BASE_INTERFACE, "link-aggregation", BOND)),
            "vlan", new Obj("VlanInterface", false, plus(BASE_INTERFACE, "vlan", VLAN)),
            "linux-bridge", new Obj("LinuxBridgeInterface", false, plus(BASE_INTERFACE, "bridge", BRIDGE)));

    /** iface.rs {@code InterfaceType}: the names nmstate knows (any other is "Unsupported interface type"). */
    static final Set<String> INTERFACE_TYPES = Set.of("bond", "linux-bridge", "dummy", "ethernet", "hsr", "loopback",
            "mac-vlan", "mac-vtap", "ovs-bridge", "ovs-interface", "veth", "vlan", "vrf", "vxlan", "infiniband",
            "tun", "macsec", "ipsec", "xfrm", "ipvlan", "unknown");

    /** Base keys an interface of a type not in {@link #INTERFACES} is checked for. */
    static final Obj OTHER_INTERFACE = new Obj("BaseInterface", false, BASE_INTERFACE);

    /** route.rs {@code RouteEntry}. */
    static final Obj ROUTE = new Obj("RouteEntry", true, keys(
            "state", e("absent"), "destination", s(STRING), "next-hop-interface", s(STRING),
            "next-hop-address", s(STRING), "metric", s(INT_OR_STRING), "table-id", u(true, 32),
            "weight", u(true, 16), "route-type", e("blackhole", "unreachable", "prohibit"), "cwnd", u(false, 32),
            "source", s(STRING)));

    /** route_rule.rs {@code RouteRuleEntry}. */
    static final Obj ROUTE_RULE = new Obj("RouteRuleEntry", true, keys(
            "family", e("ipv4", "ipv6"), "state", e("absent"), "ip-from", s(STRING), "ip-to", s(STRING),
            "priority", s(INT_OR_STRING), "route-table", u(true, 32), "fwmark", u(true, 32), "fwmask", u(true, 32),
            "action", e("blackhole", "unreachable", "prohibit"), "iif", s(STRING),
            "suppress-prefix-length", u(false, 32), "suppress_prefixlength", u(false, 32)));

    private static final Obj DNS_CLIENT = new Obj("DnsClientState", true, keys(
            "server", new ListOf(s(STRING)), "search", new ListOf(s(STRING)), "options", new ListOf(s(STRING))));

    /**
     * net_state.rs {@code NetworkState}, the document's top level. {@code interfaces} is a list whose items are
     * checked per their {@code type} ({@link #INTERFACES}), so it is {@link Shape#ANY} here.
     */
    static final Obj NETWORK_STATE = new Obj("NetworkState", true, keys(
            "description", s(STRING),
            "hostname", new Obj("HostNameState", true, keys("running", s(STRING), "config", s(STRING))),
            "dns-resolver", new Obj("DnsState", true, keys("running", DNS_CLIENT, "config", DNS_CLIENT)),
            "route-rules", new Obj("RouteRules", true, keys("config", new ListOf(ROUTE_RULE))),
            "routes", new Obj("Routes", true, keys("running", new ListOf(ROUTE), "config", new ListOf(ROUTE))),
            "interfaces", Shape.ANY, "ovs-db", Shape.ANY, "ovn", Shape.ANY));

    /** The boolean spellings {@code deserializer.rs} {@code option_bool_or_string} reads from a string. */
    static final List<String> BOOL_STRINGS = List.of("1", "0", "true", "false", "yes", "no", "on", "off", "y", "n");

    private static final Pattern UNSIGNED_TEXT = Pattern.compile("\\+?[0-9]+");
    private static final Pattern HEX_TEXT = Pattern.compile("0x\\+?[0-9A-Fa-f]+");
    private static final Pattern SIGNED_TEXT = Pattern.compile("[+-]?[0-9]+");
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * The integer nmstate's {@code deserializer.rs} {@code option_u64_or_string} reads from a value (the reader under
     * every {@code u8/u16/u32/u64_or_string} field): a whole number from 0 to 2^64-1, or a string that Rust's
     * {@code u64::from_str} takes (digits with an optional leading {@code +}), or {@code 0x} and hexadecimal digits
     * ({@code u64::from_str_radix(_, 16)}). Empty for anything else: a negative number, a fraction, a boolean, a word,
     * a list, an object, and {@code null} (its visitor has no {@code visit_unit}, so serde refuses null here). The
     * caller checks the field's own range (u8 and so on).
     */
    public static Optional<BigInteger> unsignedOrString(JsonNode v) {
        BigInteger n = null;
        if (v != null && v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v != null && v.isTextual() && HEX_TEXT.matcher(v.asText()).matches()) {
            n = new BigInteger(v.asText().substring(2), 16);
        } else if (v != null && v.isTextual() && UNSIGNED_TEXT.matcher(v.asText()).matches()) {
            n = new BigInteger(v.asText());
        }
        return Optional.ofNullable(n).filter(i -> i.signum() >= 0 && i.compareTo(U64_MAX) <= 0);
    }

    /**
     * The integer {@code deserializer.rs} {@code option_i64_or_string} reads: a whole number within i64, or a string
     * Rust's {@code i64::from_str} takes (digits with an optional sign); empty otherwise, {@code null} included.
     */
    public static Optional<BigInteger> signedOrString(JsonNode v) {
        BigInteger n = null;
        if (v != null && v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v != null && v.isTextual() && SIGNED_TEXT.matcher(v.asText()).matches()) {
            n = new BigInteger(v.asText());
        }
        return Optional.ofNullable(n).filter(i -> i.compareTo(I64_MIN) >= 0 && i.compareTo(I64_MAX) <= 0);
    }

    /**
     * Whether nmstate reads {@code null} for a key of this shape as "not given": true for a plain {@code Option}
     * (serde's {@code Option} takes null as {@code None}); false for the {@code *_or_string} scalars, whose
     * {@code deserializer.rs} visitors have no {@code visit_unit}/{@code visit_none} and so refuse null. A required
     * key ({@link Obj#required}) takes no null either.
     */
    public static boolean nullMeansAbsent(Shape shape) {
        return !(shape instanceof Scalar s) || !List.of(BOOL_OR_STRING, UINT_OR_STRING, INT_OR_STRING).contains(s.kind());
    }
}
