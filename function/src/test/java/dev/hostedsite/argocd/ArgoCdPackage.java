package dev.hostedsite.argocd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates {@code packages/argocd} and its health checks from the test JVM. */
public final class ArgoCdPackage {

    static final String HEALTH_KEY_PREFIX = "resource.customizations.health.";

    private ArgoCdPackage() {
    }

    /** The repository root: surefire passes {@code hostedsite.repo}; an IDE run starts in function/. */
    static Path repo() {
        String configured = System.getProperty("hostedsite.repo");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("packages/argocd"))) {
                return p;
            }
        }
        throw new IllegalStateException("no packages/argocd above " + start);
    }

    static Path dir() {
        return repo().resolve("packages/argocd");
    }

    static Path healthDir() {
        return dir().resolve("health");
    }

    /** The health check scripts, sorted by file name ({@code <group>_<Kind>.lua}). */
    static List<Path> healthScripts() {
        try (Stream<Path> files = Files.list(healthDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".lua")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code hypershift.openshift.io_HostedCluster.lua} -> {@code hypershift.openshift.io_HostedCluster}. */
    static String groupKind(Path script) {
        String name = script.getFileName().toString();
        return name.substring(0, name.length() - ".lua".length());
    }

    /** The script Argo CD runs for {@code apiVersion}/{@code kind}: {@code <group>_<Kind>.lua}. */
    public static Path healthScript(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return healthDir().resolve(group + "_" + kind + ".lua");
    }
}
