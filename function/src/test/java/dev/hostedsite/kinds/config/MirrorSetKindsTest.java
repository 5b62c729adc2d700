package dev.hostedsite.kinds.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hostedsite.model.Hub;
import dev.hostedsite.testing.KindUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mirror set family: both declarations, and each set lists the mirrors of its kind. */
class MirrorSetKindsTest {

    @Test
    void bothDeclarationsAreServedAndMatchUpstream() {
        KindUnits.assertServed(MirrorSetKinds.DIGEST);
        KindUnits.assertMatchesUpstreamSchema(MirrorSetKinds.DIGEST);
        KindUnits.assertServed(MirrorSetKinds.TAG);
        KindUnits.assertMatchesUpstreamSchema(MirrorSetKinds.TAG);
    }

    @Test
    void eachSetListsItsSourcesWithTheirMirrorsInOrder() {
        List<Hub.Mirror> mirrors = List.of(new Hub.Mirror("quay.io/openshift-release-dev", List.of("m1/a", "m2/a"), false),
                new Hub.Mirror("registry.redhat.io", List.of("m1/b"), true));
        var digest = MirrorSetKinds.digest("hostedsite-mirrors", mirrors);
        assertEquals("ImageDigestMirrorSet", digest.path("kind").asText());
        assertEquals("hostedsite-mirrors", digest.path("metadata").path("name").asText());
        assertEquals("[{\"mirrors\":[\"m1/a\",\"m2/a\"],\"source\":\"quay.io/openshift-release-dev\"},"
                + "{\"mirrors\":[\"m1/b\"],\"source\":\"registry.redhat.io\"}]",
                digest.path("spec").path("imageDigestMirrors").toString());
        var tag = MirrorSetKinds.tag("hostedsite-mirrors", List.of(mirrors.get(1)));
        assertEquals("ImageTagMirrorSet", tag.path("kind").asText());
        assertEquals(1, tag.path("spec").path("imageTagMirrors").size());
    }
}
