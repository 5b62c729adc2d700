package dev.hostedsite.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Dependencies of the main code point one way. The intended layering, top to bottom (a layer may use only the
 * layers of lower tiers; layers of one tier do not use each other):
 *
 * <pre>
 *   cli          entry points: the KRM function mode ({@code cli.Main}) and the commands
 *   adopt        {@code hostedsite import}'s core: a hub's objects read back into a HostedSite (the inverse of
 *                the render, which it runs to settle what the site covers)
 *   pipeline | preflight | rbac  dev.hostedsite: {@code Compiler.compile}, the one pipeline | the checks of a
 *                site's mirror registry and web server against what its render names (reads the bound site) |
 *                the emitted kinds and the Argo CD RBAC made from them ({@code hostedsite rbac})
 *   transition   day-2 checks against the previous render, the change list
 *   generate     builds the manifests of each kind from the resolved site
 *   input | graph  schema, binding and semantic checks of the site | generic passes over manifests
 *                (references, waves, readiness, layout)
 *   kinds.catalog  the kinds declared as units, read by the generic passes; the field map
 *   kinds.nodepool | kinds.hostedcluster | kinds.acm | kinds.olm | kinds.config | operators.mce |
 *                operators.metallb | platform.agent
 *                one unit per kind (or tight family): its declaration (KindSpec) and how it is built; units
 *                of one tier do not use each other
 *   kinds        the declaration types (KindSpec) and per-kind facts shared by rules, generators and passes
 *                (names, OLM packages, host facts)
 *   model        the resolved site (immutable records)
 *   krm          YAML and ResourceList I/O, the build's identity
 *   diag         diagnostics
 * </pre>
 *
 * A new package must be placed in this table ({@link #everyMainPackageIsInALayer}).
 */
class PackageDependenciesTest {
    private static final String ROOT = "dev.hostedsite";

    /** Tiers top to bottom; each layer is a name and the packages (ArchUnit package identifiers) it holds. */
    private static final List<List<Layer>> TIERS = List.of(
            List.of(new Layer("cli", ROOT + ".cli..")),
            List.of(new Layer("adopt", ROOT + ".adopt..")),
            List.of(new Layer("pipeline", ROOT), new Layer("preflight", ROOT + ".preflight.."),
                    new Layer("rbac", ROOT + ".rbac..")),
            List.of(new Layer("transition", ROOT + ".transition..")),
            List.of(new Layer("generate", ROOT + ".generate..")),
            List.of(new Layer("input", ROOT + ".input.."), new Layer("graph", ROOT + ".graph..")),
            List.of(new Layer("kind catalog", ROOT + ".kinds.catalog..")),
            List.of(new Layer("kind units", ROOT + ".kinds.nodepool.."),
                    new Layer("hostedcluster unit", ROOT + ".kinds.hostedcluster.."),
                    new Layer("acm units", ROOT + ".kinds.acm.."),
                    new Layer("olm kinds", ROOT + ".kinds.olm.."), new Layer("config kinds", ROOT + ".kinds.config.."),
                    new Layer("mce operator", ROOT + ".operators.mce.."),
                    new Layer("metallb operator", ROOT + ".operators.metallb.."),
                    new Layer("agent platform", ROOT + ".platform.agent..")),
            List.of(new Layer("kinds", ROOT + ".kinds")),
            List.of(new Layer("model", ROOT + ".model..")),
            List.of(new Layer("krm", ROOT + ".krm..")),
            List.of(new Layer("diag", ROOT + ".diag..")));

    private record Layer(String name, String packages) {}

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** One slice per Java package (the root package included), classes outside {@code dev.hostedsite} ignored. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT;
        }
    };

    static ArchRule noPackageCycle() {
        return slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();
    }

    static ArchRule layering() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<Layer> tier : TIERS) {
            for (Layer l : tier) {
                arch = arch.layer(l.name()).definedBy(l.packages());
            }
        }
        List<String> above = new ArrayList<>();
        for (List<Layer> tier : TIERS) {
            for (Layer l : tier) {
                arch = above.isEmpty() ? arch.whereLayer(l.name()).mayNotBeAccessedByAnyLayer()
                        : arch.whereLayer(l.name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            tier.forEach(l -> above.add(l.name()));
        }
        return arch;
    }

    @Test
    void mainPackagesHaveNoCycle() {
        noPackageCycle().check(MAIN);
    }

    @Test
    void mainPackagesDependAlongTheLayers() {
        layering().check(MAIN);
    }

    @Test
    void everyMainPackageIsInALayer() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String p = c.getPackageName();
            boolean placed = TIERS.stream().flatMap(List::stream).anyMatch(l -> l.packages().endsWith("..")
                    ? p.equals(l.packages().substring(0, l.packages().length() - 2))
                            || p.startsWith(l.packages().substring(0, l.packages().length() - 1))
                    : p.equals(l.packages()));
            if (!placed) {
                unplaced.add(p);
            }
        }
        assertTrue(unplaced.isEmpty(), "packages not in the layer table of PackageDependenciesTest: " + unplaced);
        assertTrue(MAIN.size() > 50, "the importer found the main classes");
    }

    /** The rules catch what they are for: a cycle and an upward dependency among classes made for the purpose. */
    @Test
    void theRulesFailOnACycleAndOnAnUpwardDependency() {
        JavaClasses cyclic = new ClassFileImporter().importClasses(
                dev.hostedsite.architecture.probe.a.UsesB.class, dev.hostedsite.architecture.probe.b.UsesA.class);
        EvaluationResult cycle = slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("dev.hostedsite.architecture.probe")
                        ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "probe packages";
            }
        }).should().beFreeOfCycles().evaluate(cyclic);
        assertTrue(cycle.hasViolation(), "a cycle between probe.a and probe.b is reported");

        EvaluationResult upward = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("upper").definedBy("dev.hostedsite.architecture.probe.a..")
                .layer("lower").definedBy("dev.hostedsite.architecture.probe.b..")
                .whereLayer("upper").mayNotBeAccessedByAnyLayer()
                .whereLayer("lower").mayOnlyBeAccessedByLayers("upper")
                .evaluate(cyclic);
        assertTrue(upward.hasViolation(), "probe.b using probe.a (lower using upper) is reported");
        assertFalse(noPackageCycle().evaluate(MAIN).hasViolation(), "the main code itself has no cycle");
    }
}
