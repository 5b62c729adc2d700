package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.transition.SiteEvidence;
import dev.hostedsite.transition.Transition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PATH the commands read and compiled: its sources, the compiler's result, the diagnostics located in their files
 * (file:line:col through {@code locator}). The factories return null after printing why when there is nothing to
 * go on (an unreadable file, a failed render, no previous render).
 */
record Compiled(DirectorySource.Sources sources, Compiler.Result result, List<Diagnostic> diagnostics, Locator locator) {

    static Compiled of(Path path, PrintStream diagOut) throws IOException {
        return of(path, diagOut, null);
    }

    /**
     * Reads and compiles PATH. {@code previous}: the previous render's objects to compare with, in place of the
     * generated files PATH holds; null to use those. Null (after printing the file's problem on {@code diagOut})
     * when a file does not read.
     */
    static Compiled of(Path path, PrintStream diagOut, DirectorySource.Sources previous) throws IOException {
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

    /** Compiles for graph/preflight: {@link #orReport(Path, PrintStream, DirectorySource.Sources)} without a previous render. */
    static Compiled orReport(Path path, PrintStream err) throws IOException {
        return orReport(path, err, null);
    }

    /**
     * Compiles for render/graph/preflight: diagnostics on stderr (warnings too); null when the render failed or PATH
     * holds no HostedSite ({@link #refusedWithoutSite}; the compiler's "nothing to generate" info is then not printed).
     */
    static Compiled orReport(Path path, PrintStream err, DirectorySource.Sources previous) throws IOException {
        Compiled c = of(path, err, previous);
        if (c == null) {
            return null;
        }
        c.reportTo(err);
        return c.result().failed() || c.refusedWithoutSite(path, err) ? null : c;
    }

    /** Prints the diagnostics on {@code out}, all but the "no HostedSite, items pass through" info ({@link #refusedWithoutSite} says more). */
    void reportTo(PrintStream out) {
        diagnostics.stream().filter(d -> !Compiler.isNoSiteInfo(d)).forEach(d -> out.println(locator.format(d)));
    }

    /**
     * True (after saying why on {@code out}) when PATH holds no HostedSite at all, the same verdict for every command
     * that reads a site folder (render, validate, plan, graph, preflight, diff's NEW): a render of it would print
     * only the other files (or, with -o, replace generated/ with nothing), and the Argo CD plugin would hand Argo CD a
     * stream without the site's objects to prune to. Deleting a site is done with its HostedSite marked
     * {@value SiteEvidence#DELETE_ANNOTATION}, which counts as a site here.
     */
    boolean refusedWithoutSite(Path path, PrintStream out) {
        if (sources.items().stream().anyMatch(Compiler::isHostedSite)) {
            return false;
        }
        out.println(NO_SITE_ERROR.formatted(path));
        return true;
    }

    /** The error of {@link #refusedWithoutSite}, with %s for the PATH. */
    static final String NO_SITE_ERROR = "error: %s holds no HostedSite (apiVersion " + Compiler.API_GROUP + "/v1alpha1):"
            + " a render of it would leave out every object of the site, and a GitOps sync with prune would delete them"
            + " from the hub. If the HostedSite file was renamed or moved, restore it. To delete the site on purpose,"
            + " keep its HostedSite and annotate it " + SiteEvidence.DELETE_ANNOTATION + ": \"true\".";

    /**
     * The applied objects of a previous render at {@code path}: the generated objects it holds, or, when it holds
     * HostedSites, what rendering them gives. Null (after printing why) when there is none or it does not render.
     */
    static DirectorySource.Sources previousRender(Path path, PrintStream err) throws IOException {
        Compiled c = of(path, err);
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
        // rendered here from an older site: no file holds them, so a finding about one names PATH, the input they were
        // rendered from (not the generated/ path the render would give them, which exists nowhere); read from
        // files: name those files as found
        return sites ? renderedFrom(path, previous) : c.sources().asElsewhere(previous);
    }

    /** Objects rendered from the HostedSite(s) at {@code path}, each annotated as coming from {@code path}. */
    private static DirectorySource.Sources renderedFrom(Path path, List<ObjectNode> rendered) {
        String from = path.toString();
        List<ObjectNode> moved = new ArrayList<>();
        for (ObjectNode item : rendered) {
            ObjectNode copy = item.deepCopy();
            copy.withObject("/metadata/annotations").put(Layout.PATH, from).put(Layout.INTERNAL_PATH, from);
            moved.add(copy);
        }
        return new DirectorySource.Sources(path, false, List.copyOf(moved), Map.of(), new HashMap<>(), Set.of(from));
    }
}
