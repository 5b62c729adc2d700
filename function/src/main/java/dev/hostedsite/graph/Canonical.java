package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical form of generated objects: keys sorted at every level; no nulls, no empty objects or lists,
 * except the empty objects in {@link #MEANINGFUL_EMPTY}.
 */
public final class Canonical {
    /**
     * Empty objects whose presence upstream reads, by {@code apiVersion/kind} and JSON pointer; kept.
     *
     * <p>NodePool {@code /spec/platform/agent}: the NodePool CRD's CEL rule "Setting Arch to arm64 is only supported
     * for AWS, Azure, Agent, GCP and None" tests {@code has(self.platform.agent)} (openshift/hypershift
     * {@code cmd/install/assets/crds/hypershift-operator/zz_generated.crd-manifests/nodepools-Default.crd.yaml},
     * from {@code api/hypershift/v1beta1/nodepool_types.go}), so {@code agent: {}} is not the same as no agent.
     */
    public static final Map<String, Set<String>> MEANINGFUL_EMPTY =
            Map.of("hypershift.openshift.io/v1beta1/NodePool", Set.of("/spec/platform/agent"));

    /**
     * Subtrees written as the user gave them, by {@code apiVersion/kind} and JSON pointer: keys are sorted and
     * null object fields dropped (nmstate reads a null optional field as absent), but empty lists and objects
     * stay, because the program that reads them gives them a meaning of their own.
     *
     * <p>NMStateConfig {@code /spec/config}: an nmstate document, in which {@code address: []} removes every
     * address and {@code dns-resolver: {config: {}}} removes the DNS configuration, where leaving the key out
     * keeps what the host has (nmstate/nmstate {@code rust/src/lib/ip.rs} {@code InterfaceIpv4.addresses},
     * {@code rust/src/lib/dns.rs} {@code DnsState}: an empty value is applied, a missing one is not).
     */
    public static final Map<String, Set<String>> VERBATIM =
            Map.of("agent-install.openshift.io/v1beta1/NMStateConfig", Set.of("/spec/config"));

    private Canonical() {}

    public static ObjectNode sorted(ObjectNode node) {
        String kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Set<String> keep = MEANINGFUL_EMPTY.getOrDefault(kind, Set.of());
        Set<String> verbatim = VERBATIM.getOrDefault(kind, Set.of());
        return (ObjectNode) canon(node, "", keep, verbatim, false);
    }

    private static JsonNode canon(JsonNode node, String pointer, Set<String> keep, Set<String> verbatimRoots,
                                  boolean verbatimAbove) {
        boolean verbatim = verbatimAbove || verbatimRoots.contains(pointer);
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = Yaml.object();
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                JsonNode v = canon(node.get(name), child, keep, verbatimRoots, verbatim);
                if (verbatim ? v != null && !v.isNull() : !isEmpty(v) || v.isObject() && keep.contains(child)) {
                    out.set(name, v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Yaml.NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode v = canon(item, pointer + "/-", keep, verbatimRoots, verbatim);
                if (verbatim ? v != null : !isEmpty(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    private static boolean isEmpty(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() && v.isEmpty();
    }
}
