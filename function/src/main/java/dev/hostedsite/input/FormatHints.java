package dev.hostedsite.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a field's value must look like, in words, for schema {@code pattern} and {@code format} failures
 * (a regex is no message for people). Keyed by the end of the field path.
 */
final class FormatHints {
    private static final String DNS_LABEL = "must be a DNS-1123 label: lower-case letters, digits and '-',"
            + " starting and ending with a letter or digit, at most 63 characters";
    private static final Map<Pattern, String> HINTS = new LinkedHashMap<>();

    static {
        hint("release\\.image", "the release image must be pinned by digest (…@sha256:<64 hex>), never a tag: a"
                + " disconnected mirror serves releases by digest. Find the digest with: oc adm release info <image>"
                + " | grep \"Pull From\"");
        hint("bootMACAddress", "must be a MAC address: six hex pairs separated by colons, such as 52:54:00:aa:bb:01");
        hint("metadata\\.name|\\.name|namespace|mceNamespace|catalogs\\[\\d+\\]\\.name", DNS_LABEL);
        hint("baseDomain|hostname", "must be a DNS name such as example.com (lower case, no trailing dot)");
        hint("registry\\.host", "must be a host name or IP address without scheme or port (the port goes in"
                + " registry.port)");
        hint("webServer", "must be an http:// or https:// URL, such as http://registry.example.com:8080/images");
        hint("openshiftVersion", "must be a major.minor version in quotes, such as \"4.19\"");
        hint("release\\.version", "must be a release version such as 4.19.3");
        hint("Storage|etcdStorageSize", "must be a Kubernetes quantity such as 10Gi");
        hint("nodeDrainTimeout", "must be a Go duration such as 0s, 30s or 10m");
        hint("sshAuthorizedKey", "must be an OpenSSH public key line: ssh-ed25519 AAAA… comment");
        hint("\\.data\\.[^.]+", "must be base64, as in a Secret's data (use stringData for plain text)");
        hint("Addresses\\[\\d+\\]|address", "must be an IPv4 or IPv6 address");
        hint("Network\\[\\d+\\]", "must be a CIDR such as 10.132.0.0/14 or fd01::/48");
        hint("externalSecrets\\[\\d+\\]", "must be a Secret name or namespace/name");
    }

    private static void hint(String pathSuffix, String text) {
        HINTS.put(Pattern.compile("(^|.*\\.|.*)(" + pathSuffix + ")$"), text);
    }

    private FormatHints() {}

    static Optional<String> forPath(String fieldPath) {
        for (Map.Entry<Pattern, String> e : HINTS.entrySet()) {
            if (e.getKey().matcher(fieldPath).matches()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
