package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Root device hints as baremetal-operator's webhook judges them ({@link RootDeviceHintRules}). */
class RootDeviceHintRulesTest {

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
}
