package dev.hostedsite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code hostedsite graph PATH [--format mermaid|dot]}: the reference graph of a render ({@link GraphWriter}). */
final class GraphCommand implements Command {
    static final String HELP = """
            Usage: hostedsite graph PATH [--format mermaid|dot]

            Prints the reference graph of a render of PATH: objects as nodes, references as edges (from the
            referring object, labelled with its field; dotted: the object's Namespace), sync waves as ranks.
              mermaid  a ```mermaid block (default): GitHub and GitLab render it in Markdown
              dot      Graphviz: hostedsite graph PATH --format dot | dot -Tsvg > graph.svg
            Exit codes: 0 ok, 1 input errors, 2 usage.
            """;

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String summary() {
        return "  graph PATH [--format F]   the reference graph as Mermaid (default) or Graphviz DOT\n";
    }

    @Override
    public Set<String> options() {
        return Set.of("--format");
    }

    @Override
    public Map<String, String> shortOptions() {
        return Map.of("-f", "--format");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public boolean takesOnePath() {
        return true;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        String format = a.options().getOrDefault("--format", "mermaid");
        if (!format.equals("mermaid") && !format.equals("dot")) {
            return Cli.usage(err, name(), "unknown format '" + format + "': use mermaid or dot");
        }
        Compiled c = Compiled.orReport(Path.of(a.positional().get(0)), err);
        if (c == null) {
            return Main.INPUT_ERROR;
        }
        ObjectGraph g = ObjectGraph.of(c.result());
        out.print(format.equals("dot") ? GraphWriter.dot(g) : GraphWriter.mermaid(g));
        return Main.OK;
    }
}
