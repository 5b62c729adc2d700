package dev.hostedsite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.graph.ReadinessModel;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.kinds.KindSpec;
import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.kinds.catalog.KindCatalog;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.rbac.EmittedKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every kind unit's test makes of its declaration: the passes serve it (catalog, wave table, readiness
 * model, emitted kinds, field map rows and origin), and it agrees with the copied upstream schema and PROVENANCE.md (same commit and CRD
 * file, same group/version/kind and scope, a CRD file named after the plural).
 */
public final class KindUnits {
    private KindUnits() {}

    /** The catalog serves {@code spec}; the wave table, the readiness model and the emitted kinds read it. */
    public static void assertServed(KindSpec spec) {
        assertEquals(spec, KindCatalog.of(spec.kind()).orElseThrow());
        assertEquals(spec.wave(), WaveAssigner.waveOf(spec.kind()), spec.kind());
        for (KindSpec.Need n : spec.needs()) {
            assertTrue(ReadinessModel.NEEDS.contains(new ReadinessModel.Need(spec.kind(), n.prerequisite(), n.why())),
                    spec.kind() + " needs " + n.prerequisite());
        }
        assertTrue(EmittedKinds.ALL.contains(new EmittedKinds.Kind(spec.group(), spec.version(), spec.kind(),
                spec.resource(), spec.namespaced())), spec.kind() + " is emitted with its plural and scope");
        assertEquals(spec.fields().stream().map(f -> f.manifestPath() + " <- " + f.siteField()).toList(),
                FieldMap.rows(spec.kind()).stream().map(r -> r.manifestPath() + " <- " + r.siteField()).toList(),
                "the field map rows of " + spec.kind() + " are its declaration's, and only those");
        assertEquals(spec.origin(), FieldMap.ORIGIN_ENTITY.get(spec.kind()));
    }

    /**
     * The upstream pin and API agree with the copied schema {@code <group>/<kind>-<version>.json}: its PROVENANCE.md
     * row names the pin's commit and the CRD file (the first of {@code upstream.files}), the CRD file is named after
     * the plural, and the schema root carries the group/version/kind and scope.
     */
    public static void assertMatchesUpstreamSchema(KindSpec spec) {
        String file = spec.group() + "/" + spec.kind().toLowerCase(java.util.Locale.ROOT) + "-" + spec.version() + ".json";
        String row = provenance().stream().filter(l -> l.startsWith("| `" + file + "`")).findFirst()
                .orElseThrow(() -> new AssertionError("PROVENANCE.md has no row for " + file));
        String crd = spec.upstream().files().get(0);
        assertTrue(row.contains("`" + spec.upstream().commit() + "`"), spec.upstream().pin() + " vs " + row);
        assertTrue(row.contains("`" + crd + "`"), crd + " vs " + row);
        String crdName = crd.substring(crd.lastIndexOf('/') + 1);
        assertTrue(crdName.contains("_" + spec.resource() + ".") || crdName.startsWith(spec.resource() + "-"),
                crdName + " names the plural " + spec.resource());
        JsonNode probe = Yaml.object().put("apiVersion", spec.apiVersion()).put("kind", spec.kind());
        JsonNode root = UpstreamSchemas.root(probe);
        JsonNode gvk = root.path("x-kubernetes-group-version-kind").get(0);
        assertEquals(List.of(spec.group(), spec.version(), spec.kind()),
                List.of(gvk.path("group").asText(), gvk.path("version").asText(), gvk.path("kind").asText()));
        assertEquals(spec.namespaced() ? "Namespaced" : "Cluster", root.path("x-kubernetes-scope").asText());
    }

    private static List<String> provenance() {
        try {
            return Files.readAllLines(Repo.fixtures().resolve("upstream-schemas/PROVENANCE.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example site with hub operators, MetalLB and the OperatorHub (fixtures/hub-operators-metallb), compiled. */
    public static Compiler.Result hubOperators() {
        return compileItems(ExampleSite.resourceListWithHubOperators());
    }

    /** The hub plumbing site (fixtures/hub-baremetal-plumbing), compiled. */
    public static Compiler.Result hubPlumbing() {
        return compileItems(ExampleSite.resourceListWithHubPlumbing());
    }

    private static Compiler.Result compileItems(ObjectNode resourceList) {
        List<ObjectNode> items = new ArrayList<>();
        resourceList.path("items").forEach(i -> items.add((ObjectNode) i));
        Compiler.Result r = Sites.compile(items.toArray(ObjectNode[]::new));
        assertEquals(List.of(), Sites.errors(r));
        return r;
    }

    /** The Argo CD sync options the render gave the generated objects of {@code kind} (the same on each). */
    public static String syncOptions(Compiler.Result r, String kind) {
        List<String> options = r.generated().stream().filter(m -> m.key().kind().equals(kind))
                .map(m -> m.annotations().path(WaveAssigner.SYNC_OPTIONS).asText()).distinct().toList();
        assertEquals(1, options.size(), kind + ": " + options);
        return options.get(0);
    }

    /** The references from objects of {@code kind}, as {@code field -> Kind namespace/name}. */
    public static List<String> referencesFrom(Compiler.Result r, String kind) {
        return r.references().stream().filter(x -> x.from().kind().equals(kind)).map(KindUnits::describe).toList();
    }

    private static String describe(Reference x) {
        return x.field() + " -> " + x.to().kind() + " " + x.to().namespace() + "/" + x.to().name();
    }
}
