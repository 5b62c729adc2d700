package dev.hostedsite.platform.agent;

import dev.hostedsite.model.Hub;
import java.util.List;

/**
 * containers-registries.conf(5) version 2 (TOML) for assisted-service's {@code custom-registries}: one
 * repository-scoped {@code [[registry]]} per mirror source. Digest-only sources get
 * {@code mirror-by-digest-only = true}; tag sources list each mirror twice, digest-only and tag-only, as the
 * Machine Config Operator writes them for an IDMS plus an ITMS.
 */
public final class RegistriesConf {
    private RegistriesConf() {}

    /** The registries.conf of {@code mirrors}, in their order. */
    public static String render(List<Hub.Mirror> mirrors) {
        StringBuilder b = new StringBuilder();
        b.append("unqualified-search-registries = []\n");
        b.append("short-name-mode = \"enforcing\"\n");
        for (Hub.Mirror m : mirrors) {
            b.append('\n').append("[[registry]]\n");
            b.append("  prefix = \"\"\n");
            b.append("  location = ").append(quote(m.source())).append('\n');
            if (!m.tags()) {
                b.append("  mirror-by-digest-only = true\n");
            }
            for (String mirror : m.mirrors()) {
                mirror(b, mirror, m.tags() ? "digest-only" : null);
            }
            if (m.tags()) {
                for (String mirror : m.mirrors()) {
                    mirror(b, mirror, "tag-only");
                }
            }
        }
        return b.toString();
    }

    private static void mirror(StringBuilder b, String location, String pullFromMirror) {
        b.append('\n').append("  [[registry.mirror]]\n");
        b.append("    location = ").append(quote(location)).append('\n');
        if (pullFromMirror != null) {
            b.append("    pull-from-mirror = ").append(quote(pullFromMirror)).append('\n');
        }
    }

    /** A TOML basic string. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
