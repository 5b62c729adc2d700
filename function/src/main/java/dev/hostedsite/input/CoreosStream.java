package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.ResourceList;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RHCOS stream metadata {@code openshift-install coreos print-stream-json} prints, given to the render as a
 * ConfigMap of the input that {@code spec.hub.osImages.coreosStream.configMap} names (data key
 * {@code coreosStream.key}, default {@code stream.json}): per architecture, the {@code metal} artifacts' release
 * and the live ISO ({@code formats.iso.disk}) and live rootfs ({@code formats.pxe.rootfs}) with location and
 * sha256.
 *
 * <p>Format: coreos/stream-metadata-go {@code stream/stream.go} (Stream.Architectures → Arch.Artifacts →
 * PlatformArtifacts{Release, Formats} → ImageFormat → Artifact{Location, Sha256}), which HyperShift mirrors in
 * openshift/hypershift {@code support/releaseinfo/releaseinfo.go} ({@code CoreOSStreamMetadata},
 * {@code CoreOSArtifact}, {@code CoreOSFormat}). The stream name is {@code rhcos-<major>.<minor>}.
 *
 * @param openshiftVersion {@code major.minor} from the stream name, or null when it has none
 * @param metal kernel architecture name ({@code x86_64}, {@code aarch64}, …) → its metal live artifacts, sorted
 */
public record CoreosStream(String openshiftVersion, Map<String, Metal> metal) {
    public static final String DEFAULT_KEY = "stream.json";
    private static final Pattern STREAM_NAME = Pattern.compile("rhcos-([0-9]+\\.[0-9]+)");

    /** One downloadable file: its source URL and sha256 (lower-case hex). */
    public record Artifact(String location, String sha256) {
        /** The file name at the end of the location. */
        public String fileName() {
            String path = location.replaceFirst("[?#].*$", "");
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** The metal platform artifacts of one architecture; {@code rootfs} may be null. */
    public record Metal(String release, Artifact iso, Artifact rootfs) {}

    /** The stream, or the diagnostics that say why there is none usable; one of the two is present. */
    public record Resolved(Optional<CoreosStream> stream, List<Diagnostic> diagnostics) {}

    /**
     * The stream the site node names, read from the ConfigMap among {@code items}; an empty result without
     * diagnostics when the site names none.
     */
    public static Resolved resolve(JsonNode site, SourceFile file, List<ObjectNode> items) {
        JsonNode ref = site.path("spec").path("hub").path("osImages").path("coreosStream");
        if (ref.isMissingNode()) {
            return new Resolved(Optional.empty(), List.of());
        }
        String field = "spec.hub.osImages.coreosStream";
        String name = ref.path("configMap").asText();
        String key = ref.path("key").asText(DEFAULT_KEY);
        ObjectRef owner = ObjectRef.of(site);
        ObjectNode cm = items.stream().filter(i -> "ConfigMap".equals(i.path("kind").asText())
                && "v1".equals(i.path("apiVersion").asText()) && name.equals(i.path("metadata").path("name").asText()))
                .findFirst().orElse(null);
        String make = " Make it with: openshift-install coreos print-stream-json > " + key + " && kubectl create"
                + " configmap " + name + " --from-file=" + key + " --dry-run=client -o yaml | kubectl annotate --local"
                + " -f - " + ResourceList.LOCAL_CONFIG + "=true -o yaml > " + name + ".yaml (beside the site).";
        if (cm == null) {
            return error(owner, field + ".configMap", name, file, "no ConfigMap " + name + " in the input." + make);
        }
        String text = cm.path("data").path(key).asText(null);
        if (text == null) {
            return error(owner, field + ".key", key, file, "ConfigMap " + name + " has no data key " + key + "." + make);
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return error(owner, field + ".key", key, file, "ConfigMap " + name + " data " + key + " is not JSON: "
                    + e.getOriginalMessage() + "." + make);
        }
        Map<String, Metal> metal = new TreeMap<>();
        json.path("architectures").fields().forEachRemaining(a -> {
            JsonNode m = a.getValue().path("artifacts").path("metal");
            Artifact iso = artifact(m.path("formats").path("iso").path("disk"));
            if (m.hasNonNull("release") && iso != null) {
                metal.put(a.getKey(), new Metal(m.get("release").asText(), iso,
                        artifact(m.path("formats").path("pxe").path("rootfs"))));
            }
        });
        if (metal.isEmpty()) {
            return error(owner, field + ".key", key, file, "ConfigMap " + name + " data " + key + " names no metal"
                    + " live ISO (architectures.<arch>.artifacts.metal.formats.iso.disk): it is not the output of"
                    + " openshift-install coreos print-stream-json." + make);
        }
        Matcher n = STREAM_NAME.matcher(json.path("stream").asText(""));
        List<Diagnostic> diags = new java.util.ArrayList<>();
        if (!n.matches() && !site.path("spec").path("hub").path("osImages").has("images")) {
            return error(owner, field + ".key", key, file, "ConfigMap " + name + " data " + key + " has stream \""
                    + json.path("stream").asText("") + "\", not rhcos-<major>.<minor>, so the OpenShift version of its"
                    + " images is unknown: give spec.hub.osImages.images, or the stream openshift-install prints.");
        }
        if (!ResourceList.isLocalConfig(cm)) {
            diags.add(Diagnostic.warning(owner, field + ".configMap", "ConfigMap " + name + " is not marked "
                    + ResourceList.LOCAL_CONFIG + ": \"true\", so kpt, kustomize and Argo CD apply it to the hub;"
                    + " annotate it to keep it input only.").withValue(name).withFile(file));
        }
        return new Resolved(Optional.of(new CoreosStream(n.matches() ? n.group(1) : null, Map.copyOf(metal))), diags);
    }

    private static Artifact artifact(JsonNode a) {
        return a.hasNonNull("location") && a.hasNonNull("sha256")
                ? new Artifact(a.get("location").asText(), a.get("sha256").asText().toLowerCase(java.util.Locale.ROOT))
                : null;
    }

    private static Resolved error(ObjectRef owner, String field, String value, SourceFile file, String message) {
        return new Resolved(Optional.empty(), List.of(Diagnostic.error(owner, field, message).withValue(value).withFile(file)));
    }
}
