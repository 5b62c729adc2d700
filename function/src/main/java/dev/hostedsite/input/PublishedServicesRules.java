package dev.hostedsite.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.model.Cluster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code apiServer.services}, the HostedCluster's {@code spec.services} written as given (for clusters adopted from a
 * hub, whose services HyperShift never lets change): each service once; each strategy with only the block its type
 * takes (the CEL rules of openshift/hypershift api/hypershift/v1beta1 ServicePublishingStrategy, at the commit of
 * {@code fixtures/upstream-schemas}: nodePort exactly with NodePort, route only with Route, loadBalancer only with
 * LoadBalancer); and an APIServer entry that publishes the API server as {@code publishing}, {@code address},
 * {@code port} and {@code hostname} say, since the address and load-balancer checks read those.
 */
final class PublishedServicesRules {
    private PublishedServicesRules() {}

    static List<Finding> check(Cluster c) {
        Cluster.ApiServer api = c.apiServer();
        List<Finding> out = new ArrayList<>();
        if (api.services().isEmpty()) {
            return out;
        }
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
            JsonNode strategy = s.path("servicePublishingStrategy");
            apiServer = name.equals("APIServer") ? strategy : apiServer;
            String type = strategy.path("type").asText();
            for (String block : List.of("nodePort", "loadBalancer", "route")) {
                boolean allowed = block.equals("nodePort") ? type.equals("NodePort")
                        : block.equals("loadBalancer") ? type.equals("LoadBalancer") : type.equals("Route");
                if (strategy.has(block) != allowed && (strategy.has(block) || block.equals("nodePort"))) {
                    out.add(Finding.error(path + "[" + i + "].servicePublishingStrategy", "type " + type + " "
                            + (strategy.has(block) ? "takes no " + block : "needs nodePort")
                            + " (HyperShift's ServicePublishingStrategy rules).", type));
                }
            }
        }
        if (apiServer == null) {
            out.add(Finding.error(path, "the list has no APIServer service; HyperShift needs one.", null));
            return out;
        }
        String type = apiServer.path("type").asText();
        boolean agrees = type.equals(api.publishing()) && (!api.nodePort()
                || apiServer.path("nodePort").path("address").asText().equals(api.address())
                && (api.port() == null || apiServer.path("nodePort").path("port").asInt(-1) == api.port()))
                && (api.nodePort() || api.hostname() == null
                || api.hostname().equals(apiServer.path("loadBalancer").path("hostname").asText(null)));
        if (!agrees) {
            out.add(Finding.error(path, "the APIServer service is published as " + type + describe(apiServer)
                    + " here, and apiServer says " + api.publishing() + (api.nodePort() ? " on " + api.address()
                    + (api.port() == null ? "" : " port " + api.port()) : api.hostname() == null ? ""
                    : " with hostname " + api.hostname()) + ": make them agree (the address checks read apiServer).",
                    type));
        }
        return out;
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
