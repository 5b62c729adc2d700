package dev.hostedsite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code hostedsite mirrors import DIR [--config IMAGESET]}: hub.mirrors and catalogs from oc-mirror's results ({@link MirrorsImport}). */
final class MirrorsCommand implements Command {
    @Override
    public String name() {
        return "mirrors";
    }

    @Override
    public String summary() {
        return """
                  mirrors import DIR [--config IMAGESET]
                                            print spec.hub.mirrors and catalogs from oc-mirror's results in DIR
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--config");
    }

    @Override
    public String help() {
        return MirrorsImport.HELP;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (a.positional().size() != 2 || !a.positional().get(0).equals("import")) {
            return Cli.usage(err, name(), "give: mirrors import DIR");
        }
        return MirrorsImport.run(Path.of(a.positional().get(1)),
                a.option("--config") != null ? Path.of(a.option("--config")) : null, out, err);
    }
}
