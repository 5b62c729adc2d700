package dev.hostedsite.krm;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and image of this build (filtered from the pom at build time). */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/hostedsite-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read hostedsite-build.properties", e);
        }
        return p;
    }

    public static String version() {
        return PROPS.getProperty("version", "0.0.0-dev");
    }

    /** The function's image repository (no tag): {@code ghcr.io/hostedsite/hostedsite-fn}. */
    public static String imageRepository() {
        return PROPS.getProperty("image", "ghcr.io/hostedsite/hostedsite-fn");
    }

    /** The function's container image, by tag of this version; disconnected users mirror it. */
    public static String image() {
        return imageRepository() + ":" + version();
    }
}
