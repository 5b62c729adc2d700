package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bounds checked before any pattern runs: Java's regex engine recurses per repetition, so a pattern-checked value
 * of some hundred thousand characters could exhaust the stack or take very long. Names, addresses, URLs and
 * image references are far shorter than {@link #MAX_FIELD_LENGTH}; only free text (CA bundle, secret values, the
 * ssh key line, nmstate documents, annotation values, display names, a verbatim registriesConf) may be longer.
 */
final class InputBounds {
    static final int MAX_FIELD_LENGTH = 1024;

    /** Field paths whose values may be long text: never matched against a pattern that could recurse. */
    private static final Pattern LONG_TEXT = Pattern.compile(
            "(^|\\.)(caBundle|sshAuthorizedKey|displayName|registriesConf)$"
                    + "|(pullSecret|sshKey|etcdEncryptionKey|etcdBackupKey|credentials)\\.(value|data\\.[^.]+|stringData\\.[^.]+)$"
                    + "|\\.network(\\.|\\[|$)|^metadata\\.annotations\\.");

    private InputBounds() {}

    static List<Diagnostic> check(JsonNode site, ObjectRef ref, SourceFile file) {
        List<Diagnostic> out = new ArrayList<>();
        walk(site, "", ref, file, out);
        return out;
    }

    private static void walk(JsonNode node, String path, ObjectRef ref, SourceFile file, List<Diagnostic> out) {
        if (LONG_TEXT.matcher(path).find()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().length() > MAX_FIELD_LENGTH) {
                    out.add(tooLong(ref, file, path.isEmpty() ? "(top level)" : path, "a field name of "
                            + e.getKey().length() + " characters"));
                    continue;
                }
                walk(e.getValue(), child, ref, file, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", ref, file, out);
            }
        } else if (node.isTextual() && node.asText().length() > MAX_FIELD_LENGTH) {
            out.add(tooLong(ref, file, path, "a value of " + node.asText().length() + " characters"));
        }
    }

    private static Diagnostic tooLong(ObjectRef ref, SourceFile file, String path, String what) {
        return Diagnostic.error(ref, path, path + " holds " + what + "; at most " + MAX_FIELD_LENGTH
                + " are accepted here (names, addresses, URLs and image references are much shorter). Check for a"
                + " pasted file or a runaway generator.").withFile(file);
    }
}
