package dev.hostedsite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The distribution reference grammar, fully qualified, and containers-registries.conf prefix matching. */
class ImageReferenceTest {
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void splitsRegistryPathTagAndDigest() {
        ImageReference tag = ImageReference.parse("registry.example.krnl.es:5000/redhat/redhat-operator-index:v4.19").orElseThrow();
        assertEquals("registry.example.krnl.es:5000", tag.registry());
        assertEquals("redhat/redhat-operator-index", tag.path());
        assertEquals("v4.19", tag.tag());
        assertFalse(tag.byDigest());
        assertEquals("registry.example.krnl.es:5000/redhat", tag.namespace());

        ImageReference both = ImageReference.parse("quay.io/a/b:4.19@" + DIGEST).orElseThrow();
        assertEquals("4.19", both.tag());
        assertEquals(DIGEST, both.digest());
        assertTrue(both.byDigest());
        assertEquals("quay.io/a/b:4.19@" + DIGEST, both.toString());
        assertEquals("quay.io", ImageReference.parse("quay.io/busybox:1").orElseThrow().namespace());
        assertEquals("[fd00::1]:5000", ImageReference.parse("[fd00::1]:5000/x/y@" + DIGEST).orElseThrow().registry());
        assertEquals("localhost", ImageReference.parse("localhost/x:1").orElseThrow().registry());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "redhat-operator-index:v4.19",              // no registry: docker.io
        "library/busybox:1",                        // first component is no host: docker.io
        "registry.example.krnl.es:5000/redhat/index", // neither tag nor digest
        "registry.example.krnl.es/RedHat/index:v1", // upper case in the path
        "registry.example.krnl.es/redhat//index:v1",
        "registry.example.krnl.es/redhat/index:-v1",
        "registry.example.krnl.es/redhat/index@sha256:abc",
        "https://registry.example.krnl.es/redhat/index:v1",
        "registry.example.krnl.es/redhat/index:v1 ",
        ""})
    void refusesWhatIsNotAFullyQualifiedReference(String text) {
        assertTrue(ImageReference.parse(text).isEmpty(), text);
    }

    @Test
    void refusesNamesLongerThan255() {
        String path = "a".repeat(240);
        assertTrue(ImageReference.parse("registry.example.krnl.es/" + path + ":1").isEmpty());
        assertTrue(ImageReference.parse("quay.io/" + path + ":1").isPresent());
    }

    @ParameterizedTest
    @CsvSource({
        "quay.io/openshift-release-dev/ocp-release@" + "sha256:abababababababababababababababab, quay.io/openshift-release-dev/ocp-release, true",
        "quay.io/openshift-release-dev/ocp-release@" + "sha256:abababababababababababababababab, quay.io/openshift-release-dev, true",
        "quay.io/openshift-release-dev/ocp-release@" + "sha256:abababababababababababababababab, quay.io, true",
        "quay.io/openshift-release-dev/ocp-release-nightly:4.19, quay.io/openshift-release-dev/ocp-release, false",
        "quay.io/openshift-release-devx/ocp-release:4.19, quay.io/openshift-release-dev, false",
        "example.com:5000/foo:1, example.com, false",
        "example.com/foo:1, example.com:5000, false",
        "example.com/foo:1, example.com/foo/bar, false"})
    void coversRepositoriesOnPathSegmentBoundaries(String image, String scope, boolean under) {
        assertEquals(under, ImageReference.parse(image).orElseThrow().under(scope), image + " under " + scope);
    }

    @Test
    void movesTheCoveredPartToTheMirror() {
        ImageReference ref = ImageReference.parse("registry.redhat.io/redhat/redhat-operator-index:v4.19").orElseThrow();
        assertEquals("mirror.lab:5000/olm/redhat/redhat-operator-index:v4.19",
                ref.moved("registry.redhat.io", "mirror.lab:5000/olm").orElseThrow().toString());
        assertEquals("mirror.lab:5000/rh/redhat-operator-index:v4.19",
                ref.moved("registry.redhat.io/redhat", "mirror.lab:5000/rh").orElseThrow().toString());
        assertTrue(ref.moved("registry.redhat.io/redhat/redhat-operator-index", "mirror.lab:5000").isEmpty());
    }
}
