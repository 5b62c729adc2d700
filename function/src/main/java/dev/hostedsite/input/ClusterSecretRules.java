package dev.hostedsite.input;

import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster's secrets: the pull secret, the etcd encryption key (and backup key), the ssh key, each checked as
 * {@link Secrets#inline} says when given inline; {@code sshKeySecretName}, which names the Secret the render writes
 * and so cannot go with a secretRef; and {@code pullSecretHashedName}, which names the pull secret's Secret after its
 * content and so needs that content in the site. Findings name the HostedSite field and never
 * quote a secret.
 */
final class ClusterSecretRules {
    private ClusterSecretRules() {}

    /** Pull secret, etcd key, etcd backup key, ssh key, then pullSecretHashedName. */
    static List<Finding> check(Site site, Cluster c) {
        List<Finding> out = new ArrayList<>();
        out.addAll(Secrets.inline(c.pullSecret(), Secrets::pullSecretProblem));
        out.addAll(Secrets.inline(c.etcdEncryptionKey(), Secrets::etcdKeyProblem));
        if (c.etcdBackupKey() != null) {
            out.addAll(Secrets.inline(c.etcdBackupKey(), Secrets::etcdKeyProblem));
        }
        if (c.sshKey() != null) {
            out.addAll(Secrets.inline(c.sshKey(), Secrets::sshKeyProblem));
        }
        if (c.sshKeySecretName() != null && c.sshKey() != null && c.sshKey().form() == SecretSource.Form.SECRET_REF) {
            out.add(Finding.error(c.path() + ".sshKeySecretName", "sshKeySecretName names the Secret the render writes"
                    + " for the ssh key, but sshKey is a secretRef to " + c.sshKey().refName() + ": the render writes no"
                    + " Secret and references " + c.sshKey().refName() + ". Remove sshKeySecretName, or give the key as"
                    + " sshAuthorizedKey.", c.sshKeySecretName()));
        }
        if (c.pullSecretHashedName() && !c.pullSecret().inline()) {
            out.add(Finding.error(c.path() + ".pullSecretHashedName", "pullSecretHashedName names the Secret this render"
                    + " writes after its content, but this pull secret is " + (c.pullSecret().form() == SecretSource.Form
                    .SECRET_REF ? "a secretRef: to rotate it so that the nodes take it, point secretRef at a Secret of a"
                    + " new name" : "an externalSecret, whose content the render does not know: to rotate it so that the"
                    + " nodes take it, change its remoteKey") + " (the name change rolls every NodePool). Remove"
                    + " pullSecretHashedName, or give the pull secret inline.", "true"));
        }
        return out;
    }
}
