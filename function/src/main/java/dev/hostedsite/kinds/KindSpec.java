package dev.hostedsite.kinds;

import java.util.List;

/**
 * What one emitted kind declares about itself, as data, so that the generic passes (references, waves,
 * readiness, field map, plan) need no code per kind: its API group and version, the upstream source it follows,
 * its Argo CD sync wave, what it waits for to turn Healthy, the references it holds (like kustomize's
 * fieldSpecs) and its field map with what a change of each field does. A kind's unit
 * ({@code kinds/<kind>/}) holds this declaration next to how the kind is built and the rules that judge it;
 * {@code kinds/catalog/KindCatalog} lists the declared kinds.
 *
 * @param group API group ({@code ""} for core)
 * @param version API version
 * @param kind the kind
 * @param resource the plural resource name a client writes it through (the CRD's {@code spec.names.plural}); with
 *     {@code namespaced}, what {@code rbac/EmittedKinds} grants the Argo CD application controller on the kind
 * @param namespaced whether objects of the kind live in a namespace (the CRD's {@code spec.scope})
 * @param origin the HostedSite entity its objects are built from, as a schema path ({@code []} for any element:
 *     {@code spec.clusters[].nodePools[]}, {@code spec.hub}): what the relative site fields of {@code fields} are
 *     relative to ({@code kinds/catalog/FieldMap#ORIGIN_ENTITY})
 * @param upstream where its API and rules come from
 * @param wave its Argo CD sync wave ({@code argocd.argoproj.io/sync-wave})
 * @param needs kinds it turns Healthy only after, each with the upstream reason
 * @param references the fields that name other objects
 * @param fields its field map
 * @param sync how Argo CD syncs its objects beyond the wave: protection from pruning and deletion, server-side
 *     apply ({@code graph/WaveAssigner} writes the sync options); {@link Sync#DEFAULT} for most kinds. Needed since
 *     the hub's singletons are partial objects applied server-side and several kinds must never be pruned unasked.
 */
public record KindSpec(String group, String version, String kind, String resource, boolean namespaced,
                       String origin, Upstream upstream, int wave, List<Need> needs, List<RefSpec> references,
                       List<FieldSpec> fields, Sync sync) {

    /** A kind synced the default way ({@link Sync#DEFAULT}). */
    public KindSpec(String group, String version, String kind, String resource, boolean namespaced, String origin,
                    Upstream upstream, int wave, List<Need> needs, List<RefSpec> references, List<FieldSpec> fields) {
        this(group, version, kind, resource, namespaced, origin, upstream, wave, needs, references, fields,
                Sync.DEFAULT);
    }

    /** {@code group/version}, as in {@code apiVersion}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /**
     * The upstream source of a kind: repository, the commit read, and the files its schema and rules come from
     * (the CRD first). {@code fixtures/upstream-schemas/PROVENANCE.md} lists the same repository and commit.
     */
    public record Upstream(String repository, String commit, List<String> files) {
        /** {@code repository@commit}. */
        public String pin() {
            return repository + "@" + commit;
        }
    }

    /**
     * How Argo CD syncs the kind's objects: {@code protection}, and {@code serverSideApply} for a partial object (a
     * hub singleton of which the render owns a few fields; the rest stays with the cluster).
     */
    public record Sync(Protection protection, boolean serverSideApply) {
        /** Unprotected, applied client-side. */
        public static final Sync DEFAULT = new Sync(Protection.NONE, false);
    }

    /**
     * Protecting sync options (argoproj/argo-cd {@code docs/user-guide/sync-options.md}; gitops-engine
     * {@code HasAnnotationOption}).
     */
    public enum Protection {
        /** None. */
        NONE(null),
        /**
         * {@code Delete=confirm,Prune=confirm}: Argo CD (v2.14.0 and later, PR #20497) waits for a person to approve
         * before pruning the object or deleting it with its Application.
         */
        CONFIRM("Delete=confirm,Prune=confirm"),
        /** {@code Delete=false,Prune=false}: Argo CD never deletes the object, for the hub's own singletons. */
        NEVER_DELETE("Delete=false,Prune=false");

        private final String options;

        Protection(String options) {
            this.options = options;
        }

        /** The {@code argocd.argoproj.io/sync-options} text, null for {@link #NONE}. */
        public String options() {
            return options;
        }
    }

    /** A readiness edge: this kind turns Healthy only after {@code prerequisite}; {@code why} cites upstream. */
    public record Need(String prerequisite, String why) {}

    /**
     * A reference held in a field, like a kustomize fieldSpec: {@code path} is a dot path from the object root,
     * where {@code []} steps into every element of a list ({@code spec.config[].name}) and {@code [key]} into one
     * key of a map, dots and all ({@code metadata.labels[infraenvs.agent-install.openshift.io]}); the target is the
     * object of {@code group}/{@code kind} named by the field's text, in the referring object's namespace.
     *
     * <p>The hub kinds need two more forms (so {@code namespacePath}, {@code namespace} and {@code name}):
     * the target's namespace read from another field ({@link #namespaceAt}: a Subscription's CatalogSource is in
     * {@code spec.sourceNamespace}) or fixed ({@link #inNamespace}: the {@code cluster} Image's CA ConfigMap is in
     * {@code openshift-config}); and an implied reference ({@link #implied}), an edge no field holds: every object of
     * the kind needs the object {@code name} in its own namespace (a MetalLB needs the {@code metallb-operator}
     * Subscription that installs its CRD); {@code path} is then the label the reference is reported under.
     *
     * <p>The per-cluster kinds need three more (so the map key step, {@code clusterScoped} and {@code targetFirst}):
     * the InfraEnv label on NMStateConfig and BareMetalHost is a map key; HostedCluster
     * {@code spec.platform.agent.agentNamespace} names a cluster-scoped Namespace; and an NMStateConfig's label names
     * an InfraEnv that need not be applied first (the NMStateConfig is in place before the InfraEnv that selects it
     * builds its discovery image; see {@code graph/Reference}).
     *
     * @param path the field holding the target's name (dot path, {@code []} for every list element, {@code [key]}
     *     for one map key); for an implied reference, its label
     * @param group the target's API group
     * @param kind the target's kind
     * @param namespacePath the field holding the target's namespace (the referrer's namespace when it is absent),
     *     or null
     * @param namespace the target's fixed namespace, or null (then {@code namespacePath}, else the referrer's)
     * @param name the target's fixed name for an implied reference, else null
     * @param clusterScoped whether the target is cluster-scoped (then no namespace applies)
     * @param targetFirst whether the target must be applied (and Healthy) in an earlier sync wave
     */
    public record RefSpec(String path, String group, String kind, String namespacePath, String namespace,
                          String name, boolean clusterScoped, boolean targetFirst) {
        /** A name held at {@code path}, naming an object in the referrer's namespace. */
        public RefSpec(String path, String group, String kind) {
            this(path, group, kind, null, null, null, false, true);
        }

        /** The hub kinds' forms: namespaced target, applied first. */
        public RefSpec(String path, String group, String kind, String namespacePath, String namespace, String name) {
            this(path, group, kind, namespacePath, namespace, name, false, true);
        }

        /** A name held at {@code path}: a cluster-scoped target or one in the referrer's namespace, and whether first. */
        public RefSpec(String path, String group, String kind, boolean clusterScoped, boolean targetFirst) {
            this(path, group, kind, null, null, null, clusterScoped, targetFirst);
        }

        /** A name held at {@code path}; the target's namespace at {@code namespacePath}, else the referrer's. */
        public static RefSpec namespaceAt(String path, String group, String kind, String namespacePath) {
            return new RefSpec(path, group, kind, namespacePath, null, null);
        }

        /** A name held at {@code path}, naming an object in the fixed {@code namespace}. */
        public static RefSpec inNamespace(String path, String group, String kind, String namespace) {
            return new RefSpec(path, group, kind, null, namespace, null);
        }

        /** An edge from every object of the kind to {@code name} in its own namespace, reported as {@code label}. */
        public static RefSpec implied(String label, String group, String kind, String name) {
            return new RefSpec(label, group, kind, null, null, name);
        }
    }

    /** What a change of a field does to what runs. */
    public enum Effect {
        /** The controller applies the new value to what runs, without replacing it. */
        IN_PLACE,
        /**
         * The API server (a CEL rule or an admission webhook) refuses the change once the object exists;
         * {@code transition/ImmutableFields} holds the rules the day-2 check applies.
         */
        IMMUTABLE,
        /** The controller replaces or reboots the nodes ({@code transition/RolloutGuard} reports it on day 2, from the cited table {@code transition/Consequences}). */
        ROLLS_NODES,
        /** Nodes are added or removed. */
        SCALES,
        /** Only nodes created after the change get the new value; running nodes keep theirs. */
        NEW_NODES_ONLY,
        /** The object's identity: another object is created and this one deleted ({@code transition/RenameGuard}). */
        RECREATES,
        /**
         * Admitted only when live state allows it, or admitted but not supported: a person must check or make that
         * state first. Not needed by NodePool; the BareMetalHost's BMC address (metal3's webhook admits it only
         * while the host is registering or detached; {@code transition/Consequences}) and the HostedCluster's
         * networkType (documented immutable, not enforced) need it.
         */
        NEEDS_MANUAL_STEP
    }

    /**
     * One field map row: the manifest path (covering the fields below it), the HostedSite field it comes from
     * (relative to the object's origin; {@code spec.…} absolute; {@code cluster:…} relative to the enclosing
     * cluster; see {@code kinds/catalog/FieldMap}) and what a change does.
     */
    public record FieldSpec(String manifestPath, String siteField, Effect effect) {}
}
