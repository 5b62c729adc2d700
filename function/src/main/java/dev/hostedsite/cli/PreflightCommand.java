package dev.hostedsite.cli;

import dev.hostedsite.Compiler;
import dev.hostedsite.preflight.Preflight;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code hostedsite preflight PATH}: does the mirror registry and the web server hold what the render names ({@link Preflight}). */
final class PreflightCommand implements Command {
    @Override
    public String name() {
        return "preflight";
    }

    @Override
    public String summary() {
        return """
                  preflight PATH            before the first sync: does the mirror registry and the web server hold every
                                            image and file the render names (run against them, read-only)
                """;
    }

    @Override
    public Set<String> options() {
        return Preflight.Options.NAMES;
    }

    @Override
    public Map<String, String> shortOptions() {
        return Map.of("-o", "--output");
    }

    @Override
    public String help() {
        return Preflight.HELP;
    }

    @Override
    public boolean takesOnePath() {
        return true;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        Preflight.Options o;
        try {
            o = Preflight.Options.parse(a.options());
        } catch (IllegalArgumentException e) {
            return Cli.usage(err, name(), e.getMessage());
        }
        Compiled c = Compiled.orReport(Path.of(a.positional().get(0)), err);
        return c == null ? Main.INPUT_ERROR : Preflight.run(Compiler.sites(c.sources().items()), o,
                (site, field) -> c.locator().where(site.file(), field), out, err);
    }
}
