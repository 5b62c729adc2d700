package dev.hostedsite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evaluates the upstream CRDs' CEL rules ({@code x-kubernetes-validations}, kept verbatim in
 * {@code fixtures/upstream-schemas}, see its PROVENANCE.md) on objects, the way the Kubernetes apiserver does
 * for a create or an update. An external oracle: the rules are upstream's, the evaluator is cel-java.
 *
 * <p>Kubernetes semantics modelled (kubernetes.io, "Validation rules" in "Extend the Kubernetes API with
 * CustomResourceDefinitions", and "Common Expression Language in Kubernetes"):
 * <ul>
 *   <li>Schema defaults are applied first, to the new and the old object (structural defaulting: a missing
 *       property with a {@code default} gets it, then its children are defaulted too).</li>
 *   <li>A rule is evaluated at every value its schema node describes: each list item for a rule under
 *       {@code items}, each map value under {@code additionalProperties}. A field that is absent (or null) is not
 *       evaluated, nor anything below it.</li>
 *   <li>{@code self} is the value at the node: objects and maps are CEL maps (so {@code has(self.f)} tests
 *       presence), arrays lists, JSON integers {@code int}, other numbers {@code double}. Declared {@code dyn};
 *       strings with {@code format: date-time} or {@code duration} stay strings (Kubernetes would give
 *       timestamp/duration; no rule here reads such a field).</li>
 *   <li>A rule that mentions {@code oldSelf} is a transition rule: evaluated only on an update, and only where
 *       the old object has a value at the same place. List items are correlated only in
 *       {@code x-kubernetes-list-type: map} lists, by their keys; map values by key.</li>
 *   <li>A rule that is false, or whose evaluation fails (a missing key, a bad conversion), is a violation, with
 *       its {@code message} (or "failed rule: ..." when it has none, as Kubernetes says).</li>
 *   <li>Environment: standard macros and functions, optional syntax ({@code .?f}, {@code orValue}), the
 *       strings, lists and sets extensions, homogeneous aggregate literals, cross-type numeric comparisons, and
 *       the Kubernetes library functions the rules call ({@link KubernetesCelLibrary}).</li>
 * </ul>
 * A rule that does not compile in this environment is not evaluated; {@link #unevaluable()} lists it with the
 * reason (the tests pin that list).
 */
public final class CelOracle {
    private static final Pattern OLD_SELF = Pattern.compile("(?<![A-Za-z0-9_.])oldSelf(?![A-Za-z0-9_])");

    /**
     * One rule as upstream declares it.
     *
     * @param kind the CRD kind
     * @param path the schema node it sits on: {@code .spec.services[].servicePublishingStrategy} ({@code []} a list
     *     item, {@code {}} a map value); empty for the root
     */
    public record Rule(String kind, String path, String rule, String message, boolean transition) {
        public String id() {
            return kind + " " + (path.isEmpty() ? "<root>" : path) + ": " + rule;
        }
    }

    /** A rule that failed on an object: where (the field path, as Kubernetes reports it) and why. */
    public record Violation(String object, String field, Rule rule, String problem) {
        @Override
        public String toString() {
            return object + " " + field + ": " + rule.message() + " (" + problem + "; rule " + rule.rule() + ")";
        }
    }

    /**
     * What evaluating one object (or update pair) found.
     *
     * @param evaluations rule evaluations run (one rule at one value counts once)
     * @param evaluated the rules evaluated at least once
     * @param transitionSkips transition rules not evaluated because there was no old value at their place
     */
    public record Result(List<Violation> violations, int evaluations, List<Rule> evaluated, int transitionSkips) {}

    private record Compiled(Rule rule, CelRuntime.Program program) {}

    private final Map<String, JsonNode> schemaByGvk;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> unevaluable = new TreeMap<>();
    private final IdentityHashMap<JsonNode, List<Compiled>> programs = new IdentityHashMap<>();
    private final Cel cel;

    private CelOracle(Map<String, JsonNode> schemaByGvk) {
        this.schemaByGvk = schemaByGvk;
        CelOptions options = CelOptions.current().enableOptionalSyntax(true).enableHomogeneousLiterals(true)
                .enableHeterogeneousNumericComparisons(true).build();
        this.cel = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(options),
                        CelExtensions.optional())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(options),
                        CelExtensions.optional())
                .addFunctionDeclarations(KubernetesCelLibrary.declarations())
                .addFunctionBindings(KubernetesCelLibrary.bindings())
                .addVar("self", SimpleType.DYN)
                .addVar("oldSelf", SimpleType.DYN)
                .build();
        for (Map.Entry<String, JsonNode> e : schemaByGvk.entrySet()) {
            String kind = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            collect(kind, e.getValue(), "");
        }
    }

    /** The oracle over every schema in {@code fixtures/upstream-schemas} (loaded and compiled once). */
    public static CelOracle upstream() {
        return Holder.UPSTREAM;
    }

    private static final class Holder {
        static final CelOracle UPSTREAM = load(Repo.fixtures().resolve("upstream-schemas"));
    }

    static CelOracle load(Path dir) {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode tree = json.readTree(f.toFile());
                JsonNode gvk = tree.path("x-kubernetes-group-version-kind").get(0);
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                out.put(apiVersion + "/" + gvk.path("kind").asText(), tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CelOracle(out);
    }

    /** Every rule of every schema, in schema order. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Rules that cannot be evaluated here, by {@link Rule#id()}, with the compiler's reason. */
    public Map<String, String> unevaluable() {
        return Map.copyOf(unevaluable);
    }

    /** Whether an upstream schema with CEL rules covers the object's apiVersion and kind. */
    public boolean covers(JsonNode object) {
        String kind = object.path("kind").asText();
        return schemaByGvk.containsKey(object.path("apiVersion").asText() + "/" + kind)
                && rules.stream().anyMatch(r -> r.kind().equals(kind));
    }

    /**
     * Evaluates every rule on {@code object}, as on a create ({@code old == null}) or an update from {@code old}.
     * Objects of a kind without schema give an empty result.
     */
    public Result check(JsonNode object, JsonNode old) {
        JsonNode schema = schemaByGvk.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        Walk walk = new Walk(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText());
        if (schema != null) {
            walk.node(schema, Defaults.applied(schema, object), old == null ? null : Defaults.applied(schema, old), "");
        }
        return new Result(List.copyOf(walk.violations), walk.evaluations, List.copyOf(walk.evaluated.values()),
                walk.transitionSkips);
    }

    private void collect(String kind, JsonNode schema, String path) {
        List<Compiled> compiled = new ArrayList<>();
        for (JsonNode v : schema.path("x-kubernetes-validations")) {
            String text = v.path("rule").asText();
            String message = v.has("message") ? v.path("message").asText() : "failed rule: " + text;
            Rule rule = new Rule(kind, path, text, message, OLD_SELF.matcher(text).find());
            rules.add(rule);
            try {
                compiled.add(new Compiled(rule, cel.createProgram(cel.compile(text).getAst())));
            } catch (CelValidationException | CelEvaluationException e) {
                unevaluable.put(rule.id(), e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (!compiled.isEmpty()) {
            programs.put(schema, compiled);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            collect(kind, p.getValue(), path + "." + p.getKey());
        }
        if (schema.path("items").isObject()) {
            collect(kind, schema.get("items"), path + "[]");
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(kind, schema.get("additionalProperties"), path + "{}");
        }
    }

    private final class Walk {
        final String object;
        final List<Violation> violations = new ArrayList<>();
        final Map<Rule, Rule> evaluated = new LinkedHashMap<>();
        int evaluations;
        int transitionSkips;

        Walk(String object) {
            this.object = object;
        }

        void node(JsonNode schema, JsonNode value, JsonNode old, String field) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return;
            }
            List<Compiled> here = programs.getOrDefault(schema, List.of());
            if (!here.isEmpty()) {
                evaluate(here, value, old == null || old.isNull() || old.isMissingNode() ? null : old, field);
            }
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode child = fieldSchema(schema, f.getKey());
                    if (child != null) {
                        node(child, f.getValue(), old == null ? null : old.get(f.getKey()), join(field, f.getKey()));
                    }
                }
            } else if (value.isArray() && schema.path("items").isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    node(schema.get("items"), value.get(i), correlated(schema, value.get(i), old), field + "[" + i + "]");
                }
            }
        }

        private void evaluate(List<Compiled> here, JsonNode value, JsonNode old, String field) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("self", CelValues.of(value));
            if (old != null) {
                vars.put("oldSelf", CelValues.of(old));
            }
            for (Compiled c : here) {
                if (c.rule().transition() && old == null) {
                    transitionSkips++;
                    continue;
                }
                evaluations++;
                evaluated.putIfAbsent(c.rule(), c.rule());
                String problem;
                try {
                    Object r = c.program().eval(vars);
                    problem = Boolean.TRUE.equals(r) ? null : "evaluated to " + r;
                } catch (CelEvaluationException e) {
                    problem = "evaluation error: " + e.getMessage();
                }
                if (problem != null) {
                    violations.add(new Violation(object, field.isEmpty() ? "<root>" : field, c.rule(), problem));
                }
            }
        }
    }

    /** The schema of an object's field: its property, else the map-value schema; null when neither (unknown field). */
    static JsonNode fieldSchema(JsonNode objectSchema, String name) {
        JsonNode child = objectSchema.path("properties").get(name);
        if (child == null && objectSchema.path("additionalProperties").isObject()) {
            child = objectSchema.get("additionalProperties");
        }
        return child;
    }

    private static String join(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    /** The old item a list item is compared with: same keys in a {@code map} list; none in other lists. */
    static JsonNode correlated(JsonNode listSchema, JsonNode item, JsonNode oldList) {
        if (oldList == null || !oldList.isArray() || !"map".equals(listSchema.path("x-kubernetes-list-type").asText())) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        listSchema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        for (JsonNode o : oldList) {
            if (keys.stream().allMatch(k -> item.path(k).equals(o.path(k)))) {
                return o;
            }
        }
        return null;
    }

    /** JSON to the values cel-java takes for {@code dyn}: maps, lists, Long, Double, String, Boolean. */
    static final class CelValues {
        private CelValues() {}

        static Object of(JsonNode n) {
            if (n.isObject()) {
                Map<String, Object> m = new LinkedHashMap<>();
                n.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) { // a null in a non-nullable field is pruned before validation
                        m.put(f.getKey(), of(f.getValue()));
                    }
                });
                return m;
            }
            if (n.isArray()) {
                List<Object> l = new ArrayList<>();
                n.forEach(x -> l.add(of(x)));
                return l;
            }
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.asLong();
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            if (n.isBoolean()) {
                return n.asBoolean();
            }
            return n.asText();
        }
    }

    /** Structural defaulting: a deep copy of the value with the schema's {@code default}s filled in. */
    static final class Defaults {
        private Defaults() {}

        static JsonNode applied(JsonNode schema, JsonNode value) {
            JsonNode copy = value.deepCopy();
            fill(schema, copy);
            return copy;
        }

        private static void fill(JsonNode schema, JsonNode value) {
            if (value instanceof ObjectNode o) {
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getValue().has("default") && (!o.has(p.getKey()) || o.get(p.getKey()).isNull())) {
                        o.set(p.getKey(), p.getValue().get("default").deepCopy());
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode child = fieldSchema(schema, f.getKey());
                    if (child != null) {
                        fill(child, f.getValue());
                    }
                }
            } else if (value.isArray() && schema.path("items").isObject()) {
                value.forEach(item -> fill(schema.get("items"), item));
            }
        }
    }
}
