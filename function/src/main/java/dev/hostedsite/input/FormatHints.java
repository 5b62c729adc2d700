package dev.hostedsite.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a field's format is, in words, keyed by the end of the schema location of its {@code pattern}: what a
 * pattern failure tells the user instead of the regular expression.
 */
final class FormatHints {
    private static final Map<String, String> BY_SCHEMA_LOCATION = new LinkedHashMap<>();

    static {
        hint("/$defs/dnsLabel/pattern", "must be a DNS-1123 label: lower-case letters, digits and '-', starting and"
                + " ending with a letter or digit, at most 63 characters (e.g. hosted-1)");
        hint("/$defs/dnsSubdomain/pattern", "must be a DNS-1123 subdomain: dot-separated labels of lower-case letters,"
                + " digits and '-' (e.g. example.krnl.es)");
        hint("/$defs/quantity/pattern", "must be a Kubernetes quantity: a non-negative number with an optional suffix"
                + " Ki, Mi, Gi, Ti or k, M, G, T (e.g. 10Gi; 'GB' is not a suffix)");
        hint("/$defs/imageScope/pattern", "must be a registry host with optional port and repository path, without"
                + " scheme, tag or digest (e.g. registry.example.krnl.es:5000/openshift/release); repository path"
                + " components are lower-case");
        hint("/$defs/imageReference/pattern", "must be a full image reference: registry host, repository path, and"
                + " tag or digest, without spaces (e.g. registry.example.krnl.es:5000/redhat/redhat-operator-index:v4.19)");
        hint("/$defs/duration/pattern", "must be a Go duration such as 0s, 90s, 5m or 1h30m");
        hint("/$defs/cidr/pattern", "must be a CIDR: an IPv4 or IPv6 network address and a prefix length"
                + " (e.g. 10.132.0.0/14 or fd01::/48)");
        hint("/$defs/ipAddress/pattern", "must be an IPv4 or IPv6 address, without host name, brackets or prefix"
                + " length (e.g. 192.168.122.20 or fd00::20)");
        hint("/bootMACAddress/pattern", "must be a MAC address: six pairs of hex digits separated by colons"
                + " (e.g. 52:54:00:aa:bb:01)");
        hint("/Release/properties/image/pattern", "must be pinned by digest, <repository>@sha256:<64 lower-case hex"
                + " digits>, never a tag: a disconnected mirror serves releases by digest. Find the digest with:"
                + " oc adm release info <image> | grep \"Pull From\"");
        hint("/$defs/imageByDigest/pattern", "must be pinned by digest, <registry>/<repository>@sha256:<64 lower-case"
                + " hex digits>, never a tag: HyperShift takes these images by digest only. Find the digest with"
                + " oc image info <image>; for the control-plane operator image, oc adm release info --image-for"
                + " hypershift <release image>");
        hint("/Release/properties/version/pattern", "must be a release version major.minor.patch, such as 4.19.3");
        hint("/Registry/properties/host/pattern", "must be a host name or IP address only: no scheme (https://),"
                + " no path, no port (put the port in spec.hub.registry.port)");
        hint("/OsImages/properties/webServer/pattern", "must be an http:// or https:// URL of the web server that"
                + " serves the RHCOS images (e.g. http://registry.example.krnl.es:8080/images)");
        hint("/OsImage/properties/openshiftVersion/pattern", "must be major.minor, such as \"4.19\"");
        hint("/sshAuthorizedKey/pattern", "must be an OpenSSH public key line: key type, base64 key, optional comment"
                + " (e.g. ssh-ed25519 AAAAC3Nz... admin@lab)");
        hint("/externalSecrets/items/pattern", "must be a Secret name, or namespace/name, of DNS-1123 names"
                + " (e.g. clusters/hosted-pull-secret)");
        hint("/data/additionalProperties/pattern", "must be base64 (standard alphabet, with = padding): data holds"
                + " encoded values; put plain text under stringData instead");
        hint("/propertyNames/pattern", "must be a Secret key: letters, digits, '-', '_' and '.'");
    }

    private FormatHints() {}

    private static void hint(String locationSuffix, String text) {
        BY_SCHEMA_LOCATION.put(locationSuffix, text);
    }

    static Optional<String> forPattern(String schemaLocation) {
        return BY_SCHEMA_LOCATION.entrySet().stream().filter(e -> schemaLocation.endsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }
}
