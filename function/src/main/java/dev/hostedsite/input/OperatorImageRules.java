package dev.hostedsite.input;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.kinds.HubOperatorDefaults;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operators the site subscribes must find their own images on the mirror. oc-mirror copies a package's
 * bundle and every image of its {@code relatedImages}, but the hub pulls them from their original names, so each
 * original repository needs a {@code hub.mirrors} source (oc-mirror's own idms-oc-mirror.yaml carries the same
 * mapping). Without one the operator's pods sit in ImagePullBackOff on a disconnected hub: a warning names the
 * repository (a warning, not an error: a mirror set applied outside this site may serve it).
 */
public final class OperatorImageRules {

    /**
     * Per package the site knows, the repositories the Red Hat bundle's {@code relatedImages} (the operator and its
     * operands) come from. The product bundles are not in any public source repository, so each entry records the
     * evidence it rests on; extend an entry (or add a package) from {@code oc-mirror list operators --catalog <index>
     * --package <name>} or {@code opm render <bundle>} output.
     * <ul>
     * <li>{@code multicluster-engine}: the operator ({@code multicluster-engine-rhel8/9-operator}) and its operands
     * (assisted-service, assisted-image-service, assisted-installer(-agent), hypershift, registration, …) are all
     * published under {@code registry.redhat.io/multicluster-engine/}; the bundle itself is
     * {@code registry.redhat.io/multicluster-engine/mce-operator-bundle}.</li>
     * <li>{@code lvms-operator}: openshift/lvm-operator @ de3cc31a {@code .tekton/images-mirror-set.yaml} (the
     * operator, bundle and must-gather under {@code registry.redhat.io/lvms4/}; {@code release/bundle/
     * bundle.konflux.Dockerfile} pins the operator there too), and the CSI sidecars from
     * {@code registry.redhat.io/openshift4/} (ose-csi-external-provisioner, -resizer, -livenessprobe,
     * -node-driver-registrar: the images an LVMS node runs, as the OpenShift documentation lists them).</li>
     * <li>{@code metallb-operator}: metallb-rhel9-operator, metallb-rhel9, frr-rhel9 and ose-kube-rbac-proxy-rhel9,
     * all under {@code registry.redhat.io/openshift4/}.</li>
     * </ul>
     */
    static final Map<String, List<String>> RELATED_REPOSITORIES = Map.of(
            OlmPackages.MCE_PACKAGE, List.of("registry.redhat.io/multicluster-engine"),
            OlmPackages.LVMS_PACKAGE, List.of("registry.redhat.io/lvms4", "registry.redhat.io/openshift4"),
            OlmPackages.METALLB_PACKAGE, List.of("registry.redhat.io/openshift4"));

    private OperatorImageRules() {}

    /** A warning per subscribed known operator and repository that no {@code hub.mirrors} source covers. */
    public static List<Diagnostic> check(List<Site> sites) {
        List<Diagnostic> out = new ArrayList<>();
        for (Site site : sites) {
            Hub hub = site.hub();
            for (Hub.Operator o : HubOperatorDefaults.effective(hub)) {
                for (String repository : RELATED_REPOSITORIES.getOrDefault(o.pkg(), List.of())) {
                    if (hub.mirrorsRepository(repository)) {
                        continue;
                    }
                    String why = o.path().startsWith("spec.hub.operators[") ? o.path() : "subscribed for " + o.path();
                    out.add(Diagnostic.warning(site.ref(), "spec.hub.mirrors", "the " + o.pkg() + " operator ("
                            + why + ") pulls its own images from "
                            + repository + " (its bundle's relatedImages), and no spec.hub.mirrors source covers it:"
                            + " on a disconnected hub the operator's pods stay in ImagePullBackOff. Add a mirror with"
                            + " source: " + repository + " and the repository oc-mirror copied it to (see its"
                            + " idms-oc-mirror.yaml, or hostedsite mirrors import).").withValue(repository)
                            .withFile(site.file()));
                }
            }
        }
        return out;
    }
}
