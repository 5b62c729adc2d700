package dev.hostedsite.cli;

import dev.hostedsite.input.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code hostedsite schema}: the HostedSite JSON Schema the function validates with, printed from the jar. */
final class SchemaCommand implements Command {
    static final String HELP = """
            Usage: hostedsite schema

            Prints the JSON Schema (draft 2020-12) of HostedSite hostedsite.dev/v1alpha1, the one the function
            validates with. Point an editor at it, e.g. for the YAML language server:
              hostedsite schema > hostedsite-v1alpha1.json
              # yaml-language-server: $schema=hostedsite-v1alpha1.json     (first line of the site file)
            Exit codes: 0 ok, 2 usage.
            """;

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String summary() {
        return "  schema                    print the HostedSite JSON Schema (for editors)\n";
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (!a.positional().isEmpty()) {
            return Cli.usage(err, name(), "schema takes no arguments");
        }
        try (InputStream in = SchemaCommand.class.getClassLoader().getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + SchemaValidator.SCHEMA_RESOURCE);
            }
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return Main.OK;
    }
}
