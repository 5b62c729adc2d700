package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.cli.Main;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code hostedsite mirrors import DIR}: reads what oc-mirror v2 wrote after mirroring and prints the
 * {@code hub.mirrors} and {@code hub.catalogs} YAML to paste under {@code spec.hub}, so that nobody copies
 * mirror sets by hand. The files and their names are oc-mirror's (openshift/oc-mirror @ 855b64a3
 * internal/pkg/clusterresources/clusterresources.go: {@code idms-oc-mirror.yaml} and {@code itms-oc-mirror.yaml},
 * multi-document ImageDigestMirrorSets and ImageTagMirrorSets; one {@code cs-<catalog repository>-<tag or
 * digest>.yaml} CatalogSource per mirrored catalog; all in {@code <workspace>/working-dir/cluster-resources},
 * const.go {@code clusterResourcesDir}).
 *
 * <p>A CatalogSource names only the mirrored index, not the catalog it was mirrored from, which {@code hub.catalogs}
 * needs as {@code source} (the ImageSetConfiguration lists it): with {@code --config} (the ImageSetConfiguration
 * oc-mirror ran with) each catalog gets the {@code operators[].catalog} whose repository path and tag the mirrored
 * image ends with, and that entry's packages; otherwise the output says what to fill in.
 */
final class MirrorsImport {
    static final String IDMS = "idms-oc-mirror.yaml";
    static final String ITMS = "itms-oc-mirror.yaml";
    static final String HELP = """
            Usage: hostedsite mirrors import DIR [--config IMAGESET]

            Reads oc-mirror v2's results (idms-oc-mirror.yaml, itms-oc-mirror.yaml and the cs-*.yaml
            CatalogSources, in DIR, DIR/cluster-resources or DIR/working-dir/cluster-resources) and prints
            the spec.hub.mirrors and spec.hub.catalogs to paste into the HostedSite. Sources mirrored by
            tag get tags: true. --config: the ImageSetConfiguration oc-mirror ran with (for example the
            render's artifacts/<site>/imageset-config.yaml), to give each catalog its source and packages.
            Exit codes: 0 ok, 1 no oc-mirror results or a file that does not parse, 2 usage.
            """;

    private MirrorsImport() {}

    /** A mirrored catalog: its ImageSetConfiguration entry's catalog and package names. */
    private record IscCatalog(String catalog, List<String> packages) {}

    static int run(Path dir, Path config, PrintStream out, PrintStream err) throws IOException {
        Path results = resultsDir(dir);
        if (results == null) {
            err.println("hostedsite mirrors import: no oc-mirror results in " + dir + ": expected " + IDMS + ", " + ITMS
                    + " or cs-*.yaml there, in cluster-resources/ or in working-dir/cluster-resources/ (where oc-mirror"
                    + " v2 writes them after mirroring to a registry).");
            return Main.INPUT_ERROR;
        }
        try {
            Map<String, Set<String>> mirrors = new TreeMap<>();
            Set<String> tagSources = new LinkedHashSet<>();
            read(results.resolve(IDMS), "ImageDigestMirrorSet", "imageDigestMirrors", mirrors, null);
            read(results.resolve(ITMS), "ImageTagMirrorSet", "imageTagMirrors", mirrors, tagSources);
            List<IscCatalog> isc = config == null ? List.of() : imageSetCatalogs(config);
            ObjectNode hub = Yaml.object();
            ArrayNode ms = hub.putArray("mirrors");
            mirrors.forEach((source, to) -> {
                ObjectNode m = ms.addObject().put("source", source);
                to.forEach(m.putArray("mirrors")::add);
                if (tagSources.contains(source)) {
                    m.put("tags", true);
                }
            });
            List<String> unmatched = new ArrayList<>();
            ArrayNode cs = Yaml.NODES.arrayNode();
            for (Path f : catalogSourceFiles(results)) {
                for (JsonNode doc : Yaml.readAll(Files.readString(f, StandardCharsets.UTF_8))) {
                    if (!"CatalogSource".equals(doc.path("kind").asText())) {
                        continue;
                    }
                    String name = doc.path("metadata").path("name").asText();
                    String image = doc.path("spec").path("image").asText();
                    ObjectNode c = cs.addObject().put("name", name);
                    IscCatalog match = isc.stream().filter(e -> image.endsWith(pathAndTag(e.catalog()))).findFirst()
                            .orElse(null);
                    if (match != null) {
                        c.put("source", match.catalog());
                    } else {
                        unmatched.add(name + " (" + image + ")");
                    }
                    c.put("image", image);
                    if (match != null && !match.packages().isEmpty()) {
                        match.packages().forEach(c.putArray("packages")::add);
                    }
                }
            }
            if (!cs.isEmpty()) {
                hub.set("catalogs", cs);
            }
            out.println("# spec.hub.mirrors and spec.hub.catalogs from oc-mirror's results in " + results);
            out.println("# Paste under spec.hub of the HostedSite (replacing the lists there).");
            for (String u : unmatched) {
                out.println("# catalog " + u + ": add source: (the catalog oc-mirror mirrored into it) and packages:"
                        + (config == null ? " by hand, or run again with --config IMAGESET" : " by hand (no"
                        + " operators[].catalog of " + config + " matches it)"));
            }
            out.print(Yaml.write(hub));
            return Main.OK;
        } catch (IOException e) {
            err.println("hostedsite mirrors import: error: " + IoProblem.describe(e));
            return Main.INPUT_ERROR;
        }
    }

    /** DIR itself, DIR/cluster-resources or DIR/working-dir/cluster-resources: the first holding oc-mirror's results. */
    static Path resultsDir(Path dir) throws IOException {
        for (Path p : List.of(dir, dir.resolve("cluster-resources"), dir.resolve("working-dir").resolve("cluster-resources"))) {
            if (Files.isDirectory(p) && (Files.isRegularFile(p.resolve(IDMS)) || Files.isRegularFile(p.resolve(ITMS))
                    || !catalogSourceFiles(p).isEmpty())) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> catalogSourceFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("cs-") && n.endsWith(".yaml") && Files.isRegularFile(f);
            }).sorted().toList();
        }
    }

    /** Every {@code source → mirrors} of the mirror sets in {@code file} (absent: nothing), sources by tag noted. */
    private static void read(Path file, String kind, String field, Map<String, Set<String>> mirrors, Set<String> tags)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (JsonNode doc : Yaml.readAll(Files.readString(file, StandardCharsets.UTF_8))) {
            if (!kind.equals(doc.path("kind").asText())) {
                continue;
            }
            for (JsonNode e : doc.path("spec").path(field)) {
                String source = e.path("source").asText(null);
                if (source == null) {
                    continue;
                }
                Set<String> to = mirrors.computeIfAbsent(source, s -> new LinkedHashSet<>());
                e.path("mirrors").forEach(m -> to.add(m.asText()));
                if (tags != null) {
                    tags.add(source);
                }
            }
        }
    }

    /** The {@code mirror.operators} of an oc-mirror v2 ImageSetConfiguration: catalog and package names. */
    private static List<IscCatalog> imageSetCatalogs(Path config) throws IOException {
        List<IscCatalog> out = new ArrayList<>();
        for (JsonNode doc : Yaml.readAll(Files.readString(config, StandardCharsets.UTF_8))) {
            for (JsonNode op : doc.path("mirror").path("operators")) {
                List<String> pkgs = new ArrayList<>();
                op.path("packages").forEach(p -> pkgs.add(p.path("name").asText()));
                if (op.hasNonNull("catalog")) {
                    out.add(new IscCatalog(op.get("catalog").asText(), pkgs));
                }
            }
        }
        return out;
    }

    /** {@code registry.redhat.io/redhat/x-index:v4.19} → {@code /redhat/x-index:v4.19}: what oc-mirror keeps under the mirror. */
    static String pathAndTag(String catalog) {
        int slash = catalog.indexOf('/');
        return slash < 0 ? "/" + catalog : catalog.substring(slash);
    }
}
