package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** baremetal-operator's BMC address rules ({@link BmcAddressRules}), with its own table of addresses. */
class BmcAddressRulesTest {

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
}
