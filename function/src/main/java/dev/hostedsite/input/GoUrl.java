package dev.hostedsite.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's standard library that metal3 uses to read a BMC address, ported rule by rule so that an
 * address is accepted here exactly when baremetal-operator accepts it:
 * <ul>
 *   <li>{@code net/url.Parse} (golang/go {@code src/net/url/url.go}, with the 2025 fix for CVE-2025-47912: only an
 *       IPv6 literal may stand inside brackets, an IPv4 literal or a name in brackets is {@code invalid IP-literal},
 *       a {@code [} after the start of the host is refused; IPv4-mapped IPv6 and zones ({@code %25}) stay valid);</li>
 *   <li>{@code net.SplitHostPort} (golang/go {@code src/net/ipsock.go});</li>
 *   <li>{@code netip.ParseAddr} (golang/go {@code src/net/netip/netip.go}): strict dotted decimal without leading
 *       zeros, IPv6 with one {@code ::}, an embedded IPv4 only in the last 32 bits, an optional zone;
 *       {@code net.ParseIP} is the same without a zone.</li>
 * </ul>
 * Only what decides acceptance is kept: the query and fragment are checked, not kept.
 */
final class GoUrl {
    private GoUrl() {}

    /** A Go error, with Go's message text. */
    static final class GoError extends Exception {
        GoError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The fields of a parsed {@code url.URL} that metal3 reads.
     *
     * @param scheme lower-cased, as Go stores it; empty when there is none
     * @param opaque the text after {@code scheme:} when it does not start with {@code /}
     * @param hasUser whether the authority carried {@code userinfo@}
     * @param host {@code host[:port]}, IPv6 literals in brackets
     */
    record Url(String scheme, String opaque, boolean hasUser, String host) {
        /** {@code URL.Hostname()}: the host without a valid port, brackets removed. */
        String hostname() {
            return splitHostPort(host)[0];
        }

        /** {@code URL.Port()}: the digits after the last colon, or empty. */
        String port() {
            return splitHostPort(host)[1];
        }
    }

    /** {@code url.Parse}. */
    static Url parse(String raw) throws GoError {
        int hash = raw.indexOf('#');
        Url u = parseNoFragment(hash < 0 ? raw : raw.substring(0, hash));
        if (hash >= 0) {
            unescape(raw.substring(hash + 1), Mode.FRAGMENT);
        }
        return u;
    }

    private static Url parseNoFragment(String raw) throws GoError {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new GoError("net/url: invalid control character in URL");
            }
        }
        if (raw.isEmpty() || raw.equals("*")) {
            return new Url("", "", false, "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new GoError("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Url(scheme, rest, false, "");
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new GoError("first path segment in URL cannot contain colon");
            }
        }
        boolean hasUser = false;
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            } else {
                rest = "";
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(scheme, at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                userinfo(authority.substring(0, at));
                hasUser = true;
            }
        }
        unescape(rest, Mode.PATH);
        return new Url(scheme, "", hasUser, host);
    }

    private static void userinfo(String s) throws GoError {
        for (char r : s.toCharArray()) {
            boolean ok = r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(r) >= 0;
            if (!ok) {
                throw new GoError("net/url: invalid userinfo");
            }
        }
        unescape(s, Mode.USER);
    }

    private static String parseHost(String scheme, String host) throws GoError {
        int open = host.lastIndexOf('[');
        if (open > 0) {
            throw new GoError("invalid IP-literal");
        }
        if (open == 0) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new GoError("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new GoError("invalid port \"" + colonPort + "\" after host");
            }
            String hostname = host.substring(1, close);
            int zone = hostname.indexOf("%25");
            String unescaped = zone >= 0
                    ? unescape(hostname.substring(0, zone), Mode.HOST) + unescape(hostname.substring(zone), Mode.ZONE)
                    : unescape(hostname, Mode.HOST);
            if (parseAddr(unescaped) == 4) {
                throw new GoError("invalid IP-literal");
            }
            return "[" + unescaped + "]" + colonPort;
        }
        int i = host.indexOf(':');
        if (i >= 0) {
            int last = host.lastIndexOf(':');
            if (last != i && !scheme.equals("http") && !scheme.equals("https")) {
                i = last;
            }
            String colonPort = host.substring(i);
            if (!validOptionalPort(colonPort)) {
                throw new GoError("invalid port \"" + colonPort + "\" after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        return port.substring(1).chars().allMatch(b -> b >= '0' && b <= '9');
    }

    /** {@code url.splitHostPort}: {host, port}; an invalid port stays part of the host. */
    private static String[] splitHostPort(String hostPort) {
        String host = hostPort;
        String port = "";
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(host.substring(colon))) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]") && host.length() >= 2) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, port};
    }

    private enum Mode { PATH, HOST, ZONE, USER, FRAGMENT }

    /** {@code url.unescape}: validates the escapes of {@code s} for {@code mode} and decodes them. */
    private static String unescape(String s, Mode mode) throws GoError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= b.length || unhex(b[i + 1]) < 0 || unhex(b[i + 2]) < 0) {
                    String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
                    throw new GoError("invalid URL escape \"" + bad + "\"");
                }
                int v = unhex(b[i + 1]) << 4 | unhex(b[i + 2]);
                boolean is25 = b[i + 1] == '2' && b[i + 2] == '5';
                if (mode == Mode.HOST && unhex(b[i + 1]) < 8 && !is25
                        || mode == Mode.ZONE && !is25 && v != ' ' && shouldEscapeInHost(v)) {
                    throw new GoError("invalid URL escape \"" + new String(b, i, 3, StandardCharsets.UTF_8) + "\"");
                }
                out.write(v);
                i += 3;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscapeInHost(c)) {
                    throw new GoError("invalid character \"" + (char) c + "\" in host name");
                }
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int unhex(byte c) {
        return Character.digit((char) c, 16) >= 0 && c < 0x80 ? Character.digit((char) c, 16) : -1;
    }

    /** {@code url.shouldEscape(c, encodeHost)}. */
    private static boolean shouldEscapeInHost(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
    }

    /** {@code net.SplitHostPort}: {host, port}. */
    static String[] netSplitHostPort(String hostport) throws GoError {
        int i = hostport.lastIndexOf(':');
        if (i < 0) {
            throw new GoError("address " + hostport + ": missing port in address");
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0) {
                throw new GoError("address " + hostport + ": missing ']' in address");
            }
            if (end + 1 == hostport.length()) {
                throw new GoError("address " + hostport + ": missing port in address");
            }
            if (end + 1 != i) {
                throw new GoError("address " + hostport + (hostport.charAt(end + 1) == ':'
                        ? ": too many colons in address" : ": missing port in address"));
            }
            host = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostport.substring(0, i);
            if (host.indexOf(':') >= 0) {
                throw new GoError("address " + hostport + ": too many colons in address");
            }
        }
        if (hostport.indexOf('[', j) >= 0) {
            throw new GoError("address " + hostport + ": unexpected '[' in address");
        }
        if (hostport.indexOf(']', k) >= 0) {
            throw new GoError("address " + hostport + ": unexpected ']' in address");
        }
        return new String[] {host, hostport.substring(i + 1)};
    }

    /** {@code net.ParseIP}: 4 or 6 for an IPv4 or IPv6 literal without zone, 0 otherwise. */
    static int parseIp(String s) {
        try {
            return s.indexOf('%') >= 0 ? 0 : parseAddr(s);
        } catch (GoError e) {
            return 0;
        }
    }

    /** {@code netip.ParseAddr}: 4 for IPv4, 6 for IPv6 (IPv4-mapped and zoned included). */
    static int parseAddr(String s) throws GoError {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '.':
                    ipv4Fields(s, 0, s.length());
                    return 4;
                case ':':
                    ipv6(s);
                    return 6;
                case '%':
                    throw new GoError("ParseAddr(\"" + s + "\"): missing IPv6 address");
                default:
                    break;
            }
        }
        throw new GoError("ParseAddr(\"" + s + "\"): unable to parse IP");
    }

    private static void ipv4Fields(String in, int from, int to) throws GoError {
        int val = 0;
        int digits = 0;
        int fields = 0;
        for (int i = from; i < to; i++) {
            char c = in.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    throw new GoError("ParseAddr(\"" + in + "\"): IPv4 field has octet with leading zero");
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    throw new GoError("ParseAddr(\"" + in + "\"): IPv4 field has value >255");
                }
            } else if (c == '.') {
                if (i == from || i == to - 1 || in.charAt(i - 1) == '.') {
                    throw new GoError("ParseAddr(\"" + in + "\"): IPv4 field must have at least one digit");
                }
                if (++fields == 4) {
                    throw new GoError("ParseAddr(\"" + in + "\"): IPv4 address too long");
                }
                val = 0;
                digits = 0;
            } else {
                throw new GoError("ParseAddr(\"" + in + "\"): unexpected character");
            }
        }
        if (fields < 3) {
            throw new GoError("ParseAddr(\"" + in + "\"): IPv4 address too short");
        }
    }

    private static void ipv6(String in) throws GoError {
        String s = in;
        String zone = "";
        int pct = s.indexOf('%');
        if (pct >= 0) {
            zone = s.substring(pct + 1);
            s = s.substring(0, pct);
            if (zone.isEmpty()) {
                throw new GoError("ParseAddr(\"" + in + "\"): zone must be a non-empty string");
            }
        }
        String err = "ParseAddr(\"" + in + "\"): ";
        int ellipsis = -1;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return;
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            for (; off < s.length(); off++) {
                int d = Character.digit(s.charAt(off), 16);
                if (d < 0 || s.charAt(off) > 0x7f) {
                    break;
                }
                if (off > 3) {
                    throw new GoError(err + "each colon-separated field must have at most 4 hex digits");
                }
                acc = (acc << 4) + d;
            }
            if (off == 0) {
                throw new GoError(err + "each colon-separated field must have at least one digit");
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && i != 12) {
                    throw new GoError(err + "embedded IPv4 address must replace the final 2 fields of the address");
                }
                if (i + 4 > 16) {
                    throw new GoError(err + "too many hex fields to fit an embedded IPv4 at the end of the address");
                }
                ipv4Fields(s, 0, s.length());
                s = "";
                i += 4;
                break;
            }
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':') {
                throw new GoError(err + "unexpected character, want colon");
            } else if (s.length() == 1) {
                throw new GoError(err + "colon must be followed by more characters");
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    throw new GoError(err + "multiple :: in address");
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            throw new GoError(err + "trailing garbage after address");
        }
        if (i < 16 && ellipsis < 0) {
            throw new GoError(err + "address string too short");
        }
        if (i == 16 && ellipsis >= 0) {
            throw new GoError(err + "the :: must expand to at least one field of zeros");
        }
    }
}
