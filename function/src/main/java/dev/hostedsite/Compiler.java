package dev.hostedsite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Diagnostics;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.generate.ArtifactGenerator;
import dev.hostedsite.generate.ClusterGenerator;
import dev.hostedsite.generate.HubGenerator;
import dev.hostedsite.graph.Canonical;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.Origins;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.graph.ReferenceChecker;
import dev.hostedsite.graph.References;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.input.SchemaValidator;
import dev.hostedsite.input.SemanticValidator;
import dev.hostedsite.input.CoreosStream;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.krm.ItemRole;
import dev.hostedsite.graph.PassthroughPlacement;
import dev.hostedsite.transition.SiteEvidence;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import dev.hostedsite.transition.ChangeSet;
import dev.hostedsite.transition.ConsequenceGuard;
import dev.hostedsite.transition.EtcdRotationGuard;
import dev.hostedsite.transition.HostRemovalGuard;
import dev.hostedsite.transition.ImmutableFieldGuard;
import dev.hostedsite.transition.InfraEnvArchitectures;
import dev.hostedsite.transition.MirrorOrder;
import dev.hostedsite.transition.ReleaseGuard;
import dev.hostedsite.transition.RenameGuard;
import dev.hostedsite.transition.RolloutGuard;
import dev.hostedsite.transition.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole pipeline in one method: find the HostedSites, validate them against the schema, bind and
 * default, check the semantic rules and that the hub can pull every image written, generate, merge singletons,
 * check references, assign waves, lay out, and check the transition from the previous render found in the
 * input (day 2); findings about generated objects are led back to the site fields they come from ({@link Origins}).
 * A pure function of its input; I/O happens in {@code cli/Main}.
 */
public final class Compiler {
    public static final String API_GROUP = ItemRole.SITE_GROUP;
    public static final String KIND = ItemRole.SITE_KIND;

    /**
     * What a render produced. On failure {@code items} are the input items unchanged and nothing is generated.
     *
     * @param generated the objects this render generated (empty on failure), in output order
     * @param references the reference graph between generated and passthrough objects
     * @param changes what the render changes against the previous render found in the input ({@link ChangeSet#NONE}
     *     when there is none); kept when only the transition checks failed, so that {@code plan} can show them
     * @param origins where each generated object comes from in the HostedSites ({@link Origins#NONE} when
     *     nothing was generated); kept with {@code changes}, so that {@code plan} and {@code diff} can name the
     *     site field of each changed field
     * @param deployable what a cluster receives (the Argo CD plugin's stream): the applied generated objects and the
     *     passthrough items, each with its sync wave and sync options ({@link PassthroughPlacement}), without the KRM
     *     tool annotations; empty on failure. {@code items} keep the user's own items exactly as they came (kpt writes
     *     them back to the user's files)
     */
    public record Result(List<ObjectNode> items, List<Diagnostic> diagnostics, List<Manifest> generated,
                         List<Reference> references, ChangeSet changes, Origins origins,
                         List<ObjectNode> deployable) {
        public boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * The info a render without any HostedSite gives (a KRM function passes its items through). A caller that
     * refuses such an input (the CLI's render) says so instead, and drops this info with {@link #isNoSiteInfo}.
     */
    public static final String NO_SITE_INFO = "no HostedSite (apiVersion " + API_GROUP + "/v1alpha1) in the input;"
            + " nothing to generate, items pass through.";

    /** True for the info {@link #NO_SITE_INFO}. */
    public static boolean isNoSiteInfo(Diagnostic d) {
        return d.severity() == dev.hostedsite.diag.Severity.INFO && NO_SITE_INFO.equals(d.message());
    }

    private Compiler() {}

    /** True when {@code diags} holds an error that is not one of {@code expected} (errors already counted on). */
    private static boolean errorsBesides(Diagnostics diags, List<Diagnostic> expected) {
        return diags.list().stream().filter(Diagnostic::isError).count()
                > expected.stream().filter(Diagnostic::isError).count();
    }

    public static Result compile(List<ObjectNode> items, ObjectNode functionConfig) {
        Diagnostics diags = new Diagnostics();
        List<ObjectNode> found = findSites(items, functionConfig);
        List<ObjectNode> deletedSites = found.stream().filter(SiteEvidence::isMarkedForDeletion).toList();
        List<ObjectNode> siteNodes = found.stream().filter(s -> !SiteEvidence.isMarkedForDeletion(s)).toList();
        diags.addAll(SiteEvidence.nearMisses(items));
        diags.addAll(SiteEvidence.deletions(deletedSites));
        List<Site> sites = new ArrayList<>();
        for (ObjectNode node : siteNodes) {
            SourceFile file = sourceFile(node);
            List<Diagnostic> schemaErrors = SchemaValidator.get().validate(node, file);
            diags.addAll(schemaErrors);
            if (schemaErrors.isEmpty()) {
                CoreosStream.Resolved stream = CoreosStream.resolve(node, file, items);
                diags.addAll(stream.diagnostics());
                sites.add(SiteBinder.bind(node, file, stream.stream().orElse(null)));
            }
        }
        Map<ObjectKey, ObjectNode> previous = Transition.previousObjects(items);
        sites = InfraEnvArchitectures.pin(sites, previous);
        List<ObjectNode> passthrough = items.stream().filter(i -> ItemRole.of(i) == ItemRole.PASSTHROUGH).toList();
        diags.addAll(SemanticValidator.validate(sites, passthrough));
        if (diags.hasErrors()) {
            return failure(items, diags);
        }
        sites = MirrorOrder.pin(sites, previous);

        ManifestSet set = new ManifestSet();
        for (Site site : sites) {
            set.addAll(site, HubGenerator.generate(site));
            for (Cluster c : site.clusters()) {
                set.addAll(site, ClusterGenerator.generate(site, c));
            }
            set.addAll(site, ArtifactGenerator.generate(site));
        }
        diags.addAll(set.conflicts());
        if (diags.hasErrors()) {
            return failure(items, diags);
        }
        List<Manifest> generated = set.manifests();
        Origins origins = set.origins();

        Set<ObjectKey> emitted = new HashSet<>();
        generated.stream().filter(m -> !m.localConfig()).forEach(m -> emitted.add(m.key()));
        // orphans do not stop the render here: the transition below still runs, so that plan and diff can print what
        // the refused render would delete and create (a site rename: everything of the old name deleted)
        List<Diagnostic> orphans = SiteEvidence.orphans(Transition.previousRender(items), emitted, names(siteNodes),
                names(deletedSites));
        diags.addAll(orphans);

        List<ObjectNode> kept = items.stream().filter(i -> ItemRole.of(i) != ItemRole.PREVIOUS_RENDER).toList();
        List<JsonNode> applied = generated.stream().filter(m -> !m.localConfig()).map(m -> (JsonNode) m.body()).toList();
        Set<String> externalSecrets = new TreeSet<>();
        sites.forEach(s -> externalSecrets.addAll(s.externalSecrets()));
        List<JsonNode> appliedAndPassthrough = new ArrayList<>(applied);
        appliedAndPassthrough.addAll(passthrough);
        List<Reference> references = new ArrayList<>(References.of(appliedAndPassthrough));
        diags.addAll(origins.locate(ReferenceChecker.check(applied, references, List.copyOf(kept),
                externalSecrets, secretRefOrigins(sites))));
        if (errorsBesides(diags, orphans)) {
            return failure(items, diags);
        }

        Set<ObjectKey> generatedKeys = new HashSet<>();
        generated.forEach(m -> generatedKeys.add(m.key()));
        WaveAssigner.verify(references, generatedKeys);
        WaveAssigner.assign(generated, references);
        Layout.annotate(generated);
        List<Manifest> ordered = new ArrayList<>();
        generated.forEach(m -> ordered.add(m.withBody(Canonical.sorted(m.body()))));
        ordered.sort(OUTPUT_ORDER);
        PassthroughPlacement.Result placement = PassthroughPlacement.place(passthrough, ordered, references);
        diags.addAll(placement.diagnostics());
        if (errorsBesides(diags, orphans)) {
            return failure(items, diags);
        }
        references.addAll(placement.references());

        Transition transition = Transition.of(sites, previous, ordered);
        ChangeSet changes = ChangeSet.of(transition);
        diags.addAll(EtcdRotationGuard.check(sites, items));
        diags.addAll(ImmutableFieldGuard.check(transition));
        diags.addAll(RenameGuard.check(transition));
        diags.addAll(HostRemovalGuard.check(transition));
        diags.addAll(ReleaseGuard.check(transition));
        diags.addAll(RolloutGuard.check(transition, changes.rolls()));
        diags.addAll(ConsequenceGuard.check(transition));
        if (diags.hasErrors()) {
            return new Result(items, diags.list(), List.of(), List.of(), changes, origins, List.of());
        }

        if (found.isEmpty()) {
            // said only when nothing in the input looks like a site (SiteEvidence found no near miss, no orphan)
            diags.add(Diagnostic.info(null, null, NO_SITE_INFO));
        }
        // The items as they came (kpt writes them back into the user's files) and the generated objects; the stream
        // a cluster receives has the passthrough items in their placed copies (sync wave, sync options). With no site
        // to render, nothing is placed: the items pass through untouched.
        List<ObjectNode> out = new ArrayList<>(kept);
        ordered.forEach(m -> out.add(m.body()));
        List<ObjectNode> deployable = new ArrayList<>(siteNodes.isEmpty() ? passthrough : placement.items());
        ordered.stream().filter(m -> !m.localConfig()).forEach(m -> deployable.add(m.body()));
        return new Result(out, diags.list(), ordered, references, changes, origins, deployable(deployable));
    }

    private static Set<String> names(List<ObjectNode> sites) {
        Set<String> out = new TreeSet<>();
        sites.forEach(s -> out.add(SiteEvidence.name(s)));
        return out;
    }

    /**
     * The HostedSites among {@code items} (and none else), bound as the render binds them; for commands that read a
     * site after {@link #compile} accepted it (those that fail the schema are left out).
     */
    public static List<Site> sites(List<ObjectNode> items) {
        List<Site> out = new ArrayList<>();
        for (ObjectNode node : findSites(items, null)) {
            SourceFile file = sourceFile(node);
            if (SchemaValidator.get().validate(node, file).isEmpty()) {
                out.add(SiteBinder.bind(node, file, CoreosStream.resolve(node, file, items).stream().orElse(null)));
            }
        }
        return out;
    }

    /** Secret name → the HostedSite fields whose {@code secretRef} names it, for dangling-reference messages. */
    static Map<String, List<String>> secretRefOrigins(List<Site> sites) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Site site : sites) {
            for (Cluster c : site.clusters()) {
                List<SecretSource> sources = new ArrayList<>(List.of(c.pullSecret(), c.etcdEncryptionKey()));
                if (c.sshKey() != null) {
                    sources.add(c.sshKey());
                }
                if (c.etcdBackupKey() != null) {
                    sources.add(c.etcdBackupKey());
                }
                c.hosts().forEach(h -> sources.add(h.bmc().credentials()));
                for (SecretSource s : sources) {
                    if (s.form() == SecretSource.Form.SECRET_REF) {
                        out.computeIfAbsent(s.refName(), k -> new ArrayList<>())
                                .add("HostedSite " + site.name() + " " + s.path() + ".secretRef.name");
                    }
                }
            }
        }
        return out;
    }

    /** Sync wave, then kind, namespace, name; local-config artifacts (no wave) last. */
    static final Comparator<Manifest> OUTPUT_ORDER = Comparator
            .comparingInt((Manifest m) -> m.localConfig() ? Integer.MAX_VALUE : WaveAssigner.waveOf(m.key().kind()))
            .thenComparing(Manifest::key);

    private static Result failure(List<ObjectNode> items, Diagnostics diags) {
        return new Result(items, diags.list(), List.of(), List.of(), ChangeSet.NONE, Origins.NONE, List.of());
    }

    /** HostedSites among the items, plus the functionConfig when it is one (kustomize generator, kpt configPath). */
    static List<ObjectNode> findSites(List<ObjectNode> items, ObjectNode functionConfig) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode item : items) {
            if (isHostedSite(item)) {
                byName.putIfAbsent(ObjectRef.of(item).name() + "\u0000" + byName.size(), item);
            }
        }
        if (functionConfig != null && isHostedSite(functionConfig)) {
            String name = ObjectRef.of(functionConfig).name();
            boolean alsoAnItem = items.stream().anyMatch(i -> isHostedSite(i) && name != null
                    && name.equals(ObjectRef.of(i).name()));
            if (!alsoAnItem) {
                byName.put(name + "\u0000fc", functionConfig);
            }
        }
        return List.copyOf(byName.values());
    }

    public static boolean isHostedSite(JsonNode o) {
        return ItemRole.isHostedSite(o);
    }

    /**
     * Objects a cluster should receive, from a render's items: no HostedSite and nothing local by nature
     * ({@link ItemRole#isLocal}: Kptfile, kustomization files, ImageSetConfiguration, {@code artifacts/},
     * local-config), without the KRM tool annotations.
     */
    public static List<ObjectNode> deployable(List<ObjectNode> items) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode item : items) {
            if (ItemRole.of(item) != ItemRole.SITE && !ItemRole.isLocal(item)) {
                out.add(Layout.withoutToolAnnotations(item));
            }
        }
        return out;
    }

    static SourceFile sourceFile(JsonNode o) {
        JsonNode a = o.path("metadata").path("annotations");
        String path = a.path(Layout.INTERNAL_PATH).asText(a.path(Layout.PATH).asText(null));
        if (path == null) {
            return null;
        }
        String index = a.path(Layout.INTERNAL_INDEX).asText(a.path(Layout.INDEX).asText(null));
        Integer idx = null;
        try {
            idx = index == null ? null : Integer.valueOf(index);
        } catch (NumberFormatException e) {
            idx = null;
        }
        return new SourceFile(path, idx);
    }
}
