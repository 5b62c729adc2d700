package dev.hostedsite.cli;

import dev.hostedsite.input.SchemaValidator;
import dev.hostedsite.rbac.ApplicationControllerRbac;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code hostedsite schema} and {@code hostedsite rbac}: what installing hostedsite needs, printed from the jar. */
final class InstallCommands {
    static final String SCHEMA_HELP = """
            Usage: hostedsite schema

            Prints the JSON Schema (draft 2020-12) of HostedSite hostedsite.dev/v1alpha1, the one the function
            validates with. Point an editor at it, e.g. for the YAML language server:
              hostedsite schema > hostedsite-v1alpha1.json
              # yaml-language-server: $schema=hostedsite-v1alpha1.json     (first line of the site file)
            Exit codes: 0 ok, 2 usage.
            """;
    static final String RBAC_HELP = """
            Usage: hostedsite rbac [upstream|openshift-gitops]

            Prints the ClusterRole and ClusterRoleBinding that let Argo CD's application controller apply and
            prune everything a render writes: per API group, exactly the resources the compiler emits, with
            create, delete, get, list, patch, update, watch (and escalate on Roles). The binding names the
            controller's ServiceAccount: upstream Argo CD (default): argocd-application-controller in argocd;
            openshift-gitops: openshift-gitops-argocd-application-controller in openshift-gitops.
            packages/argocd/rbac.yaml and packages/argocd/openshift-gitops/rbac.yaml keep both outputs.
            Exit codes: 0 ok, 2 usage.
            """;

    private InstallCommands() {}

    static int schema(List<String> positional, PrintStream out, PrintStream err) throws IOException {
        if (!positional.isEmpty()) {
            return Cli.usage(err, "schema", "schema takes no arguments");
        }
        try (InputStream in = InstallCommands.class.getClassLoader().getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + SchemaValidator.SCHEMA_RESOURCE);
            }
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return Main.OK;
    }

    static int rbac(List<String> positional, PrintStream out, PrintStream err) {
        if (positional.size() > 1) {
            return Cli.usage(err, "rbac", "give at most one flavor: upstream or openshift-gitops");
        }
        Optional<ApplicationControllerRbac.Flavor> flavor = positional.isEmpty()
                ? Optional.of(ApplicationControllerRbac.Flavor.UPSTREAM)
                : ApplicationControllerRbac.Flavor.named(positional.get(0));
        if (flavor.isEmpty()) {
            return Cli.usage(err, "rbac", "unknown flavor '" + positional.get(0) + "': upstream or openshift-gitops");
        }
        out.print(ApplicationControllerRbac.yaml(flavor.get()));
        return Main.OK;
    }
}
