package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.adopt.AdoptionCheck;
import dev.hostedsite.adopt.Adopted;
import dev.hostedsite.adopt.Adoption;
import dev.hostedsite.adopt.ImportReport;
import dev.hostedsite.adopt.LiveExport;
import dev.hostedsite.adopt.Options;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import dev.hostedsite.graph.Canonical;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.transition.SiteEvidence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code hostedsite import PATH [-o DIR] [--strict] [--site-name NAME]}: a hub export ({@link LiveExport}) adopted as a
 * HostedSite ({@link Adoption}), rendered, and checked against the hub ({@link AdoptionCheck}); the report is
 * {@link ImportReport}. Without {@code -o}: the site and the kept objects as one YAML stream on stdout, the report on
 * stderr. With {@code -o DIR}: {@code DIR/site.yaml}, {@code DIR/kept/<namespace>/<kind>_<name>.yaml} (cluster-scoped
 * objects under {@code kept/cluster/}) and {@code DIR/IMPORT.md}; a non-empty DIR that is not an earlier import is
 * refused. No Secret value is ever read into what is written or printed.
 */
final class ImportCommand implements Command {
    static final String HELP = """
            Usage: hostedsite import PATH [-o DIR] [--strict] [--site-name NAME]

            Adopts what already runs on a hub: reads PATH (a file or a folder of YAML as oc get … -o yaml
            writes it: Lists, typed lists, multi-document streams, single objects; also objects written from
            the documentation or by hcp create cluster agent --render), drops what the API server and the
            controllers wrote (status, managedFields, uid, resourceVersion, creationTimestamp, generation,
            controller finalizers and ownerReferences, last-applied annotations, Argo CD tracking), and writes
            a HostedSite whose render reproduces the hub's objects, plus the objects the site cannot express,
            kept as passthrough items. Secrets become secretRefs to the Secrets that exist (spec.externalSecrets);
            no secret value is read into the site, written or printed.
            It then renders the imported site and compares it with the hub, field by field: every value the
            first sync would change is reported with its consequence (refused by the API server, rolls nodes,
            creates a second object, applied in place). Annotations this tool adds are listed apart.
              -o DIR            write DIR/site.yaml, DIR/kept/<namespace>/<kind>_<name>.yaml and DIR/IMPORT.md
                                (the report); DIR must be empty, new, or an earlier import (then replaced)
              --strict          exit 1 when the first sync would change anything a controller reads
              --site-name NAME  the HostedSite's name (default: the hub objects' hostedsite.dev/owner, else imported)
            Without -o: the site and the kept objects on stdout, the report on stderr.
            Example: oc get hostedcluster,nodepool,infraenv,baremetalhost,nmstateconfig -A -o yaml > hub.yaml
                     hostedsite import hub.yaml -o site/ --strict
            Exit codes: 0 ok, 1 input errors (or --strict and differences), 2 usage.
            """;

    static final String KEPT = "kept";
    static final String SITE_FILE = "site.yaml";
    static final String REPORT_FILE = "IMPORT.md";

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return """
                  import PATH [-o DIR] [--strict] [--site-name NAME]
                                            adopt what runs on a hub: a HostedSite (and the objects it keeps as they
                                            are) from an oc get -o yaml export, and what its first sync would change
                """;
    }

    @Override
    public String help() {
        return HELP;
    }

    /** It reads its own arguments: {@code --strict} is a flag without a value. */
    @Override
    public boolean parsesArguments() {
        return false;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        return run(a.positional(), out, err);
    }

    /** Runs the command on its arguments (after the word {@code import}). */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        String path = null;
        String dir = null;
        String siteName = null;
        boolean strict = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.contains("=") && a.startsWith("--") ? a.substring(a.indexOf('=') + 1) : null;
            String name = value == null ? a : a.substring(0, a.indexOf('='));
            switch (name) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return Main.OK;
                }
                case "--strict" -> strict = true;
                case "-o", "--output", "--site-name" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            return Cli.usage(err, "import", "option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (name.equals("--site-name")) {
                        siteName = value;
                    } else {
                        dir = value;
                    }
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        return Cli.usage(err, "import", "unknown option '" + a + "'");
                    }
                    if (path != null) {
                        return Cli.usage(err, "import", "give exactly one PATH");
                    }
                    path = a;
                }
            }
        }
        if (path == null) {
            return Cli.usage(err, "import", "missing PATH");
        }
        if (siteName != null && !siteName.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            return Cli.usage(err, "import", "--site-name '" + siteName + "' is not a DNS-1123 label (lower-case letters,"
                    + " digits and '-', at most 63)");
        }
        Path target = dir == null ? null : Path.of(dir);
        if (target != null) {
            String refusal = refusal(target);
            if (refusal != null) {
                err.println("error: " + refusal);
                return Main.INPUT_ERROR;
            }
        }
        return adopt(Path.of(path), target, strict, siteName, out, err);
    }

    /**
     * One import, without I/O beyond reading PATH: what was read, adopted, rendered and found. {@code errors} non-empty
     * means nothing may be written; then {@code render}, {@code check} and {@code report} are null.
     */
    record Imported(LiveExport.Result export, Adopted adopted, List<ObjectNode> kept, Compiler.Result render,
                    AdoptionCheck.Result check, List<Diagnostic> errors, String report) {}

    /** Reads PATH and imports it; {@code shown}: PATH as the report names it. */
    static Imported importPath(Path path, String shown, String siteName) throws IOException {
        LiveExport.Result export = LiveExport.read(path);
        if (export.failed()) {
            return new Imported(export, null, List.of(), null, null, export.problems().stream()
                    .filter(Diagnostic::isError).toList(), null);
        }
        Options options = Options.defaults();
        if (siteName != null) {
            options = options.withSiteName(siteName);
        } else if (!export.owners().isEmpty()) {
            options = options.withSiteName(export.owners().iterator().next());
        }
        Adopted adopted = Adoption.adopt(export.objects(), options);
        List<Diagnostic> errors = new ArrayList<>(adopted.diagnostics().stream().filter(Diagnostic::isError).toList());
        if (SiteEvidence.isMarkedForDeletion(adopted.site())) {
            // the core marks a site with nothing to adopt for deletion (the round trip of a site deleted on purpose);
            // a user's import of such an export is a wrong or partial export, and a site file marked for deletion
            // dropped into a site's folder would make the next sync prune everything that site rendered
            errors.add(Diagnostic.error(null, null, "the export holds no HostedCluster, no AgentServiceConfig and no"
                    + " registry-config: nothing a HostedSite describes, so the site written would be marked "
                    + SiteEvidence.DELETE_ANNOTATION + " and a sync of it would prune everything its site rendered."
                    + " Nothing is written. Export the hub's objects as docs/cli.md shows (all namespaces) and import"
                    + " again."));
        }
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode o : adopted.keptAsIs()) {
            if (o.path("kind").asText().equals("Secret")) {
                // the core never keeps a Secret; should one slip through, its value must not reach Git
                errors.add(Diagnostic.error(ObjectRef.of(o), null, "a Secret would be written as a passthrough item;"
                        + " nothing is written. Please report this."));
            } else {
                kept.add(o);
            }
        }
        List<ObjectNode> input = new ArrayList<>();
        input.add(adopted.site());
        input.addAll(kept);
        Compiler.Result render = errors.isEmpty() ? Compiler.compile(input, null) : null;
        if (render != null && render.failed()) {
            render.diagnostics().stream().filter(Diagnostic::isError)
                    .filter(d -> errors.stream().noneMatch(e -> e.message().endsWith(d.message()))).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            return new Imported(export, adopted, kept, null, null, List.copyOf(errors), null);
        }
        AdoptionCheck.Result check = AdoptionCheck.check(export.objects(), export.lastApplied(), render.deployable(),
                Compiler.sites(input));
        return new Imported(export, adopted, List.copyOf(kept), render, check, List.of(),
                ImportReport.markdown(shown, export, adopted, check));
    }

    private static int adopt(Path path, Path target, boolean strict, String siteName, PrintStream out, PrintStream err)
            throws IOException {
        Imported i = importPath(path, path.toString(), siteName);
        if (!i.errors().isEmpty()) {
            i.errors().forEach(d -> err.println(format(d, i.export())));
            err.println("error: " + path + ": the import stops here; nothing was written. Fix what the errors name in the"
                    + " export (or leave those objects out of it) and run the import again.");
            return Main.INPUT_ERROR;
        }
        if (target == null) {
            out.print(stream(i.adopted().site(), i.kept(), path));
            err.print(i.report());
        } else {
            write(target, files(i.adopted().site(), i.kept(), i.report(), path.toString()));
            // the report holds the findings too; on the terminal they come first, then where everything went
            i.adopted().diagnostics().forEach(d -> err.println(format(d, i.export())));
            err.println("wrote " + target.resolve(SITE_FILE) + ", " + i.kept().size() + " kept object"
                    + (i.kept().size() == 1 ? "" : "s") + " under " + target.resolve(KEPT) + " and the report "
                    + target.resolve(REPORT_FILE));
        }
        AdoptionCheck.Result check = i.check();
        if (strict && !check.clean()) {
            err.println("error: --strict: the first sync of the imported site would change " + check.differences().size()
                    + " field" + (check.differences().size() == 1 ? "" : "s") + " or object"
                    + (check.differences().size() == 1 ? "" : "s") + " a controller reads (see the report's"
                    + " \"Differences the first sync makes\").");
            return Main.INPUT_ERROR;
        }
        return Main.OK;
    }

    /** Why {@code target} may not be written, or null: it must be new, empty, or an earlier import's folder. */
    static String refusal(Path target) throws IOException {
        if (!Files.exists(target)) {
            return null;
        }
        if (!Files.isDirectory(target)) {
            return target + " is a file, not a folder: give -o a folder (new, empty, or an earlier import).";
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        }
        Path report = target.resolve(REPORT_FILE);
        if (Files.isRegularFile(report) && Files.readString(report, StandardCharsets.UTF_8).startsWith(ImportReport.TITLE)) {
            return null;
        }
        return target + " is not empty and holds no earlier import (no " + REPORT_FILE + " written by hostedsite import):"
                + " nothing was written, so that no file of yours is replaced. Give a new or empty folder.";
    }

    /** The folder's files: site.yaml, one file per kept object, the report; an earlier import's are replaced. */
    static Map<String, String> files(ObjectNode site, List<ObjectNode> kept, String report, String source) {
        Map<String, String> files = new TreeMap<>();
        files.put(SITE_FILE, header(source) + Yaml.write(Canonical.sorted(site)));
        for (ObjectNode o : kept) {
            ObjectRef r = ObjectRef.of(o);
            String file = KEPT + "/" + (r.namespace() == null ? "cluster" : r.namespace()) + "/"
                    + r.kind().toLowerCase(Locale.ROOT) + "_" + r.name() + ".yaml";
            files.put(file, Yaml.write(o));
        }
        files.put(REPORT_FILE, report);
        return files;
    }

    static void write(Path target, Map<String, String> files) throws IOException {
        Path keptDir = target.resolve(KEPT);
        if (Files.isDirectory(keptDir)) {
            try (Stream<Path> walk = Files.walk(keptDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = target.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static String stream(ObjectNode site, List<ObjectNode> kept, Path source) {
        StringBuilder b = new StringBuilder(header(source.toString())).append(Yaml.write(Canonical.sorted(site)));
        for (ObjectNode o : kept) {
            b.append("---\n").append(Yaml.write(o));
        }
        return b.toString();
    }

    private static String header(String source) {
        return "# Imported by hostedsite import from " + source + "; see IMPORT.md (or the report on stderr) for what"
                + " became of each object.\n";
    }

    /**
     * {@code file:line: severity: message} where the export has a position (the diagnostic's own, else where the
     * object it is about was read: {@code file:line (items[i])}), else the one-line form.
     */
    static String format(Diagnostic d, LiveExport.Result export) {
        SourceFile f = d.file();
        if (f != null && f.line() != null) {
            return f.path() + ":" + f.line() + ": " + d.severity().krm() + ": " + d.message();
        }
        ObjectRef r = d.resource();
        if (r != null && r.kind() != null && !r.kind().equals(dev.hostedsite.krm.ItemRole.SITE_KIND)) {
            String api = r.apiVersion() == null ? "" : r.apiVersion();
            String where = export.where().get(new dev.hostedsite.graph.ObjectKey(api.contains("/")
                    ? api.substring(0, api.indexOf('/')) : "", r.kind(), r.namespace(), r.name() == null ? "" : r.name()));
            if (where != null) {
                return where + ": " + d.oneLine();
            }
        }
        return d.oneLine();
    }
}
