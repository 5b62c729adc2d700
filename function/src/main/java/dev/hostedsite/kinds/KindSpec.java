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
 * @param upstream where its API and rules come from
 * @param wave its Argo CD sync wave ({@code argocd.argoproj.io/sync-wave})
 * @param needs kinds it turns Healthy only after, each with the upstream reason
 * @param references the fields that name other objects
 * @param fields its field map
 */
public record KindSpec(String group, String version, String kind, Upstream upstream, int wave, List<Need> needs,
                       List<RefSpec> references, List<FieldSpec> fields) {

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

    /** A readiness edge: this kind turns Healthy only after {@code prerequisite}; {@code why} cites upstream. */
    public record Need(String prerequisite, String why) {}

    /**
     * A reference held in a field, like a kustomize fieldSpec: {@code path} is a dot path from the object root,
     * where {@code []} steps into every element of a list ({@code spec.config[].name}) and {@code [key]} into one
     * key of a map, dots and all ({@code metadata.labels[infraenvs.agent-install.openshift.io]}); the target is the
     * object of {@code group}/{@code kind} named by the field's text, in the referring object's namespace, or
     * cluster-scoped when {@code clusterScoped}.
     *
     * <p>Beyond NodePool's form ({@link #RefSpec(String, String, String)}), the per-cluster kinds need a map key
     * step (the InfraEnv label on NMStateConfig and BareMetalHost), a cluster-scoped target (HostedCluster
     * {@code spec.platform.agent.agentNamespace} names a Namespace) and a reference whose target need not be
     * applied first ({@code targetFirst} false: the NMStateConfig is in place before the InfraEnv that selects it
     * builds its discovery image; see {@code graph/Reference}).
     *
     * @param path the field's dot path
     * @param group the target's API group ({@code ""} for core)
     * @param kind the target's kind
     * @param clusterScoped whether the target is cluster-scoped (else in the referring object's namespace)
     * @param targetFirst whether the target must be applied (and Healthy) in an earlier sync wave
     */
    public record RefSpec(String path, String group, String kind, boolean clusterScoped, boolean targetFirst) {
        /** A namespaced target in the referring object's namespace, applied first. */
        public RefSpec(String path, String group, String kind) {
            this(path, group, kind, false, true);
        }
    }

    /** What a change of a field does to what runs. */
    public enum Effect {
        /** The controller applies the new value to what runs, without replacing it. */
        IN_PLACE,
        /** The API server refuses the change once the object exists ({@code transition/ImmutableFields} has the rule). */
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
