package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.KindUnits;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AgentServiceConfig unit: declaration, build, the ConfigMaps it names and where they are found. */
class AgentServiceConfigKindTest {

    @Test
    void theDeclarationIsServedAndMatchesUpstream() {
        KindUnits.assertServed(AgentServiceConfigKind.SPEC);
        KindUnits.assertMatchesUpstreamSchema(AgentServiceConfigKind.SPEC);
    }

    @Test
    void buildsOsImageUrlsUnderTheWebServerAndNamesTheMirrorConfigMap() {
        var hub = Sites.bind(Sites.example()).hub();
        var asc = AgentServiceConfigKind.build(hub);
        assertTrue(asc.path("metadata").path("namespace").isMissingNode(), "cluster-scoped");
        assertEquals("custom-registries", asc.path("spec").path("mirrorRegistryRef").path("name").asText());
        String base = hub.osImages().webServer().replaceAll("/+$", "");
        asc.path("spec").path("osImages").forEach(i -> assertTrue(i.path("url").asText().startsWith(base + "/"), i.toString()));
        assertFalse(asc.path("spec").has("OSImageCACertRef"), "an http web server needs no CA");
        var cm = AgentServiceConfigKind.mirrorRegistries(hub, "PEM\n");
        assertEquals(hub.mceNamespace(), cm.path("metadata").path("namespace").asText());
        assertEquals("assisted-service", cm.path("metadata").path("labels").path("app").asText());
        assertEquals(RegistriesConf.render(hub.mirrors()), cm.path("data").path("registries.conf").asText());
    }

    /** Both ConfigMaps are found in the MCE namespace (graph/References), with the https web server's CA. */
    @Test
    void referencesItsConfigMapsInTheMceNamespace() {
        var r = KindUnits.hubPlumbing();
        assertEquals(List.of("spec.mirrorRegistryRef.name -> ConfigMap multicluster-engine/custom-registries",
                "spec.OSImageCACertRef.name -> ConfigMap multicluster-engine/os-images-ca-bundle"),
                KindUnits.referencesFrom(r, "AgentServiceConfig"));
        Sites.generated(r, "ConfigMap", "os-images-ca-bundle");
    }
}
