package dev.hostedsite.cli;

import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.transition.ChangeSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hostedsite plan PATH [--previous P]}: what a render creates, by sync wave, and what it changes against the
 * previous render ({@link PlanWriter} writes it).
 */
final class PlanCommand implements Command {
    static final String HELP = """
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
            """;

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String summary() {
        return """
                  plan PATH [--previous P]  list what a render creates, by sync wave, with what each object references,
                                            and what it changes against the previous render P (or PATH's generated/)
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--previous");
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
        DirectorySource.Sources previous = null;
        if (a.option("--previous") != null) {
            previous = Compiled.previousRender(Path.of(a.option("--previous")), err);
            if (previous == null) {
                return Main.INPUT_ERROR;
            }
        }
        Compiled c = Compiled.of(path, err, previous);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        c.reportTo(err);
        ChangeSet changes = c.result().changes();
        if (!c.result().failed() && c.refusedWithoutSite(path, err)) {
            return Main.INPUT_ERROR;
        }
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

    /** The names of the sites that own the render's objects, sorted. */
    private static List<String> siteNames(Compiled c) {
        TreeSet<String> names = new TreeSet<>();
        for (Manifest m : c.result().generated()) {
            String owners = m.annotations().path(ManifestSet.OWNER).asText("");
            for (String o : owners.split(",")) {
                if (!o.isEmpty()) {
                    names.add(o);
                }
            }
        }
        return List.copyOf(names);
    }
}
