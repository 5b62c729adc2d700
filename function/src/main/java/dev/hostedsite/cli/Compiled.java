package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ManifestSet;
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

    /** Compiles for plan/graph/render: diagnostics on stderr (warnings too); null when the render failed. */
    static Compiled orReport(Path path, PrintStream err) throws IOException {
        Compiled c = of(path, err, null);
        if (c == null) {
            return null;
        }
        for (Diagnostic d : c.diagnostics()) {
            err.println(c.locator().format(d));
        }
        return c.result().failed() ? null : c;
    }

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
        // rendered here from an older site: no file holds them; read from files: name those files as found
        return sites ? new DirectorySource.Sources(path, false, previous, Map.of(), new HashMap<>(), Set.of())
                : c.sources().asElsewhere(previous);
    }
}
