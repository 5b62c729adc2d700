package dev.hostedsite.preflight;

/**
 * The result of one check of one {@link Item}.
 *
 * @param check what was checked: {@code manifest}, {@code platforms}, {@code version}, {@code hypershift image},
 *     {@code file}, {@code volume label}, {@code checksum}, {@code ca bundle}
 * @param subject the image reference or URL contacted (never a credential)
 * @param detail what was found
 * @param fix what to do; empty when present
 */
public record Outcome(Item item, String check, Status status, String subject, String detail, String fix) {

    /** The states a report line can have; only {@link #PRESENT} passes. */
    public enum Status {
        PRESENT, MISSING, UNAUTHORIZED, MISMATCH, UNREACHABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Outcome present(Item item, String check, String subject, String detail) {
        return new Outcome(item, check, Status.PRESENT, subject, detail, "");
    }
}
