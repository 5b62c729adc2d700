package dev.hostedsite.diag;

/** Where an input object came from (kpt's path/index annotations, or the CLI's file). */
public record SourceFile(String path, Integer index) {}
