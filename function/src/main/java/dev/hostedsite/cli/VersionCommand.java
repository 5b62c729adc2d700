package dev.hostedsite.cli;

import dev.hostedsite.krm.BuildInfo;
import java.io.PrintStream;
import java.util.Set;

/** {@code hostedsite --version} (or {@code version}): "hostedsite VERSION"; its arguments come unparsed. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("--version");
    }

    @Override
    public String summary() {
        return "  --version                 print the version\n";
    }

    /** None: any argument, {@code --help} included, is a usage error. */
    @Override
    public String help() {
        return null;
    }

    @Override
    public boolean parsesArguments() {
        return false;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) {
        if (!a.positional().isEmpty()) {
            return Cli.usage(err, null, a.command() + " takes no arguments");
        }
        out.println("hostedsite " + BuildInfo.version());
        return Main.OK;
    }
}
