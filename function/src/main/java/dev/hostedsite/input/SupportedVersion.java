package dev.hostedsite.input;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenShift versions as HyperShift reads them, in one place: openshift/hypershift
 * {@code support/supportedversion/version.go} (at {@link dev.hostedsite.kinds.Upstreams#HYPERSHIFT}), whose
 * {@code normalizeToV4} counts 5.x as 4.(23+x) ({@code v5MinorOffset}) so that minors compare across the major
 * version, and semver precedence for x.y.z[-pre][+build]. Used by the NodePool version skew rule
 * ({@link PoolRules#skewProblem}) and by {@code IsValidReleaseVersion} on transitions ({@code transition/ReleaseGuard}).
 */
public final class SupportedVersion {
    /** From 5.0, OpenShift minors continue 4.x: 5.0 is 4.23 ({@code v5MinorOffset}). */
    public static final int V5_MINOR_OFFSET = 23;

    private static final Pattern X_Y_Z = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+).*");

    private SupportedVersion() {}

    /**
     * The 4.x-normalized minor of a version that starts x.y.z (5.y counts as 4.(23+y)); empty when it is not one,
     * or its major is neither 4 nor 5.
     */
    public static Optional<Integer> v4Minor(String version) {
        Matcher m = version == null ? null : X_Y_Z.matcher(version);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int major;
        int minor;
        try {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (major) {
            case 4 -> Optional.of(minor);
            case 5 -> Optional.of(minor + V5_MINOR_OFFSET);
            default -> Optional.empty();
        };
    }

    /** A 4.x-normalized minor as the user writes it: 4.(minor), or 5.(minor - 23) from 4.23 on. */
    static String majorMinorOf(int v4Minor) {
        return v4Minor >= V5_MINOR_OFFSET ? "5." + (v4Minor - V5_MINOR_OFFSET) : "4." + v4Minor;
    }

    /** A semantic version x.y.z[-pre][+build], compared by semver precedence (build ignored). */
    record Version(int major, int minor, int patch, String pre) implements Comparable<Version> {
        private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?");

        static Optional<Version> parse(String text) {
            Matcher m = text == null ? null : FORM.matcher(text);
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), m.group(4)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** 5.x as 4.(23+x), as support/supportedversion/version.go normalizeToV4 does. */
        Version normalized() {
            return major == 5 ? new Version(4, minor + V5_MINOR_OFFSET, patch, pre) : this;
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            c = c != 0 ? c : Integer.compare(minor, o.minor);
            c = c != 0 ? c : Integer.compare(patch, o.patch);
            if (c != 0 || pre == null && o.pre == null) {
                return c;
            }
            if (pre == null || o.pre == null) {
                return pre == null ? 1 : -1;
            }
            String[] a = pre.split("\\.");
            String[] b = o.pre.split("\\.");
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                boolean an = a[i].matches("\\d+");
                boolean bn = b[i].matches("\\d+");
                int r = an && bn ? new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]))
                        : an ? -1 : bn ? 1 : a[i].compareTo(b[i]);
                if (r != 0) {
                    return r;
                }
            }
            return Integer.compare(a.length, b.length);
        }
    }
}
