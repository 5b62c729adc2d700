package dev.hostedsite.platform.agent;

import static dev.hostedsite.kinds.KindSpec.Effect.IN_PLACE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.KindSpec.FieldSpec;
import dev.hostedsite.kinds.KindSpec.Need;
import dev.hostedsite.kinds.KindSpec.Upstream;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * The {@code agent} AgentServiceConfig (assisted-service's operator configuration) as one unit, with the
 * ConfigMaps it names: the declaration ({@link #SPEC}), the object ({@link #build}), the {@code custom-registries}
 * ConfigMap its {@code mirrorRegistryRef} names ({@link #mirrorRegistries}: the registry CA and
 * {@link RegistriesConf}) and the ConfigMap of an https OS image server's CA its {@code OSImageCACertRef} names
 * ({@link #osImagesCa}). Both ConfigMaps live in the MCE namespace; the references to them are found by
 * {@code graph/References}, which reads that namespace from the render's MultiClusterEngine. The site checks on
 * storage and OS images are in {@code input/HubPlumbingRules} and {@code input/HubPrerequisiteRules}.
 */
public final class AgentServiceConfigKind {
    public static final String GROUP = "agent-install.openshift.io";
    public static final String VERSION = "v1beta1";
    public static final String KIND = "AgentServiceConfig";

    /** openshift/assisted-service at the commit the copied CRD schema comes from (fixtures/upstream-schemas/PROVENANCE.md). */
    public static final Upstream UPSTREAM = Upstreams.files(Upstreams.ASSISTED_SERVICE,
            "config/crd/bases/agent-install.openshift.io_agentserviceconfigs.yaml",
            "api/v1beta1/agentserviceconfig_types.go",
            "internal/controller/controllers/agentserviceconfig_controller.go");

    /**
     * The field map. Effects (agentserviceconfig_controller.go): the storage claims' PVCs are updated with the new
     * size request only ("everything else is immutable once bound": a new storage class reaches no existing
     * volume); the OS images, the mirror registries and the CA reference are rendered into the assisted-service
     * and image-service deployments, which roll to the new configuration.
     */
    static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("spec.OSImageCACertRef", "spec.hub.osImages.caBundle", IN_PLACE),
            new FieldSpec("spec.databaseStorage", "spec.hub.agentServiceConfig.databaseStorage", IN_PLACE),
            new FieldSpec("spec.filesystemStorage", "spec.hub.agentServiceConfig.filesystemStorage", IN_PLACE),
            new FieldSpec("spec.imageStorage", "spec.hub.agentServiceConfig.imageStorage", IN_PLACE),
            new FieldSpec("spec.mirrorRegistryRef", "spec.hub.mirrors", IN_PLACE),
            new FieldSpec("spec.osImages", "spec.hub.osImages", IN_PLACE));

    /** What an AgentServiceConfig waits for to turn Healthy. */
    static final List<Need> NEEDS = List.of(
            // stolostron/backplane-operator pkg/templates/charts/toggle/assisted-service: the MCE installs the
            // infrastructure operator (and the agent-install CRDs) that reconciles AgentServiceConfig.
            new Need("MultiClusterEngine", "the MCE installs the infrastructure operator"),
            // agentserviceconfig_controller.go: spec.mirrorRegistryRef is read into the assisted-service ConfigMap;
            // a missing one fails reconcile.
            new Need("ConfigMap", "mirrorRegistryRef (registries.conf, CA)"),
            // openshift/lvm-operator @ de3cc31a internal/controllers/lvmcluster/resource/topolvm_storageclass.go
            // makes StorageClass lvms-<deviceClass>, which provisions only once the volume groups are ready; the
            // claims of databaseStorage, filesystemStorage and imageStorage bind only then when they name one.
            new Need("LVMCluster", "assisted-service's volumes use an LVMS storage class"));

    /**
     * The declaration; sync wave 6, after the MultiClusterEngine (wave 5) that installs its operator. Protected
     * ({@link KindSpec.Protection#CONFIRM}): deleting it deletes assisted-service and its database and image volumes.
     */
    public static final KindSpec SPEC = new KindSpec(GROUP, VERSION, KIND, "agentserviceconfigs", false, "spec.hub",
            UPSTREAM, 6, NEEDS, List.of(), FIELDS, new KindSpec.Sync(KindSpec.Protection.CONFIRM, false));

    private AgentServiceConfigKind() {}

    /**
     * The cluster-scoped {@code agent} AgentServiceConfig (the documentation's examples that give it a namespace
     * are wrong): storage claims, the mirror registries ConfigMap, the OS images served by {@code hub.osImages}.
     */
    public static ObjectNode build(Hub hub) {
        ObjectNode asc = Objects.resource(SPEC.apiVersion(), KIND, null, Names.AGENT_SERVICE_CONFIG);
        ObjectNode spec = asc.putObject("spec");
        Hub.AgentStorage storage = hub.agentServiceConfig();
        spec.set("databaseStorage", claim(storage.databaseStorage(), storage.storageClassName()));
        spec.set("filesystemStorage", claim(storage.filesystemStorage(), storage.storageClassName()));
        if (storage.imageStorage() != null) {
            spec.set("imageStorage", claim(storage.imageStorage(), storage.storageClassName()));
        }
        spec.putObject("mirrorRegistryRef").put("name", Names.CUSTOM_REGISTRIES);
        if (hub.osImages().caBundle() != null) {
            // api/v1beta1/agentserviceconfig_types.go OSImageCACertRef: the CA assisted-image-service trusts when
            // it downloads the OS images from an https source.
            spec.putObject("OSImageCACertRef").put("name", Names.OS_IMAGES_CA);
        }
        ArrayNode images = spec.putArray("osImages");
        String base = hub.osImages().webServer().replaceAll("/+$", "");
        for (Hub.OsImage i : hub.osImages().images()) {
            ObjectNode img = images.addObject();
            img.put("cpuArchitecture", i.cpuArchitecture());
            img.put("openshiftVersion", i.openshiftVersion());
            if (i.rootfs() != null) {
                img.put("rootFSUrl", base + "/" + i.rootfs());
            }
            img.put("url", base + "/" + i.iso());
            img.put("version", i.version());
        }
        return asc;
    }

    /**
     * The {@code custom-registries} ConfigMap in the MCE namespace ({@code mirrorRegistryRef}): the registry CA
     * ({@code pemCa}, normalised PEM) and the registries.conf of {@code hub.mirrors} ({@code hub.registriesConf}
     * verbatim when given), labelled for assisted-service.
     */
    public static ObjectNode mirrorRegistries(Hub hub, String pemCa) {
        ObjectNode cm = Objects.resource("v1", "ConfigMap", hub.mceNamespace(), Names.CUSTOM_REGISTRIES);
        cm.with("metadata").putObject("labels").put("app", "assisted-service");
        cm.putObject("data").put("ca-bundle.crt", pemCa).put("registries.conf", hub.registriesConf() != null
                ? hub.registriesConf() : RegistriesConf.render(hub.mirrors()));
        return cm;
    }

    /** The ConfigMap in the MCE namespace with the OS image server's CA ({@code pemCa}, normalised; OSImageCACertRef). */
    public static ObjectNode osImagesCa(Hub hub, String pemCa) {
        ObjectNode cm = Objects.resource("v1", "ConfigMap", hub.mceNamespace(), Names.OS_IMAGES_CA);
        cm.putObject("data").put("ca-bundle.crt", pemCa);
        return cm;
    }

    private static ObjectNode claim(String size, String storageClass) {
        ObjectNode c = Yaml.object();
        c.putArray("accessModes").add("ReadWriteOnce");
        c.putObject("resources").putObject("requests").put("storage", size);
        if (storageClass != null) {
            c.put("storageClassName", storageClass);
        }
        return c;
    }
}
