package dev.hostedsite.platform.agent;

import static dev.hostedsite.kinds.KindSpec.Effect.IMMUTABLE;
import static dev.hostedsite.kinds.KindSpec.Effect.NEW_NODES_ONLY;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.RefSpec;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.model.Cluster;
import java.util.List;

/**
 * The assisted-service InfraEnv as one unit: one per architecture of a cluster's hosts, in the cluster's agent
 * (control plane) namespace; the discovery image its hosts boot. Its declaration ({@link #SPEC}) and how it is
 * built ({@link #build}).
 *
 * <p>Rules kept with their pass: the architecture immutability in {@code transition/ImmutableFields} (the
 * {@link KindSpec.Effect#IMMUTABLE} row names the same field; {@code InfraEnvKindTest} holds them equal), the
 * architecture a previous render pins in {@code transition/InfraEnvArchitectures}, the agent namespace check in
 * {@code graph/ReferenceChecker}.
 */
public final class InfraEnvKind {
    public static final String GROUP = "agent-install.openshift.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "InfraEnv";

    /** openshift/assisted-service at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.ASSISTED_SERVICE,
            "config/crd/bases/agent-install.openshift.io_infraenvs.yaml",
            "api/v1beta1/infraenv_types.go",
            "pkg/webhooks/agentinstall/v1beta1/infraenv_admission_hook.go",
            "internal/controller/controllers/infraenv_controller.go");

    /**
     * The field map. Effects: the admission webhook's validateUpdate refuses a cpuArchitecture change; the rest
     * goes into the discovery image the InfraEnv controller rebuilds, which only hosts booted after the change
     * get (running nodes were installed from the old one). The namespace is the cluster's agent namespace.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.namespace", "namespace", RECREATES),
            new FieldSpec("spec.cpuArchitecture", "hosts", IMMUTABLE),
            new FieldSpec("spec.nmStateConfigLabelSelector", "hosts", NEW_NODES_ONLY),
            new FieldSpec("spec.pullSecretRef", "pullSecret", NEW_NODES_ONLY),
            new FieldSpec("spec.sshAuthorizedKey", "sshKey", NEW_NODES_ONLY));

    /** The references an InfraEnv holds by name. */
    static final List<RefSpec> REFERENCES = List.of(new RefSpec("spec.pullSecretRef.name", "", "Secret"));

    /**
     * What an InfraEnv waits for to turn Healthy: internal/controller/controllers/infraenv_controller.go: the
     * discovery ISO (ImageCreated, status.isoDownloadURL) is built by the assisted image service the
     * AgentServiceConfig deploys, with the pull secret and the NMStateConfigs matched by label.
     */
    static final List<Need> NEEDS = List.of(
            new Need("AgentServiceConfig", "the assisted image service builds the ISO"),
            new Need("Secret", "pullSecretRef"),
            new Need("NMStateConfig", "static networking baked into the ISO"));

    /** The declaration; sync wave 9, after the NMStateConfigs it selects and before the hosts that boot it. */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "infraenvs", true, "spec.clusters[]",
            UPSTREAM, 9, NEEDS, REFERENCES, FIELDS);

    private InfraEnvKind() {}

    /**
     * The InfraEnv of architecture {@code arch} (a NodePool arch: amd64, arm64, …) of cluster {@code c}.
     *
     * @param sshAuthorizedKey the ssh public key as text (InfraEnv takes the key itself, not a reference), or null
     *     when the site holds it only in a Secret it does not carry
     */
    public static ObjectNode build(Cluster c, String arch, String sshAuthorizedKey) {
        String name = Names.infraEnv(c, arch);
        ObjectNode ie = Objects.resource(SPEC.apiVersion(), KIND, c.controlPlaneNamespace(), name);
        ObjectNode spec = ie.putObject("spec");
        spec.put("cpuArchitecture", Hosts.cpuArchitecture(arch));
        if (c.hosts().stream().anyMatch(h -> h.network() != null && of(c, h).equals(name))) {
            spec.putObject("nmStateConfigLabelSelector").putObject("matchLabels").put(Names.INFRAENV_LABEL, name);
        }
        spec.putObject("pullSecretRef").put("name", c.pullSecret().referencedName(Names.pullSecret(c)));
        if (sshAuthorizedKey != null) {
            spec.put("sshAuthorizedKey", sshAuthorizedKey);
        }
        return ie;
    }

    /** The name of the InfraEnv host {@code h} boots from: the one of its architecture. */
    public static String of(Cluster c, Cluster.Host h) {
        return Names.infraEnv(c, Hosts.archOf(c, h).orElseThrow());
    }
}
