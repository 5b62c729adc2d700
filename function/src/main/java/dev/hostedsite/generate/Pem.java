package dev.hostedsite.generate;

/** CA bundle text as it goes into ConfigMaps: LF endings, exactly one trailing newline (serialises as {@code |}). */
public final class Pem {
    private Pem() {}

    public static String normalize(String pem) {
        return pem.replace("\r\n", "\n").replace('\r', '\n').strip() + "\n";
    }
}
