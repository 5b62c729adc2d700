package dev.hostedsite.adopt;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User mistakes and odd exports are diagnostics or kept objects, never exceptions: every object of the example
 * hub is broken in each of a few ways (its spec or data of the wrong type, emptied, its namespace gone, a field
 * deep inside replaced by a number), one at a time, and adopted.
 */
class AdoptionRobustnessTest {
    private static final List<Consumer<ObjectNode>> BREAKS = List.of(
            o -> o.put("spec", "x"),
            o -> o.putArray("spec").add(1),
            o -> o.putObject("spec"),
            o -> o.remove("spec"),
            o -> o.put("data", 7),
            o -> ((ObjectNode) o.get("metadata")).remove("namespace"),
            o -> ((ObjectNode) o.get("metadata")).put("annotations", "x"),
            o -> ((ObjectNode) o.get("metadata")).putObject("labels").put("infraenvs.agent-install.openshift.io", 5),
            AdoptionRobustnessTest::numbersEverywhere);

    /** Every string value below {@code spec} becomes the number 42. */
    private static void numbersEverywhere(ObjectNode o) {
        replace(o.path("spec"));
    }

    private static void replace(JsonNode n) {
        if (n instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                if (obj.get(f).isTextual()) {
                    obj.put(f, 42);
                } else {
                    replace(obj.get(f));
                }
            }
        } else if (n.isArray()) {
            n.forEach(AdoptionRobustnessTest::replace);
        }
    }

    @Test
    void everyBrokenObjectIsADiagnosticNotAnException() throws Exception {
        List<ObjectNode> hub = AdoptionReadersTest.hub("nodepools-mixed-arch");
        hub.addAll(AdoptionReadersTest.hub("hub-operators-metallb").stream()
                .filter(o -> !o.path("kind").asText().equals("HostedCluster")).toList());
        int runs = 0;
        for (int i = 0; i < hub.size(); i++) {
            for (int b = 0; b < BREAKS.size(); b++) {
                List<ObjectNode> copy = new ArrayList<>(hub.stream().map(ObjectNode::deepCopy).toList());
                BREAKS.get(b).accept(copy.get(i));
                try {
                    Adopted a = Adoption.adopt(copy, Options.defaults());
                    assertNotNull(a.site());
                    runs++;
                } catch (RuntimeException e) {
                    fail("break " + b + " of " + Yaml.json(copy.get(i).path("kind")) + " "
                            + Yaml.json(copy.get(i).path("metadata").path("name")) + " threw " + e, e);
                }
            }
        }
        assertTrue(runs > 100, "runs: " + runs);
    }
}
