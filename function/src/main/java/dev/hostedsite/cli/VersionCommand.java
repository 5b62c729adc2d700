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

    /** What {@code help version} prints; {@code --version} itself takes no argument, {@code --help} included. */
    @Override
    public String help() {
        return """
                Usage: hostedsite --version (or hostedsite version)

                Prints "hostedsite VERSION", the version this build was made from. Takes no arguments.
                Exit codes: 0 ok, 2 usage.
                """;
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
