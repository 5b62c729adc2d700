package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.model.Hub;
import dev.hostedsite.platform.agent.RegistriesConf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hub.registriesConf}: the warning for a mirror source the verbatim text does not name. */
class RegistriesConfTextTest {
    private static final List<Hub.Mirror> MIRRORS = List.of(
            new Hub.Mirror("quay.io/openshift-release-dev/ocp-release", List.of("mirror.lab:5000/ocp/release"), false),
            new Hub.Mirror("registry.redhat.io/rhel9", List.of("mirror.lab:5000/rhel9"), false));

    private static Hub hub(String registriesConf) {
        return new Hub("multicluster-engine", new Hub.Registry("mirror.lab", 5000, "x"), MIRRORS, List.of(),
                new Hub.OsImages(null, List.of(), List.of(), null), null, true, List.of(), null, Hub.OWNER_SELF, null,
                Hub.Storage.NONE, "hostedsite-mirrors", registriesConf);
    }

    @Test
    void aLocationLineIsFoundWithAnySpacingOrQuote() {
        assertTrue(RegistriesConfText.locates("[[registry]]\n  location = \"registry.redhat.io/rhel9\"\n", "registry.redhat.io/rhel9"));
        assertTrue(RegistriesConfText.locates("location='registry.redhat.io/rhel9' # rhel\n", "registry.redhat.io/rhel9"));
        assertFalse(RegistriesConfText.locates("location = \"registry.redhat.io/rhel9/x\"\n", "registry.redhat.io/rhel9"));
        assertFalse(RegistriesConfText.locates("# location = \"registry.redhat.io/rhel9\"\n", "registry.redhat.io/rhel9"));
    }

    @Test
    void aMirrorSourceMissingFromTheTextIsAWarning() {
        assertEquals(List.of(), HubListRules.check(hub(null)));
        assertEquals(List.of(), HubListRules.check(hub(RegistriesConf.render(MIRRORS))));
        String onlyRelease = "[[registry]]\n  location = \"quay.io/openshift-release-dev/ocp-release\"\n";
        List<Finding> found = HubListRules.check(hub(onlyRelease));
        assertEquals(1, found.size(), found.toString());
        assertFalse(found.get(0).error());
        assertEquals("spec.hub.registriesConf", found.get(0).path());
        assertTrue(found.get(0).message().contains("registry.redhat.io/rhel9")
                && found.get(0).message().contains("spec.hub.mirrors[1]"), found.get(0).message());
    }
}
