package dev.hostedsite.diag;

/**
 * Where an input object came from (kpt's path/index annotations, or the CLI's file). {@code line} and
 * {@code column} (1-based) are known only when the CLI read the file itself; KRM results carry path and index.
 */
public record SourceFile(String path, Integer index, Integer line, Integer column) {
    public SourceFile(String path, Integer index) {
        this(path, index, null, null);
    }

    public SourceFile at(int line, int column) {
        return new SourceFile(path, index, line, column);
    }
}
