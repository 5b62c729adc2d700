package dev.hostedsite.cli;

import java.util.List;
import java.util.Map;

/**
 * The reference graph as Mermaid (a fenced block that GitHub and GitLab render in Markdown) or Graphviz DOT.
 * Nodes are objects, edges point from the referring object to the one it names, waves are ranks.
 */
final class GraphWriter {
    private GraphWriter() {}

    static String mermaid(ObjectGraph g) {
        StringBuilder b = new StringBuilder("```mermaid\nflowchart BT\n");
        for (Map.Entry<Integer, List<ObjectGraph.Node>> wave : g.byWave().entrySet()) {
            b.append("  subgraph wave").append(wave.getKey()).append("[\"wave ").append(wave.getKey()).append("\"]\n");
            for (ObjectGraph.Node n : wave.getValue()) {
                b.append("    ").append(n.id()).append("[\"").append(mermaidLabel(n)).append("\"]\n");
            }
            b.append("  end\n");
        }
        List<ObjectGraph.Node> outside = g.outside();
        if (!outside.isEmpty()) {
            b.append("  subgraph outside[\"not generated\"]\n");
            for (ObjectGraph.Node n : outside) {
                b.append("    ").append(n.id()).append("([\"").append(mermaidLabel(n)).append("<br/>(")
                        .append(escape(n.note())).append(")\"])\n");
            }
            b.append("  end\n");
        }
        for (ObjectGraph.Edge e : g.edges()) {
            b.append("  ").append(e.from().id()).append(e.namespaceOnly() ? " -.-> " : " -->|\"" + escape(e.field()) + "\"| ")
                    .append(e.to().id()).append('\n');
        }
        return b.append("```\n").toString();
    }

    private static String mermaidLabel(ObjectGraph.Node n) {
        return escape(n.key().kind()) + "<br/>" + escape((n.key().namespace() == null ? "" : n.key().namespace() + "/")
                + n.key().name()) + (applied(n) && n.origin() == ObjectGraph.Origin.INPUT ? "<br/>(from the input)" : "");
    }

    private static boolean applied(ObjectGraph.Node n) {
        return n.wave() != null;
    }

    /** Mermaid labels are quoted; quotes and angle brackets become entities. */
    private static String escape(String s) {
        return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    static String dot(ObjectGraph g) {
        StringBuilder b = new StringBuilder("digraph hostedsite {\n  rankdir=BT;\n  node [shape=box, fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (Map.Entry<Integer, List<ObjectGraph.Node>> wave : g.byWave().entrySet()) {
            b.append("  subgraph wave").append(wave.getKey()).append(" {\n    rank=same;\n    \"wave")
                    .append(wave.getKey()).append("\" [shape=plaintext, label=\"wave ").append(wave.getKey()).append("\"];\n");
            for (ObjectGraph.Node n : wave.getValue()) {
                b.append("    ").append(n.id()).append(" [label=\"").append(dotLabel(n)).append("\"];\n");
            }
            b.append("  }\n");
        }
        List<Integer> waves = List.copyOf(g.byWave().keySet());
        for (int i = 1; i < waves.size(); i++) {
            b.append("  \"wave").append(waves.get(i)).append("\" -> \"wave").append(waves.get(i - 1)).append("\" [style=invis];\n");
        }
        for (ObjectGraph.Node n : g.outside()) {
            b.append("  ").append(n.id()).append(" [label=\"").append(dotLabel(n)).append("\\n(").append(dotEscape(n.note()))
                    .append(")\", style=dashed];\n");
        }
        for (ObjectGraph.Edge e : g.edges()) {
            // an edge to an object of the same or a later wave (NMStateConfig → InfraEnv) must not bend the ranks
            boolean against = e.to().wave() != null && e.to().wave() >= e.from().wave() && !e.namespaceOnly();
            b.append("  ").append(e.from().id()).append(" -> ").append(e.to().id())
                    .append(e.namespaceOnly() ? " [style=dotted]" : " [label=\"" + dotEscape(e.field()) + "\""
                            + (against ? ", constraint=false" : "") + "]").append(";\n");
        }
        return b.append("}\n").toString();
    }

    private static String dotLabel(ObjectGraph.Node n) {
        return dotEscape(n.key().kind()) + "\\n" + dotEscape((n.key().namespace() == null ? "" : n.key().namespace() + "/")
                + n.key().name()) + (applied(n) && n.origin() == ObjectGraph.Origin.INPUT ? "\\n(from the input)" : "");
    }

    private static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
