package dev.hostedsite.platform.agent;

import static dev.hostedsite.kinds.KindSpec.Effect.IMMUTABLE;
import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;
import static dev.hostedsite.kinds.KindSpec.Effect.NEEDS_MANUAL_STEP;
import static dev.hostedsite.kinds.KindSpec.Effect.NEW_NODES_ONLY;
import static dev.hostedsite.kinds.KindSpec.Effect.RECREATES;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;

/**
 * The metal3 BareMetalHost as one unit, in the converged flow of assisted-service (BMAC boots it with its
 * InfraEnv's discovery image and turns it into an Agent): its declaration ({@link #SPEC}) and how it is built
 * ({@link #build}).
 *
 * <p>Rules kept with their pass: the BMC address rules in {@code input/BmcAddressRules} (the address is written
 * as they rewrite it), root device hints in {@code input/RootDeviceHintRules}, the bootMACAddress immutability in
 * {@code transition/ImmutableFields} ({@code BareMetalHostKindTest} holds it equal to the IMMUTABLE row), the BMC
 * address change in {@code transition/Consequences}, host removal in {@code transition/HostRemovalGuard}.
 */
public final class BareMetalHostKind {
    public static final String GROUP = "metal3.io";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "BareMetalHost";
    /** Annotations with this prefix become labels of the host's Agent (BMAC, openshift/assisted-service). */
    public static final String AGENT_LABEL_PREFIX = "bmac.agent-install.openshift.io.agent-label.";

    /** metal3-io/baremetal-operator at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.METAL3,
            "config/base/crds/bases/metal3.io_baremetalhosts.yaml",
            "apis/metal3.io/v1alpha1/baremetalhost_types.go",
            "internal/webhooks/metal3.io/v1alpha1/baremetalhost_validation.go");

    /**
     * The field map. Effects: the webhook's validateChanges refuses a bootMACAddress change once set, and admits
     * a BMC address change only while the host is registering or detached (a manual step: see
     * {@code transition/Consequences}); baremetal-operator re-reads credentials and certificate verification on
     * its next reconcile; root device hints choose the disk only when a host is installed.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("metadata.name", "name", RECREATES),
            new FieldSpec("metadata.namespace", "cluster:namespace", RECREATES),
            new FieldSpec("spec.bmc.address", "bmc.address", NEEDS_MANUAL_STEP),
            new FieldSpec("spec.bmc.credentialsName", "bmc.credentials", IN_PLACE),
            new FieldSpec("spec.bmc.disableCertificateVerification", "bmc.disableCertificateVerification", IN_PLACE),
            new FieldSpec("spec.bootMACAddress", "bootMACAddress", IMMUTABLE),
            new FieldSpec("spec.rootDeviceHints", "rootDeviceHints", NEW_NODES_ONLY));

    /** The InfraEnv its label names (needed first: BMAC boots the host with its image) and its BMC credentials. */
    static final List<RefSpec> REFERENCES = List.of(
            new RefSpec("metadata.labels[" + Names.INFRAENV_LABEL + "]", InfraEnvKind.GROUP, InfraEnvKind.KIND),
            new RefSpec("spec.bmc.credentialsName", "", "Secret"));

    /** What a BareMetalHost waits for to turn Healthy (state provisioned). */
    static final List<Need> NEEDS = List.of(
            // openshift/assisted-service internal/controller/controllers/bmh_agent_controller.go (reconcileBMH):
            // BMAC copies the InfraEnv's status.isoDownloadURL into spec.image (live-iso) once the host is
            // available; metal3-io/baremetal-operator then boots it and reports state provisioned.
            new Need("InfraEnv", "BMAC sets spec.image to the discovery ISO"),
            // metal3-io/baremetal-operator controllers/metal3.io/baremetalhost_controller.go: registration
            // reads the BMC credentials Secret.
            new Need("Secret", "BMC credentials"));

    /**
     * The declaration; sync wave 10, after its InfraEnv and before the NodePools its Agents join (11); protected
     * ({@code Delete=confirm,Prune=confirm}): losing it takes the host off the hub with the node running on it.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "baremetalhosts", true, "spec.clusters[].hosts[]",
            UPSTREAM, 10, NEEDS, REFERENCES, FIELDS,
            new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private BareMetalHostKind() {}

    /**
     * The BareMetalHost of host {@code h} of cluster {@code c}.
     *
     * @param bmcAddress the BMC address as baremetal-operator reads it ({@code input/BmcAddressRules#forBareMetalHost})
     */
    public static ObjectNode build(Cluster c, Cluster.Host h, String bmcAddress) {
        ObjectNode bmh = Objects.resource(SPEC.apiVersion(), KIND, c.controlPlaneNamespace(), Names.bareMetalHost(c, h));
        ObjectNode meta = bmh.with("metadata");
        ObjectNode annotations = meta.putObject("annotations");
        annotations.put("bmac.agent-install.openshift.io/hostname", Names.agentHostname(c, h));
        annotations.put("inspect.metal3.io", "disabled");
        h.labels().forEach((k, v) -> annotations.put(AGENT_LABEL_PREFIX + k, v));
        meta.putObject("labels").put(Names.INFRAENV_LABEL, InfraEnvKind.of(c, h));
        ObjectNode spec = bmh.putObject("spec");
        spec.put("automatedCleaningMode", "disabled");
        ObjectNode bmc = spec.putObject("bmc");
        bmc.put("address", bmcAddress);
        bmc.put("credentialsName", h.bmc().credentials().referencedName(Names.bmcSecret(c, h)));
        bmc.put("disableCertificateVerification", h.bmc().disableCertificateVerification());
        spec.put("bootMACAddress", h.bootMACAddress().toLowerCase(Locale.ROOT));
        spec.put("online", true);
        if (h.rootDeviceHints() != null) {
            spec.set("rootDeviceHints", h.rootDeviceHints().deepCopy());
        }
        return bmh;
    }
}
