package dev.hostedsite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * One command of the {@code hostedsite} CLI, as data ({@link #name}, {@link #options}, {@link #summary},
 * {@link #help}) plus what it does ({@link #run}). {@link Cli#COMMANDS} lists them; {@link Cli#run} parses the
 * arguments against {@link #options} (an unknown option, a missing value or a repeated option is a usage error,
 * exit 2), answers {@code --help} with {@link #help}, and calls {@link #run} with the rest.
 */
interface Command {
    /** The name typed after {@code hostedsite}, e.g. {@code render}. */
    String name();

    /** Other names that run it (e.g. {@code --version}); empty for most. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Its entry in the Commands list of {@link Cli#USAGE_TEXT}, exactly as printed: lines indented by two spaces,
     * the description from column 29, each line ending in a newline.
     */
    String summary();

    /** The options that take a value, by long name (e.g. {@code --output}); any other option is a usage error. */
    default Set<String> options() {
        return Set.of();
    }

    /** Short forms of {@link #options} (e.g. {@code -o} → {@code --output}). */
    default Map<String, String> shortOptions() {
        return Map.of();
    }

    /**
     * What {@code hostedsite help NAME} and {@code NAME --help} print, starting with its {@code Usage:} line; null
     * for a command without help of its own ({@code help}, {@code version}).
     */
    String help();

    /**
     * True for a command that takes exactly one PATH argument: {@link Cli} refuses any other count as a usage
     * error ("missing PATH", "give exactly one PATH") before {@link #run} is called.
     */
    default boolean takesOnePath() {
        return false;
    }

    /**
     * Whether {@link Cli#run} parses the arguments against {@link #options} and answers {@code --help} (true, the
     * default); false for a command that reads its own arguments (flags without a value, messages of its own, no
     * {@code --help}: {@code help}, {@code version}), which then gets them all as positionals
     * ({@link Args#unparsed}).
     */
    default boolean parsesArguments() {
        return true;
    }

    /**
     * Runs the command: its output on {@code out}, diagnostics and usage errors on {@code err}; returns the exit
     * code ({@link Main#OK}, {@link Main#INPUT_ERROR}, {@link Main#USAGE}). An unreadable file may throw
     * {@link IOException}, which {@link Main} reports as an input error.
     */
    int run(Args args, PrintStream out, PrintStream err) throws IOException;
}
