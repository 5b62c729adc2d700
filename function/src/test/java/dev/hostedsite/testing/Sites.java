package dev.hostedsite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The bundled example site, as a tree to mutate in tests, and helpers to compile it. */
public final class Sites {
    private Sites() {}

    /** A fresh copy of {@code packages/hosted-site/site.yaml}. */
    public static ObjectNode example() {
        try {
            String text = Files.readString(Repo.root().resolve("packages/hosted-site/site.yaml"));
            return (ObjectNode) Yaml.readAll(text).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Site bind(ObjectNode site) {
        return SiteBinder.bind(site, null);
    }

    public static Compiler.Result compile(ObjectNode... items) {
        return Compiler.compile(List.of(items), null);
    }

    public static ObjectNode cluster(ObjectNode site) {
        return (ObjectNode) site.path("spec").path("clusters").get(0);
    }

    /** Switches the first cluster to NodePort publishing on {@code address}, the API server on {@code port}. */
    public static ObjectNode nodePort(ObjectNode site, String address, int port) {
        ObjectNode api = (ObjectNode) cluster(site).path("apiServer");
        api.removeAll();
        api.put("publishing", "NodePort").put("address", address).put("port", port);
        return site;
    }

    public static ObjectNode host(ObjectNode site, int i) {
        return (ObjectNode) cluster(site).path("hosts").get(i);
    }

    public static List<String> errors(Compiler.Result r) {
        return r.diagnostics().stream().filter(d -> d.isError()).map(d -> d.fieldPath() + ": " + d.message()).toList();
    }

    public static JsonNode generated(Compiler.Result r, String kind, String name) {
        return r.generated().stream().map(m -> (JsonNode) m.body())
                .filter(b -> b.path("kind").asText().equals(kind) && b.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no generated " + kind + " " + name));
    }
}
