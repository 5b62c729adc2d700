package dev.hostedsite.adopt;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.transition.RolloutGuard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The import's report, {@code IMPORT.md}: what became which site field, what was kept as a passthrough item, which
 * Secrets the site references (names only, never a value), what was dropped as server-owned (grouped by field and
 * writer), every difference the first render would make with its consequence, the fields the hub keeps that the
 * site does not hold, and the annotations this tool adds. Markdown, deterministic (input and ledger order, then
 * sorted groups), LF endings.
 */
public final class ImportReport {
    /** The first line of every report: {@code hostedsite import -o} recognises an earlier import's folder by it. */
    public static final String TITLE = "# hostedsite import";

    private ImportReport() {}

    /**
     * The report.
     *
     * @param source the PATH the export was read from, as the user gave it
     * @param export what {@link LiveExport} read and dropped
     * @param adopted what {@link Adoption#adopt} made of it
     * @param check the first render against the hub ({@link AdoptionCheck})
     */
    public static String markdown(String source, LiveExport.Result export, Adopted adopted, AdoptionCheck.Result check) {
        StringBuilder b = new StringBuilder();
        String site = adopted.site().path("metadata").path("name").asText();
        b.append(TITLE).append(": ").append(source).append("\n\n");
        b.append("HostedSite `").append(site).append("` from ").append(count(export.objects().size(), "object"))
                .append(" of the hub export; ").append(count(adopted.keptAsIs().size(), "object"))
                .append(adopted.keptAsIs().size() == 1 ? " kept as a passthrough item.\n\n" : " kept as passthrough items.\n\n");
        if (check.clean()) {
            b.append("**Adoption changes nothing a controller reads**: the first render of this site, applied to the hub,"
                    + " leaves every spec value, label and annotation a controller reads as it is. It only adds this"
                    + " tool's own annotations (see the last section).\n\n");
        } else {
            b.append("**The first sync would change ").append(count(check.differences().size(), "thing"))
                    .append(" on the hub** (see [Differences](#differences-the-first-sync-makes)): review each before"
                    + " syncing; `hostedsite import --strict` fails on them.\n\n");
        }

        b.append("## Site fields\n\n");
        List<String[]> rows = new ArrayList<>();
        for (Adopted.Entry e : adopted.ledger()) {
            if (e.disposition() == Adopted.Disposition.SITE_FIELD) {
                rows.add(new String[] {display(e.object()), code(e.manifestPath()), e.siteField() == null ? "(rendered from the site)"
                        : code(e.siteField()), e.note()});
            }
        }
        table(b, new String[] {"object", "field", "site field", "note"}, rows);

        b.append("## Kept as passthrough items\n\n");
        rows = new ArrayList<>();
        for (Adopted.Entry e : adopted.ledger()) {
            if (e.disposition() == Adopted.Disposition.KEPT_AS_IS || e.disposition() == Adopted.Disposition.DROPPED) {
                rows.add(new String[] {display(e.object()), code(e.manifestPath()),
                        e.disposition() == Adopted.Disposition.KEPT_AS_IS ? "kept" : "left out", e.note()});
            }
        }
        table(b, new String[] {"object", "field", "what", "why"}, rows);

        b.append("## Secrets referenced (names only; no value is read into the site or written here)\n\n");
        rows = new ArrayList<>();
        for (Adopted.Entry e : adopted.ledger()) {
            if (e.disposition() == Adopted.Disposition.SECRET_REFERENCED) {
                rows.add(new String[] {display(e.object()), e.siteField() == null ? "" : code(e.siteField()), e.note()});
            }
        }
        table(b, new String[] {"Secret", "site field", "note"}, rows);

        b.append("## Dropped as server-owned\n\n");
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        for (LiveExport.Dropped d : export.dropped()) {
            groups.computeIfAbsent((d.manifestPath().isEmpty() ? "(whole object)" : code(d.manifestPath())) + " | " + d.why(),
                    k -> new TreeSet<>()).add(display(d.object()));
        }
        for (Adopted.Entry e : adopted.ledger()) {
            if (e.disposition() == Adopted.Disposition.SERVER_OWNED) {
                groups.computeIfAbsent((e.manifestPath().isEmpty() ? "(whole object)" : code(e.manifestPath())) + " | "
                        + e.note(), k -> new TreeSet<>()).add(display(e.object()));
            }
        }
        rows = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> g : groups.entrySet()) {
            String[] parts = g.getKey().split(" \\| ", 2);
            rows.add(new String[] {parts[0], parts[1], objects(g.getValue())});
        }
        table(b, new String[] {"field", "written by", "objects"}, rows);

        b.append("## Server defaults\n\n");
        Map<String, TreeSet<String>> defaults = new TreeMap<>();
        for (com.fasterxml.jackson.databind.node.ObjectNode o : export.objects()) {
            for (ServerOwned.Default d : ServerOwned.DEFAULTS) {
                if (d.kind().equals(o.path("kind").asText()) && ServerOwned.isDefault(o, d.path())) {
                    defaults.computeIfAbsent(d.kind() + " " + code(d.path()) + " = `" + dev.hostedsite.krm.Yaml.json(d.value())
                            + "`", k -> new TreeSet<>()).add(display(ObjectRef.of(o)));
                }
            }
        }
        if (defaults.isEmpty()) {
            b.append("None.\n\n");
        } else {
            b.append("Values the API server writes when a field is absent (the CRD schema's `default`, or the core API's);"
                    + " the check applies them to both sides, so the render's object gets the same value.\n\n");
            defaults.forEach((k, v) -> b.append("- ").append(k).append(": ").append(objects(v)).append('\n'));
            b.append('\n');
        }

        b.append("## Differences the first sync makes\n\n");
        rows = new ArrayList<>();
        for (AdoptionCheck.Difference d : check.differences()) {
            rows.add(new String[] {display(d.key()), d.path().isEmpty() ? "(object)" : code(d.path()), d.change(),
                    "**" + d.consequence().words() + "**", d.sitePath() == null ? "" : code(d.sitePath())});
        }
        table(b, new String[] {"object", "field", "hub → render", "consequence", "site field"}, rows);
        if (!check.rolls().isEmpty()) {
            b.append("NodePools the first sync rolls:\n\n");
            for (RolloutGuard.Roll r : check.rolls()) {
                b.append("- `").append(r.pool().namespace()).append('/').append(r.pool().name()).append("` (")
                        .append(r.upgradeType()).append("): ").append(String.join("; ", r.reasons())).append('\n');
            }
            b.append('\n');
        }

        if (!check.noEffect().isEmpty()) {
            b.append("Removals with no effect (the apply removes them, no controller reads a change):\n\n");
            rows = new ArrayList<>();
            for (AdoptionCheck.NoEffect n : check.noEffect()) {
                rows.add(new String[] {display(n.key()), code(n.path()), n.value() + " → (none)",
                        "no effect: the value equals the API's default; " + n.row().why(), n.row().source()});
            }
            table(b, new String[] {"object", "field", "hub → render", "why", "upstream"}, rows);
        }

        b.append("## Hub objects the render does not hold\n\n");
        if (check.notRendered().isEmpty()) {
            b.append("None.\n\n");
        } else {
            b.append("They stay on the hub as they are (Argo CD prunes only what it applied); Git does not manage them.\n\n");
            java.util.Set<String> referenced = new java.util.HashSet<>();
            adopted.ledger().stream().filter(e -> e.disposition() == Adopted.Disposition.SECRET_REFERENCED)
                    .forEach(e -> referenced.add(display(e.object())));
            check.notRendered().forEach(k -> b.append("- ").append(display(k))
                    .append(referenced.contains(display(k)) ? " (referenced by the site by name)" : "").append('\n'));
            b.append('\n');
        }

        b.append("## Hub fields the site does not hold\n\n");
        Map<String, TreeSet<String>> kept = new TreeMap<>();
        check.keptOnHub().forEach(k -> kept.computeIfAbsent(k.key().kind() + " " + code(k.path()), x -> new TreeSet<>())
                .add(display(k.key())));
        if (kept.isEmpty()) {
            b.append("None.\n\n");
        } else {
            b.append("The render leaves them out and no last-applied configuration lists them, so the apply leaves the"
                    + " hub's values alone.\n\n");
            kept.forEach((k, v) -> b.append("- ").append(k).append(": ").append(objects(v)).append('\n'));
            b.append('\n');
        }

        b.append("## Annotations and labels this tool adds\n\n");
        Map<String, TreeSet<String>> tool = new TreeMap<>();
        for (AdoptionCheck.ToolAddition a : check.toolAdditions()) {
            tool.computeIfAbsent(a.path().replaceFirst("^metadata\\.(annotations|labels)\\.", "") + "` = `" + a.value(),
                    k -> new TreeSet<>()).add(display(a.key()));
        }
        if (tool.isEmpty()) {
            b.append("None.\n\n");
        } else {
            b.append("Read by Argo CD and this tool only, never by a hub controller.\n\n");
            Map<String, Integer> byKey = new LinkedHashMap<>();
            tool.forEach((k, v) -> byKey.merge(k, v.size(), Integer::sum));
            byKey.forEach((k, n) -> b.append("- `").append(k).append("`: ").append(count(n, "object")).append('\n'));
            b.append('\n');
        }

        List<Diagnostic> findings = new ArrayList<>(export.problems());
        findings.addAll(adopted.diagnostics());
        if (!findings.isEmpty()) {
            b.append("## Findings\n\n");
            for (Diagnostic d : findings) {
                b.append("- ").append(d.oneLine()).append('\n');
            }
            b.append('\n');
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static void table(StringBuilder b, String[] head, List<String[]> rows) {
        if (rows.isEmpty()) {
            b.append("None.\n\n");
            return;
        }
        b.append('|');
        for (String h : head) {
            b.append(' ').append(h).append(" |");
        }
        b.append("\n|");
        for (int i = 0; i < head.length; i++) {
            b.append("---|");
        }
        b.append('\n');
        for (String[] r : rows) {
            b.append('|');
            for (String c : r) {
                b.append(' ').append(c == null ? "" : c.replace("|", "\\|").replace("\n", " ")).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static String objects(TreeSet<String> names) {
        if (names.size() <= 6) {
            return String.join(", ", names);
        }
        return String.join(", ", new ArrayList<>(names).subList(0, 6)) + " and " + (names.size() - 6) + " more";
    }

    private static String code(String s) {
        return s == null || s.isEmpty() ? "" : "`" + s + "`";
    }

    static String display(ObjectRef r) {
        return r.kind() + " " + (r.namespace() == null ? "" : r.namespace() + "/") + r.name();
    }

    static String display(ObjectKey k) {
        return k.kind() + " " + (k.namespace() == null ? "" : k.namespace() + "/") + k.name();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
