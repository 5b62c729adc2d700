package dev.hostedsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.krm.Input;
import dev.hostedsite.krm.ResourceList;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.krm.ItemRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point. With no arguments: a KRM function (ResourceList on stdin, ResourceList on stdout).
 * Otherwise a command of {@link Cli} ({@code validate}, {@code plan}, {@code graph}, {@code render}, {@code crd});
 * {@code render DIR} prints the deployable manifests of a directory (the Argo CD plugin's generate).
 * Exit codes: 0 ok, 1 input errors, 2 usage, 3 internal error.
 */
public final class Main {
    public static final int OK = 0;
    public static final int INPUT_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL_ERROR = 3;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                return krm(in.readAllBytes(), out, err);
            }
            return Cli.run(args, out, err);
        } catch (IOException e) {
            err.println("hostedsite: error: " + IoProblem.describe(e));
            return INPUT_ERROR;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("hostedsite: internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                    + ". This is a bug: please report it with the input that caused it.");
            return INTERNAL_ERROR;
        }
    }

    /** KRM function mode. On any error: exit 1, the input items unchanged, error results. */
    static int krm(byte[] bytes, PrintStream out, PrintStream err) {
        ResourceList input;
        try {
            List<JsonNode> docs = Yaml.readAll(Input.utf8(bytes));
            if (docs.isEmpty()) {
                return fail(out, err, "the input is empty: a KRM function reads a ResourceList on stdin");
            }
            if (docs.size() > 1) {
                return fail(out, err, "the input holds " + docs.size() + " documents; a KRM function reads one ResourceList");
            }
            input = ResourceList.from(docs.get(0));
        } catch (Input.Unreadable | ResourceList.NotAResourceList e) {
            return fail(out, err, e.getMessage());
        } catch (IOException e) {
            return fail(out, err, "the input is not valid YAML or JSON: " + Input.describe(e));
        }
        Compiler.Result result = Compiler.compile(input.items(), input.functionConfig());
        out.print(ResourceList.write(result.items(), result.diagnostics()));
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) {
                err.println(d.oneLine());
            }
        }
        return result.failed() ? INPUT_ERROR : OK;
    }

    private static int fail(PrintStream out, PrintStream err, String message) {
        out.print(ResourceList.write(List.of(), List.of(Diagnostic.error(null, null, message))));
        err.println("error: " + message);
        return INPUT_ERROR;
    }

    /**
     * Objects a cluster should receive, from a render's items ({@link Compiler#deployable}).
     */
    public static List<ObjectNode> deployable(List<ObjectNode> items) {
        return Compiler.deployable(items);
    }

    public static String stream(List<ObjectNode> objects) {
        StringBuilder b = new StringBuilder();
        for (ObjectNode o : objects) {
            b.append("---\n").append(Yaml.write(o));
        }
        return b.toString();
    }
}
