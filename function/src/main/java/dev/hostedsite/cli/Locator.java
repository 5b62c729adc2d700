package dev.hostedsite.cli;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.SourceFile;
import java.util.Comparator;
import java.util.List;

/** Gives diagnostics about input files the line and column of the field they name, and prints them compiler-style. */
final class Locator {
    private final DirectorySource.Sources sources;

    Locator(DirectorySource.Sources sources) {
        this.sources = sources;
    }

    /**
     * The diagnostic with line and column set when its file was read by the CLI: the value of a scalar field
     * whose bad value it reports, else the field's key, else the nearest enclosing field that exists. The field is
     * the file's own ({@link SourceFile#field}, a finding about a generated object) or else the diagnostic's.
     */
    Diagnostic locate(Diagnostic d) {
        SourceFile f = d.file();
        if (f == null) {
            return d;
        }
        List<SourcePositions> docs = sources.positions(f.path());
        int index = f.index() == null ? 0 : f.index();
        if (docs == null || index < 0 || index >= docs.size()) {
            return d;
        }
        SourcePositions doc = docs.get(index);
        String field = f.field() != null ? f.field() : d.fieldPath();
        SourcePositions.Entry e = doc.find(field);
        if (e == null) {
            return d;
        }
        boolean exact = doc.exact(field == null ? "" : field).isPresent();
        SourcePositions.Position at = exact && e.scalar() && d.currentValue() != null ? e.value() : e.key();
        return d.withFile(f.at(at.line(), at.column()));
    }

    /** {@code file:line} of {@code fieldPath} in {@code file} (or the nearest enclosing field); the field when unknown. */
    String where(SourceFile file, String fieldPath) {
        Diagnostic d = locate(Diagnostic.info(null, fieldPath, "").withFile(file));
        SourceFile f = d.file();
        return f == null ? fieldPath : sources.display(f.path()) + (f.line() != null ? ":" + f.line() : "");
    }

    List<Diagnostic> locateAll(List<Diagnostic> ds) {
        return ds.stream().map(this::locate).sorted(ORDER).toList();
    }

    /**
     * {@code file:line site-path} of the HostedSite field a change comes from: {@code field} (a site path), or the
     * change's cluster, pool or host when null; null when the change comes from no HostedSite field.
     */
    String where(dev.hostedsite.transition.ChangeSet.Change c, String field) {
        if (c.origin() == null) {
            return null;
        }
        String path = field == null ? c.origin().path() : field;
        Diagnostic d = locate(Diagnostic.info(c.origin().ref(), path, "").withFile(c.origin().file()));
        SourceFile f = d.file();
        if (f == null) {
            return path;
        }
        return sources.display(f.path()) + (f.line() != null ? ":" + f.line() : "") + " " + path;
    }

    /** File, line, column; diagnostics without a file last, each group in the order found. */
    static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.file() == null ? "\uffff" : d.file().path())
            .thenComparing(d -> d.file() == null || d.file().line() == null ? Integer.MAX_VALUE : d.file().line())
            .thenComparing(d -> d.file() == null || d.file().column() == null ? Integer.MAX_VALUE : d.file().column());

    /**
     * {@code file:line:col: severity: field: message}, or the diagnostic's one-line form when it is about no input
     * file. A finding about a generated object names the site field and then the object's field:
     * {@code site.yaml:64:7: error: spec.clusters[0].pullSecret → HostedCluster/clusters/hosted spec.pullSecret.name: …}.
     */
    String format(Diagnostic d) {
        SourceFile f = d.file();
        if (f == null) {
            return d.oneLine();
        }
        String where = sources.display(f.path()) + (f.line() != null ? ":" + f.line() + ":" + f.column() : "");
        String field = f.field() != null
                ? f.field() + " → " + (d.resource() == null ? "" : d.resource().display() + " ")
                        + (d.fieldPath() == null ? "" : d.fieldPath()) + ": "
                : d.fieldPath() == null || d.fieldPath().isEmpty() ? "" : d.fieldPath() + ": ";
        return where + ": " + d.severity().krm() + ": " + field + d.message();
    }
}
