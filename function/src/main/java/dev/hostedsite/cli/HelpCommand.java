package dev.hostedsite.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code hostedsite help [COMMAND]}: the usage, or one command's help; its arguments come unparsed. */
final class HelpCommand implements Command {
    static final String HELP = """
            Usage: hostedsite help [COMMAND]

            Without COMMAND: prints the usage (the commands and what each does), as hostedsite --help.
            With COMMAND: prints that command's help, as hostedsite COMMAND --help.
            Exit codes: 0 ok, 2 usage (no such command).
            """;

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "  help [COMMAND]            print help; also COMMAND --help\n";
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public boolean parsesArguments() {
        return false;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) {
        List<String> rest = a.positional();
        if (rest.isEmpty()) {
            out.print(Cli.USAGE_TEXT);
            return Main.OK;
        }
        if (rest.size() > 1) {
            return Cli.usage(err, name(), "give one COMMAND, not " + String.join(" ", rest));
        }
        String asked = rest.get(0);
        String text = asked.equals("--help") || asked.equals("-h") ? HELP : Cli.helpOf(asked);
        if (text == null) {
            return Cli.usage(err, name(), "no command '" + asked + "'; the commands: " + String.join(", ",
                    Cli.COMMANDS.stream().map(Command::name).toList()));
        }
        out.print(text);
        return Main.OK;
    }
}
