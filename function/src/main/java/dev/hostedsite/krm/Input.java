package dev.hostedsite.krm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
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
        if (e instanceof JsonProcessingException jpe) {
            what = jpe.getOriginalMessage();
            JsonLocation loc = jpe.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + firstLine(what);
            }
        }
        return firstLine(what);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
