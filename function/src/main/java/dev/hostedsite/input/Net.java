package dev.hostedsite.input;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals and CIDRs, parsed without any name lookup. */
public final class Net {
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Net() {}

    /** A parsed CIDR: family (4 or 6), first and last address as numbers. */
    public record Cidr(String text, int family, BigInteger first, BigInteger last) {
        public boolean overlaps(Cidr o) {
            return family == o.family && first.compareTo(o.last) <= 0 && o.first.compareTo(last) <= 0;
        }

        /** True when the IP literal lies in this block. */
        public boolean contains(String ip) {
            return Net.family(ip) == family && value(ip).map(v -> first.compareTo(v) <= 0 && v.compareTo(last) <= 0)
                    .orElse(false);
        }
    }

    /** The address as a number, for an IP literal. */
    static Optional<BigInteger> value(String ip) {
        if (family(ip) == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigInteger(1, InetAddress.getByName(ip).getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * A MetalLB pool address, as metallb/metallb {@code internal/config/config.go} {@code ParseCIDR} reads it:
     * text without '-' is a CIDR; otherwise two IP literals split at the first '-', each trimmed of spaces,
     * the first not after the second. Both ends must be of one family (a range of mixed families summarizes
     * to nothing there). Empty when the text is neither.
     */
    public static Optional<Cidr> poolAddresses(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return cidr(text);
        }
        String start = text.substring(0, dash).strip();
        String end = text.substring(dash + 1).strip();
        int family = family(start);
        if (family == 0 || family(end) != family) {
            return Optional.empty();
        }
        BigInteger first = value(start).orElseThrow();
        BigInteger last = value(end).orElseThrow();
        return first.compareTo(last) > 0 ? Optional.empty() : Optional.of(new Cidr(text, family, first, last));
    }

    /** 4, 6, or 0 when the text is not an IP literal. */
    public static int family(String ip) {
        if (IPV4.matcher(ip).matches()) {
            return 4;
        }
        if (ip.contains(":") && IPV6_CHARS.matcher(ip).matches()) {
            try {
                return InetAddress.getByName(ip).getAddress().length == 16 ? 6 : 0;
            } catch (UnknownHostException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * Why {@link #cidr} refuses {@code text}, in a few words for an error message ("no /prefix", "the prefix 33 is
     * more than 32, the bits of an IPv4 address", "'10.1.2' is not an IP address"); "not a CIDR" when it would parse.
     */
    public static String cidrProblem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return "no /prefix length";
        }
        String ip = text.substring(0, slash);
        int family = family(ip);
        if (family == 0) {
            return "'" + ip + "' is not an IP address";
        }
        int bits = family == 4 ? 32 : 128;
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}")) {
            return "the prefix length '" + prefix + "' is not a number";
        }
        int n = Integer.parseInt(prefix);
        return n > bits ? "the prefix length " + n + " is more than " + bits + ", the bits of an IPv" + family + " address"
                : "not a CIDR";
    }

    public static Optional<Cidr> cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String ip = text.substring(0, slash);
        int family = family(ip);
        int bits = family == 4 ? 32 : 128;
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (family == 0 || prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        BigInteger addr;
        try {
            addr = new BigInteger(1, InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger first = addr.subtract(addr.mod(size));
        return Optional.of(new Cidr(text, family, first, first.add(size).subtract(BigInteger.ONE)));
    }

    /** True when the address has host bits set beyond the prefix (10.0.0.1/8 rather than 10.0.0.0/8). */
    public static boolean hasHostBits(Cidr c) {
        try {
            String ip = c.text().substring(0, c.text().indexOf('/'));
            return !new BigInteger(1, InetAddress.getByName(ip).getAddress()).equals(c.first());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * A block that is a CIDR as its network text, {@code 192.168.122.0/24} or {@code fd00:122::/64} (RFC 5952: lower
     * case, the longest run of two or more zero groups as {@code ::}).
     */
    public static String networkText(Cidr c) {
        int bits = c.family() == 4 ? 32 : 128;
        int prefix = bits - (c.last().subtract(c.first()).add(BigInteger.ONE).bitLength() - 1);
        return address(c.first(), c.family()) + "/" + prefix;
    }

    /** An address number as text of its family. */
    static String address(BigInteger v, int family) {
        if (family == 4) {
            long x = v.longValue();
            return (x >> 24 & 255) + "." + (x >> 16 & 255) + "." + (x >> 8 & 255) + "." + (x & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = v.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(Integer.toHexString(g[i]));
            if (i < 7) {
                b.append(':');
            }
        }
        return b.toString();
    }
}
