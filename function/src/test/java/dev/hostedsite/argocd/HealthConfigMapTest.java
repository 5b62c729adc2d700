package dev.hostedsite.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps packages/argocd/argocd-cm-health.yaml in step with packages/argocd/health/*.lua.
 * Fails on any difference; with {@code -Dhealth.update=true} it rewrites the file first.
 */
class HealthConfigMapTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void configMapIsGeneratedFromTheScripts() throws IOException {
        Path file = ArgoCdPackage.dir().resolve(HealthConfigMap.FILE_NAME);
        String expected = HealthConfigMap.render(ArgoCdPackage.healthScripts());
        if (Boolean.getBoolean("health.update")) {
            Files.writeString(file, expected);
        }
        String actual = Files.exists(file) ? Files.readString(file) : "";
        assertTrue(expected.equals(actual), () -> file + " differs from the .lua scripts at line "
                + firstDifferentLine(expected, actual) + "; regenerate it: " + HealthConfigMap.UPDATE_COMMAND);
    }

    private static int firstDifferentLine(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return line + 1;
    }

    /** The rendered data reads back as exactly the script texts, one key per script. */
    @Test
    void dataReadsBackAsTheScripts() throws IOException {
        JsonNode configMap = YAML.readTree(HealthConfigMap.render(ArgoCdPackage.healthScripts()));
        Map<String, String> expected = new TreeMap<>();
        for (Path script : ArgoCdPackage.healthScripts()) {
            expected.put(ArgoCdPackage.HEALTH_KEY_PREFIX + ArgoCdPackage.groupKind(script), Files.readString(script));
        }
        Map<String, String> actual = new TreeMap<>();
        configMap.path("data").properties().forEach(e -> actual.put(e.getKey(), e.getValue().textValue()));

        assertEquals(11, expected.size(), "health scripts found");
        assertEquals(expected, actual);
        assertEquals("argocd-cm", configMap.path("metadata").path("name").asText());
    }
}
