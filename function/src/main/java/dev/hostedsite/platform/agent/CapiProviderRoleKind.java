package dev.hostedsite.platform.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Cluster;
import java.util.List;

/**
 * The {@code capi-provider-role} Role the Agent CAPI provider needs in the agent namespace (full access to
 * Agents), as one unit. HyperShift creates and deletes it itself from release 4.23
 * (hypershift-operator/controllers/hostedcluster/internal/platform/agent/agent.go, {@code CAPIProviderRoleName});
 * the render writes it for older releases and when the version is not given ({@link #needed}). The render's
 * only Role: the declaration is the Role kind's.
 */
public final class CapiProviderRoleKind {
    public static final String GROUP = "rbac.authorization.k8s.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Role";
    /** From this release on, the HyperShift operator creates and deletes the capi-provider Role itself. */
    public static final int[] OPERATOR_OWNS_CAPI_ROLE_FROM = {4, 23};

    /** openshift/hypershift, where the operator makes the same Role. */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.HYPERSHIFT,
            "hypershift-operator/controllers/hostedcluster/internal/platform/agent/agent.go");

    /** The declaration; sync wave 1 with the other configuration; no health, references or site fields. */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "roles", true, "spec.clusters[]",
            UPSTREAM, 1, List.of(), List.of(), List.of());

    private CapiProviderRoleKind() {}

    /** The capi-provider Role is ours for releases before 4.23, and when the release version is not given. */
    public static boolean needed(Cluster c) {
        return c.release().majorMinor().map(v -> v[0] < OPERATOR_OWNS_CAPI_ROLE_FROM[0]
                || v[0] == OPERATOR_OWNS_CAPI_ROLE_FROM[0] && v[1] < OPERATOR_OWNS_CAPI_ROLE_FROM[1]).orElse(true);
    }

    /** The Role in {@code namespace} (the cluster's agent namespace). */
    public static ObjectNode build(String namespace) {
        ObjectNode role = Objects.resource(SPEC.apiVersion(), KIND, namespace, Names.CAPI_PROVIDER_ROLE);
        ObjectNode rule = role.putArray("rules").addObject();
        rule.putArray("apiGroups").add(InfraEnvKind.GROUP);
        rule.putArray("resources").add("agents");
        rule.putArray("verbs").add("*");
        return role;
    }
}
