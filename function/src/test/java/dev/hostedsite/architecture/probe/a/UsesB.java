package dev.hostedsite.architecture.probe.a;

import dev.hostedsite.architecture.probe.b.UsesA;

/** Test probe: half of a deliberate package cycle that PackageDependenciesTest must report. */
public final class UsesB {
    private UsesB() {}

    /** Calls into probe.b. */
    public static int viaB() {
        return UsesA.value();
    }

    /** A constant probe.b reads back. */
    public static int value() {
        return 1;
    }
}
