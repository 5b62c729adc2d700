package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated object. {@code dir} is its folder in the kpt package layout (below {@code generated/});
 * {@code localConfig} marks artifacts for the operator that are never applied to a cluster.
 */
public record Manifest(ObjectNode body, String dir, boolean localConfig) {

    public ObjectKey key() {
        return ObjectKey.of(body);
    }

    public ObjectNode metadata() {
        return (ObjectNode) body.get("metadata");
    }

    public ObjectNode annotations() {
        ObjectNode meta = metadata();
        return meta.has("annotations") ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
    }

    public ObjectNode labels() {
        ObjectNode meta = metadata();
        return meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
    }
}
