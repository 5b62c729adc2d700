package dev.hostedsite.cli;

import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code hostedsite validate PATH}: every problem of the HostedSites in PATH, one FILE:LINE:COL line each. */
final class ValidateCommand implements Command {
    static final String HELP = """
            Usage: hostedsite validate PATH

            Checks every HostedSite in PATH (a file, or a directory read recursively) against the schema and
            the semantic rules, and runs the whole render without writing anything. Prints one line per
            problem, in the form editors and CI annotate:
              FILE:LINE:COL: error: FIELD: MESSAGE
              FILE:LINE:COL: warning: FIELD: MESSAGE
            A missing field is reported at the object that should hold it.
            Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage.
            """;

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "  validate PATH             check the HostedSite(s) in a file or directory; file:line:col per problem\n";
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
        Compiled c = Compiled.of(path, out);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        c.reportTo(out);
        int errors = (int) c.diagnostics().stream().filter(Diagnostic::isError).count();
        int warnings = (int) c.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (errors == 0 && c.refusedWithoutSite(path, out)) {
            errors = 1; // the verdict render gives such a PATH
        }
        long sites = c.sources().items().stream().filter(Compiler::isHostedSite).count();
        out.println(path + ": " + PlanWriter.count((int) sites, "HostedSite") + ", "
                + PlanWriter.count(errors, "error") + ", " + PlanWriter.count(warnings, "warning"));
        return errors > 0 ? Main.INPUT_ERROR : Main.OK;
    }
}
