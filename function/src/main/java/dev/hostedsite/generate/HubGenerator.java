package dev.hostedsite.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.kinds.Objects;
import dev.hostedsite.kinds.config.ImageConfigKind;
import dev.hostedsite.kinds.config.MirrorSetKinds;
import dev.hostedsite.kinds.olm.CatalogSourceKind;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import dev.hostedsite.operators.mce.MultiClusterEngineKind;
import dev.hostedsite.platform.agent.AgentServiceConfigKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's objects for one site: trust for the mirror registry, assisted-service's registries.conf, the
 * MultiClusterEngine (unless ACM owns it), the {@code agent} AgentServiceConfig, mirror sets, CatalogSources and
 * what {@link HubOperators} installs from them, each built by its kind's unit ({@code kinds/config},
 * {@code kinds/olm}, {@code operators/mce}, {@code platform/agent}). They are
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
        out.add(hub(ImageConfigKind.trust(hub.registry(), ca)));
        out.add(hub(ImageConfigKind.build()));
        out.add(hub(AgentServiceConfigKind.mirrorRegistries(hub, ca)));
        if (hub.emitsMultiClusterEngine()) {
            out.add(hub(MultiClusterEngineKind.build(hub.mceNamespace())));
        }
        out.add(hub(AgentServiceConfigKind.build(hub)));
        out.add(hub(MirrorSetKinds.digest(hub.mirrorSetName(), hub.mirrors())));
        List<Hub.Mirror> tagMirrors = hub.mirrors().stream().filter(Hub.Mirror::tags).toList();
        if (!tagMirrors.isEmpty()) {
            out.add(hub(MirrorSetKinds.tag(hub.mirrorSetName(), tagMirrors)));
        }
        for (Hub.Catalog c : hub.catalogs()) {
            out.add(hub(CatalogSourceKind.build(c)));
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
}
