package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated object. {@code dir} is its folder in the kpt package layout (below {@code generated/});
 * {@code localConfig} marks artifacts for the operator that are never applied to a cluster; {@code origin} is
 * the HostedSite field path of what the object is built from (a cluster {@code spec.clusters[0]}, a pool
 * {@code spec.clusters[0].nodePools[1]}, a host, an operator entry, {@code spec.hub}), or null when unknown:
 * with {@code kinds/catalog/FieldMap} it leads a finding about the object back to the user's line.
 */
public record Manifest(ObjectNode body, String dir, boolean localConfig, String origin) {

    /** A manifest of unknown origin. */
    public Manifest(ObjectNode body, String dir, boolean localConfig) {
        this(body, dir, localConfig, null);
    }

    /** The same object with another body (a sorted or annotated copy), keeping folder and origin. */
    public Manifest withBody(ObjectNode newBody) {
        return new Manifest(newBody, dir, localConfig, origin);
    }

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
