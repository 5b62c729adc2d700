package dev.hostedsite.diag;

public enum Severity {
    ERROR, WARNING, INFO;

    public String krm() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
