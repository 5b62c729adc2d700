package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Severity;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.BuildInfo;
import dev.hostedsite.preflight.Preflight;
import dev.hostedsite.transition.SiteEvidence;
import dev.hostedsite.transition.ChangeSet;
import dev.hostedsite.transition.Transition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code hostedsite} commands people type: validate, plan, graph, render, crd, preflight, schema, rbac, import. Each has {@code --help};
 * exit codes are {@link Main#OK}, {@link Main#INPUT_ERROR}, {@link Main#USAGE}.
 */
public final class Cli {
    public static final String USAGE_TEXT = """
            Usage: hostedsite [COMMAND] [ARGS]

            Compiles HostedSite resources into the manifests of OpenShift Hosted Control Planes on
            disconnected bare metal.

            Commands:
              (none)                    run as a KRM function: ResourceList on stdin, ResourceList on stdout
              validate PATH             check the HostedSite(s) in a file or directory; file:line:col per problem
              plan PATH [--previous P]  list what a render creates, by sync wave, with what each object references,
                                        and what it changes against the previous render P (or PATH's generated/)
              diff OLD NEW              what rendering NEW changes against OLD (a previous render or an older site),
                                        and the changes the hub will refuse or that destroy data
              graph PATH [--format F]   the reference graph as Mermaid (default) or Graphviz DOT
              render PATH [-o DIR | --part PART]
                                        the deployable manifests on stdout, or written into DIR (kpt layout);
                                        --part: only the hub's or one cluster's objects (one Argo CD Application each)
              crd                       print the HostedSite CustomResourceDefinition
              mirrors import DIR [--config IMAGESET]
                                        print spec.hub.mirrors and catalogs from oc-mirror's results in DIR
              import PATH [-o DIR] [--strict] [--site-name NAME]
                                        adopt what runs on a hub: a HostedSite (and the objects it keeps as they are)
                                        from an oc get -o yaml export, and what its first sync would change
              preflight PATH            before the first sync: does the mirror registry and the web server hold every
                                        image and file the render names (run against them, read-only)
              schema                    print the HostedSite JSON Schema (for editors)
              rbac [FLAVOR]             print the RBAC Argo CD's application controller needs for a render
                                        (FLAVOR: upstream, the default, or openshift-gitops)
              help [COMMAND]            print help; also COMMAND --help
              --version                 print the version
            PATH is a YAML/JSON file or a directory (read recursively, hidden folders skipped).
            Exit codes: 0 ok, 1 input errors, 2 usage, 3 internal error.
            """;

    static final Map<String, String> HELP = plus("import", ImportCommand.HELP, Map.of(
            "preflight", Preflight.HELP,
            "schema", InstallCommands.SCHEMA_HELP,
            "rbac", InstallCommands.RBAC_HELP,
            "validate", """
                    Usage: hostedsite validate PATH

                    Checks every HostedSite in PATH (a file, or a directory read recursively) against the schema and
                    the semantic rules, and runs the whole render without writing anything. Prints one line per
                    problem, in the form editors and CI annotate:
                      FILE:LINE:COL: error: FIELD: MESSAGE
                      FILE:LINE:COL: warning: FIELD: MESSAGE
                    A missing field is reported at the object that should hold it.
                    Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage.
                    """,
            "plan", """
                    Usage: hostedsite plan PATH [--previous P]

                    Prints what a render of PATH creates, grouped by Argo CD sync wave: kind, namespace/name and
                    the objects each one references, then the referenced objects it does not create and the local
                    files for the operator. Markdown-friendly: paste it into a pull request.
                    When a previous render is at hand (P: a `render -o` directory, a kpt package or a file of
                    rendered manifests, or an older HostedSite, which is rendered first; without --previous, the
                    generated/ files PATH itself holds), it also lists the changes: created, changed (with the
                    fields), deleted, marking those the hub will refuse and those that destroy data. A change the
                    transition checks refuse still prints the changes, then exits 1.
                    Exit codes: 0 ok, 1 input errors (printed as by validate, on stderr), 2 usage.
                    """,
            "diff", """
                    Usage: hostedsite diff OLD NEW

                    Renders NEW (a HostedSite file or directory) against OLD (a previous render: a `render -o`
                    directory, a kpt package or a file of rendered manifests; or an older HostedSite, which is
                    rendered first) and prints the changes: created, changed (with the fields), deleted, marking those
                    the hub will refuse and those that destroy data. The transition checks' findings (renames,
                    fields the API refuses to change, host removal, etcd key changes) go to stderr as by validate.
                    Example: git show HEAD~1:site.yaml > /tmp/old.yaml && hostedsite diff /tmp/old.yaml site.yaml
                    Exit codes: 0 ok, 1 errors (in either input, or a refused transition), 2 usage.
                    """,
            "graph", """
                    Usage: hostedsite graph PATH [--format mermaid|dot]

                    Prints the reference graph of a render of PATH: objects as nodes, references as edges (from the
                    referring object, labelled with its field; dotted: the object's Namespace), sync waves as ranks.
                      mermaid  a ```mermaid block (default): GitHub and GitLab render it in Markdown
                      dot      Graphviz: hostedsite graph PATH --format dot | dot -Tsvg > graph.svg
                    Exit codes: 0 ok, 1 input errors, 2 usage.
                    """,
            "render", """
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
                    """,
            "crd", """
                    Usage: hostedsite crd

                    Prints the HostedSite CustomResourceDefinition, generated from the JSON Schema the function
                    validates with, so that cluster-side tools (kubectl explain, admission) know its fields.
                    The repository keeps a copy at packages/crd/hostedsite.dev_hostedsites.yaml.
                    Exit codes: 0 ok, 2 usage.
                    """,
            "mirrors", MirrorsImport.HELP));

    private static Map<String, String> plus(String command, String help, Map<String, String> others) {
        Map<String, String> all = new HashMap<>(others);
        all.put(command, help);
        return Map.copyOf(all);
    }

    private Cli() {}

    /** Runs a named command (args[0]); the caller handles the no-argument KRM mode and internal errors. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (command) {
            case "--help", "-h" -> {
                out.print(USAGE_TEXT);
                return Main.OK;
            }
            case "help" -> {
                if (rest.isEmpty()) {
                    out.print(USAGE_TEXT);
                    return Main.OK;
                }
                String text = HELP.get(rest.get(0));
                if (text == null || rest.size() > 1) {
                    return usage(err, "help", "no help for '" + String.join(" ", rest) + "'");
                }
                out.print(text);
                return Main.OK;
            }
            case "--version", "version" -> {
                if (!rest.isEmpty()) {
                    return usage(err, null, command + " takes no arguments");
                }
                out.println("hostedsite " + BuildInfo.version());
                return Main.OK;
            }
            default -> { }
        }
        if (!HELP.containsKey(command)) {
            err.println("hostedsite: unknown command '" + command + "'\n");
            err.print(USAGE_TEXT);
            return Main.USAGE;
        }
        if (command.equals("import")) {
            return ImportCommand.run(rest, out, err);
        }
        Args a;
        try {
            a = Args.parse(rest, switch (command) {
                case "graph" -> Set.of("--format");
                case "render" -> Set.of("--output", "--part");
                case "plan" -> Set.of("--previous");
                case "preflight" -> Preflight.Options.NAMES;
                case "mirrors" -> Set.of("--config");
                default -> Set.of();
            }, Map.of("-o", "--output", "-f", "--format"));
        } catch (Args.UsageError e) {
            return usage(err, command, e.getMessage());
        }
        if (a.help()) {
            out.print(HELP.get(command));
            return Main.OK;
        }
        if (command.equals("schema")) {
            return InstallCommands.schema(a.positional(), out, err);
        }
        if (command.equals("rbac")) {
            return InstallCommands.rbac(a.positional(), out, err);
        }
        if (command.equals("crd")) {
            if (!a.positional().isEmpty()) {
                return usage(err, command, "crd takes no arguments");
            }
            out.print(CrdGenerator.yaml());
            return Main.OK;
        }
        if (command.equals("mirrors")) {
            if (a.positional().size() != 2 || !a.positional().get(0).equals("import")) {
                return usage(err, command, "give: mirrors import DIR");
            }
            return MirrorsImport.run(Path.of(a.positional().get(1)),
                    a.options().containsKey("--config") ? Path.of(a.options().get("--config")) : null, out, err);
        }
        if (command.equals("diff")) {
            if (a.positional().size() != 2) {
                return usage(err, command, "give OLD and NEW");
            }
            return diff(Path.of(a.positional().get(0)), Path.of(a.positional().get(1)), out, err);
        }
        if (a.positional().size() != 1) {
            return usage(err, command, a.positional().isEmpty() ? "missing PATH" : "give exactly one PATH");
        }
        Path path = Path.of(a.positional().get(0));
        return switch (command) {
            case "validate" -> validate(path, out);
            case "plan" -> a.options().containsKey("--previous")
                    ? plan(path, Path.of(a.options().get("--previous")), out, err)
                    : plan(path, null, out, err);
            case "graph" -> {
                String format = a.options().getOrDefault("--format", "mermaid");
                if (!format.equals("mermaid") && !format.equals("dot")) {
                    yield usage(err, command, "unknown format '" + format + "': use mermaid or dot");
                }
                yield graph(path, format, out, err);
            }
            case "render" -> {
                if (a.options().containsKey("--output") && a.options().containsKey("--part")) {
                    yield usage(err, command, "give -o or --part, not both");
                }
                yield a.options().containsKey("--output")
                        ? renderTo(path, Path.of(a.options().get("--output")), out, err)
                        : render(path, a.options().get("--part"), out, err);
            }
            case "preflight" -> preflight(path, a.options(), out, err);
            default -> throw new IllegalStateException("unhandled command " + command);
        };
    }

    static int preflight(Path path, Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        Preflight.Options o;
        try {
            o = Preflight.Options.parse(options);
        } catch (IllegalArgumentException e) {
            return usage(err, "preflight", e.getMessage());
        }
        Compiled c = compileOrReport(path, err);
        return c == null ? Main.INPUT_ERROR : Preflight.run(Compiler.sites(c.sources().items()), o,
                (site, field) -> c.locator().where(site.file(), field), out, err);
    }

    static int usage(PrintStream err, String command, String problem) {
        err.println("hostedsite" + (command == null ? "" : " " + command) + ": " + problem);
        String help = command == null ? USAGE_TEXT : HELP.get(command);
        err.print(help == null ? USAGE_TEXT : help.lines().findFirst().orElse("") + "\n");
        if (command != null) {
            err.println("Run 'hostedsite " + command + " --help' for more.");
        }
        return Main.USAGE;
    }

    /** Input read and compiled, with diagnostics located in their files; null (after printing why) when unreadable. */
    private record Compiled(DirectorySource.Sources sources, Compiler.Result result, List<Diagnostic> diagnostics,
                            Locator locator) {}

    private static Compiled compile(Path path, PrintStream diagOut) throws IOException {
        return compile(path, diagOut, null);
    }

    /**
     * Reads and compiles PATH. {@code previous}: the previous render's objects to compare with, in place of the
     * generated files PATH holds; null to use those.
     */
    private static Compiled compile(Path path, PrintStream diagOut, DirectorySource.Sources previous) throws IOException {
        DirectorySource.Sources sources;
        try {
            sources = DirectorySource.load(path);
        } catch (DirectorySource.BadFile e) {
            String display = e.file() == null ? null
                    : Files.isDirectory(path) ? path.resolve(e.file()).normalize().toString() : path.toString();
            diagOut.println(e.compilerStyle(display));
            return null;
        }
        List<ObjectNode> items = sources.items();
        if (previous != null) {
            items = new ArrayList<>(items.stream().filter(i -> !ManifestSet.isGenerated(i)).toList());
            items.addAll(previous.items());
        }
        Compiler.Result result = Compiler.compile(items, null);
        Locator locator = new Locator(previous == null ? sources : sources.plusFiles(previous));
        return new Compiled(sources, result, locator.locateAll(result.diagnostics()), locator);
    }

    static int validate(Path path, PrintStream out) throws IOException {
        Compiled c = compile(path, out);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : c.diagnostics()) {
            out.println(c.locator().format(d));
            errors += d.isError() ? 1 : 0;
            warnings += d.severity() == dev.hostedsite.diag.Severity.WARNING ? 1 : 0;
        }
        long sites = c.sources().items().stream().filter(Compiler::isHostedSite).count();
        out.println(path + ": " + PlanWriter.count((int) sites, "HostedSite") + ", "
                + PlanWriter.count(errors, "error") + ", " + PlanWriter.count(warnings, "warning"));
        return errors > 0 ? Main.INPUT_ERROR : Main.OK;
    }

    /** Compiles for plan/graph/render: diagnostics on stderr (warnings too); null when the render failed. */
    private static Compiled compileOrReport(Path path, PrintStream err) throws IOException {
        return compileOrReport(path, err, null);
    }

    private static Compiled compileOrReport(Path path, PrintStream err, DirectorySource.Sources previous) throws IOException {
        Compiled c = compile(path, err, previous);
        if (c == null) {
            return null;
        }
        for (Diagnostic d : c.diagnostics()) {
            err.println(c.locator().format(d));
        }
        return c.result().failed() ? null : c;
    }

    /**
     * Compiles for render: like {@link #compileOrReport}, and null too when PATH holds no HostedSite
     * ({@link #withoutSite}); then the compiler's "nothing to generate, items pass through" info is not printed,
     * since the render refuses the input instead.
     */
    private static Compiled compileSite(Path path, PrintStream err, DirectorySource.Sources previous) throws IOException {
        Compiled c = compile(path, err, previous);
        if (c == null) {
            return null;
        }
        boolean noSite = c.sources().items().stream().noneMatch(Compiler::isHostedSite);
        c.diagnostics().stream().filter(d -> !(noSite && Compiler.isNoSiteInfo(d)))
                .forEach(d -> err.println(c.locator().format(d)));
        return c.result().failed() || withoutSite(path, c, err) ? null : c;
    }

    static int plan(Path path, Path previousPath, PrintStream out, PrintStream err) throws IOException {
        DirectorySource.Sources previous = null;
        if (previousPath != null) {
            previous = previousRender(previousPath, err);
            if (previous == null) {
                return Main.INPUT_ERROR;
            }
        }
        Compiled c = compile(path, err, previous);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        c.diagnostics().forEach(d -> err.println(c.locator().format(d)));
        ChangeSet changes = c.result().changes();
        if (c.result().failed()) {
            if (changes.previous()) {
                out.print("# hostedsite plan: " + path + "\n\nThe render is refused (see the errors); what it would"
                        + " change:\n\n" + PlanWriter.changes(changes, c.locator()::where));
            }
            return Main.INPUT_ERROR;
        }
        out.print(PlanWriter.write(path.toString(), siteNames(c), ObjectGraph.of(c.result()), c.result()));
        if (changes.previous()) {
            out.print("\n## Changes against the previous render\n\n" + PlanWriter.changes(changes, c.locator()::where));
        }
        return Main.OK;
    }

    static int diff(Path oldPath, Path newPath, PrintStream out, PrintStream err) throws IOException {
        DirectorySource.Sources previous = previousRender(oldPath, err);
        if (previous == null) {
            return Main.INPUT_ERROR;
        }
        Compiled c = compile(newPath, err, previous);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        c.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).forEach(d -> err.println(c.locator().format(d)));
        ChangeSet changes = c.result().changes();
        if (!changes.previous() && c.result().failed()) {
            return Main.INPUT_ERROR;
        }
        out.print("# hostedsite diff: " + oldPath + " → " + newPath + "\n\n" + PlanWriter.changes(changes, c.locator()::where));
        return c.result().failed() ? Main.INPUT_ERROR : Main.OK;
    }

    /**
     * The applied objects of a previous render at {@code path}: the generated objects it holds, or, when it holds
     * HostedSites, what rendering them gives. Null (after printing why) when there is none or it does not render.
     */
    private static DirectorySource.Sources previousRender(Path path, PrintStream err) throws IOException {
        Compiled c = compile(path, err);
        if (c == null) {
            return null;
        }
        boolean sites = c.sources().items().stream().anyMatch(Compiler::isHostedSite);
        if (sites && c.result().failed()) {
            c.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(c.locator().format(d)));
            err.println(path + ": the previous HostedSite does not render; fix it or give its rendered manifests");
            return null;
        }
        List<ObjectNode> previous = sites ? c.result().generated().stream().filter(m -> !m.localConfig())
                .map(m -> m.body()).toList() : Transition.previousRender(c.sources().items());
        if (previous.isEmpty()) {
            err.println(path + ": no previous render there: no HostedSite, and no object with the "
                    + ManifestSet.OWNER + " annotation that every rendered object carries");
            return null;
        }
        // rendered here from an older site: no file holds them; read from files: name those files as found
        return sites ? new DirectorySource.Sources(path, false, previous, Map.of(), new HashMap<>(), Set.of())
                : c.sources().asElsewhere(previous);
    }

    static int graph(Path path, String format, PrintStream out, PrintStream err) throws IOException {
        Compiled c = compileOrReport(path, err);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        ObjectGraph g = ObjectGraph.of(c.result());
        out.print(format.equals("dot") ? GraphWriter.dot(g) : GraphWriter.mermaid(g));
        return Main.OK;
    }

    /** Renders PATH to {@code out}; {@code part} (null: all) selects one Application's part, see {@link Layout#partOf}. */
    static int render(Path path, String part, PrintStream out, PrintStream err) throws IOException {
        Compiled c = compileSite(path, err, null);
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
            boolean hub = part.equals(Layout.HUB_PART);
            items = items.stream().filter(i -> ManifestSet.isGenerated(i) ? selected.contains(ObjectKey.of(i)) : hub).toList();
        }
        out.print(Main.stream(items));
        return Main.OK;
    }

    static int renderTo(Path path, Path target, PrintStream out, PrintStream err) throws IOException {
        Compiled c = compileSite(path, err, previousIn(path, target));
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        Map<String, String> files = OutputDirectory.files(c.result().generated());
        OutputDirectory.write(target, files);
        long artifacts = files.keySet().stream().filter(f -> f.startsWith(OutputDirectory.ARTIFACTS + "/")).count();
        err.println("wrote " + PlanWriter.count(files.size() - (int) artifacts, "manifest") + " to "
                + target.resolve(OutputDirectory.GENERATED) + " and " + PlanWriter.count((int) artifacts, "file") + " to "
                + target.resolve(OutputDirectory.ARTIFACTS));
        return Main.OK;
    }

    /**
     * True (after saying why on stderr) when PATH holds no HostedSite at all: a render of it would print only the
     * other files (or, with -o, replace generated/ with nothing), and the Argo CD plugin would hand Argo CD a stream
     * without the site's objects to prune to. Deleting a site is done with its HostedSite marked
     * {@value SiteEvidence#DELETE_ANNOTATION}, which counts as a site here.
     */
    private static boolean withoutSite(Path path, Compiled c, PrintStream err) {
        if (c.sources().items().stream().anyMatch(Compiler::isHostedSite)) {
            return false;
        }
        err.println("error: " + path + " holds no HostedSite (apiVersion " + Compiler.API_GROUP + "/v1alpha1): a render"
                + " of it would leave out every object of the site, and a GitOps sync with prune would delete them from the"
                + " hub. If the HostedSite file was renamed or moved, restore it. To delete the site on purpose, keep its"
                + " HostedSite and annotate it " + SiteEvidence.DELETE_ANNOTATION + ": \"true\".");
        return true;
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

    private static List<String> siteNames(Compiled c) {
        TreeSet<String> names = new TreeSet<>();
        for (Manifest m : c.result().generated()) {
            String owners = m.annotations().path(dev.hostedsite.graph.ManifestSet.OWNER).asText("");
            for (String o : owners.split(",")) {
                if (!o.isEmpty()) {
                    names.add(o);
                }
            }
        }
        return List.copyOf(names);
    }
}
