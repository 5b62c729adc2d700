package dev.hostedsite.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The base of a rule class that judges one subject (a cluster, a pool) and collects its {@link Finding}s in the
 * order found: {@link #error} and {@link #warning} add one, naming the HostedSite field path; {@link #out} holds
 * them for the class's static {@code check} to return.
 */
abstract class FindingCollector {
    /** The findings so far, in the order found. */
    protected final List<Finding> out = new ArrayList<>();

    /** An error at {@code path}, without a value to show. */
    protected void error(String path, String message) {
        out.add(Finding.error(path, message, null));
    }

    /** An error at {@code path} showing the bad {@code value} (never a secret's). */
    protected void error(String path, String message, String value) {
        out.add(Finding.error(path, message, value));
    }

    /** A warning at {@code path}. */
    protected void warning(String path, String message) {
        out.add(Finding.warning(path, message));
    }
}
