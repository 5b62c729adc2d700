package dev.hostedsite.architecture.probe.b;

import dev.hostedsite.architecture.probe.a.UsesB;

/** Test probe: the other half of the deliberate package cycle. */
public final class UsesA {
    private UsesA() {}

    /** Calls back into probe.a. */
    public static int value() {
        return UsesB.value() + 1;
    }
}
