package dev.hostedsite.cli;

import dev.hostedsite.rbac.ApplicationControllerRbac;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code hostedsite rbac [FLAVOR]}: the RBAC Argo CD's application controller needs for a render ({@link ApplicationControllerRbac}). */
final class RbacCommand implements Command {
    static final String HELP = """
            Usage: hostedsite rbac [upstream|openshift-gitops]

            Prints the ClusterRole and ClusterRoleBinding that let Argo CD's application controller apply and
            prune everything a render writes: per API group, exactly the resources the compiler emits, with
            create, delete, get, list, patch, update, watch (and escalate on Roles). The binding names the
            controller's ServiceAccount: upstream Argo CD (default): argocd-application-controller in argocd;
            openshift-gitops: openshift-gitops-argocd-application-controller in openshift-gitops.
            packages/argocd/rbac.yaml and packages/argocd/openshift-gitops/rbac.yaml keep both outputs.
            Exit codes: 0 ok, 2 usage.
            """;

    @Override
    public String name() {
        return "rbac";
    }

    @Override
    public String summary() {
        return """
                  rbac [FLAVOR]             print the RBAC Argo CD's application controller needs for a render
                                            (FLAVOR: upstream, the default, or openshift-gitops)
                """;
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) {
        List<String> positional = a.positional();
        if (positional.size() > 1) {
            return Cli.usage(err, name(), "give at most one flavor: upstream or openshift-gitops");
        }
        Optional<ApplicationControllerRbac.Flavor> flavor = positional.isEmpty()
                ? Optional.of(ApplicationControllerRbac.Flavor.UPSTREAM)
                : ApplicationControllerRbac.Flavor.named(positional.get(0));
        if (flavor.isEmpty()) {
            return Cli.usage(err, name(), "unknown flavor '" + positional.get(0) + "': upstream or openshift-gitops");
        }
        out.print(ApplicationControllerRbac.yaml(flavor.get()));
        return Main.OK;
    }
}
