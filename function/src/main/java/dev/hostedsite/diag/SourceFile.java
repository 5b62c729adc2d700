package dev.hostedsite.diag;

/**
 * Where an input object came from (kpt's path/index annotations, or the CLI's file). {@code line} and
 * {@code column} (1-based) are known only when the CLI read the file itself; KRM results carry path and index.
 * {@code field}: the field of that input object the finding points at when it differs from the diagnostic's
 * {@code fieldPath} (a finding about a generated object: its field path is the manifest's, this one the
 * HostedSite field it comes from, through {@code kinds/catalog/FieldMap}); null otherwise.
 */
public record SourceFile(String path, Integer index, Integer line, Integer column, String field) {
    public SourceFile(String path, Integer index) {
        this(path, index, null, null, null);
    }

    public SourceFile(String path, Integer index, Integer line, Integer column) {
        this(path, index, line, column, null);
    }

    public SourceFile at(int line, int column) {
        return new SourceFile(path, index, line, column, field);
    }

    /** The same file, pointing at {@code siteField} of its object. */
    public SourceFile atField(String siteField) {
        return new SourceFile(path, index, line, column, siteField);
    }
}
