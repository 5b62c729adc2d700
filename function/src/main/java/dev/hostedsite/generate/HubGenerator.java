package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub's objects for one site: trust for the mirror registry, assisted-service's registries.conf, the
 * MultiClusterEngine (unless ACM owns it), the {@code agent} AgentServiceConfig, mirror sets, CatalogSources and
 * what {@link HubOperators} installs from them. They are
 * singletons of the hub: when several sites describe them, the {@link ManifestSet} requires them to agree.
 */
public final class HubGenerator {
    static final String DIR = "hub";

    private HubGenerator() {}

    public static List<Manifest> generate(Site site) {
        Hub hub = site.hub();
        String ca = Pem.normalize(hub.registry().caBundle());
        List<Manifest> out = new ArrayList<>();
        out.add(hub(Core.namespace(hub.mceNamespace())));
        out.add(hub(Core.configMap(Names.OPENSHIFT_CONFIG, Names.REGISTRY_CONFIG, null,
                Map.of(hub.registry().trustKey(), ca))));
        out.add(hub(imageConfig()));
        out.add(hub(Core.configMap(hub.mceNamespace(), Names.CUSTOM_REGISTRIES, Map.of("app", "assisted-service"),
                Map.of("ca-bundle.crt", ca, "registries.conf", RegistriesConf.render(hub.mirrors())))));
        if (hub.emitsMultiClusterEngine()) {
            out.add(hub(multiClusterEngine(hub)));
        }
        out.add(hub(agentServiceConfig(hub)));
        out.add(hub(mirrorSet(hub.mirrorSetName(), "ImageDigestMirrorSet", "imageDigestMirrors", hub.mirrors())));
        List<Hub.Mirror> tagMirrors = hub.mirrors().stream().filter(Hub.Mirror::tags).toList();
        if (!tagMirrors.isEmpty()) {
            out.add(hub(mirrorSet(hub.mirrorSetName(), "ImageTagMirrorSet", "imageTagMirrors", tagMirrors)));
        }
        for (Hub.Catalog c : hub.catalogs()) {
            out.add(hub(catalogSource(c)));
        }
        out.addAll(HubOperators.generate(hub));
        out.addAll(HubPlumbing.generate(hub));
        return out;
    }

    /** A hub object built from {@code spec.hub} as a whole. */
    private static Manifest hub(ObjectNode body) {
        return hub(body, ORIGIN);
    }

    /** A hub object built from the site field {@code origin} (an operator entry, an address pool). */
    static Manifest hub(ObjectNode body, String origin) {
        return new Manifest(body, DIR, false, origin);
    }

    /** The site field every hub object comes from unless a finer one is known. */
    static final String ORIGIN = "spec.hub";

    static ObjectNode resource(String apiVersion, String kind, String namespace, String name) {
        return Objects.resource(apiVersion, kind, namespace, name);
    }

    /** A partial object: Argo CD applies it server-side, so only {@code additionalTrustedCA} is owned by us. */
    private static ObjectNode imageConfig() {
        ObjectNode image = resource("config.openshift.io/v1", "Image", null, Names.IMAGE_CONFIG);
        image.putObject("spec").putObject("additionalTrustedCA").put("name", Names.REGISTRY_CONFIG);
        return image;
    }

    private static ObjectNode multiClusterEngine(Hub hub) {
        ObjectNode mce = resource("multicluster.openshift.io/v1", "MultiClusterEngine", null, Names.MULTICLUSTER_ENGINE);
        ObjectNode spec = mce.putObject("spec");
        spec.put("targetNamespace", hub.mceNamespace());
        ArrayNode components = spec.putObject("overrides").putArray("components");
        components.addObject().put("enabled", true).put("name", "assisted-service");
        components.addObject().put("enabled", true).put("name", "hypershift");
        return mce;
    }

    /** Cluster-scoped: the documentation's examples that give it a namespace are wrong. */
    private static ObjectNode agentServiceConfig(Hub hub) {
        ObjectNode asc = resource("agent-install.openshift.io/v1beta1", "AgentServiceConfig", null,
                Names.AGENT_SERVICE_CONFIG);
        ObjectNode spec = asc.putObject("spec");
        Hub.AgentStorage storage = hub.agentServiceConfig();
        spec.set("databaseStorage", claim(storage.databaseStorage(), storage.storageClassName()));
        spec.set("filesystemStorage", claim(storage.filesystemStorage(), storage.storageClassName()));
        if (storage.imageStorage() != null) {
            spec.set("imageStorage", claim(storage.imageStorage(), storage.storageClassName()));
        }
        spec.putObject("mirrorRegistryRef").put("name", Names.CUSTOM_REGISTRIES);
        if (hub.osImages().caBundle() != null) {
            // openshift/assisted-service api/v1beta1/agentserviceconfig_types.go OSImageCACertRef: the CA
            // assisted-image-service trusts when it downloads the OS images from an https source.
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

    private static ObjectNode claim(String size, String storageClass) {
        ObjectNode c = Yaml.object();
        c.putArray("accessModes").add("ReadWriteOnce");
        c.putObject("resources").putObject("requests").put("storage", size);
        if (storageClass != null) {
            c.put("storageClassName", storageClass);
        }
        return c;
    }

    private static ObjectNode mirrorSet(String name, String kind, String field, List<Hub.Mirror> mirrors) {
        ObjectNode set = resource("config.openshift.io/v1", kind, null, name);
        ArrayNode list = set.putObject("spec").putArray(field);
        for (Hub.Mirror m : mirrors) {
            ObjectNode e = list.addObject();
            ArrayNode ms = e.putArray("mirrors");
            m.mirrors().forEach(ms::add);
            e.put("source", m.source());
        }
        return set;
    }

    private static ObjectNode catalogSource(Hub.Catalog c) {
        ObjectNode cs = resource("operators.coreos.com/v1alpha1", "CatalogSource", Names.OPENSHIFT_MARKETPLACE, c.name());
        ObjectNode spec = cs.putObject("spec");
        if (c.displayName() != null) {
            spec.put("displayName", c.displayName());
        }
        spec.put("image", c.image());
        spec.put("sourceType", "grpc");
        return cs;
    }
}
