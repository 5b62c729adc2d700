package dev.hostedsite.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.input.PullableImages;
import dev.hostedsite.model.Site;
import dev.hostedsite.testing.ExampleSite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The parts of preflight that need no server: credentials lookup, the volume descriptor, the inventory. */
class PreflightPartsTest {

    static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMostSpecificAuthsKeyWinsAndPasswordsStayHidden() {
        MirrorCredentials c = MirrorCredentials.parse("{\"auths\": {"
                + "\"https://mirror.example:5000\": {\"auth\": \"" + auth("all", "pw-all") + "\"},"
                + "\"mirror.example:5000/openshift\": {\"auth\": \"" + auth("ocp", "pw-ocp") + "\"},"
                + "\"mirror.example:5000/openshift/release-images\": {\"identitytoken\": \"t\"},"
                + "\"other.example\": {\"auth\": \"not base64!\"}}}", "test");
        assertEquals("ocp", c.forRepository("mirror.example:5000/openshift/release-images").orElseThrow().user());
        assertEquals("all", c.forRepository("mirror.example:5000/redhat/index").orElseThrow().user());
        assertTrue(c.forRepository("mirror.example:50001/x").isEmpty(), "a port is no prefix of another");
        assertTrue(c.forRepository("other.example/x").isEmpty(), "an undecodable auth is skipped");
        assertFalse(c.toString().contains("pw-"), c.toString());
        assertTrue(MirrorCredentials.parse("not json", "x").byKey().isEmpty());
    }

    @Test
    void volumeIdentifierOnlyFromAPrimaryVolumeDescriptor() {
        byte[] pvd = new byte[2048];
        pvd[0] = 1;
        System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, pvd, 1, 5);
        byte[] label = String.format("%-32s", "rhcos-419.96.202505081234-0").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(label, 0, pvd, 40, 32);
        assertEquals("rhcos-419.96.202505081234-0", WebServer.volumeIdentifier(pvd));
        pvd[0] = 2; // a supplementary descriptor is not the primary one
        assertNull(WebServer.volumeIdentifier(pvd));
        assertNull(WebServer.volumeIdentifier(new byte[2048]), "zeros (a raw rootfs image) are no ISO");
        assertNull(WebServer.volumeIdentifier(new byte[10]), "a short read is no descriptor");
    }

    @Test
    void badCaBundleIsReportedNotThrown() {
        assertThrows(SiteTrust.BadBundle.class, () -> SiteTrust.parse("no pem here", false));
        assertThrows(SiteTrust.BadBundle.class, () -> SiteTrust.parse(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", false));
    }

    /** Every image the render writes is checked, with the role its field gives, in each fixture site that renders. */
    @Test
    void inventoryCoversEveryWrittenImage() {
        for (ObjectNode list : List.of(ExampleSite.resourceList(), ExampleSite.resourceListWithAdditions(),
                ExampleSite.resourceListWithHubOperators(), ExampleSite.nodePoolsResourceList())) {
            List<ObjectNode> items = new ArrayList<>();
            list.path("items").forEach(i -> items.add((ObjectNode) i));
            for (Site site : Compiler.sites(items)) {
                List<Item> inventory = Inventory.of(site);
                Set<String> fields = new TreeSet<>();
                inventory.forEach(i -> fields.add(i.field()));
                for (PullableImages.WrittenImage w : PullableImages.written(site)) {
                    assertTrue(fields.contains(w.path()), w.path() + " is not checked");
                }
                for (Item i : inventory) {
                    if (i instanceof Item.Image img && img.role() == Item.Role.RELEASE) {
                        assertFalse(img.arches().isEmpty(), img.field() + " has pools");
                    }
                    assertFalse(i.fix().isEmpty(), i.field() + " has a fix");
                }
            }
        }
        Map<String, Item.Role> roles = Map.of("spec.hub.catalogs[0].image", Item.Role.CATALOG,
                "spec.clusters[0].release.image", Item.Role.RELEASE);
        List<ObjectNode> items = new ArrayList<>();
        ExampleSite.resourceList().path("items").forEach(i -> items.add((ObjectNode) i));
        for (Item i : Inventory.of(Compiler.sites(items).get(0))) {
            if (i instanceof Item.Image img && roles.containsKey(img.field())) {
                assertEquals(roles.get(img.field()), img.role());
            }
        }
    }

    static int cli(java.io.ByteArrayOutputStream out, java.io.ByteArrayOutputStream err, String... args) throws Exception {
        return dev.hostedsite.cli.Cli.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndUsageMistakes() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertEquals(0, cli(out, err, "help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("preflight PATH"), "listed in help");
        out.reset();
        assertEquals(0, cli(out, err, "preflight", "--help"));
        assertEquals(Preflight.HELP, out.toString(StandardCharsets.UTF_8));
        String site = dev.hostedsite.testing.Repo.root().resolve("packages/hosted-site").toString();
        assertEquals(2, cli(out, err, "preflight", site, "-o", "yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-o must be text or json, not 'yaml'"), err.toString());
        err.reset();
        assertEquals(2, cli(out, err, "preflight", site, "--timeout", "-1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--timeout must be a positive number"), err.toString());
        err.reset();
        assertEquals(2, cli(out, err, "preflight", site, "--trust", "all"));
        assertEquals(2, cli(out, err, "preflight"));
    }
}
