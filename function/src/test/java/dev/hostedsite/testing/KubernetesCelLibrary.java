package dev.hostedsite.testing;

import com.google.common.net.InetAddresses;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes CEL library functions that the upstream CRD rules call, for cel-java. Kubernetes adds them to
 * the CEL environment of {@code x-kubernetes-validations}; cel-java does not have them. Only the functions that
 * some rule in {@code fixtures/upstream-schemas} calls are here ({@link #FUNCTIONS}; {@code CelRulesTest} checks
 * that set against the rules).
 *
 * <p>Semantics follow the Kubernetes sources, read, not copied (kubernetes/kubernetes,
 * {@code staging/src/k8s.io/apiserver/pkg/cel/library/}):
 * <ul>
 *   <li>{@code ip.go}: {@code isIP(string) bool}; {@code <IP>.family() int}. An address is Go's
 *       {@code netip.ParseAddr}: dotted-quad IPv4 with no leading zeros, or IPv6; zones ({@code %eth0}) and
 *       IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4}) are refused.</li>
 *   <li>{@code cidr.go}: {@code isCIDR(string) bool}, {@code cidr(string) net.CIDR} (an error when not a CIDR),
 *       {@code <CIDR>.ip() net.IP}, {@code <CIDR>.prefixLength() int}. A CIDR is Go's {@code netip.ParsePrefix}:
 *       an address as above, a slash, a decimal prefix length without leading zeros within the family's bits.
 *       Host bits are allowed (the code accepts {@code 192.168.0.1/24}).</li>
 *   <li>{@code urls.go}: {@code isURL(string) bool}, {@code url(string) kubernetes.URL},
 *       {@code <URL>.getScheme() string}, {@code <URL>.getQuery() map(string, list(string))}. A URL is what Go's
 *       {@code url.ParseRequestURI} accepts: an absolute URI, or an absolute path.</li>
 *   <li>{@code regex.go}: {@code <string>.find(regex) string}, the first match or {@code ''} (RE2 syntax).</li>
 * </ul>
 * Type names are Kubernetes' ({@code net.IP}, {@code net.CIDR}, {@code kubernetes.URL}); values are the records below.
 */
public final class KubernetesCelLibrary {
    /** The functions declared here, by CEL name. */
    public static final Set<String> FUNCTIONS = Set.of("isIP", "family", "isCIDR", "cidr", "ip", "prefixLength",
            "isURL", "url", "getScheme", "getQuery", "find");

    static final OpaqueType IP = OpaqueType.create("net.IP");
    static final OpaqueType CIDR = OpaqueType.create("net.CIDR");
    static final OpaqueType URL = OpaqueType.create("kubernetes.URL");

    /** An IP address: its 4 or 16 bytes. */
    public record Ip(byte[] bytes) {
        public long family() {
            return bytes.length == 4 ? 4 : 6;
        }
    }

    /** A CIDR: the address as written (host bits kept) and the prefix length. */
    public record Cidr(Ip ip, long prefixLength) {}

    /** A URL as Go's {@code url.ParseRequestURI} splits it; {@code rawQuery} is what follows the first {@code ?}. */
    public record Url(String scheme, String rawQuery) {}

    private KubernetesCelLibrary() {}

    static List<CelFunctionDecl> declarations() {
        CelType string = SimpleType.STRING;
        CelType bool = SimpleType.BOOL;
        CelType integer = SimpleType.INT;
        return List.of(
                global("isIP", "is_ip", bool, string),
                member("family", "ip_family", integer, IP),
                global("isCIDR", "is_cidr", bool, string),
                global("cidr", "string_to_cidr", CIDR, string),
                member("ip", "cidr_ip", IP, CIDR),
                member("prefixLength", "cidr_prefix_length", integer, CIDR),
                global("isURL", "is_url_string", bool, string),
                global("url", "string_to_url", URL, string),
                member("getScheme", "url_get_scheme", string, URL),
                member("getQuery", "url_get_query", MapType.create(string, ListType.create(string)), URL),
                CelFunctionDecl.newFunctionDeclaration("find",
                        CelOverloadDecl.newMemberOverload("string_find_string", string, string, string)));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("is_ip", String.class, s -> parseIp(s).isPresent()),
                CelFunctionBinding.from("ip_family", Ip.class, Ip::family),
                CelFunctionBinding.from("is_cidr", String.class, s -> parseCidr(s).isPresent()),
                CelFunctionBinding.from("string_to_cidr", String.class, s -> parseCidr(s).orElseThrow(
                        () -> new CelEvaluationException("network address parse error during conversion from string: " + s))),
                CelFunctionBinding.from("cidr_ip", Cidr.class, Cidr::ip),
                CelFunctionBinding.from("cidr_prefix_length", Cidr.class, Cidr::prefixLength),
                CelFunctionBinding.from("is_url_string", String.class, s -> parseUrl(s).isPresent()),
                CelFunctionBinding.from("string_to_url", String.class, s -> parseUrl(s).orElseThrow(
                        () -> new CelEvaluationException("URL parse error during conversion from string: " + s))),
                CelFunctionBinding.from("url_get_scheme", Url.class, Url::scheme),
                CelFunctionBinding.from("url_get_query", Url.class, u -> query(u.rawQuery())),
                CelFunctionBinding.from("string_find_string", String.class, String.class, KubernetesCelLibrary::find));
    }

    private static CelFunctionDecl global(String name, String overload, CelType result, CelType arg) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newGlobalOverload(overload, result, arg));
    }

    private static CelFunctionDecl member(String name, String overload, CelType result, CelType target) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newMemberOverload(overload, result, target));
    }

    /** Go's {@code netip.ParseAddr} without zones and IPv4-mapped IPv6 (Kubernetes' {@code parseIPAddr}). */
    public static Optional<Ip> parseIp(String s) {
        if (s.isEmpty() || s.contains("%")) {
            return Optional.empty();
        }
        if (!s.contains(":")) {
            return parseIpv4(s);
        }
        if (!InetAddresses.isInetAddress(s)) {
            return Optional.empty();
        }
        InetAddress a = InetAddresses.forString(s);
        if (a instanceof Inet4Address) { // Guava unwraps ::ffff:a.b.c.d; Kubernetes refuses it
            return Optional.empty();
        }
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) >= 0 && parseIpv4(s.substring(lastColon + 1)).isEmpty()) {
            return Optional.empty(); // an embedded IPv4 tail follows the same rules as IPv4
        }
        return Optional.of(new Ip(a.getAddress()));
    }

    private static Optional<Ip> parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.charAt(0) == '0') {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(new Ip(b));
    }

    /** Go's {@code netip.ParsePrefix} without IPv4-mapped IPv6 (Kubernetes' {@code parseCIDR}). */
    public static Optional<Cidr> parseCidr(String s) {
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String bits = s.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
                || bits.length() > 1 && bits.charAt(0) == '0') {
            return Optional.empty();
        }
        Optional<Ip> ip = parseIp(s.substring(0, slash));
        int n = Integer.parseInt(bits);
        if (ip.isEmpty() || n > ip.get().bytes().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), n));
    }

    /**
     * What Go's {@code url.ParseRequestURI} accepts: no control characters; an optional scheme
     * ({@code [A-Za-z][A-Za-z0-9+.-]*:}); then either an opaque part (with a scheme) or a path starting with
     * {@code /}; an authority after {@code //} whose port, if any, is digits and whose host has no character Go
     * refuses in a host name; valid percent-escapes in host and path. The fragment is not split off (as in Go).
     */
    public static Optional<Url> parseUrl(String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String scheme = "";
        String rest = s;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                continue;
            }
            if ((c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0) {
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return Optional.empty(); // missing protocol scheme
                }
                scheme = s.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = s.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            return scheme.isEmpty() ? Optional.empty() : Optional.of(new Url(scheme, rawQuery)); // opaque
        }
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            String path = slash < 0 ? "" : authority.substring(slash);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            if (!validHost(host) || !validEscapes(path)) {
                return Optional.empty();
            }
        } else if (!validEscapes(rest)) {
            return Optional.empty();
        }
        return Optional.of(new Url(scheme, rawQuery));
    }

    private static boolean validHost(String host) {
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            port = host.substring(close + 1);
            host = host.substring(1, close);
        } else {
            int colon = host.lastIndexOf(':');
            port = colon < 0 ? "" : host.substring(colon);
            host = colon < 0 ? host : host.substring(0, colon);
            if (host.contains(":")) {
                return false; // https://a:b:c/
            }
        }
        if (!port.isEmpty() && !(port.startsWith(":") && port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return false;
        }
        for (char c : host.toCharArray()) {
            boolean ok = c >= 0x80 || Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:[]<>\"%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return validEscapes(host);
    }

    private static boolean validEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Go's {@code url.Query()}: {@code &}-separated, unescaped, repeated keys collect values; bad pairs dropped. */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException bad) {
                // Go's ParseQuery skips a pair it cannot unescape
            }
        }
        return out;
    }

    /** {@code <string>.find(regex)}: the leftmost RE2 match, or {@code ''}. */
    static String find(String s, String regex) throws CelEvaluationException {
        try {
            Matcher m = Pattern.compile(regex).matcher(s);
            return m.find() ? m.group() : "";
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException("Illegal regex: " + e.getMessage());
        }
    }
}
