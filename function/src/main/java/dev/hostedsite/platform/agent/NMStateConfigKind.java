package dev.hostedsite.platform.agent;

import static dev.hostedsite.kinds.KindSpec.Effect.NEW_NODES_ONLY;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Cluster;
import java.util.List;
import java.util.Map;

/**
 * The assisted-service NMStateConfig as one unit: a host's static network configuration, labelled for the
 * InfraEnv of its architecture, which bakes it into the discovery image. Its declaration ({@link #SPEC}) and how
 * it is built ({@link #build}). The nmstate rules that judge its {@code spec.config} are in
 * {@code input/NmstateRules} and {@code input/NmstateApi}; the label selector check in {@code graph/ReferenceChecker}.
 */
public final class NMStateConfigKind {
    public static final String GROUP = "agent-install.openshift.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "NMStateConfig";

    /** openshift/assisted-service at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.ASSISTED_SERVICE,
            "config/crd/bases/agent-install.openshift.io_nmstateconfigs.yaml",
            "api/v1beta1/nmstate_config_types.go",
            "internal/controller/controllers/infraenv_controller.go");

    /**
     * The field map. Effects: the configuration goes into the discovery image of the InfraEnv that selects it
     * (infraenv_controller.go), which only hosts booted after the change get; running nodes keep theirs.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.namespace", "cluster:namespace", RECREATES),
            new FieldSpec("spec.config", "network", NEW_NODES_ONLY),
            new FieldSpec("spec.interfaces", "network", NEW_NODES_ONLY));

    /**
     * The InfraEnv its label names. Not needed first: the NMStateConfig is in place before the InfraEnv that
     * selects it builds its discovery image (design/hostedsite-api.md's order).
     */
    static final List<RefSpec> REFERENCES = List.of(new RefSpec("metadata.labels[" + Names.INFRAENV_LABEL + "]",
            InfraEnvKind.GROUP, InfraEnvKind.KIND, false, false));

    /** The declaration; sync wave 8, before the InfraEnv (9) that selects it; no health of its own, so no needs. */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "nmstateconfigs", true, "spec.clusters[].hosts[]",
            UPSTREAM, 8, List.of(), REFERENCES, FIELDS);

    private NMStateConfigKind() {}

    /** The NMStateConfig of host {@code h} (which has a network) of cluster {@code c}. */
    public static ObjectNode build(Cluster c, Cluster.Host h) {
        ObjectNode nm = Objects.resource(SPEC.apiVersion(), KIND, c.controlPlaneNamespace(), Names.bareMetalHost(c, h));
        nm.with("metadata").putObject("labels").put(Names.INFRAENV_LABEL, InfraEnvKind.of(c, h));
        ObjectNode spec = nm.putObject("spec");
        spec.set("config", h.network().deepCopy());
        ArrayNode interfaces = spec.putArray("interfaces");
        for (Map.Entry<String, String> nic : Hosts.interfaceMacs(h).entrySet()) {
            interfaces.addObject().put("macAddress", nic.getValue()).put("name", nic.getKey());
        }
        return nm;
    }
}
