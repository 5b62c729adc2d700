package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.krm.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScratchExportTest {
    @Test
    void print() throws Exception {
        for (String c : System.getProperty("dirs", "doc-shaped").split(",")) {
            List<ObjectNode> objects = new ArrayList<>();
            try (var files = Files.list(Path.of("/tmp/exp/" + c))) {
                for (Path f : files.sorted().toList()) {
                    for (JsonNode n : Yaml.readAll(Files.readString(f))) {
                        objects.add((ObjectNode) n);
                    }
                }
            }
            Adopted a = Adoption.adopt(objects, Options.defaults());
            StringBuilder b = new StringBuilder(Yaml.write(a.site()));
            a.keptAsIs().forEach(o -> b.append("--- kept\n").append(Yaml.write(o)));
            a.diagnostics().forEach(d -> b.append("# ").append(d.oneLine()).append('\n'));
            List<ObjectNode> in = new ArrayList<>(List.of(a.site()));
            in.addAll(a.keptAsIs());
            Compiler.Result r = Compiler.compile(in, null);
            r.diagnostics().stream().filter(d -> d.isError()).forEach(d -> b.append("# RENDER ").append(d.oneLine()).append('\n'));
            Map<ObjectKey, ObjectNode> hub = new TreeMap<>();
            for (ObjectNode o : Inventory.flatten(objects)) {
                hub.put(ObjectKey.of(o), LiveNoise.clean(o).object());
            }
            for (ObjectNode o : r.deployable()) {
                ObjectNode h = hub.get(ObjectKey.of(o));
                if (h == null) {
                    b.append("# NEW ").append(ObjectKey.of(o)).append('\n');
                } else if (!h.path("spec").equals(o.path("spec")) || !h.path("data").equals(o.path("data"))) {
                    b.append("# DIFF ").append(ObjectKey.of(o)).append("\n").append(Yaml.write(h.path("spec").isMissingNode() ? h.path("data") : h.path("spec")))
                            .append("## render\n").append(Yaml.write(o.path("spec").isMissingNode() ? o.path("data") : o.path("spec")));
                }
            }
            Files.writeString(Path.of("/tmp/imp/" + c + ".yaml"), b.toString());
        }
    }
}
