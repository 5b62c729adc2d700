package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.testing.Sites;
import org.junit.jupiter.api.Test;

/** The binder's defaults are the schema's: a site that leaves the fields out gets the schema's {@code default}s. */
class SchemaDefaultsTest {

    @Test
    void omittedFieldsBindToTheSchemaDefaults() {
        ObjectNode site = Sites.example();
        ObjectNode cluster = Sites.cluster(site);
        cluster.remove("networking");
        cluster.remove("controllerAvailabilityPolicy");
        ObjectNode pool = (ObjectNode) cluster.path("nodePools").get(0);
        pool.remove("arch");
        pool.remove("upgradeType");
        Cluster c = Sites.bind(site).clusters().get(0);
        assertEquals(SchemaDefaults.text("spec.clusters[].networking.networkType"), c.networking().networkType());
        assertEquals(SchemaDefaults.strings("spec.clusters[].networking.clusterNetwork"), c.networking().clusterNetwork());
        assertEquals(SchemaDefaults.strings("spec.clusters[].networking.serviceNetwork"), c.networking().serviceNetwork());
        assertEquals(SchemaDefaults.text("spec.clusters[].controllerAvailabilityPolicy"), c.controllerAvailabilityPolicy());
        assertEquals(SchemaDefaults.text("spec.clusters[].nodePools[].arch"), c.nodePools().get(0).arch());
        assertEquals(SchemaDefaults.text("spec.clusters[].nodePools[].upgradeType"), c.nodePools().get(0).upgradeType());
        // the schema's own object default for networking agrees with its leaves
        assertEquals(SchemaDefaults.at("spec.clusters[].networking").path("networkType").asText(),
                c.networking().networkType());
    }

    /** A default written beside a {@code $ref} (the referenced definition has none) is the field's default. */
    @Test
    void aDefaultBesideARefIsFound() {
        assertEquals("lvmcluster", SchemaDefaults.text("spec.hub.storage.lvms.name"));
        assertEquals(false, SchemaDefaults.bool("spec.clusters[].operatorHub.disableDefaultSources"));
    }

    @Test
    void aPathWithoutDefaultIsABug() {
        assertThrows(IllegalStateException.class, () -> SchemaDefaults.at("spec.clusters[].name"));
    }
}
