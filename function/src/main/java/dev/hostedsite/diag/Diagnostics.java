package dev.hostedsite.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the findings of a render, in the order they were found. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(Diagnostic d) {
        all.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        all.addAll(ds);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(all);
    }
}
