package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mutation of the example site → the field path and message fragment of the error the whole compiler must
 * produce; the schema's cases. The semantic rules have their own test classes (one per rule class, e.g.
 * {@link NodePoolRulesTest}), and {@link SemanticValidatorTest} checks the order they run in.
 */
class InputValidationTest {

    record Case(String name, Consumer<ObjectNode> mutate, String path, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("misspelt field", s -> Sites.host(s, 0).put("bootMacAddress", "x"),
                        "spec.clusters[0].hosts[0].bootMacAddress", "Did you mean 'bootMACAddress'?"),
                new Case("release by tag", s -> release(s).put("image", "quay.io/openshift-release-dev/ocp-release:4.19.3-x86_64"),
                        "spec.clusters[0].release.image", "oc adm release info"),
                new Case("nodeport without address", s -> ((ObjectNode) Sites.cluster(s).path("apiServer")).removeAll().put("publishing", "NodePort"),
                        "spec.clusters[0].apiServer.address", "NodePort publishing needs address"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mutationIsReportedAtItsField(Case c) {
        ObjectNode site = Sites.example();
        c.mutate().accept(site);
        Compiler.Result r = Sites.compile(site);
        assertTrue(r.failed(), c.name() + ": expected a failure");
        assertTrue(r.generated().isEmpty());
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.stream().anyMatch(d -> c.path().equals(d.fieldPath()) && d.message().contains(c.fragment())),
                () -> c.name() + ": no error at " + c.path() + " containing '" + c.fragment() + "' in " + errors);
        errors.forEach(d -> assertEquals("HostedSite", d.resource().kind()));
    }

    private static ObjectNode release(ObjectNode s) {
        return (ObjectNode) Sites.cluster(s).path("release");
    }
}
