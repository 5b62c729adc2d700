package dev.hostedsite.adopt;

import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import org.junit.jupiter.api.Test;

class ScratchPrintTest {
    @Test
    void print() throws Exception {
        for (String c : System.getProperty("cases", "example-lab").split(",")) {
            var r = ImportRoundTripTest.render(Repo.fixtures().resolve(c));
            Adopted a = Adoption.adopt(r.deployable(), Options.defaults());
            StringBuilder b = new StringBuilder(Yaml.write(a.site()));
            a.keptAsIs().forEach(o -> b.append("--- kept\n").append(Yaml.write(o)));
            a.diagnostics().forEach(d -> b.append("# ").append(d.oneLine()).append('\n'));
            a.ledger().forEach(e -> b.append("# L ").append(e).append('\n'));
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/imp/" + c + ".yaml"), b.toString());
        }
    }
}
