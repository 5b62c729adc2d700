package dev.hostedsite.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: {@code command} as typed (a name or an alias such as {@code --version}), positionals
 * and options ({@code --opt VALUE}, {@code --opt=VALUE}, {@code -o VALUE}, by long name), and whether {@code --help}
 * or {@code -h} was given.
 */
record Args(String command, List<String> positional, Map<String, String> options, boolean help) {

    /** A usage mistake; the message says what was wrong. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** The arguments as given, all positional: for the commands that read their own ({@link Command#parsesArguments}). */
    static Args unparsed(String command, List<String> args) {
        return new Args(command, List.copyOf(args), Map.of(), false);
    }

    /**
     * The problem with the positionals of a command that takes exactly one PATH ("missing PATH", "give exactly one
     * PATH"), or null when there is one.
     */
    String onePathProblem() {
        return positional.size() == 1 ? null : positional.isEmpty() ? "missing PATH" : "give exactly one PATH";
    }

    /** The option's value, or null when it was not given. */
    String option(String name) {
        return options.get(name);
    }

    /**
     * @param command      the command as typed
     * @param valueOptions option names that take a value (long form, e.g. "--format"); {@code aliases} maps
     *                     short forms (e.g. "-o") to them
     */
    static Args parse(String command, List<String> args, Set<String> valueOptions, Map<String, String> aliases) throws UsageError {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean help = false;
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            name = aliases.getOrDefault(name, name);
            if (!valueOptions.contains(name)) {
                throw new UsageError("unknown option '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageError("option " + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (options.put(name, value) != null) {
                throw new UsageError("option " + name + " given twice");
            }
        }
        return new Args(command, List.copyOf(positional), options, help);
    }
}
