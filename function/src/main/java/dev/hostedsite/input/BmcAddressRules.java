package dev.hostedsite.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What baremetal-operator accepts in a BareMetalHost's {@code spec.bmc.address}, and how this function writes it.
 *
 * <p>Upstream: metal3-io/baremetal-operator at {@link dev.hostedsite.kinds.Upstreams#METAL3} (the openshift/baremetal-operator
 * fork that OpenShift hubs run has the same drivers and parser):
 * <ul>
 *   <li>{@code pkg/hardwareutils/bmc/access.go}: {@code GetParsedURL} (Go's {@code url.Parse}; an address without a
 *       scheme is {@code ipmi://}; {@code scheme:host} reads as {@code scheme://host}; a host:port that url.Parse
 *       refuses is kept when {@code net.SplitHostPort} reads it), {@code checkDNSValid} (the host is an IP literal or
 *       a DNS name), {@code NewAccessDetails} ({@code Unknown BMC type} for a scheme no factory is registered for);</li>
 *   <li>{@code pkg/hardwareutils/bmc/{ipmi,redfish,redfish_virtualmedia,redfish_https,idrac_virtualmedia}.go}: the
 *       {@code RegisterFactory} calls, i.e. {@link #DRIVERS}, and {@code SupportsISOPreprovisioningImage}.</li>
 *   <li>{@code internal/webhooks/metal3.io/v1alpha1/baremetalhost_validation.go}: the webhook runs both.</li>
 * </ul>
 * Go's parser since its 2025 security fix refuses {@code [192.168.126.1]}; the same address written bare is the
 * same BMC, so {@link #forBareMetalHost} writes it bare and {@link #check} warns.
 */
public final class BmcAddressRules {
    /**
     * Every driver scheme baremetal-operator registers, with whether it boots an ISO (virtual media or UEFI HTTP:
     * {@code SupportsISOPreprovisioningImage}); each but ipmi and libvirt also takes {@code +http} and {@code +https}.
     */
    public static final Map<String, Boolean> DRIVERS = new TreeMap<>(Map.of(
            "ipmi", false, "libvirt", false,
            "redfish", false, "ilo5-redfish", false, "idrac-redfish", false,
            "redfish-virtualmedia", true, "ilo5-virtualmedia", true, "idrac-virtualmedia", true,
            "redfish-uefihttp", true));
    private static final Pattern DNS_NAME = Pattern.compile(
            "(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\\-]{0,61}[A-Za-z0-9])");
    /** A bracketed IPv4 literal in the authority: {@code scheme://[a.b.c.d]} (group 1 up to "[", group 2 the address). */
    private static final Pattern BRACKETED_IPV4 = Pattern.compile("^([^/]*//(?:[^/@]*@)?)\\[([0-9.]+)\\]");

    private BmcAddressRules() {}

    /** The address as the BareMetalHost carries it: a bracketed IPv4 literal written bare, anything else as given. */
    public static String forBareMetalHost(String address) {
        Matcher m = BRACKETED_IPV4.matcher(address);
        if (m.find() && GoUrl.parseIp(m.group(2)) == 4) {
            return m.group(1) + m.group(2) + address.substring(m.end());
        }
        return address;
    }

    /** Whether baremetal-operator admits the address exactly as written (no error, nothing this function would rewrite). */
    public static boolean admitted(String address) {
        return forBareMetalHost(address).equals(address) && check("", address).stream().noneMatch(Finding::error);
    }

    /**
     * Checks an address as baremetal-operator will read it ({@link #forBareMetalHost} of it): errors for what its
     * webhook refuses, a warning for a bracketed IPv4 literal (rewritten) and for a driver that cannot boot the
     * Agent flow's discovery ISO. {@code path} is the field the address came from. An address with credentials
     * ({@code user:password@host}) is never repeated.
     */
    static List<Finding> check(String path, String address) {
        List<Finding> out = new ArrayList<>();
        String shown = address.contains("@") ? null : address;
        String written = forBareMetalHost(address);
        if (!written.equals(address)) {
            out.add(Finding.warning(path, shown, "an IPv4 address in brackets is refused by baremetal-operator (Go's URL"
                    + " parser allows only IPv6 inside brackets); the BareMetalHost gets the same address without brackets"
                    + (shown == null ? "" : ", " + written) + ". Write it that way to silence this warning."));
        }
        GoUrl.Url url;
        GoUrl.GoError urlError = null;
        try {
            GoUrl.parse(written);
        } catch (GoUrl.GoError e) {
            urlError = e;
        }
        try {
            url = parsedUrl(written);
        } catch (GoUrl.GoError e) {
            out.add(unparsable(path, shown, e));
            return out;
        }
        if (url.hasUser()) {
            out.add(Finding.error(path, "the BMC address carries credentials (user@host): they would go into Git in the"
                    + " BareMetalHost. Remove them from the address; give them in bmc.credentials.", shown));
            return out;
        }
        String hostname = url.hostname();
        if (hostname.isEmpty()) {
            out.add(Finding.error(path, "the BMC address has no host. Write driver://host[:port]/path.", shown));
            return out;
        }
        if (GoUrl.parseIp(hostname) == 0 && !DNS_NAME.matcher(hostname).matches()) {
            // after a URL parse error baremetal-operator reads the whole address as an ipmi host: name the parse error
            out.add(urlError != null ? unparsable(path, shown, urlError) : Finding.error(path, "the BMC host '"
                    + hostname + "' is neither an IP address nor a DNS name (baremetal-operator checkDNSValid); an IPv6"
                    + " address goes in brackets, without a zone.", shown));
            return out;
        }
        if (GoUrl.parseIp(hostname) == 0 && hostname.matches("[0-9.]+")) {
            out.add(Finding.warning(path, shown, "the BMC host " + hostname + " is not an IPv4 address (Go refuses leading"
                    + " zeros and numbers above 255), so baremetal-operator takes it for a DNS name that will not resolve."
                    + " Write the address without leading zeros."));
        }
        if (!url.port().isEmpty() && (url.port().length() > 5 || Integer.parseInt(url.port()) > 65535
                || Integer.parseInt(url.port()) == 0)) {
            out.add(Finding.error(path, "the BMC port " + url.port() + " is not a TCP port (1-65535).", shown));
        }
        Optional<Boolean> bootsIso = bootsIso(url.scheme());
        if (bootsIso.isEmpty()) {
            out.add(Finding.error(path, "unknown BMC driver '" + url.scheme() + "': baremetal-operator knows "
                    + String.join(", ", DRIVERS.keySet()) + " (all but ipmi and libvirt also with +http or +https)."
                    + " For the Agent flow use a virtual-media driver: redfish-virtualmedia://, idrac-virtualmedia://"
                    + " or ilo5-virtualmedia://.", shown));
        } else if (!bootsIso.get()) {
            String implied = url.scheme().equals("ipmi") && !address.regionMatches(true, 0, "ipmi:", 0, 5)
                    ? " (an address without driver:// is read as ipmi://)" : "";
            out.add(Finding.warning(path, shown, "BMC driver '" + url.scheme() + "'" + implied + " cannot attach the discovery"
                    + " ISO the Agent flow boots: it needs PXE over a provisioning network, which hosted-cluster hubs"
                    + " rarely have. Use redfish-virtualmedia://, idrac-virtualmedia:// or ilo5-virtualmedia:// if the"
                    + " BMC speaks Redfish."));
        }
        return out;
    }

    private static Finding unparsable(String path, String shown, GoUrl.GoError e) {
        return Finding.error(path, "baremetal-operator cannot parse this BMC address"
                + (shown == null ? "." : " (" + e.getMessage() + ").")
                + " Write driver://host[:port]/path, such as redfish-virtualmedia://192.168.126.1:8000/redfish/v1/Systems/1,"
                + " with an IPv6 host in brackets: redfish-virtualmedia://[fd00::1]:8000/...", shown);
    }

    /** {@code bmc.GetParsedURL}, without {@code checkDNSValid} (reported separately). */
    private static GoUrl.Url parsedUrl(String address) throws GoUrl.GoError {
        GoUrl.Url url;
        try {
            url = GoUrl.parse(address);
        } catch (GoUrl.GoError e) {
            if (address.contains(":")) {
                try {
                    GoUrl.netSplitHostPort(address);
                } catch (GoUrl.GoError e2) {
                    throw e;
                }
            }
            return new GoUrl.Url("ipmi", "", false, address);
        }
        if (!url.opaque().isEmpty()) {
            url = GoUrl.parse(address.replaceFirst(":", "://"));
        }
        if (url.scheme().isEmpty() && url.hostname().isEmpty()) {
            url = GoUrl.parse("ipmi://" + address);
        }
        return url;
    }

    /** Whether the driver of {@code scheme} boots an ISO; empty for a scheme baremetal-operator does not know. */
    private static Optional<Boolean> bootsIso(String scheme) {
        String driver = scheme;
        if (scheme.endsWith("+http") || scheme.endsWith("+https")) {
            driver = scheme.substring(0, scheme.lastIndexOf('+'));
            if (driver.equals("ipmi") || driver.equals("libvirt")) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(DRIVERS.get(driver));
    }
}
