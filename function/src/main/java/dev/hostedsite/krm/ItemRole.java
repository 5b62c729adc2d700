package dev.hostedsite.krm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.SourceFile;
import java.util.List;
import java.util.Locale;

/**
 * What an input item is, read as this tool writes a folder ({@code render -o DIR}, the kpt package):
 * <ul>
 *   <li>{@link #SITE}: a HostedSite;</li>
 *   <li>{@link #PREVIOUS_RENDER}: an object of an earlier render: it carries {@link #OWNER}, or it lies
 *       below {@code generated/}. The day-2 checks compare with it; it is never passed through (this render
 *       replaces it);</li>
 *   <li>{@link #LOCAL}: a document for tools, never for a cluster ({@link #LOCAL_KINDS}, files below
 *       {@code artifacts/}, kustomization files, anything annotated {@code config.kubernetes.io/local-config: "true"});
 *       kept in a KRM function's output (kpt writes it back) but never in the deployable stream;</li>
 *   <li>{@link #PASSTHROUGH}: every other item: a manifest the user wants applied with the site.</li>
 * </ul>
 */
public enum ItemRole {
    SITE, PREVIOUS_RENDER, LOCAL, PASSTHROUGH;

    /** The HostedSite's API group and kind. */
    public static final String SITE_GROUP = "hostedsite.dev";
    public static final String SITE_KIND = "HostedSite";
    /** The annotation every generated object carries (graph.ManifestSet.OWNER is this one). */
    public static final String OWNER = "hostedsite.dev/owner";
    /** kptdev/kpt site/reference/annotations/local-config: kpt and kustomize never apply such an item. */
    public static final String LOCAL_CONFIG = ResourceList.LOCAL_CONFIG;
    /** kpt's path and index annotations (kptdev/kpt pkg/kptfile/kptfileutil, kyaml kioutil). */
    public static final String PATH = "config.kubernetes.io/path";
    public static final String INDEX = "config.kubernetes.io/index";
    public static final String INTERNAL_PATH = "internal.config.kubernetes.io/path";
    public static final String INTERNAL_INDEX = "internal.config.kubernetes.io/index";

    /** The folder {@code render -o} and the kpt package put generated objects in. */
    public static final String GENERATED_DIR = "generated/";
    /** The folder {@code render -o} puts the operator's files in (oc-mirror's ImageSetConfiguration, DNS records). */
    public static final String ARTIFACTS_DIR = "artifacts/";

    /**
     * A kind that is local by nature: read by a tool, and without a CRD on any hub, so Argo CD's dry run would
     * fail the whole sync on it.
     *
     * @param group the API group (the part of apiVersion before '/')
     * @param kind the kind, or null for every kind of the group
     * @param why which tool reads it, with its upstream source
     */
    public record LocalKind(String group, String kind, String why) {
        boolean matches(String g, String k) {
            return group.equals(g) && (kind == null || kind.equals(k));
        }
    }

    /** Kinds never applied to a cluster. */
    public static final List<LocalKind> LOCAL_KINDS = List.of(
            // kptdev/kpt pkg/api/kptfile/v1/types.go (KptFileKind, KptFileGroup): the package's own metadata.
            new LocalKind("kpt.dev", null, "kpt's Kptfile and function configs"),
            new LocalKind("fn.kpt.dev", null, "kpt function configs"),
            // kubernetes-sigs/kustomize api/types/kustomization.go (KustomizationKind, ComponentKind).
            new LocalKind("kustomize.config.k8s.io", null, "kustomize's Kustomization and Component"),
            // openshift/oc-mirror v2 internal/pkg/api/v2alpha1/type_config.go (ImageSetConfiguration): read by
            // oc-mirror on the connected side, no CRD on a hub.
            new LocalKind("mirror.openshift.io", "ImageSetConfiguration", "oc-mirror's ImageSetConfiguration"),
            new LocalKind("mirror.openshift.io", "DeleteImageSetConfiguration", "oc-mirror's DeleteImageSetConfiguration"));

    /** The role of an input item; {@code item} is any YAML document read as an object. */
    public static ItemRole of(JsonNode item) {
        if (isHostedSite(item)) {
            return SITE;
        }
        String path = path(item);
        if (item.path("metadata").path("annotations").has(OWNER) || path != null && path.startsWith(GENERATED_DIR)) {
            return PREVIOUS_RENDER;
        }
        return isLocal(item) ? LOCAL : PASSTHROUGH;
    }

    /** True for a HostedSite: kind {@code HostedSite} of group {@code hostedsite.dev} (any version). */
    public static boolean isHostedSite(JsonNode o) {
        return SITE_KIND.equals(o.path("kind").asText()) && o.path("apiVersion").asText().startsWith(SITE_GROUP + "/");
    }

    /** True for a document that is never applied to a cluster (see {@link #LOCAL}). */
    public static boolean isLocal(JsonNode item) {
        if ("true".equals(item.path("metadata").path("annotations").path(LOCAL_CONFIG).asText())) {
            return true;
        }
        String path = path(item);
        if (path != null) {
            String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            // kustomize reads kustomization.yaml, kustomization.yml and Kustomization (api/konfig/general.go
            // RecognizedKustomizationFileNames); such a file may have no apiVersion and kind at all.
            if (path.startsWith(ARTIFACTS_DIR) || file.matches("kustomization(\\.ya?ml)?")) {
                return true;
            }
        }
        String apiVersion = item.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String kind = item.path("kind").asText("");
        return LOCAL_KINDS.stream().anyMatch(l -> l.matches(group, kind));
    }

    /** The item's path in its package or directory (kpt's path annotation), or null. */
    public static String path(JsonNode item) {
        JsonNode a = item.path("metadata").path("annotations");
        String p = a.path(INTERNAL_PATH).asText(a.path(PATH).asText(""));
        return p.isEmpty() ? null : p.replace('\\', '/');
    }

    /** The item's file and document index from kpt's path and index annotations, or null. */
    public static SourceFile sourceFile(JsonNode item) {
        String path = ItemRole.path(item);
        if (path == null) {
            return null;
        }
        JsonNode a = item.path("metadata").path("annotations");
        String index = a.path(INTERNAL_INDEX).asText(a.path(INDEX).asText(""));
        Integer idx;
        try {
            idx = index.isEmpty() ? null : Integer.valueOf(index);
        } catch (NumberFormatException e) {
            idx = null;
        }
        return new SourceFile(path, idx);
    }
}
