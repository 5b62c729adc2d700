package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.catalog.KindCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the references out of final objects, by kind, without trusting how they were generated. These are
 * the cross-references of design/hostedsite-api.md plus "a namespaced object needs its Namespace".
 */
public final class References {
    public static final String DEFAULT_MCE_NAMESPACE = "multicluster-engine";
    static final String OLM = "operators.coreos.com";

    private References() {}

    public static List<Reference> of(List<JsonNode> objects) {
        String mceNamespace = DEFAULT_MCE_NAMESPACE;
        for (JsonNode o : objects) {
            if ("MultiClusterEngine".equals(o.path("kind").asText())) {
                mceNamespace = o.path("spec").path("targetNamespace").asText(DEFAULT_MCE_NAMESPACE);
            }
        }
        Map<String, List<ObjectKey>> operatorGroups = new HashMap<>();
        Set<ObjectKey> subscriptions = new HashSet<>();
        for (JsonNode o : objects) {
            ObjectKey k = ObjectKey.of(o);
            if (k.group().equals(OLM) && k.kind().equals("OperatorGroup")) {
                operatorGroups.computeIfAbsent(k.namespace(), n -> new ArrayList<>()).add(k);
            } else if (k.group().equals(OLM) && k.kind().equals("Subscription")) {
                subscriptions.add(k);
            }
        }
        Map<String, String> agentNamespaces = agentNamespaces(objects);
        List<Reference> refs = new ArrayList<>();
        for (JsonNode o : objects) {
            collect(o, mceNamespace, agentNamespaces, refs);
            olm(o, operatorGroups, subscriptions, refs);
        }
        return refs;
    }

    /**
     * The OLM edges that depend on what else the objects hold (the declared ones, such as a Subscription's
     * CatalogSource or a MetalLB's Subscription, come from the kinds' fieldSpecs): a Subscription is installed by
     * the one OperatorGroup of its namespace ({@code kinds/OperatorGroups}); the MultiClusterEngine needs the
     * {@code multicluster-engine} Subscription of its target namespace when the render subscribes it; the
     * LVMCluster needs the {@code lvms-operator} Subscription of its namespace.
     */
    private static void olm(JsonNode o, Map<String, List<ObjectKey>> operatorGroups, Set<ObjectKey> subscriptions,
                            List<Reference> refs) {
        ObjectKey from = ObjectKey.of(o);
        JsonNode spec = o.path("spec");
        switch (from.group() + "/" + from.kind()) {
            case OLM + "/Subscription" -> {
                for (ObjectKey og : operatorGroups.getOrDefault(from.namespace(), List.of())) {
                    refs.add(new Reference(from, "metadata.namespace (OperatorGroup)", og));
                }
            }
            // openshift/lvm-operator bundle/manifests: the LVMCluster CRD and its controller come with the CSV the
            // lvms-operator Subscription installs.
            case "lvm.topolvm.io/LVMCluster" -> refs.add(new Reference(from, "metadata.namespace (operator)",
                    new ObjectKey(OLM, "Subscription", from.namespace(), OlmPackages.LVMS_PACKAGE)));
            case "multicluster.openshift.io/MultiClusterEngine" -> {
                ObjectKey sub = new ObjectKey(OLM, "Subscription",
                        spec.path("targetNamespace").asText(DEFAULT_MCE_NAMESPACE), OlmPackages.MCE_PACKAGE);
                if (subscriptions.contains(sub)) {
                    refs.add(new Reference(from, "spec.targetNamespace (operator)", sub));
                }
            }
            default -> { }
        }
    }

    /** HostedCluster namespace/name → its spec.platform.agent.agentNamespace. */
    static Map<String, String> agentNamespaces(List<JsonNode> objects) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode o : objects) {
            if ("HostedCluster".equals(o.path("kind").asText())) {
                String ns = o.path("spec").path("platform").path("agent").path("agentNamespace").asText(null);
                if (ns != null) {
                    out.put(o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText(), ns);
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode o, String mceNamespace, Map<String, String> agentNamespaces, List<Reference> refs) {
        ObjectKey from = ObjectKey.of(o);
        String ns = from.namespace();
        JsonNode spec = o.path("spec");
        if (ns != null && !from.kind().equals("KlusterletAddonConfig")) {
            refs.add(new Reference(from, "metadata.namespace", ObjectKey.core("Namespace", null, ns)));
        }
        KindCatalog.of(from.kind()).filter(k -> k.group().equals(from.group()))
                .ifPresent(k -> k.references().forEach(r -> declared(o, from, r, refs)));
        switch (from.group() + "/" + from.kind()) {
            case "hypershift.openshift.io/NodePool" ->
                infraEnvSelected(o, agentNamespaces).ifPresent(target -> refs.add(new Reference(from,
                        "spec.platform.agent.agentLabelSelector.matchLabels[" + Names.INFRAENV_LABEL + "]", target, false)));
            // The cluster namespace is made by ACM's registration for an accepted ManagedCluster of that name.
            case "agent.open-cluster-management.io/KlusterletAddonConfig" -> {
                refs.add(new Reference(from, "metadata.namespace (ManagedCluster)",
                        new ObjectKey("cluster.open-cluster-management.io", "ManagedCluster", null, ns)));
                name(spec, "spec.clusterName").ifPresent(n -> refs.add(new Reference(from, "spec.clusterName",
                        new ObjectKey("cluster.open-cluster-management.io", "ManagedCluster", null, n))));
            }
            case "agent-install.openshift.io/AgentServiceConfig" -> {
                name(spec, "spec.mirrorRegistryRef.name").ifPresent(n -> refs.add(
                        new Reference(from, "spec.mirrorRegistryRef.name", ObjectKey.core("ConfigMap", mceNamespace, n))));
                // openshift/assisted-service internal/controller/controllers/agentserviceconfig_controller.go reads
                // the OSImageCACertRef ConfigMap from the operator's (MCE) namespace.
                name(spec, "spec.OSImageCACertRef.name").ifPresent(n -> refs.add(
                        new Reference(from, "spec.OSImageCACertRef.name", ObjectKey.core("ConfigMap", mceNamespace, n))));
            }
            default -> { }
        }
    }

    /**
     * The references of a declared kind's fieldSpec ({@link KindSpec.RefSpec}): each text value at its path
     * ({@code []} steps into every list element, in order; {@code [key]} into one map key) names an object of the
     * target kind: cluster-scoped, or in the RefSpec's fixed namespace, else the one at its namespace path, else
     * {@code from}'s namespace; the field is written with indexes ({@code spec.config[0].name}) and keys
     * ({@code metadata.labels[key]}). An implied RefSpec names its fixed target in {@code from}'s namespace.
     */
    private static void declared(JsonNode o, ObjectKey from, KindSpec.RefSpec r, List<Reference> refs) {
        if (r.name() != null) {
            refs.add(new Reference(from, r.path(), new ObjectKey(r.group(), r.kind(), from.namespace(), r.name()),
                    r.targetFirst()));
            return;
        }
        String namespace = r.clusterScoped() ? null : r.namespace() != null ? r.namespace()
                : r.namespacePath() != null ? o.at("/" + r.namespacePath().replace('.', '/')).asText(from.namespace())
                : from.namespace();
        walk(o, steps(r.path()), 0, "", (field, n) -> refs.add(new Reference(from, field,
                new ObjectKey(r.group(), r.kind(), namespace, n), r.targetFirst())));
    }

    /** A fieldSpec path cut at the dots outside brackets. */
    private static String[] steps(String path) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            if (ch == '.' && depth == 0) {
                out.add(path.substring(start, i));
                start = i + 1;
            }
        }
        out.add(path.substring(start));
        return out.toArray(String[]::new);
    }

    private static void walk(JsonNode n, String[] steps, int i, String at,
                             java.util.function.BiConsumer<String, String> found) {
        if (i == steps.length) {
            if (n.isTextual()) {
                found.accept(at, n.asText());
            }
            return;
        }
        String step = steps[i];
        int bracket = step.indexOf('[');
        String name = bracket < 0 ? step : step.substring(0, bracket);
        String key = bracket < 0 ? null : step.substring(bracket + 1, step.length() - 1);
        String here = at.isEmpty() ? name : at + "." + name;
        JsonNode child = n.path(name);
        if (key == null) {
            walk(child, steps, i + 1, here, found);
        } else if (!key.isEmpty()) {
            walk(child.path(key), steps, i + 1, here + "[" + key + "]", found);
        } else {
            for (int k = 0; child.isArray() && k < child.size(); k++) {
                walk(child.get(k), steps, i + 1, here + "[" + k + "]", found);
            }
        }
    }

    /**
     * The InfraEnv a NodePool's agentLabelSelector names through the label assisted-service puts on each Agent
     * ({@code infraenvs.agent-install.openshift.io}), in the agent namespace of the pool's HostedCluster
     * ({@code agentNamespaces}: HostedCluster namespace/name → agentNamespace). Not needed first: a selector waits.
     */
    public static java.util.Optional<ObjectKey> infraEnvSelected(JsonNode nodePool, Map<String, String> agentNamespaces) {
        JsonNode spec = nodePool.path("spec");
        String infraEnv = spec.path("platform").path("agent").path("agentLabelSelector").path("matchLabels")
                .path(Names.INFRAENV_LABEL).asText(null);
        String agentNamespace = agentNamespaces.get(nodePool.path("metadata").path("namespace").asText() + "/"
                + spec.path("clusterName").asText());
        if (infraEnv == null || agentNamespace == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ObjectKey("agent-install.openshift.io", "InfraEnv", agentNamespace, infraEnv));
    }

    /** The Secret an ExternalSecret or SealedSecret produces (its target name, defaulting to its own name). */
    public static java.util.Optional<ObjectKey> producedSecret(JsonNode o) {
        ObjectKey k = ObjectKey.of(o);
        String name = switch (k.kind()) {
            case "ExternalSecret" -> o.path("spec").path("target").path("name").asText(k.name());
            case "SealedSecret" -> o.path("spec").path("template").path("metadata").path("name").asText(k.name());
            default -> null;
        };
        return name == null ? java.util.Optional.empty() : java.util.Optional.of(ObjectKey.core("Secret", k.namespace(), name));
    }

    /** The text at a dotted path below {@code spec} (the path starts with "spec."). */
    private static java.util.Optional<String> name(JsonNode spec, String path) {
        JsonNode n = spec;
        for (String part : path.substring("spec.".length()).split("\\.")) {
            n = n.path(part);
        }
        return n.isTextual() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
    }
}
