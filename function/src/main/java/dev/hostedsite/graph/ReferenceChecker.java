package dev.hostedsite.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.kinds.Hosts;
import dev.hostedsite.kinds.Names;
import dev.hostedsite.kinds.OlmPackages;
import dev.hostedsite.kinds.OperatorGroups;
import dev.hostedsite.krm.ItemRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Its own pass over the final object graph: every reference must resolve to a generated object, to an item
 * passed through in the ResourceList, or to a Secret declared in {@code spec.externalSecrets}. Indexed, so
 * its cost grows with the number of references, not their square.
 */
public final class ReferenceChecker {
    /** Namespaces every OpenShift hub has; the render never creates (or owns) them. */
    public static final Set<String> PLATFORM_NAMESPACES = Set.of(Names.OPENSHIFT_CONFIG, Names.OPENSHIFT_MARKETPLACE,
            OlmPackages.OPENSHIFT_OPERATORS);

    /** Namespaces every Kubernetes cluster has (kube-controller-manager and the API server create them). */
    static final Set<String> CLUSTER_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private final Map<ObjectKey, JsonNode> objects = new HashMap<>();
    private final Set<ObjectKey> available = new HashSet<>();
    private final Set<ObjectKey> generatedKeys = new HashSet<>();
    private final Set<String> externalSecrets;

    private ReferenceChecker(Set<String> externalSecrets) {
        this.externalSecrets = externalSecrets;
    }

    /**
     * @param generated the objects this render emits
     * @param passthrough the other items of the ResourceList
     * @param externalSecrets entries of {@code spec.externalSecrets}: {@code name} or {@code namespace/name}
     */
    public static List<Diagnostic> check(List<JsonNode> generated, List<JsonNode> passthrough, Set<String> externalSecrets) {
        return check(generated, References.of(generated), passthrough, externalSecrets, Map.of());
    }

    /**
     * As {@link #check(List, List, Set)}, over {@code references} already read from {@code generated} (the caller
     * needs them too); {@code secretOrigins} maps a Secret name to the input fields that name it (such as
     * {@code HostedSite lab spec.clusters[0].pullSecret.secretRef.name}), so that a dangling reference also tells
     * the user which line of their own file to fix.
     */
    public static List<Diagnostic> check(List<JsonNode> generated, List<Reference> references, List<JsonNode> passthrough,
                                         Set<String> externalSecrets, Map<String, List<String>> secretOrigins) {
        ReferenceChecker checker = new ReferenceChecker(externalSecrets);
        generated.forEach(o -> checker.index(o, true));
        passthrough.forEach(o -> checker.index(o, false));
        PLATFORM_NAMESPACES.forEach(ns -> checker.available.add(ObjectKey.core("Namespace", null, ns)));
        List<Diagnostic> out = new ArrayList<>();
        for (Reference r : references) {
            if (checker.resolves(r.to())) {
                continue;
            }
            if (!checker.generatedKeys.contains(r.from()) && r.to().kind().equals("Namespace")) {
                if (!CLUSTER_NAMESPACES.contains(r.to().name())) {
                    out.add(passthroughNamespace(checker.objects.get(r.from()), r.to()));
                }
            } else {
                JsonNode from = checker.objects.get(r.from());
                ObjectKey elsewhere = checker.elsewhere(r.to());
                boolean readThere = elsewhere != null && references.stream().anyMatch(o -> o.to().equals(elsewhere));
                Diagnostic d = checker.dangling(from, r, elsewhere, readThere,
                        r.to().kind().equals("Secret") ? secretOrigins.getOrDefault(r.to().name(), List.of()) : List.of());
                out.add(checker.generatedKeys.contains(r.from()) ? d : d.withFile(ItemRole.sourceFile(from)));
            }
        }
        checker.checkAgentWiring(generated, out);
        checkOperatorGroups(generated, passthrough, out);
        checkAdvertisedPools(generated, passthrough, out);
        return out;
    }

    /** Every generated Subscription's namespace, with the OperatorGroups of the input, obeys {@link OperatorGroups}. */
    private static void checkOperatorGroups(List<JsonNode> generated, List<JsonNode> passthrough, List<Diagnostic> out) {
        Map<String, List<String>> groups = new HashMap<>();
        groups.computeIfAbsent(OperatorGroups.PLATFORM_NAMESPACE, n -> new ArrayList<>()).add("global-operators (the platform's)");
        for (List<JsonNode> objects : List.of(generated, passthrough)) {
            for (JsonNode o : objects) {
                ObjectKey k = ObjectKey.of(o);
                if (k.group().equals(References.OLM) && k.kind().equals("OperatorGroup")) {
                    groups.computeIfAbsent(k.namespace(), n -> new ArrayList<>()).add(k.name());
                }
            }
        }
        for (JsonNode o : generated) {
            ObjectKey k = ObjectKey.of(o);
            if (!k.group().equals(References.OLM) || !k.kind().equals("Subscription")) {
                continue;
            }
            List<String> inNamespace = groups.getOrDefault(k.namespace(), List.of());
            if (!OperatorGroups.installs(inNamespace.size())) {
                out.add(Diagnostic.error(ObjectRef.of(o), "metadata.namespace", "Subscription " + k.name() + " is in namespace "
                        + k.namespace() + ", which has " + (inNamespace.isEmpty() ? "no OperatorGroup"
                                : inNamespace.size() + " OperatorGroups (" + String.join(", ", inNamespace.stream().sorted().toList()) + ")")
                        + ": OLM installs an operator only in a namespace with exactly one OperatorGroup. "
                        + (inNamespace.isEmpty() ? "Add one." : "Remove the OperatorGroups of the input in that namespace,"
                                + " or install the operator in another namespace.")).withValue(k.namespace()));
            }
        }
    }

    /** A MetalLB pool no L2Advertisement (nor BGPAdvertisement) names is never announced: its addresses do not answer. */
    private static void checkAdvertisedPools(List<JsonNode> generated, List<JsonNode> passthrough, List<Diagnostic> out) {
        Set<ObjectKey> advertised = new HashSet<>();
        boolean mayAdvertiseAny = false;
        for (List<JsonNode> objects : List.of(generated, passthrough)) {
            for (JsonNode o : objects) {
                ObjectKey k = ObjectKey.of(o);
                if (k.group().equals("metallb.io") && (k.kind().equals("L2Advertisement") || k.kind().equals("BGPAdvertisement"))) {
                    JsonNode pools = o.path("spec").path("ipAddressPools");
                    // no pool names: all pools, or those its ipAddressPoolSelectors pick (not evaluated here)
                    mayAdvertiseAny |= pools.isEmpty();
                    pools.forEach(p -> advertised.add(new ObjectKey("metallb.io", "IPAddressPool", k.namespace(), p.asText())));
                }
            }
        }
        for (JsonNode o : generated) {
            ObjectKey k = ObjectKey.of(o);
            if (k.group().equals("metallb.io") && k.kind().equals("IPAddressPool") && !mayAdvertiseAny && !advertised.contains(k)) {
                out.add(Diagnostic.error(ObjectRef.of(o), "metadata.name", "IPAddressPool " + k.name()
                        + " is named by no L2Advertisement: MetalLB would assign its addresses but never announce them."
                        + " Add it to an L2Advertisement's spec.ipAddressPools.").withValue(k.name()));
            }
        }
    }

    private void index(JsonNode o, boolean generated) {
        ObjectKey key = ObjectKey.of(o);
        if (generated) {
            objects.put(key, o);
            generatedKeys.add(key);
        } else {
            // references are read from passthrough items too: a dangling one is reported at the item
            objects.putIfAbsent(key, o);
        }
        available.add(key);
        References.producedSecret(o).ifPresent(available::add);
    }

    private boolean resolves(ObjectKey target) {
        if (available.contains(target)) {
            return true;
        }
        return target.kind().equals("Secret") && target.group().isEmpty()
                && (externalSecrets.contains(target.name())
                        || externalSecrets.contains(target.namespace() + "/" + target.name()));
    }

    /**
     * A passthrough item in a namespace nothing in the input creates: the hub may have it (a platform or operator
     * namespace), so a warning; without it the API server refuses the item and the sync fails.
     */
    private static Diagnostic passthroughNamespace(JsonNode from, ObjectKey namespace) {
        return Diagnostic.warning(ObjectRef.of(from), "metadata.namespace", ObjectRef.of(from).display()
                + " is in namespace " + namespace.name() + ", which neither this render nor the input creates: it must"
                + " exist on the hub before the sync, or Argo CD fails to apply the item. Add the Namespace to the input"
                + " if the hub does not have it.").withValue(namespace.name()).withFile(ItemRole.sourceFile(from));
    }

    /**
     * The object of {@code target}'s kind and name that exists in another namespace (the first, sorted): a reference
     * resolves only in its own namespace, so such an object is the likeliest cause of a dangling one. Null when
     * there is none or the target is cluster-scoped.
     */
    private ObjectKey elsewhere(ObjectKey target) {
        if (target.namespace() == null) {
            return null;
        }
        return available.stream()
                .filter(k -> k.group().equals(target.group()) && k.kind().equals(target.kind())
                        && k.name().equals(target.name()) && k.namespace() != null && !k.namespace().equals(target.namespace()))
                .min(java.util.Comparator.comparing(ObjectKey::namespace)).orElse(null);
    }

    /**
     * A reference nothing resolves. The message starts at "refers to": the diagnostic carries the referring object
     * and its field. {@code elsewhere}: the same kind and name in another namespace ({@link #elsewhere}), or null;
     * {@code readThere}: another reference resolves to it (then it is to be copied, not moved).
     */
    private Diagnostic dangling(JsonNode from, Reference r, ObjectKey elsewhere, boolean readThere, List<String> origins) {
        ObjectKey to = r.to();
        String target = to.kind() + " " + (to.namespace() == null ? "" : to.namespace() + "/") + to.name();
        boolean secret = to.kind().equals("Secret");
        String advice;
        if (elsewhere != null) {
            String fromKind = ObjectRef.of(from).kind();
            String fromNamespace = ObjectKey.of(from).namespace();
            boolean generated = generatedKeys.contains(elsewhere);
            advice = " " + (generated ? "A generated " : "An item ") + to.kind() + " " + elsewhere.namespace() + "/"
                    + elsewhere.name() + " exists: the " + fromKind + " finds " + to.kind() + "s only in "
                    + (to.namespace().equals(fromNamespace) ? "its own namespace " : "namespace ") + to.namespace()
                    + (generated ? "; put the " + fromKind + " in namespace " + elsewhere.namespace() + ", or correct the"
                            + " reference."
                            : readThere ? "; copy it there (a rendered object in " + elsewhere.namespace() + " reads it"
                                    + " too, and each namespace needs its own)."
                            : "; move it there.");
        } else {
            advice = switch (to.kind()) {
                case "Secret" -> " Add that Secret (or a SealedSecret/ExternalSecret producing it) to the input, or list it"
                        + " in spec.externalSecrets if it is created outside this repository.";
                case "Namespace" -> " Nothing in this render creates that namespace; add it to the input.";
                default -> " Add it to the input, or correct the name.";
            };
        }
        return Diagnostic.error(ObjectRef.of(from), r.field(),
                "refers to " + target + ", which is not generated, not an item of the input"
                        + (secret ? " and not a declared external secret." : ".")
                        + advice + (origins.isEmpty() ? "" : " The name comes from " + String.join(" and ", origins) + "."))
                .withValue(to.name());
    }

    /**
     * agentNamespace = InfraEnv namespace = BareMetalHost namespace = Role namespace, and NMStateConfig labels
     * match the selector of the InfraEnv they name.
     */
    private void checkAgentWiring(List<JsonNode> generated, List<Diagnostic> out) {
        Set<String> agentNamespaces = new HashSet<>();
        Set<String> infraEnvNamespaces = new HashSet<>();
        for (JsonNode o : generated) {
            ObjectKey k = ObjectKey.of(o);
            if (k.kind().equals("HostedCluster")) {
                agentNamespaces.add(o.path("spec").path("platform").path("agent").path("agentNamespace").asText());
            } else if (k.kind().equals("InfraEnv")) {
                infraEnvNamespaces.add(k.namespace());
            }
        }
        Map<String, String> agentNamespaceOf = References.agentNamespaces(generated);
        for (JsonNode o : generated) {
            ObjectKey k = ObjectKey.of(o);
            switch (k.kind()) {
                case "HostedCluster" -> {
                    String ns = o.path("spec").path("platform").path("agent").path("agentNamespace").asText();
                    if (!infraEnvNamespaces.contains(ns)) {
                        out.add(Diagnostic.error(ObjectRef.of(o), "spec.platform.agent.agentNamespace",
                                "no InfraEnv is generated in agent namespace " + ns
                                        + ": agents of this cluster would never be discovered."));
                    }
                }
                case "BareMetalHost", "InfraEnv" -> requireAgentNamespace(o, k, agentNamespaces, out);
                case "Role" -> {
                    if (k.name().equals(Names.CAPI_PROVIDER_ROLE)) {
                        requireAgentNamespace(o, k, agentNamespaces, out);
                    }
                }
                case "NMStateConfig" -> checkSelector(o, k, out);
                case "NodePool" -> checkPoolArchitecture(o, agentNamespaceOf, out);
                default -> { }
            }
        }
    }

    private static void requireAgentNamespace(JsonNode o, ObjectKey k, Set<String> agentNamespaces, List<Diagnostic> out) {
        if (!agentNamespaces.contains(k.namespace())) {
            out.add(Diagnostic.error(ObjectRef.of(o), "metadata.namespace", k.kind() + " " + k.name()
                    + " is in namespace " + k.namespace() + ", which is no HostedCluster's spec.platform.agent.agentNamespace."));
        }
    }

    /** A NodePool that selects the agents of one InfraEnv gets agents of that InfraEnv's CPU architecture: its own. */
    private void checkPoolArchitecture(JsonNode np, Map<String, String> agentNamespaces, List<Diagnostic> out) {
        References.infraEnvSelected(np, agentNamespaces).map(objects::get).ifPresent(ie -> {
            String want = Hosts.cpuArchitecture(np.path("spec").path("arch").asText("amd64"));
            String got = ie.path("spec").path("cpuArchitecture").asText("x86_64");
            if (!want.equals(got)) {
                out.add(Diagnostic.error(ObjectRef.of(np), "spec.platform.agent.agentLabelSelector",
                        "NodePool " + ObjectKey.of(np).name() + " is " + want + " but selects the agents of InfraEnv "
                                + ObjectKey.of(ie).name() + ", which boots " + got + " hosts."));
            }
        });
    }

    private void checkSelector(JsonNode nm, ObjectKey k, List<Diagnostic> out) {
        String infraEnv = nm.path("metadata").path("labels").path(Names.INFRAENV_LABEL).asText(null);
        JsonNode ie = infraEnv == null ? null
                : objects.get(new ObjectKey("agent-install.openshift.io", "InfraEnv", k.namespace(), infraEnv));
        if (ie == null) {
            return;
        }
        JsonNode selector = ie.path("spec").path("nmStateConfigLabelSelector");
        Map<String, String> labels = new HashMap<>();
        nm.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        if (selector.isMissingNode() || !Hosts.matches(selector, labels)) {
            out.add(Diagnostic.error(ObjectRef.of(nm), "metadata.labels", "the labels of NMStateConfig " + k.name()
                    + " do not match spec.nmStateConfigLabelSelector of InfraEnv " + infraEnv
                    + ": its static network configuration would not be used."));
        }
    }
}
