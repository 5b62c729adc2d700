package dev.hostedsite.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.model.Hub;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** registries.conf is checked with a real TOML parser (tomlj), not by string comparison alone. */
class RegistriesConfTest {

    @Test
    void digestOnlySourcesAreRepositoryScopedAndDigestOnly() {
        TomlParseResult toml = parse(List.of(new Hub.Mirror("quay.io/openshift-release-dev/ocp-release",
                List.of("mirror.lab:5000/ocp/release", "backup.lab/ocp/release"), false)));
        TomlArray registries = toml.getArray("registry");
        assertEquals(1, registries.size());
        TomlTable r = registries.getTable(0);
        assertEquals("quay.io/openshift-release-dev/ocp-release", r.getString("location"));
        assertEquals(Boolean.TRUE, r.getBoolean("mirror-by-digest-only"));
        TomlArray mirrors = r.getArray("mirror");
        assertEquals(2, mirrors.size());
        assertEquals("mirror.lab:5000/ocp/release", mirrors.getTable(0).getString("location"));
        assertNull(mirrors.getTable(0).getString("pull-from-mirror"));
    }

    @Test
    void tagSourcesListDigestAndTagMirrorsWithoutDigestOnly() {
        TomlParseResult toml = parse(List.of(new Hub.Mirror("registry.redhat.io/rhacm2", List.of("m.lab/rhacm2"), true)));
        TomlTable r = toml.getArray("registry").getTable(0);
        assertFalse(r.contains("mirror-by-digest-only"));
        TomlArray mirrors = r.getArray("mirror");
        assertEquals(2, mirrors.size());
        assertEquals("digest-only", mirrors.getTable(0).getString("pull-from-mirror"));
        assertEquals("tag-only", mirrors.getTable(1).getString("pull-from-mirror"));
        assertEquals("m.lab/rhacm2", mirrors.getTable(1).getString("location"));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        TomlParseResult toml = parse(List.of(new Hub.Mirror("odd\"source\\x", List.of("m"), false)));
        assertEquals("odd\"source\\x", toml.getArray("registry").getTable(0).getString("location"));
    }

    private static TomlParseResult parse(List<Hub.Mirror> mirrors) {
        String text = RegistriesConf.render(mirrors);
        TomlParseResult toml = Toml.parse(text);
        assertTrue(toml.errors().isEmpty(), () -> "invalid TOML: " + toml.errors() + "\n" + text);
        assertTrue(text.endsWith("\n") && !text.contains("\r"));
        return toml;
    }
}
