package dev.hostedsite.input;

import dev.hostedsite.kinds.Names;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names derived from a host: the BareMetalHost (and its NMStateConfig) {@code <cluster>-<host>} and BMC Secret
 * {@code <cluster>-<host>-bmc-secret}, all in the cluster's control-plane namespace, and the node's host name.
 * Host names are unique per cluster; two clusters may each have a {@code worker0}, since their objects live in
 * different control-plane namespaces (that those namespaces differ is checked across sites).
 *
 * <p>Upstream:
 * <ul>
 *   <li>metal3-io/baremetal-operator {@code internal/webhooks/metal3.io/v1alpha1/baremetalhost_validation.go}
 *       {@code validateBMHName}: a BareMetalHost name is not a UUID;</li>
 *   <li>openshift/assisted-service {@code internal/controller/controllers/bmh_agent_controller.go}: BMAC labels the
 *       Agent {@code agent-install.openshift.io/bmh: <BareMetalHost name>} (a label value: at most 63 characters)
 *       and copies {@code bmac.agent-install.openshift.io/hostname} into the Agent's hostname;</li>
 *   <li>openshift/assisted-service {@code internal/host/hostutil/host_utils.go} {@code ValidateHostname}: at most 63
 *       characters, {@code HostnamePattern}, not one of {@code ForbiddenHostnames} (localhost and its forms).</li>
 * </ul>
 */
final class HostNameRules {
    /** ValidateHostname: a host name of at most 63 characters. */
    private static final int HOSTNAME_MAX = 63;
    private static final Set<String> FORBIDDEN_HOSTNAMES = Set.of("localhost", "localhost.localdomain", "localhost4",
            "localhost4.localdomain4", "localhost6", "localhost6.localdomain6");
    /** github.com/google/uuid Parse, in the only form a name of DNS labels joined by '-' can take. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private HostNameRules() {}

    /** Findings for the hosts of one cluster: derived names, and names and host names unique in the cluster. */
    static List<Finding> check(Cluster c) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> hostnames = new HashMap<>();
        for (Host h : c.hosts()) {
            String prev = names.putIfAbsent(h.name(), h.path());
            if (prev != null) {
                out.add(Finding.error(h.path() + ".name", "host name '" + h.name() + "' is already used at " + prev
                        + " in this cluster; host names must be unique within a cluster.", h.name()));
                continue;
            }
            String bmh = Names.bareMetalHost(c, h);
            if (bmh.length() > PoolRules.MAX_LABEL_VALUE) {
                out.add(Finding.error(h.path() + ".name", "the BareMetalHost name " + bmh + " has " + bmh.length()
                        + " characters; the Agent flow puts it in the Agent's label agent-install.openshift.io/bmh, which"
                        + " holds at most 63. Shorten the host or cluster name.", h.name()));
            }
            if (UUID.matcher(bmh).matches()) {
                out.add(Finding.error(h.path() + ".name", "the BareMetalHost name " + bmh + " reads as a UUID, which"
                        + " baremetal-operator refuses. Rename the host.", h.name()));
            }
            String hostname = Names.agentHostname(c, h);
            String field = h.path() + (h.hostname() != null ? ".hostname" : ".name");
            // a defaulted host name is the BareMetalHost name, already reported when too long
            if (hostname.length() > HOSTNAME_MAX && (h.hostname() != null || bmh.length() <= PoolRules.MAX_LABEL_VALUE)) {
                out.add(Finding.error(field, "the node host name " + hostname + " has " + hostname.length()
                        + " characters; assisted-service accepts at most 63. "
                        + (h.hostname() == null ? "Give the host a shorter hostname (it defaults to <cluster>-<host>)."
                                : "Shorten it."), hostname));
            }
            if (FORBIDDEN_HOSTNAMES.contains(hostname)) {
                out.add(Finding.error(field, "assisted-service refuses the host name " + hostname + ". Give the node"
                        + " its own name.", hostname));
            }
            String prevHost = hostnames.putIfAbsent(hostname, h.path());
            if (prevHost != null) {
                out.add(Finding.error(field, "the node host name " + hostname + " is also the host name of " + prevHost
                        + "; nodes of a cluster need distinct host names. "
                        + (h.hostname() == null ? "Give this host a hostname." : "Change this hostname."), hostname));
            }
        }
        return out;
    }
}
