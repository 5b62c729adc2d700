package dev.hostedsite.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code hostedsite help [COMMAND]}: the usage, or one command's help; its arguments come unparsed. */
final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "  help [COMMAND]            print help; also COMMAND --help\n";
    }

    /** None: {@code help --help} asks for the help of a command named "--help", and there is none. */
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
        List<String> rest = a.positional();
        if (rest.isEmpty()) {
            out.print(Cli.USAGE_TEXT);
            return Main.OK;
        }
        String text = Cli.helpOf(rest.get(0));
        if (text == null || rest.size() > 1) {
            return Cli.usage(err, name(), "no help for '" + String.join(" ", rest) + "'");
        }
        out.print(text);
        return Main.OK;
    }
}
