package dev.hostedsite.krm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns raw input bytes into text, and parser failures into messages for people. */
public final class Input {
    private Input() {}

    /** Thrown when the bytes are not readable YAML/JSON; the message is for the user (no content quoted). */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static String utf8(byte[] bytes) throws Unreadable {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("the input is not valid UTF-8; save the file as UTF-8");
        }
    }

    /** A parser error as {@code line L, column C: what}, without echoing the document. */
    public static String describe(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = 0;
        int column = 0;
        if (e instanceof JsonProcessingException jpe) {
            what = jpe.getOriginalMessage();
            JsonLocation loc = jpe.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                line = loc.getLineNr();
                column = loc.getColumnNr();
            }
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            what = y.getProblem() + (y.getContext() != null ? " (" + y.getContext() + ")" : "");
            if (y.getProblemMark() != null) {
                line = y.getProblemMark().getLine() + 1;
                column = y.getProblemMark().getColumn() + 1;
            }
        }
        String text = explain(firstLine(what));
        return line > 0 ? "line " + line + ", column " + column + ": " + text : text;
    }

    /** Rewrites the parser's wording for the limits and traps people meet, with what to do about them. */
    private static String explain(String what) {
        var dup = DUPLICATE.matcher(what);
        if (dup.matches()) {
            return "duplicate key '" + dup.group(1) + "': a mapping may hold each key once (YAML readers disagree on"
                    + " which one wins). Remove one of them.";
        }
        if (what.contains("nesting depth") || what.contains("Nesting Depth")) {
            return "the document nests mappings and lists deeper than " + Yaml.MAX_NESTING_DEPTH + " levels, the"
                    + " parser's limit. No HostedSite or Kubernetes object needs that depth: check for a generated or"
                    + " corrupted file.";
        }
        if (what.contains("String value length")) {
            return "a single value is longer than " + Yaml.MAX_STRING_LENGTH + " characters, the parser's limit (the API"
                    + " server stores no object that large). Check for a pasted file or a runaway generated file.";
        }
        if (what.contains("code points")) {
            return "the document is larger than " + Yaml.MAX_DOCUMENT_CODE_POINTS + " characters, the parser's limit."
                    + " Split the package, or check for a runaway generated file.";
        }
        return what;
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.*)'");

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
