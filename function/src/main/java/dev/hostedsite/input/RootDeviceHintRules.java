package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a BareMetalHost's {@code spec.rootDeviceHints} must hold to be admitted and to match a disk. The schema
 * already checks the value types (strings, {@code rotational} boolean, {@code minSizeGigabytes} an integer >= 0).
 *
 * <p>Upstream, metal3-io/baremetal-operator at {@link dev.hostedsite.kinds.Upstreams#METAL3}:
 * <ul>
 *   <li>{@code internal/webhooks/metal3.io/v1alpha1/baremetalhost_validation.go} {@code validateRootDeviceHints}:
 *       {@code deviceName} is a {@code /dev/} path: {@code /dev/<name>} or {@code /dev/disk/by-path/<name>}, no
 *       other subdirectory;</li>
 *   <li>{@code apis/metal3.io/v1alpha1/baremetalhost_types.go} {@code RootDeviceHints}: every field
 *       {@code omitempty} (an empty string or 0 is no hint), {@code MinSizeGigabytes int} (Go reads 8.0 as an
 *       error, and nothing beyond 64 bits);</li>
 *   <li>{@code pkg/provisioner/ironic/devicehints/devicehints.go}: hints go to ironic as exact ({@code s==}) matches,
 *       {@code model}/{@code vendor} as substrings; an {@code hctl} is matched as {@code H:C:T:L}.</li>
 * </ul>
 */
final class RootDeviceHintRules {
    private static final Pattern HCTL = Pattern.compile("[0-9]+:[0-9]+:[0-9]+:[0-9]+");

    private RootDeviceHintRules() {}

    /** Findings for the hints at {@code path} ({@code spec.clusters[i].hosts[j].rootDeviceHints}). */
    static List<Finding> check(String path, JsonNode hints) {
        List<Finding> out = new ArrayList<>();
        int effective = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) hints::fields) {
            String field = path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().isEmpty() || v.isNumber() && v.isIntegralNumber() && v.asLong() == 0) {
                out.add(Finding.warning(field, "an empty or zero hint is no hint: the BareMetalHost drops it. Remove it"
                        + " or give a value."));
                continue;
            }
            effective++;
            switch (e.getKey()) {
                case "deviceName" -> deviceName(field, v.asText()).ifPresent(out::add);
                case "hctl" -> {
                    if (!HCTL.matcher(v.asText()).matches()) {
                        out.add(Finding.error(field, "an hctl hint is a SCSI address host:channel:target:lun such as"
                                + " 0:0:0:0; ironic matches it exactly, so this one can match no disk.", v.asText()));
                    }
                }
                case "minSizeGigabytes" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        out.add(Finding.error(field, "minSizeGigabytes must be a whole number of gigabytes that fits"
                                + " 64 bits, such as 120 (not 120.0): baremetal-operator reads it as a Go int.",
                                v.asText()));
                    }
                }
                default -> { }
            }
        }
        if (effective == 0) {
            out.add(Finding.warning(path, "rootDeviceHints gives no hint, so ironic picks the root disk itself."
                    + " Give deviceName (/dev/...), serialNumber, wwn or another hint, or remove rootDeviceHints."));
        }
        return out;
    }

    private static java.util.Optional<Finding> deviceName(String field, String name) {
        String sub = name.startsWith("/dev/") ? name.substring("/dev/".length()) : null;
        if (sub == null) {
            String fix = name.contains("/") ? "" : " Write /dev/" + name + ".";
            return java.util.Optional.of(Finding.error(field, "baremetal-operator's webhook refuses a deviceName that is"
                    + " not a /dev/ path." + fix, name));
        }
        if (sub.startsWith("disk/by-path/")) {
            sub = sub.substring("disk/by-path/".length());
        }
        if (sub.isEmpty()) {
            return java.util.Optional.of(Finding.error(field, "the deviceName names a directory, not a disk. Write"
                    + " /dev/sda or /dev/disk/by-path/<link>.", name));
        }
        if (sub.contains("/")) {
            return java.util.Optional.of(Finding.error(field, "baremetal-operator's webhook accepts a deviceName in /dev/"
                    + " or /dev/disk/by-path/ only (not /dev/disk/by-id/ and other links). Use /dev/disk/by-path/...,"
                    + " or the serialNumber or wwn hint for a disk's identity.", name));
        }
        return java.util.Optional.empty();
    }
}
