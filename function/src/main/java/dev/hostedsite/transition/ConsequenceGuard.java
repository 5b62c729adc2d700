package dev.hostedsite.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Warnings for the changes the hub admits but that do not do what the edit suggests ({@link Consequences}):
 * <ul>
 *   <li>never reaches the nodes: new content in the pull secret or the trust bundle ConfigMap a HostedCluster
 *       names, under the same name; HyperShift hashes only their names into the NodePool rollout, so running
 *       nodes keep the old content;</li>
 *   <li>needs a manual step: a BareMetalHost's BMC address, which metal3's webhook admits only while the host is
 *       detached (or registering).</li>
 * </ul>
 */
public final class ConsequenceGuard {
    private ConsequenceGuard() {}

    /** baremetal-operator's annotation that detaches a host (apis/metal3.io/v1alpha1, DetachedAnnotation). */
    static final String DETACHED = "baremetalhost.metal3.io/detached";

    public static List<Diagnostic> check(Transition t) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<ObjectKey, ObjectNode> hc : t.ofKind(t.after(), "HostedCluster").entrySet()) {
            ObjectNode hcBefore = t.before().get(hc.getKey());
            if (hcBefore != null) {
                unrolledContent(t, hc.getKey(), hcBefore, hc.getValue(), out);
            }
        }
        for (Map.Entry<ObjectKey, ObjectNode> e : t.ofKind(t.after(), "BareMetalHost").entrySet()) {
            ObjectNode before = t.before().get(e.getKey());
            if (before != null) {
                bmcAddress(t, e.getKey(), before, e.getValue(), out);
            }
        }
        return out;
    }

    private static void unrolledContent(Transition t, ObjectKey hc, JsonNode before, JsonNode after, List<Diagnostic> out) {
        for (String[] ref : new String[][] {{"Secret", "spec.pullSecret.name", "pull secret"},
                {"ConfigMap", "spec.additionalTrustBundle.name", "trust bundle"}}) {
            JsonNode name = ImmutableFields.at(after, ref[1]);
            if (name == null || !name.equals(ImmutableFields.at(before, ref[1]))) {
                continue;
            }
            ObjectKey key = ObjectKey.core(ref[0], hc.namespace(), name.asText());
            JsonNode a = t.before().get(key);
            JsonNode b = t.after().get(key);
            if (a == null || b == null || (Objects.equals(a.path("data"), b.path("data"))
                    && Objects.equals(a.path("stringData"), b.path("stringData")))) {
                continue;
            }
            Consequences.Rule rule = Consequences.ofReferenced(ref[0], "data", ref[1]).orElseThrow();
            Site site = t.origin(hc).map(Transition.Origin::site).orElse(t.sites().get(0));
            String path = t.origin(hc).map(Transition.Origin::path).orElse("spec.clusters");
            out.add(Diagnostic.warning(site.ref(), path + (ref[0].equals("Secret") ? ".pullSecret" : ""), "this render"
                    + " changes the content of the " + ref[2] + " " + ref[0] + " " + RenameGuard.display(key)
                    + " of HostedCluster " + RenameGuard.display(hc) + " and keeps its name: the hub gets the new"
                    + " content, but HyperShift does not roll it out to running nodes (" + rule.why() + "; "
                    + rule.source() + "). Nodes installed later get it; running nodes keep the old one. To have"
                    + " every node take it, rotate by name; the name change rolls every NodePool of the cluster. "
                    + (ref[0].equals("Secret") ? "An inline pull secret: set pullSecretHashedName: true on the cluster"
                    + " (its name then follows its content); a secretRef: point it at a Secret of a new name. "
                    : "The trust bundle comes from spec.hub.registry.caBundle and keeps its name; until it can be"
                    + " renamed, roll each pool on purpose (for InPlace pools, any config change rolls them). ")
                    + "Keep the old content valid until the roll is done.").withFile(site.file()));
        }
    }

    private static void bmcAddress(Transition t, ObjectKey host, JsonNode before, JsonNode after, List<Diagnostic> out) {
        JsonNode was = ImmutableFields.at(before, "spec.bmc.address");
        JsonNode is = ImmutableFields.at(after, "spec.bmc.address");
        if (was == null || is == null || was.asText().isEmpty() || was.equals(is)) {
            return;
        }
        Transition.Origin origin = t.origin(host).orElse(null);
        if (origin == null) {
            return;
        }
        Consequences.Rule rule = Consequences.of("BareMetalHost", "spec.bmc.address").orElseThrow();
        out.add(Diagnostic.warning(origin.ref(), origin.path() + ".bmc.address", "this render changes the BMC address"
                + " of BareMetalHost " + RenameGuard.display(host) + " from " + was.asText() + " to " + is.asText()
                + ": " + rule.why() + " (" + rule.source() + "). Before syncing, check that the host is detached: oc get"
                + " baremetalhost -n " + host.namespace() + " " + host.name() + " -o jsonpath='{.status.operationalStatus}'"
                + " must print detached (the annotation " + DETACHED + " is set). If it does not, the API server"
                + " refuses the sync: wait until the host is provisioned (assisted-service then detaches it), or, with"
                + " the converged flow disabled, until its Agent has joined. Do not remove the host to change the"
                + " address: that deprovisions its node.")
                .withFile(origin.file()).withValue(is.asText()));
    }
}
