package dev.hostedsite.cli;

import java.io.PrintStream;

/** {@code hostedsite crd}: the HostedSite CustomResourceDefinition ({@link CrdGenerator}). */
final class CrdCommand implements Command {
    static final String HELP = """
            Usage: hostedsite crd

            Prints the HostedSite CustomResourceDefinition, generated from the JSON Schema the function
            validates with, so that cluster-side tools (kubectl explain, admission) know its fields.
            The repository keeps a copy at packages/crd/hostedsite.dev_hostedsites.yaml.
            Exit codes: 0 ok, 2 usage.
            """;

    @Override
    public String name() {
        return "crd";
    }

    @Override
    public String summary() {
        return "  crd                       print the HostedSite CustomResourceDefinition\n";
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) {
        if (!a.positional().isEmpty()) {
            return Cli.usage(err, name(), "crd takes no arguments");
        }
        out.print(CrdGenerator.yaml());
        return Main.OK;
    }
}
