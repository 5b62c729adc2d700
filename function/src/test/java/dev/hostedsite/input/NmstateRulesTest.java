package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nmstate rules on whole documents: every NMStateConfig that a success fixture renders passes them (the
 * issue's "Done when"), and mutants of a rendered document are refused for the reason nmstate refuses them.
 */
class NmstateRulesTest {

    /** Every NMStateConfig in every success fixture's expected output, as (fixture, object). */
    static List<Object[]> renderedConfigs() throws IOException {
        List<Object[]> out = new ArrayList<>();
        for (Path dir : Repo.renderCases()) {
            Path expected = dir.resolve("expected.yaml");
            if (!Files.isRegularFile(expected) || dir.getFileName().toString().startsWith("bad-")) {
                continue;
            }
            JsonNode rl = Yaml.readAll(Files.readString(expected)).get(0);
            for (JsonNode item : rl.path("items")) {
                if (item.path("kind").asText().equals("NMStateConfig")) {
                    out.add(new Object[] {dir.getFileName().toString(), item});
                }
            }
        }
        return out;
    }

    @Test
    void everyRenderedNmStateConfigPassesTheNmstateRules() throws IOException {
        List<Object[]> configs = renderedConfigs();
        // example-lab, metal-static-network, hosts-per-cluster and others render NMStateConfigs
        assertTrue(configs.size() >= 10, "only " + configs.size() + " NMStateConfigs in the success fixtures");
        List<String> problems = new ArrayList<>();
        for (Object[] c : configs) {
            JsonNode o = (JsonNode) c[1];
            problems.addAll(NmstateRules.errors(o.path("spec").path("config"),
                    c[0] + " NMStateConfig " + o.path("metadata").path("name").asText()));
        }
        assertEquals(List.of(), problems);
    }

    private static ObjectNode bondVlanDocument() throws IOException {
        for (Object[] c : renderedConfigs()) {
            JsonNode config = ((JsonNode) c[1]).path("spec").path("config");
            if (c[0].equals("metal-static-network") && config.toString().contains("link-aggregation")) {
                return (ObjectNode) config.deepCopy();
            }
        }
        throw new AssertionError("metal-static-network renders no bond document");
    }

    private static List<String> errors(JsonNode doc) {
        return NmstateRules.errors(doc, "network");
    }

    @Test
    void mutantsAreRefusedWhereNmstateRefusesThem() throws IOException {
        ObjectNode doc = bondVlanDocument();
        assertEquals(List.of(), errors(doc));

        ObjectNode typo = doc.deepCopy();
        ((ObjectNode) typo.path("interfaces").get(3).path("ipv4")).set("adress",
                ((ObjectNode) typo.path("interfaces").get(3).path("ipv4")).remove("address"));
        assertEquals(1, errors(typo).size(), errors(typo).toString());
        assertTrue(errors(typo).get(0).startsWith("network.interfaces[3].ipv4.adress: nmstate refuses the unknown key"));

        ObjectNode vlan = doc.deepCopy();
        ((ObjectNode) vlan.path("interfaces").get(3).path("vlan")).put("base-iface", "bond1");
        assertTrue(errors(vlan).get(0).startsWith("network.interfaces[3].vlan.base-iface: the VLAN's base interface"
                + " is interface 'bond1'"), errors(vlan).toString());

        ObjectNode port = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) port.path("interfaces").get(2).path("link-aggregation")
                .path("port")).add("enp9s0");
        assertEquals(1, errors(port).size(), errors(port).toString());

        ObjectNode route = doc.deepCopy();
        ((ObjectNode) route.path("routes").path("config").get(0)).put("next-hop-interface", "bond0.121");
        assertEquals(1, errors(route).size(), errors(route).toString());

        ObjectNode top = doc.deepCopy();
        top.set("route", top.remove("routes"));
        assertTrue(errors(top).get(0).contains("Did you mean routes?"), errors(top).toString());
    }

    @Test
    void valuesAreReadAsNmstatesDeserializersReadThem() throws IOException {
        ObjectNode doc = bondVlanDocument();
        ObjectNode iface = (ObjectNode) doc.path("interfaces").get(3);
        // *_or_string: numbers and booleans may come as strings
        iface.put("mtu", "1500");
        ((ObjectNode) iface.path("vlan")).put("id", "120");
        ((ObjectNode) iface.path("ipv4")).put("dhcp", "no");
        assertEquals(List.of(), errors(doc));
        // but not words, nor out of range
        iface.put("mtu", "jumbo");
        ((ObjectNode) iface.path("vlan")).put("id", 65536);
        ((ObjectNode) iface.path("ipv4")).put("dhcp", "maybe");
        assertEquals(3, errors(doc).size(), errors(doc).toString());
        // VlanConfig.reorder_headers is a plain bool: no string form
        iface.put("mtu", 1500);
        ((ObjectNode) iface.path("vlan")).put("id", 120).put("reorder-headers", "yes");
        ((ObjectNode) iface.path("ipv4")).put("dhcp", false);
        assertEquals(1, errors(doc).size(), errors(doc).toString());
    }

    /**
     * null is "not given" only where nmstate's serde reads it so (a plain Option); the *_or_string readers and the
     * required keys refuse it. The renderer drops nulls, so a null the input let through would reach the
     * NMStateConfig as a missing key (FuzzTest seed 20251125, cases 643 and 651: a null prefix-length).
     */
    @Test
    void nullIsRefusedWhereNmstatesReadersRefuseIt() throws IOException {
        ObjectNode doc = bondVlanDocument();
        ObjectNode iface = (ObjectNode) doc.path("interfaces").get(3);
        ObjectNode addr = (ObjectNode) iface.path("ipv4").path("address").get(0);
        String ip = addr.path("ip").asText();
        addr.putNull("prefix-length");
        assertEquals(List.of("network.interfaces[3].ipv4.address[0].prefix-length: the InterfaceIpAddr has a null"
                + " prefix-length, which nmstate requires (InterfaceIpAddr.prefix_length is not optional): add it, such"
                + " as prefix-length: 24."), errors(doc));
        addr.remove("prefix-length");
        assertEquals(1, errors(doc).size(), errors(doc).toString());
        assertTrue(errors(doc).get(0).startsWith("network.interfaces[3].ipv4.address[0]: the InterfaceIpAddr has no"
                + " prefix-length"), errors(doc).toString());
        addr.put("prefix-length", 24).putNull("ip");
        assertEquals(1, errors(doc).size(), errors(doc).toString());
        assertTrue(errors(doc).get(0).startsWith("network.interfaces[3].ipv4.address[0].ip: the InterfaceIpAddr has a"
                + " null ip"), errors(doc).toString());
        addr.put("ip", ip);
        assertEquals(List.of(), errors(doc));
        // u64_or_string and bool_or_string have no visit_unit: null is refused
        iface.putNull("mtu");
        ((ObjectNode) iface.path("ipv4")).putNull("dhcp");
        ((ObjectNode) iface.path("vlan")).putNull("id");
        assertEquals(3, errors(doc).size(), errors(doc).toString());
        assertTrue(errors(doc).stream().allMatch(e -> e.contains("nmstate refuses null here")), errors(doc).toString());
        iface.remove("mtu");
        ((ObjectNode) iface.path("ipv4")).put("dhcp", false);
        ((ObjectNode) iface.path("vlan")).put("id", 120);
        // a plain Option<String> or Option<Vec<..>> takes null as None
        ((ObjectNode) iface.path("ipv4")).putNull("dhcp-client-id");
        iface.putNull("description");
        assertEquals(List.of(), errors(doc));
        // a list item is never an Option
        ((com.fasterxml.jackson.databind.node.ArrayNode) iface.path("ipv4").path("address")).addNull();
        assertEquals(List.of("network.interfaces[3].ipv4.address[1]: a list item cannot be null: nmstate reads each"
                + " item as a value, not an Option. Remove the empty item."), errors(doc));
    }

    /** deserializer.rs option_u64_or_string / option_i64_or_string, as Rust's from_str and from_str_radix read text. */
    @Test
    void integerStringsAreReadAsRustReadsThem() throws IOException {
        for (String text : List.of("24", "+24", "024", "0x18", "0x+18")) {
            assertEquals(java.util.Optional.of(java.math.BigInteger.valueOf(24)),
                    NmstateApi.unsignedOrString(Yaml.NODES.textNode(text)), text);
            assertEquals(java.util.Optional.of(24), StaticAddresses.prefix(Yaml.NODES.textNode(text)), text);
        }
        for (String text : List.of("", " 24", "24 ", "-1", "-0x18", "0X18", "24.0", "1_000", "0x", "+", "twenty")) {
            assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.textNode(text)).isEmpty(), text);
            assertTrue(StaticAddresses.prefix(Yaml.NODES.textNode(text)).isEmpty(), text);
        }
        assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.numberNode(-1)).isEmpty());
        assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.numberNode(24.0)).isEmpty());
        assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.nullNode()).isEmpty());
        assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.booleanNode(true)).isEmpty());
        assertTrue(NmstateApi.unsignedOrString(Yaml.NODES.textNode("18446744073709551616")).isEmpty());
        assertTrue(StaticAddresses.prefix(Yaml.NODES.numberNode(256)).isEmpty());
        assertEquals(java.util.Optional.of(java.math.BigInteger.valueOf(-5)),
                NmstateApi.signedOrString(Yaml.NODES.textNode("-5")));
        assertEquals(java.util.Optional.of(java.math.BigInteger.valueOf(5)),
                NmstateApi.signedOrString(Yaml.NODES.textNode("+5")));
        assertTrue(NmstateApi.signedOrString(Yaml.NODES.textNode("0x5")).isEmpty());

        // what the document check accepts, the address checks read as the same number
        ObjectNode doc = bondVlanDocument();
        ObjectNode addr = (ObjectNode) doc.path("interfaces").get(3).path("ipv4").path("address").get(0);
        addr.put("prefix-length", "0x18");
        assertEquals(List.of(), errors(doc));
        addr.put("prefix-length", "0x21");
        assertEquals(1, errors(doc).size(), errors(doc).toString());
        assertTrue(errors(doc).get(0).contains("prefix length is at most 32"), errors(doc).toString());
        // and it stays a string through the YAML writer, so the rendered document reads the same
        assertEquals(doc, Yaml.readAll(Yaml.write(doc)).get(0));
    }

    @Test
    void unknownInterfaceKeysAreKeptNotRefused() throws IOException {
        ObjectNode doc = bondVlanDocument();
        ((ObjectNode) doc.path("interfaces").get(0)).put("mac_address", "52:54:00:10:00:00");
        // BaseInterface flattens unknown keys into _other: a warning in the site, never an error
        assertEquals(List.of(), errors(doc));
    }

    @Test
    void networkTextIsTheCanonicalForm() {
        assertEquals("192.168.122.0/24", Net.networkText(Net.cidr("192.168.122.32/24").orElseThrow()));
        assertEquals("fd00:122::/64", Net.networkText(Net.cidr("fd00:122::32/64").orElseThrow()));
        assertEquals("::/0", Net.networkText(Net.cidr("fd00::1/0").orElseThrow()));
        assertEquals("1:0:0:2::/64", Net.networkText(Net.cidr("1:0:0:2::9/64").orElseThrow()));
    }
}
