package dev.hostedsite.argocd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders packages/argocd/argocd-cm-health.yaml: a patch of the {@code argocd-cm} ConfigMap
 * whose data holds every health script under {@code resource.customizations.health.<group>_<Kind>},
 * each as a literal block scalar that reads back byte for byte.
 */
final class HealthConfigMap {

    static final String FILE_NAME = "argocd-cm-health.yaml";
    static final String UPDATE_COMMAND = "mvn -B -q test -Dtest=HealthConfigMapTest -Dhealth.update=true";

    private static final String HEADER = """
            # Generated from packages/argocd/health/*.lua by HealthConfigMapTest: do not edit by hand.
            # Change the .lua file, then run (from the repository root)
            #   %s
            # A strategic-merge patch for Argo CD's argocd-cm; see README.md for installing it.
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
              labels:
                app.kubernetes.io/name: argocd-cm
                app.kubernetes.io/part-of: argocd
            data:
            """.formatted(UPDATE_COMMAND);

    private HealthConfigMap() {
    }

    static String render(List<Path> scripts) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Path script : scripts) {
            out.append("  ").append(ArgoCdPackage.HEALTH_KEY_PREFIX).append(ArgoCdPackage.groupKind(script))
                    .append(": |\n");
            for (String line : blockLines(script)) {
                out.append(line.isEmpty() ? "" : "    " + line).append('\n');
            }
        }
        return out.toString();
    }

    /** The script's lines, refusing content a plain {@code |} block would not reproduce exactly. */
    private static List<String> blockLines(Path script) {
        String body;
        try {
            body = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.isEmpty() || !body.endsWith("\n") || body.endsWith("\n\n")) {
            throw new IllegalArgumentException(script + " must end with exactly one newline");
        }
        if (body.startsWith(" ") || body.startsWith("\n") || body.contains("\r")) {
            throw new IllegalArgumentException(script + " must not start with a blank or contain CR");
        }
        return List.of(body.substring(0, body.length() - 1).split("\n", -1));
    }
}
