package dev.hostedsite.cli;

import dev.hostedsite.diag.Severity;
import dev.hostedsite.transition.ChangeSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code hostedsite diff OLD NEW}: what rendering NEW changes against OLD, with the transition checks' findings. */
final class DiffCommand implements Command {
    static final String HELP = """
            Usage: hostedsite diff OLD NEW

            Renders NEW (a HostedSite file or directory) against OLD (a previous render: a `render -o`
            directory, a kpt package or a file of rendered manifests; or an older HostedSite, which is
            rendered first) and prints the changes: created, changed (with the fields), deleted, marking those
            the hub will refuse and those that destroy data. The transition checks' findings (renames,
            fields the API refuses to change, host removal, etcd key changes) go to stderr as by validate.
            Example: git show HEAD~1:site.yaml > /tmp/old.yaml && hostedsite diff /tmp/old.yaml site.yaml
            Exit codes: 0 ok, 1 errors (in either input, or a refused transition), 2 usage.
            """;

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return """
                  diff OLD NEW              what rendering NEW changes against OLD (a previous render or an older site),
                                            and the changes the hub will refuse or that destroy data
                """;
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (a.positional().size() != 2) {
            return Cli.usage(err, name(), "give OLD and NEW");
        }
        Path oldPath = Path.of(a.positional().get(0));
        Path newPath = Path.of(a.positional().get(1));
        DirectorySource.Sources previous = Compiled.previousRender(oldPath, err);
        if (previous == null) {
            return Main.INPUT_ERROR;
        }
        Compiled c = Compiled.of(newPath, err, previous);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        c.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).forEach(d -> err.println(c.locator().format(d)));
        ChangeSet changes = c.result().changes();
        if (!c.result().failed() && c.refusedWithoutSite(newPath, err)) {
            return Main.INPUT_ERROR;
        }
        if (!changes.previous() && c.result().failed()) {
            return Main.INPUT_ERROR;
        }
        out.print("# hostedsite diff: " + oldPath + " → " + newPath + "\n\n" + PlanWriter.changes(changes, c.locator()::where));
        return c.result().failed() ? Main.INPUT_ERROR : Main.OK;
    }
}
