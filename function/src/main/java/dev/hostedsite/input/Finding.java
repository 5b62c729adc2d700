package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;

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

    /** The findings as KRM diagnostics of {@code site} (its resource and file). */
    static List<Diagnostic> diagnostics(Site site, List<Finding> findings) {
        List<Diagnostic> out = new ArrayList<>();
        for (Finding f : findings) {
            Diagnostic d = f.error() ? Diagnostic.error(site.ref(), f.path(), f.message())
                    : Diagnostic.warning(site.ref(), f.path(), f.message());
            out.add((f.value() == null ? d : d.withValue(f.value())).withFile(site.file()));
        }
        return out;
    }
}
