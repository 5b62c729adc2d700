package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster fields that keep what an adopted hub already runs ({@code hostedsite import}): {@code sshKeySecretName}
 * (the ssh key Secret's own name) must come with a key the render writes, and {@code apiServer.services} (HyperShift's
 * services kept verbatim, since it refuses any change of them) must publish each service once, each strategy as its
 * type says, and the API server as {@code apiServer} says (the address checks read {@code apiServer}).
 * Ported unchanged from the import branch's SemanticValidator into main's rule families.
 */
final class AdoptedClusterRules {
    private AdoptedClusterRules() {}

    static List<Finding> check(Site site, Cluster c) {
        List<Finding> out = new ArrayList<>();
        if (c.sshKeySecretName() != null && c.sshKey() != null && c.sshKey().form() == SecretSource.Form.SECRET_REF) {
            out.add(Finding.error(c.path() + ".sshKeySecretName", "sshKeySecretName names the Secret the render writes for"
                    + " the ssh key, but sshKey is a secretRef to " + c.sshKey().refName() + ": the render writes no Secret"
                    + " and references " + c.sshKey().refName() + ". Remove sshKeySecretName, or give the key as"
                    + " sshAuthorizedKey.", c.sshKeySecretName()));
        }
        services(c, out);
        return out;
    }

    private static void services(Cluster c, List<Finding> out) {
        Cluster.ApiServer api = c.apiServer();
        String path = c.path() + ".apiServer.services";
        Set<String> seen = new HashSet<>();
        JsonNode apiServer = null;
        for (int i = 0; i < api.services().size(); i++) {
            JsonNode s = api.services().get(i);
            String name = s.path("service").asText();
            if (!seen.add(name)) {
                out.add(Finding.error(path + "[" + i + "].service", "service " + name + " is listed twice; HyperShift"
                        + " publishes each service once.", name));
            }
            apiServer = name.equals("APIServer") ? s.path("servicePublishingStrategy") : apiServer;
            JsonNode strategy = s.path("servicePublishingStrategy");
            String type = strategy.path("type").asText();
            for (String sub : List.of("nodePort", "loadBalancer", "route")) {
                boolean allowed = sub.equals("nodePort") ? type.equals("NodePort")
                        : sub.equals("loadBalancer") ? type.equals("LoadBalancer") : type.equals("Route");
                if (strategy.has(sub) != allowed && (strategy.has(sub) || sub.equals("nodePort"))) {
                    out.add(Finding.error(path + "[" + i + "].servicePublishingStrategy", "type " + type + " "
                            + (strategy.has(sub) ? "takes no " + sub : "needs nodePort")
                            + " (HyperShift's ServicePublishingStrategy rules).", type));
                }
            }
        }
        if (api.services().isEmpty()) {
            return;
        }
        if (apiServer == null) {
            out.add(Finding.error(path, "the list has no APIServer service; HyperShift needs one.", null));
            return;
        }
        String type = apiServer.path("type").asText();
        boolean agrees = type.equals(api.publishing()) && (!api.nodePort()
                || apiServer.path("nodePort").path("address").asText().equals(api.address())
                && (api.port() == null || apiServer.path("nodePort").path("port").asInt(-1) == api.port()))
                && (api.nodePort() || api.hostname() == null
                || api.hostname().equals(apiServer.path("loadBalancer").path("hostname").asText(null)));
        if (!agrees) {
            out.add(Finding.error(path, "the APIServer service is published as " + type + describe(apiServer) + " here,"
                    + " and apiServer says " + api.publishing() + (api.nodePort() ? " on " + api.address()
                    + (api.port() == null ? "" : " port " + api.port()) : api.hostname() == null ? "" : " with hostname "
                    + api.hostname()) + ": make them agree (the address checks read apiServer).", type));
        }
    }

    private static String describe(JsonNode strategy) {
        JsonNode np = strategy.path("nodePort");
        if (np.isObject()) {
            return " on " + np.path("address").asText() + (np.has("port") ? " port " + np.path("port").asText() : "");
        }
        String host = strategy.path("loadBalancer").path("hostname").asText(null);
        return host == null ? "" : " with hostname " + host;
    }
}
