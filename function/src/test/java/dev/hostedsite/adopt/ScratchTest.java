package dev.hostedsite.adopt;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
class ScratchTest {
  @Test void show() {
    List<ObjectNode> live = AdoptionCheckTest.liveExport(AdoptionCheckTest.RENDER_FOR_SCRATCH());
    for (ObjectNode o : live) if (o.path("kind").asText().equals("HostedCluster")) o.with("spec").with("networking").putArray("serviceNetwork").addObject().put("cidr","172.30.0.0/16");
    AdoptionCheck.Result r = AdoptionCheckTest.check(AdoptionCheckTest.export(live));
    r.differences().forEach(System.out::println);
    System.out.println("KEPT"); r.keptOnHub().forEach(System.out::println);
    System.out.println("TOOL " + r.toolAdditions().size()); r.toolAdditions().stream().limit(5).forEach(System.out::println);
  }
}
