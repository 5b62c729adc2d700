package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Versions normalized and ordered as HyperShift's support/supportedversion/version.go does. */
class SupportedVersionTest {

    @Test
    void versionsNormalizeLikeHyperShift() {
        assertEquals(Optional.of(15), SupportedVersion.v4Minor("4.15.8"));
        assertEquals(Optional.of(23), SupportedVersion.v4Minor("5.0.0"));
        assertEquals(Optional.of(24), SupportedVersion.v4Minor("5.1.2-rc.1"));
        assertEquals(Optional.empty(), SupportedVersion.v4Minor("6.0.0"));
        assertEquals(Optional.empty(), SupportedVersion.v4Minor("4.99999999999.0"));
        assertEquals(Optional.empty(), SupportedVersion.v4Minor("latest"));
    }

    @Test
    void normalizedMinorsPrintAsUsersWriteThem() {
        assertEquals("4.22", SupportedVersion.majorMinorOf(22));
        assertEquals("5.0", SupportedVersion.majorMinorOf(23));
        assertEquals("5.4", SupportedVersion.majorMinorOf(27));
    }

    @Test
    void fiveSortsAfterFourAndPreReleasesBeforeTheirRelease() {
        SupportedVersion.Version v5 = SupportedVersion.Version.parse("5.0.1").orElseThrow().normalized();
        SupportedVersion.Version v4 = SupportedVersion.Version.parse("4.22.9").orElseThrow().normalized();
        assertTrue(v5.compareTo(v4) > 0);
        assertTrue(SupportedVersion.Version.parse("4.19.0-rc.2").orElseThrow()
                .compareTo(SupportedVersion.Version.parse("4.19.0-rc.10").orElseThrow()) < 0);
        assertTrue(SupportedVersion.Version.parse("4.19.0-rc.1").orElseThrow()
                .compareTo(SupportedVersion.Version.parse("4.19.0").orElseThrow()) < 0);
    }
}
