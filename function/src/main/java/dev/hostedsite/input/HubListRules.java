package dev.hostedsite.input;

import dev.hostedsite.model.Hub;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The hub's lists: one mirror per source, one catalog per name, one osImage per OpenShift version and CPU
 * architecture (each becomes one entry of a mirror set, one CatalogSource, one AgentServiceConfig osImages entry);
 * and a warning for each tag mirror, which becomes an ImageTagMirrorSet. Findings name the HostedSite field.
 */
final class HubListRules {
    private HubListRules() {}

    /** Duplicates in mirrors, catalogs, osImages (in that order), then the tag mirror warnings. */
    static List<Finding> check(Hub hub) {
        List<Finding> out = new ArrayList<>();
        unique(hub.mirrors(), Hub.Mirror::source, i -> "spec.hub.mirrors[" + i + "].source", "mirror source", out);
        unique(hub.catalogs(), Hub.Catalog::name, i -> "spec.hub.catalogs[" + i + "].name", "catalog name", out);
        unique(hub.osImages().images(), i -> i.openshiftVersion() + "/" + i.cpuArchitecture(),
                i -> "spec.hub.osImages.images[" + i + "]", "osImage for version/architecture", out);
        for (int i = 0; i < hub.mirrors().size(); i++) {
            if (hub.mirrors().get(i).tags()) {
                out.add(Finding.warning("spec.hub.mirrors[" + i + "].tags", "a tag mirror produces an ImageTagMirrorSet,"
                        + " and applying one makes every node of the hub reboot; mirror by digest where you can."));
            }
        }
        if (hub.registriesConf() != null) {
            for (int i = 0; i < hub.mirrors().size(); i++) {
                String source = hub.mirrors().get(i).source();
                if (!RegistriesConfText.locates(hub.registriesConf(), source)) {
                    out.add(Finding.warning("spec.hub.registriesConf", "registriesConf has no line location = \""
                            + source + "\" for spec.hub.mirrors[" + i + "]: assisted-service's agents would pull " + source
                            + " from the source, not the mirror. Add a [[registry]] for it, or remove registriesConf to"
                            + " have it generated from hub.mirrors."));
                }
            }
        }
        return out;
    }

    private static <T> void unique(List<T> items, Function<T, String> key, Function<Integer, String> path, String what,
                                   List<Finding> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            if (!seen.add(k)) {
                out.add(Finding.error(path.apply(i), "duplicate " + what + " '" + k + "'.", k));
            }
        }
    }
}
