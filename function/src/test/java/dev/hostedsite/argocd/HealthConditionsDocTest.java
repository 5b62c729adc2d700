package dev.hostedsite.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/health-conditions.md lists, per shipped check, every state its controller writes with the health
 * Argo CD shows and a sample: each row's sample exists and the shipped script returns the row's health for
 * it, every sample has a row, and every shipped check has a section.
 */
class HealthConditionsDocTest {
    private static final Pattern ROW = Pattern.compile("^\\|.*\\| (Healthy|Progressing|Degraded|Suspended) \\| `([A-Za-z]+/[a-z0-9-]+\\.yaml)` \\|$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyStateRowMatchesItsSampleAndEverySampleHasARow() throws IOException {
        Path doc = ArgoCdPackage.repo().resolve("docs/health-conditions.md");
        Path samples = ArgoCdPackage.repo().resolve("function/src/test/resources/argocd-health");
        Set<String> referenced = new TreeSet<>();
        List<String> mismatches = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String sample = m.group(2);
            referenced.add(sample);
            Path file = samples.resolve(sample);
            assertTrue(Files.isRegularFile(file), "no sample " + sample);
            JsonNode resource = YAML.readTree(file.toFile());
            Path script = ArgoCdPackage.healthScript(resource.path("apiVersion").asText(), resource.path("kind").asText());
            LuaHealthCheck.Result r = LuaHealthCheck.run(Files.readString(script), script.getFileName().toString(), resource);
            if (!r.status().equals(m.group(1))) {
                mismatches.add(sample + ": row says " + m.group(1) + ", script says " + r);
            }
        }
        assertEquals(List.of(), mismatches);
        Set<String> all = new TreeSet<>();
        try (Stream<Path> files = Files.walk(samples)) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> all.add(samples.relativize(p).toString()));
        }
        assertEquals(all, referenced, "samples without a row in docs/health-conditions.md, or rows without a sample");
        String text = Files.readString(doc);
        for (Path script : ArgoCdPackage.healthScripts()) {
            String kind = ArgoCdPackage.groupKind(script).replaceFirst("^.*_", "");
            assertTrue(text.contains("\n## " + kind), "no section for " + kind);
        }
    }
}
