package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.SecretSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admission rules taken from upstream, one table per rule class. */
class AdmissionRulesTest {

    /** What {@link BmcAddressRules#check} reports: "ok", or the severities of its findings joined by "+". */
    private static String verdict(String address) {
        List<Finding> f = BmcAddressRules.check("p", address);
        return f.isEmpty() ? "ok" : f.stream().map(x -> x.error() ? "error" : "warning").collect(Collectors.joining("+"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // baremetal-operator's own table (pkg/hardwareutils/bmc/access_test.go): ipmi is accepted but cannot boot the ISO
        "libvirt://192.168.122.1:6233/?abc=def | warning",
        "192.168.122.1 | warning",
        "my.favoritebmc.com | warning",
        "my-.examplehost.com | error",
        "[fe80::fc33:62ff:fe33:8xff]:6223 | error",
        "192.168.122.1:6233 | warning",
        "[fe80::fc33:62ff:fe83:8a76]:6233 | warning",
        "[fe80::fc33:62ff:fe83:8a76] | error",
        "ipmi:192.168.122.1:6233 | warning",
        "redfish:192.168.122.1 | warning",
        "redfish://[fe80::fc33:62ff:fe83:8a76]:6233/foo | warning",
        // virtual media: nothing to say
        "redfish-virtualmedia://192.168.126.1:9000/redfish/v1/Systems/1 | ok",
        "REDFISH-VIRTUALMEDIA://bmc.example.com/redfish/v1/Systems/1 | ok",
        "idrac-virtualmedia+https://[fd00::1]/redfish/v1/Systems/System.Embedded.1 | ok",
        "ilo5-virtualmedia+http://10.0.0.1/redfish/v1/Systems/1 | ok",
        "redfish-uefihttp://10.0.0.1/redfish/v1/Systems/1 | ok",
        "redfish-virtualmedia://[::ffff:10.0.0.1]/redfish/v1/Systems/1 | ok",
        // Go's 2025 bracket rule: IPv4 in brackets is rewritten (warning), a name in brackets is refused
        "redfish-virtualmedia://[192.168.126.1]:9000/redfish/v1/Systems/1 | warning",
        "redfish-virtualmedia://[bmc.example.com]/redfish/v1/Systems/1 | error",
        "redfish-virtualmedia://bmc[1]/redfish/v1/Systems/1 | error",
        "redfish-virtualmedia://[fe80::1%25eth0]/redfish/v1/Systems/1 | error",
        "redfish-virtualmedia://fd00::1/redfish/v1/Systems/1 | error",
        // drivers baremetal-operator no longer registers
        "idrac://10.0.0.1 | error",
        "idrac-redfish-virtualmedia://10.0.0.1/redfish/v1/Systems/1 | error",
        "irmc://10.0.0.1 | error",
        "irmc-virtualmedia://10.0.0.1 | error",
        "ilo4://10.0.0.1 | error",
        "ilo4-virtualmedia://10.0.0.1 | error",
        "ilo5://10.0.0.1 | error",
        "ibmc://10.0.0.1 | error",
        "ipmi+https://10.0.0.1 | error",
        "https://10.0.0.1/redfish/v1/Systems/1 | error",
        // hosts and ports
        "redfish-virtualmedia:///redfish/v1/Systems/1 | error",
        "redfish-virtualmedia://10.0.0.1:70000/redfish/v1/Systems/1 | error",
        "redfish-virtualmedia://bmc host/redfish | error",
        "redfish-virtualmedia://10.0.0.010/redfish/v1/Systems/1 | warning",
    })
    void bmcAddressesAreJudgedAsBaremetalOperatorJudgesThem(String address, String expected) {
        assertEquals(expected, verdict(address));
    }

    @Test
    void bracketedIpv4IsWrittenBareAndEverythingElseAsGiven() {
        assertEquals("redfish-virtualmedia://192.168.126.1:9000/redfish/v1/Systems/local/w0",
                BmcAddressRules.forBareMetalHost("redfish-virtualmedia://[192.168.126.1]:9000/redfish/v1/Systems/local/w0"));
        assertEquals("redfish://10.0.0.1/x", BmcAddressRules.forBareMetalHost("redfish://[10.0.0.1]/x"));
        for (String same : List.of("redfish://[fd00::1]/x", "redfish://[::ffff:10.0.0.1]/x", "redfish://[300.0.0.1]/x",
                "redfish://10.0.0.1/x[1.2.3.4]")) {
            assertEquals(same, BmcAddressRules.forBareMetalHost(same));
        }
        assertEquals("ok", verdict(BmcAddressRules.forBareMetalHost("redfish-virtualmedia://[10.0.0.1]:8000/redfish")));
    }

    @Test
    void credentialsInTheAddressAreAnErrorThatDoesNotRepeatThem() {
        List<Finding> f = BmcAddressRules.check("p", "redfish-virtualmedia://admin:s3cret@10.0.0.1/redfish");
        assertTrue(f.stream().anyMatch(Finding::error));
        f.forEach(x -> assertFalse((x.message() + x.value()).contains("s3cret"), x::toString));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "YWRtaW4= | admin",
        "'' | ''",
        "YWRtaW4 | REFUSED",
        "admin | REFUSED",
        "YWRt aW4= | REFUSED",
        "YW-_ | REFUSED",
        "YQ=== | REFUSED",
        "YQ==YQ== | REFUSED",
    })
    void secretDataIsDecodedAsTheApiServerDecodesIt(String text, String expected) {
        String got = SecretDataRules.decode(text).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("REFUSED");
        assertEquals(expected, got);
    }

    @Test
    void lineBreaksInSecretDataAreSkippedAsGoSkipsThem() {
        for (String wrapped : List.of("YWRt\naW4=", "YWRtaW4=\r\n", "YW\r\nRtaW4\n=")) {
            assertEquals("admin", new String(SecretDataRules.decode(wrapped).orElseThrow(), StandardCharsets.UTF_8));
        }
    }

    private static SecretSource data(Map<String, String> data) {
        return new SecretSource("s", SecretSource.Form.INLINE, null, data, null, null, null);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void credentialBytesThatCannotBeMeantGetAWarningNamingTheField() {
        SecretSource s = data(Map.of("username", b64("admin\n".getBytes(StandardCharsets.UTF_8)),
                "password", b64(new byte[] {(byte) 0xff, (byte) 0xfe})));
        List<Finding> f = SecretDataRules.credentialWarnings(s, List.of("username", "password"));
        assertEquals(List.of("s.data.username", "s.data.password"), f.stream().map(Finding::path).toList());
        assertTrue(f.get(0).message().contains("newline") && f.get(1).message().contains("UTF-8"), f::toString);
        assertTrue(SecretDataRules.credentialWarnings(data(Map.of("username", b64("admin".getBytes(StandardCharsets.UTF_8)),
                "password", b64("pässword".getBytes(StandardCharsets.UTF_8)))), List.of("username", "password")).isEmpty());
    }

    @Test
    void aSecretAboveOneMebibyteOfDataIsRefused() {
        String big = "x".repeat(SecretDataRules.MAX_SECRET_SIZE);
        SecretSource s = new SecretSource("s", SecretSource.Form.INLINE, null, null,
                Map.of("username", "admin", "password", big), null, null);
        List<Finding> f = SecretDataRules.check(s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).error() && f.get(0).message().contains("1 MiB") && f.get(0).value() == null);
        SecretSource fits = new SecretSource("s", SecretSource.Form.INLINE, null, null,
                Map.of("password", big), null, null);
        assertTrue(SecretDataRules.check(fits).isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/dev/sda | ok",
        "/dev/disk/by-path/pci-0000:01:00.0-scsi-0:2:0:0 | ok",
        "/dev/nvme0n1 | ok",
        "sda | error",
        "/dev/disk/by-id/wwn-0x5000 | error",
        "/dev/mapper/root | error",
        "/dev/ | error",
        "disk/by-path/x | error",
    })
    void deviceNameFollowsTheWebhook(String deviceName, String expected) {
        List<Finding> f = RootDeviceHintRules.check("h", Yaml.object().put("deviceName", deviceName));
        assertEquals(expected, f.isEmpty() ? "ok" : f.get(0).error() ? "error" : "warning", f::toString);
    }

    @Test
    void sizeHintsMustBeWholeGigabytesAndEmptyHintsAreNoHints() {
        ObjectNode fraction = Yaml.object();
        fraction.put("minSizeGigabytes", 120.0);
        assertTrue(RootDeviceHintRules.check("h", fraction).get(0).error());
        assertTrue(RootDeviceHintRules.check("h", Yaml.object().put("minSizeGigabytes", 120)).isEmpty());
        List<Finding> empty = RootDeviceHintRules.check("h", Yaml.object().put("serialNumber", ""));
        assertEquals(List.of("h.serialNumber", "h"), empty.stream().map(Finding::path).toList());
        assertTrue(empty.stream().noneMatch(Finding::error));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ca-bundle.crt | ok", ".dockerconfigjson | ok", "registry.example.com..5000 | ok",
        ". | bad", ".. | bad", "..data | bad", "a b | bad", "[fd00::1]..5000 | bad"})
    void configKeysFollowTheApiServer(String key, String expected) {
        assertEquals(expected, ConfigKeyRules.problem(key).isEmpty() ? "ok" : "bad");
    }
}
