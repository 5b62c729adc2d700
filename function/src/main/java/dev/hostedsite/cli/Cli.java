package dev.hostedsite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code hostedsite} commands people type, as a table ({@link #COMMANDS}) and their dispatch. Each command is
 * one {@link Command} class: its name, the options it accepts, its lines in the usage, its help, and its run.
 * Exit codes are {@link Main#OK}, {@link Main#INPUT_ERROR}, {@link Main#USAGE}.
 *
 * <p><b>Adding a command</b>: write a class {@code FooCommand implements Command} in this package (copy
 * {@link CrdCommand} for one without options, {@link GraphCommand} for one with), then add one line
 * {@code new FooCommand(),} to {@link #COMMANDS} where its summary should appear in the usage. Dispatch, the
 * unknown-option and missing-value errors, {@code foo --help}, {@code help foo} and the usage text follow from the
 * table; {@link Cli#usage} prints a usage error in the common form. A command that parses its own arguments (flags
 * without a value, its own messages) returns false from {@link Command#parsesArguments} and gets them unparsed;
 * its {@link Command#help} still answers {@code help foo}. The CLI goldens (fixtures/cli, CliTest) then show the new
 * usage text.
 */
public final class Cli {
    /** The commands in the order the usage lists them. */
    static final List<Command> COMMANDS = List.of(
            new ValidateCommand(),
            new PlanCommand(),
            new DiffCommand(),
            new GraphCommand(),
            new RenderCommand(),
            new CrdCommand(),
            new MirrorsCommand(),
            new ImportCommand(),
            new PreflightCommand(),
            new SchemaCommand(),
            new RbacCommand(),
            new HelpCommand(),
            new VersionCommand());

    /** What {@code hostedsite --help} prints: the header, each command's {@link Command#summary}, the footer. */
    public static final String USAGE_TEXT = """
            Usage: hostedsite [COMMAND] [ARGS]

            Compiles HostedSite resources into the manifests of OpenShift Hosted Control Planes on
            disconnected bare metal.

            Commands:
              (none)                    run as a KRM function: ResourceList on stdin, ResourceList on stdout
            """ + String.join("", COMMANDS.stream().map(Command::summary).toList()) + """
            PATH is a YAML/JSON file or a directory (read recursively, hidden folders skipped).
            Exit codes: 0 ok, 1 input errors, 2 usage, 3 internal error.
            """;

    private Cli() {}

    /** Runs a named command (args[0]); the caller handles the no-argument KRM mode and internal errors. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("--help") || name.equals("-h")) {
            out.print(USAGE_TEXT);
            return Main.OK;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(name) || c.aliases().contains(name))
                .findFirst().orElse(null);
        if (command == null) {
            err.println("hostedsite: unknown command '" + name + "'\n");
            err.print(USAGE_TEXT);
            return Main.USAGE;
        }
        if (!command.parsesArguments()) {
            return command.run(Args.unparsed(name, rest), out, err);
        }
        Args a;
        try {
            a = Args.parse(name, rest, command.options(), command.shortOptions());
        } catch (Args.UsageError e) {
            return usage(err, name, e.getMessage());
        }
        if (a.help()) {
            out.print(command.help());
            return Main.OK;
        }
        String problem = command.takesOnePath() ? a.onePathProblem() : null;
        if (problem != null) {
            return usage(err, name, problem);
        }
        return command.run(a, out, err);
    }

    /** The help of the command named {@code name} ({@link Command#help}); null when there is none. */
    static String helpOf(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name) || c.aliases().contains(name)) {
                return c.help();
            }
        }
        return null;
    }

    /**
     * A usage error: "hostedsite COMMAND: PROBLEM", then the command's Usage line and where its help is (for
     * {@code command} null or without help: the whole usage). Returns {@link Main#USAGE}.
     */
    static int usage(PrintStream err, String command, String problem) {
        err.println("hostedsite" + (command == null ? "" : " " + command) + ": " + problem);
        String help = command == null ? USAGE_TEXT : helpOf(command);
        err.print(help == null ? USAGE_TEXT : help.lines().findFirst().orElse("") + "\n");
        if (command != null) {
            err.println("Run 'hostedsite " + command + " --help' for more.");
        }
        return Main.USAGE;
    }
}
