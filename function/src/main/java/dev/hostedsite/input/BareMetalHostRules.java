package dev.hostedsite.input;

import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings on each host of a cluster, as its BareMetalHost, BMC Secret and NMStateConfig take it: the BMC
 * address ({@link BmcAddressRules}), the BMC credentials ({@link Secrets#inline}, {@link SecretDataRules}), root
 * device hints ({@link RootDeviceHintRules}), a warning for an unverified BMC certificate, labels that become
 * BareMetalHost annotations {@code bmac.agent-install.openshift.io.agent-label.<key>} (openshift/assisted-service
 * {@code internal/controller/controllers/bmh_agent_controller.go}; an annotation key is a qualified name,
 * {@link PoolRules#QUALIFIED_NAME}), and the nmstate document's interfaces (each ethernet interface needs its
 * mac-address when there are several, for the NMStateConfig's interface map). Findings name the HostedSite field.
 */
final class BareMetalHostRules {
    private static final String AGENT_LABEL_PREFIX = "bmac.agent-install.openshift.io.agent-label.";

    private BareMetalHostRules() {}

    /** Each host of the cluster in order: BMC address, credentials, root device hints, TLS, labels, network. */
    static List<Finding> check(Site site, Cluster c) {
        List<Finding> out = new ArrayList<>();
        for (Host h : c.hosts()) {
            host(h, out);
        }
        return out;
    }

    private static void host(Host h, List<Finding> out) {
        String p = h.path();
        out.addAll(BmcAddressRules.check(p + ".bmc.address", h.bmc().address()));
        out.addAll(Secrets.inline(h.bmc().credentials(), Secrets::bmcProblem));
        out.addAll(SecretDataRules.credentialWarnings(h.bmc().credentials(), List.of("username", "password")));
        if (h.rootDeviceHints() != null) {
            out.addAll(RootDeviceHintRules.check(p + ".rootDeviceHints", h.rootDeviceHints()));
        }
        if (h.bmc().disableCertificateVerification()) {
            out.add(Finding.warning(p + ".bmc.disableCertificateVerification", "the BMC's TLS certificate will not be"
                    + " verified: anyone on the management network can impersonate it."));
        }
        for (String key : h.labels().keySet()) {
            String annotation = AGENT_LABEL_PREFIX + key;
            if (!PoolRules.QUALIFIED_NAME.matcher(annotation).matches()) {
                out.add(Finding.error(p + ".labels." + key, "label key '" + key + "' makes the BareMetalHost annotation '"
                        + annotation + "', which is not a valid annotation key (a name part of at most 63 characters)."
                        + " Use a shorter key or a prefixed one such as example.com/" + key + ".", key));
            }
        }
        if (h.network() != null) {
            List<String> missing = Hosts.interfacesWithoutMac(h);
            if (!missing.isEmpty()) {
                out.add(Finding.error(p + ".network.interfaces", "ethernet interface(s) " + missing + " have no"
                        + " mac-address; with more than one ethernet interface each needs its mac-address so NMStateConfig"
                        + " can map it.", null));
            }
            if (!h.network().path("interfaces").isArray() || h.network().path("interfaces").isEmpty()) {
                out.add(Finding.error(p + ".network", "the nmstate document has no interfaces list.", null));
            }
        }
    }
}
