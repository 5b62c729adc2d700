package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.transition.Transition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hostedsite render PATH [-o DIR | --part PART]}: the deployable manifests on stdout (what the Argo CD plugin
 * runs), one Application's part of them, or the kpt package layout written into DIR ({@link OutputDirectory}).
 */
final class RenderCommand implements Command {
    static final String HELP = """
            Usage: hostedsite render PATH [-o DIR | --part PART]

            Without -o: prints the deployable manifests of PATH on stdout (no HostedSite, no Kptfile, nothing
            local-config, nothing of PATH's artifacts/ or generated/), diagnostics on stderr; this is what the
            Argo CD plugin runs. The other files of PATH pass through in their sync waves. A PATH without a
            HostedSite, or whose earlier render's site is gone, is an error (never an empty stream): to
            delete a site on purpose, annotate its HostedSite hostedsite.dev/delete-site: "true".
            With --part PART: only one part, for one Argo CD Application each: 'hub' (hub singletons, what
            the clusters of a namespace share, and the other objects of PATH) or SITE/CLUSTER (everything of
            that hosted cluster). An unknown part is an error (exit 1) that lists the parts, never an empty
            stream that Argo CD would prune to.
            With -o DIR (--output DIR): writes DIR/generated/... (one object per file, the kpt package's
            layout) and DIR/artifacts/<site>/ (imageset-config.yaml for oc-mirror, dnsmasq.conf,
            records.zone). Both folders are replaced as a whole; other files in DIR are left alone. On any
            error nothing in DIR changes. The generated/ already in DIR (or in PATH) is the previous render
            the transition checks compare with.
            Exit codes: 0 ok, 1 input errors, 2 usage.
            """;

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return """
                  render PATH [-o DIR | --part PART]
                                            the deployable manifests on stdout, or written into DIR (kpt layout);
                                            --part: only the hub's or one cluster's objects (one Argo CD Application each)
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--output", "--part");
    }

    @Override
    public Map<String, String> shortOptions() {
        return Map.of("-o", "--output");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public boolean takesOnePath() {
        return true;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        Path path = Path.of(a.positional().get(0));
        if (a.option("--output") != null && a.option("--part") != null) {
            return Cli.usage(err, name(), "give -o or --part, not both");
        }
        return a.option("--output") != null ? renderTo(path, Path.of(a.option("--output")), err)
                : render(path, a.option("--part"), out, err);
    }

    /** Renders PATH to {@code out}; {@code part} (null: all) selects one Application's part, see {@link Layout#partOf}. */
    private static int render(Path path, String part, PrintStream out, PrintStream err) throws IOException {
        Compiled c = Compiled.orReport(path, err, null);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        List<ObjectNode> items = c.result().deployable();
        if (part != null) {
            TreeSet<String> parts = new TreeSet<>();
            Set<ObjectKey> selected = new HashSet<>();
            for (Manifest m : c.result().generated()) {
                if (!m.localConfig()) {
                    parts.add(Layout.partOf(m));
                    if (Layout.partOf(m).equals(part)) {
                        selected.add(m.key());
                    }
                }
            }
            if (!parts.contains(part)) {
                err.println("hostedsite render: no part '" + part + "' in this render; its parts: " + String.join(", ", parts));
                return Main.INPUT_ERROR;
            }
            // a passthrough item goes with the part that creates its namespace (a user's Secret in a hosted
            // cluster's namespace syncs with that cluster's Application, after its Namespace); else with the hub
            Map<String, String> namespacePart = new HashMap<>();
            for (Manifest m : c.result().generated()) {
                if (!m.localConfig() && m.key().kind().equals("Namespace") && m.key().group().isEmpty()) {
                    namespacePart.put(m.key().name(), Layout.partOf(m));
                }
            }
            items = items.stream().filter(i -> ManifestSet.isGenerated(i) ? selected.contains(ObjectKey.of(i))
                    : part.equals(namespacePart.getOrDefault(i.path("metadata").path("namespace").asText(""),
                    Layout.HUB_PART))).toList();
        }
        out.print(Main.stream(items));
        return Main.OK;
    }

    private static int renderTo(Path path, Path target, PrintStream err) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            err.println("error: -o " + target + ": this is a file, not a directory: -o takes the directory to write"
                    + " generated/ and artifacts/ into (it is created when missing); give a directory, or remove the file");
            return Main.INPUT_ERROR;
        }
        Compiled c = Compiled.orReport(path, err, previousIn(path, target));
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        Map<String, String> files = OutputDirectory.files(c.result().generated());
        try {
            OutputDirectory.write(target, files);
        } catch (IOException e) {
            err.println("error: -o " + target + ": the render could not be written, and nothing in it changed: "
                    + IoProblem.describe(e));
            return Main.INPUT_ERROR;
        }
        long artifacts = files.keySet().stream().filter(f -> f.startsWith(OutputDirectory.ARTIFACTS + "/")).count();
        err.println("wrote " + PlanWriter.count(files.size() - (int) artifacts, "manifest") + " to "
                + target.resolve(OutputDirectory.GENERATED) + " and " + PlanWriter.count((int) artifacts, "file") + " to "
                + target.resolve(OutputDirectory.ARTIFACTS));
        return Main.OK;
    }

    /**
     * The render {@code render -o DIR} replaces: the objects of DIR/generated, in place of any generated files PATH
     * holds; null when there are none, or when DIR/generated lies inside PATH (PATH's own files are then the
     * previous render already).
     */
    private static DirectorySource.Sources previousIn(Path path, Path target) throws IOException {
        Path generated = target.resolve(OutputDirectory.GENERATED);
        if (!Files.isDirectory(generated) || generated.toAbsolutePath().normalize()
                .startsWith(path.toAbsolutePath().normalize())) {
            return null;
        }
        try {
            DirectorySource.Sources files = DirectorySource.load(generated);
            List<ObjectNode> previous = Transition.previousRender(files.items());
            return previous.isEmpty() ? null : files.asElsewhere(previous);
        } catch (DirectorySource.BadFile e) {
            return null; // not a render of ours; render -o replaces it all the same
        }
    }
}
