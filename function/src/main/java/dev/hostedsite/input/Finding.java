package dev.hostedsite.input;

/**
 * One result of an admission rule, before it is tied to its HostedSite: {@code error} false for a warning;
 * {@code path} the HostedSite field to change; {@code value} the bad value to show, or null (always null for secrets).
 */
record Finding(boolean error, String path, String message, String value) {
    static Finding error(String path, String message, String value) {
        return new Finding(true, path, message, value);
    }

    static Finding warning(String path, String message) {
        return new Finding(false, path, message, null);
    }

    static Finding warning(String path, String value, String message) {
        return new Finding(false, path, message, value);
    }
}
