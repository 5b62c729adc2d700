package dev.hostedsite.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Containerfile parser to check its properties: instructions (continuations joined,
 * comments dropped) grouped into stages, and LABEL key="value" pairs.
 */
public record Containerfile(List<Stage> stages) {

    /** One instruction: its keyword upper-cased ({@code RUN}) and its arguments, continuation lines joined. */
    public record Instruction(String keyword, String args) {}

    /** One stage: the image of its FROM (as written, tag and digest included), its AS alias or null, its instructions. */
    public record Stage(String from, String alias, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Instruction last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? null : found.get(found.size() - 1);
        }

        Map<String, String> labels() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Instruction i : all("LABEL")) {
                Matcher m = LABEL.matcher(i.args());
                while (m.find()) {
                    out.put(m.group(1), m.group(2));
                }
            }
            return out;
        }
    }

    private static final Pattern LABEL = Pattern.compile("([A-Za-z0-9_.-]+)=\"([^\"]*)\"");
    private static final Pattern FROM = Pattern.compile("(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    /** Parses a Containerfile's text; an IllegalArgumentException for a shape it cannot read. */
    public static Containerfile parse(String text) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                logical.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("the Containerfile ends inside a continued line");
        }
        List<Stage> stages = new ArrayList<>();
        for (String instruction : logical) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            String args = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                Matcher m = FROM.matcher(args);
                if (!m.matches()) {
                    throw new IllegalArgumentException("cannot read FROM " + args);
                }
                stages.add(new Stage(m.group(1), m.group(2), new ArrayList<>()));
            } else if (keyword.equals("ARG") && stages.isEmpty()) {
                continue;
            } else if (stages.isEmpty()) {
                throw new IllegalArgumentException(keyword + " before the first FROM");
            } else {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, args));
            }
        }
        return new Containerfile(stages);
    }

    /** The last stage: the image that is shipped. */
    public Stage runtime() {
        return stages.get(stages.size() - 1);
    }
}
