package dev.hostedsite.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;

/** The skeleton every generated object starts from. */
public final class Objects {
    private Objects() {}

    /** {@code apiVersion}, {@code kind} and {@code metadata.name} (and {@code metadata.namespace} unless null). */
    public static ObjectNode resource(String apiVersion, String kind, String namespace, String name) {
        ObjectNode o = Yaml.object();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return o;
    }
}
