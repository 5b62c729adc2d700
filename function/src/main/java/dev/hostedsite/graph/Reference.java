package dev.hostedsite.graph;

/**
 * An edge of the object graph: {@code from}'s field {@code field} names {@code to}. {@code targetFirst} says
 * whether the target must be applied first; false for NMStateConfig → InfraEnv, where the design wants the
 * NMStateConfig in place before the InfraEnv builds its discovery image.
 */
public record Reference(ObjectKey from, String field, ObjectKey to, boolean targetFirst) {
    public Reference(ObjectKey from, String field, ObjectKey to) {
        this(from, field, to, true);
    }
}
