package dev.hostedsite.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.testing.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster's pull secret, etcd keys and ssh key, judged without quoting them. */
class ClusterSecretRulesTest {

    private static List<Finding> run(ObjectNode site) {
        return RuleRuns.onFirstCluster(site, ClusterSecretRules::check);
    }

    @Test
    void inlineSecretsAreWarnedAboutAndNothingElse() {
        List<Finding> found = run(Sites.example());
        assertEquals(List.of("spec.clusters[0].pullSecret", "spec.clusters[0].etcdEncryptionKey"),
                found.stream().map(Finding::path).toList());
        assertTrue(found.stream().noneMatch(Finding::error));
    }

    @Test
    void anEtcdKeyOfTheWrongLengthIsRefused() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("etcdEncryptionKey").put("value", "c2hvcnQ=");
        Finding f = RuleRuns.errors(run(site)).get(0);
        assertEquals("spec.clusters[0].etcdEncryptionKey", f.path());
        assertTrue(f.message().contains("decodes to 5 bytes"), f.message());
    }

    @Test
    void aPullSecretThatIsNotJsonIsRefused() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").put("value", "hunter2");
        Finding f = RuleRuns.errors(run(site)).get(0);
        assertEquals("spec.clusters[0].pullSecret", f.path());
        assertTrue(f.message().contains("not valid JSON") && !f.message().contains("hunter2"), f.message());
    }

    @Test
    void aPrivateSshKeyIsRefused() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).remove("sshAuthorizedKey");
        Sites.cluster(site).putObject("sshKey").put("value", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n");
        List<Finding> errors = RuleRuns.errors(run(site));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("never the private one"), errors.get(0).message());
    }

    @Test
    void aHashedNameNeedsTheContentInTheSite() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).put("pullSecretHashedName", true).putObject("pullSecret").putObject("secretRef").put("name", "pull-secret");
        Finding f = RuleRuns.at(run(site), "spec.clusters[0].pullSecretHashedName");
        assertTrue(f.error() && f.message().contains("a secretRef"), f.message());
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        ObjectNode site = Sites.example();
        Sites.cluster(site).putObject("pullSecret").put("value", "{\"notauths\": \"SUPERSECRET-PULL\"}");
        Sites.cluster(site).putObject("etcdEncryptionKey").put("value", "U1VQRVJTRUNSRVQtRVRDRA==");
        Compiler.Result r = Sites.compile(site);
        assertTrue(r.failed());
        for (Diagnostic d : r.diagnostics()) {
            String all = d.message() + " " + d.currentValue();
            assertFalse(all.contains("SUPERSECRET") || all.contains("U1VQRVJTRUNSRVQtRVRDRA"), all);
        }
    }
}
