package dev.hostedsite.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A preflight's report: one line per outcome, {@code WHERE: STATUS: FIELD: CHECK: SUBJECT: DETAIL[; fix: FIX]}, with
 * WHERE the site file and line of the field; then a summary. Or the same as one JSON document ({@code -o json}).
 * It holds references, URLs and findings only: credentials never reach it.
 */
final class Report {
    /** Where a HostedSite field is written: {@code file:line}, or the field alone when unknown. */
    interface FieldLocator {
        String where(String fieldPath);
    }

    private Report() {}

    static Map<Outcome.Status, Integer> counts(List<Outcome> outcomes) {
        Map<Outcome.Status, Integer> n = new EnumMap<>(Outcome.Status.class);
        for (Outcome.Status s : Outcome.Status.values()) {
            n.put(s, 0);
        }
        outcomes.forEach(o -> n.merge(o.status(), 1, Integer::sum));
        return n;
    }

    static boolean passed(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.status() == Outcome.Status.PRESENT);
    }

    static String text(String site, List<Outcome> outcomes, FieldLocator locator, long millis) {
        StringBuilder b = new StringBuilder();
        for (Outcome o : outcomes) {
            b.append(locator.where(o.item().field())).append(": ").append(o.status().label()).append(": ")
                    .append(o.item().field()).append(": ").append(o.check()).append(": ").append(o.subject())
                    .append(": ").append(o.detail());
            if (!o.fix().isEmpty()) {
                b.append("; fix: ").append(o.fix());
            }
            b.append('\n');
        }
        Map<Outcome.Status, Integer> n = counts(outcomes);
        b.append("preflight of site ").append(site).append(": ").append(outcomes.size()).append(" checks");
        for (Map.Entry<Outcome.Status, Integer> e : n.entrySet()) {
            b.append(", ").append(e.getValue()).append(' ').append(e.getKey().label());
        }
        b.append(" (").append(millis).append(" ms): ").append(passed(outcomes) ? "ready for the first sync"
                : "NOT ready: mirror or download what is listed, then run preflight again").append('\n');
        return b.toString();
    }

    static String json(String site, List<Outcome> outcomes, FieldLocator locator) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("site", site);
        root.put("passed", passed(outcomes));
        ObjectNode summary = root.putObject("summary");
        counts(outcomes).forEach((s, c) -> summary.put(s.label(), c));
        ArrayNode items = root.putArray("checks");
        for (Outcome o : outcomes) {
            ObjectNode i = items.addObject();
            i.put("status", o.status().label());
            i.put("field", o.item().field());
            i.put("location", locator.where(o.item().field()));
            i.put("check", o.check());
            i.put(o.item() instanceof Item.Image ? "reference" : o.item() instanceof Item.File ? "url" : "subject",
                    o.subject());
            i.put("detail", o.detail());
            if (!o.fix().isEmpty()) {
                i.put("fix", o.fix());
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
