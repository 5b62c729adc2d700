package dev.hostedsite.input;

import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.Site;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each NodePool's release x.y (its own, or the cluster's) and CPU architecture need an RHCOS image in
 * {@code spec.hub.osImages}: assisted-service boots a host's discovery ISO from the AgentServiceConfig osImages
 * entry of the InfraEnv's OpenShift version and {@code cpuArchitecture}. A cluster's release version, when given,
 * must read as x.y.z. Findings name the HostedSite field.
 */
final class OsImageCoverageRules {
    private OsImageCoverageRules() {}

    static List<Finding> check(Site site, Cluster c) {
        Optional<int[]> mm = c.release().majorMinor();
        if (c.release().version() != null && mm.isEmpty()) {
            return List.of(Finding.error(c.path() + ".release.version", "release version must look like 4.19.3.",
                    c.release().version()));
        }
        List<Finding> out = new java.util.ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (Cluster.NodePool np : c.nodePools()) {
            Cluster.Release release = c.releaseOf(np);
            Optional<int[]> v = release.majorMinor();
            if (v.isEmpty()) {
                continue;
            }
            String xy = v.get()[0] + "." + v.get()[1];
            String arch = Hosts.cpuArchitecture(np.arch());
            if (!checked.add(xy + "/" + arch)) {
                continue;
            }
            boolean covered = site.hub().osImages().images().stream()
                    .anyMatch(i -> i.openshiftVersion().equals(xy) && i.cpuArchitecture().equals(arch));
            if (!covered) {
                String path = np.release() != null ? np.path() + ".release.version" : c.path() + ".release.version";
                out.add(Finding.error(path, "no entry of spec.hub.osImages.images has openshiftVersion \"" + xy
                        + "\" and cpuArchitecture " + arch + ": hosts of this cluster could not boot a discovery image."
                        + " Add the RHCOS live ISO of " + xy + " for " + arch + ".", release.version()));
            }
        }
        return out;
    }
}
