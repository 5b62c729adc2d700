package dev.hostedsite.diag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One user-facing finding: a KRM {@code results} entry. User mistakes are data, not exceptions.
 * Messages must never contain secret values.
 *
 * @param resource the object the finding is about (usually the HostedSite), or null
 * @param fieldPath a path such as {@code spec.clusters[0].hosts[2].bootMACAddress}, or null
 * @param currentValue the offending value (never a secret), or null
 */
public record Diagnostic(Severity severity, String message, ObjectRef resource, String fieldPath,
                         String currentValue, SourceFile file) {

    public static Diagnostic error(ObjectRef resource, String fieldPath, String message) {
        return new Diagnostic(Severity.ERROR, message, resource, fieldPath, null, null);
    }

    public static Diagnostic warning(ObjectRef resource, String fieldPath, String message) {
        return new Diagnostic(Severity.WARNING, message, resource, fieldPath, null, null);
    }

    public static Diagnostic info(ObjectRef resource, String fieldPath, String message) {
        return new Diagnostic(Severity.INFO, message, resource, fieldPath, null, null);
    }

    public Diagnostic withValue(String value) {
        return new Diagnostic(severity, message, resource, fieldPath, value, file);
    }

    public Diagnostic withFile(SourceFile f) {
        return new Diagnostic(severity, message, resource, fieldPath, currentValue, f);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The KRM functions spec's result object. */
    public ObjectNode toResult() {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("message", message);
        r.put("severity", severity.krm());
        if (resource != null) {
            r.set("resourceRef", resource.toNode());
        }
        if (fieldPath != null) {
            ObjectNode field = r.putObject("field");
            field.put("path", fieldPath);
            if (currentValue != null) {
                field.put("currentValue", currentValue);
            }
        }
        if (file != null) {
            ObjectNode f = r.putObject("file");
            f.put("path", file.path());
            if (file.index() != null) {
                f.put("index", file.index());
            }
        }
        return r;
    }

    /** One line for a terminal: {@code error: HostedSite/lab spec.x: message}. */
    public String oneLine() {
        StringBuilder b = new StringBuilder(severity.krm()).append(": ");
        if (resource != null) {
            b.append(resource.display()).append(' ');
        }
        if (fieldPath != null) {
            b.append(fieldPath).append(": ");
        } else if (resource != null) {
            b.setLength(b.length() - 1);
            b.append(": ");
        }
        return b.append(message).toString();
    }
}
