package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.ItemRole;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.input.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * No silent shrink. A render whose input lost its HostedSite (a renamed or moved file, a misspelt kind) would
 * emit none of the site's objects, and a GitOps tool that prunes would delete them from the hub: the
 * MultiClusterEngine, the AgentServiceConfig and assisted-service's database, CatalogSources, InfraEnvs, BMC
 * Secrets. So the input's evidence of a site is checked against the sites it holds:
 * <ul>
 *   <li>a document whose kind or apiVersion is a near miss of {@code HostedSite} / {@code hostedsite.dev} is an
 *       error with the did-you-mean ({@link #nearMisses});</li>
 *   <li>objects of an earlier render (the owner annotation, or a {@code generated/} file) that this render no longer
 *       emits, whose owning sites are all absent from the input, are an error ({@link #orphans}).</li>
 * </ul>
 * Deleting a site on purpose is an explicit act: keep its file and annotate the HostedSite
 * {@value #DELETE_ANNOTATION}: {@code "true"} ({@link #isMarkedForDeletion}); it then renders nothing, and its
 * previous objects may go.
 */
public final class SiteEvidence {
    /** The annotation that says a HostedSite is to be deleted with everything it rendered. */
    public static final String DELETE_ANNOTATION = "hostedsite.dev/delete-site";

    private static final String KIND = ItemRole.SITE_KIND;
    private static final String GROUP = ItemRole.SITE_GROUP;
    private static final String API_VERSION = GROUP + "/v1alpha1";

    private SiteEvidence() {}

    /** True when the HostedSite carries {@value #DELETE_ANNOTATION}: {@code "true"}. */
    public static boolean isMarkedForDeletion(JsonNode site) {
        return "true".equals(site.path("metadata").path("annotations").path(DELETE_ANNOTATION).asText());
    }

    /** The site's name as its owner annotation writes it. */
    public static String name(JsonNode site) {
        return site.path("metadata").path("name").asText("");
    }

    /**
     * An error for each document that looks like a HostedSite but is not read as one: its kind is within two edits
     * of {@code HostedSite} (any case), or its API group is, or names, {@code hostedsite.dev} while the whole is not
     * {@code hostedsite.dev/<version>} + {@code HostedSite}.
     */
    public static List<Diagnostic> nearMisses(List<ObjectNode> items) {
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectNode item : items) {
            if (ItemRole.isHostedSite(item) || ItemRole.of(item) == ItemRole.PREVIOUS_RENDER) {
                continue;
            }
            String kind = item.path("kind").asText("");
            String apiVersion = item.path("apiVersion").asText("");
            int slash = apiVersion.indexOf('/');
            String group = slash < 0 ? apiVersion : apiVersion.substring(0, slash);
            boolean kindNear = !kind.isEmpty() && near(kind, KIND);
            boolean groupNear = group.toLowerCase(Locale.ROOT).contains("hostedsite") || !group.isEmpty() && near(group, GROUP);
            if (!kindNear && !groupNear) {
                continue;
            }
            List<String> wrong = new ArrayList<>();
            if (!kind.equals(KIND)) {
                wrong.add("kind '" + kind + "'");
            }
            if (!group.equals(GROUP) || slash < 0) {
                wrong.add("apiVersion '" + apiVersion + "'");
            }
            String what = String.join(" and ", wrong);
            out.add(new Diagnostic(Severity.ERROR, "this document has " + what + ": did you mean apiVersion: "
                    + API_VERSION + ", kind: " + KIND + "? As written it is not read as a HostedSite, nothing is"
                    + " rendered from it, and no hub has a CRD for it. A render without the site would leave out every"
                    + " object the site generates, and a GitOps sync with prune would delete them from the hub, so the"
                    + " render stops here. Correct the " + (wrong.size() > 1 ? "fields" : wrong.get(0).split(" ")[0]) + ".",
                    ObjectRef.of(item), wrong.get(0).startsWith("kind") ? "kind" : "apiVersion",
                    wrong.get(0).startsWith("kind") ? kind : apiVersion, ItemRole.sourceFile(item)));
        }
        return out;
    }

    /**
     * One error when objects of the previous render would vanish with no site to answer for them: objects in
     * {@code previous} that this render does not emit ({@code emitted}) and whose owner annotation names only sites
     * that are neither in the input ({@code present}) nor marked for deletion ({@code deleted}). Objects without an
     * owner annotation (a {@code generated/} file) count when no site is present at all.
     *
     * @param previous the previous render's objects by identity, with the annotations they had in the input
     */
    public static List<Diagnostic> orphans(Collection<ObjectNode> previous, Set<ObjectKey> emitted, Set<String> present,
                                           Set<String> deleted) {
        Map<String, List<ObjectNode>> bySite = new TreeMap<>();
        for (ObjectNode o : previous) {
            if (emitted.contains(ObjectKey.of(o))) {
                continue;
            }
            String owners = o.path("metadata").path("annotations").path(ManifestSet.OWNER).asText("");
            Set<String> names = new TreeSet<>();
            for (String s : owners.split(",")) {
                if (!s.isBlank()) {
                    names.add(s.trim());
                }
            }
            boolean answered = names.stream().anyMatch(n -> present.contains(n) || deleted.contains(n))
                    || names.isEmpty() && !present.isEmpty();
            if (!answered) {
                bySite.computeIfAbsent(names.isEmpty() ? "" : String.join(", ", names), k -> new ArrayList<>()).add(o);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> e : bySite.entrySet()) {
            List<ObjectNode> objects = e.getValue();
            ObjectNode first = objects.get(0);
            String site = e.getKey().isEmpty() ? "an earlier render (files below generated/)"
                    : "HostedSite " + e.getKey() + " (" + ManifestSet.OWNER + ")";
            Set<String> kinds = new TreeSet<>();
            objects.forEach(o -> kinds.add(o.path("kind").asText()));
            String where = ItemRole.path(first);
            out.add(new Diagnostic(Severity.ERROR, "the input holds " + objects.size() + " object"
                    + (objects.size() == 1 ? "" : "s") + " rendered before by " + site + " (" + String.join(", ", kinds)
                    + (where == null ? "" : "; for example " + where) + "), but "
                    + (present.isEmpty() ? "no HostedSite" : "not that HostedSite") + ": this render would leave "
                    + (objects.size() == 1 ? "it" : "them") + " out, and a GitOps sync with prune would delete "
                    + (objects.size() == 1 ? "it" : "them") + " from the hub. If the HostedSite file was renamed, moved"
                    + " or misspelt, restore it. To delete the site on purpose, keep its HostedSite and annotate it "
                    + DELETE_ANNOTATION + ": \"true\" (README, \"Deleting a site on purpose\").",
                    ObjectRef.of(first), null, null, ItemRole.sourceFile(first)));
        }
        return out;
    }

    /** A warning for each HostedSite marked for deletion: it renders nothing, so what it rendered is pruned. */
    public static List<Diagnostic> deletions(List<ObjectNode> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectNode s : sites) {
            out.add(new Diagnostic(Severity.WARNING, "HostedSite " + name(s) + " is marked " + DELETE_ANNOTATION
                    + ": \"true\": it renders nothing, so a GitOps sync with prune deletes every object it rendered"
                    + " before (those marked Prune=confirm wait for a person to confirm). Remove the annotation to keep"
                    + " the site.", ObjectRef.of(s), "metadata.annotations", null, ItemRole.sourceFile(s)));
        }
        return out;
    }

    /** Within two edits, ignoring case: {@code Hostedsite}, {@code HostSite}, {@code HostedSites}, {@code hostedsite.io}. */
    private static boolean near(String written, String meant) {
        return Suggest.distance(written.toLowerCase(Locale.ROOT), meant.toLowerCase(Locale.ROOT)) <= 2;
    }

}
