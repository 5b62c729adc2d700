package dev.hostedsite.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hostedsite.kinds.Upstreams;
import dev.hostedsite.kinds.Upstreams.Crd;
import dev.hostedsite.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The upstream CRDs the schemas are converted from, as committed under {@code fixtures/upstream-schemas/sources/
 * <owner>/<repo>/<path>}: the upstream file at the pinned commit with every {@code description} removed
 * ({@link CrdToSchema#stripDescriptions}), under a header naming its source, git blob id and licence. A fresh
 * clone converts these (no network); {@link #refresh} remakes them from clones of the upstream repositories.
 */
final class CrdSources {
    private CrdSources() {}

    static Path dir() {
        return Repo.fixtures().resolve("upstream-schemas/sources");
    }

    static Path file(Crd crd) {
        return dir().resolve(crd.from().repository()).resolve(crd.path());
    }

    /** {@code github.com/<repo>@<commit>:<path>}, as the schemas' {@code $comment} names it. */
    static String source(Crd crd) {
        return "github.com/" + crd.from().pin() + ":" + crd.path();
    }

    static String header(Crd crd, String blob) {
        return "# Source: " + source(crd) + "\n"
                + "# Git blob of that file at that commit: " + blob + "\n"
                + "# Licence: Apache-2.0 (the LICENSE of " + crd.from().repository() + " at that commit; see fixtures/upstream-schemas/sources/LICENSE-Apache-2.0).\n"
                + "# Modified for hostedsite: every description removed by CrdToSchema.stripDescriptions; every other line is\n"
                + "# the upstream line, unchanged. The input of CrdToSchemaTest (fixtures/upstream-schemas/README.md).\n";
    }

    /** The committed input of {@code crd}: its header's blob id and the YAML below the header. */
    record Input(String blob, String yaml) {}

    static Input read(Crd crd) throws IOException {
        String text = Files.readString(file(crd));
        String first = header(crd, "BLOB");
        String[] lines = text.split("\n", 6);
        String blob = lines[1].substring(lines[1].lastIndexOf(' ') + 1);
        String expected = first.replace("BLOB", blob);
        if (!text.startsWith(expected)) {
            throw new IllegalStateException(file(crd) + " does not start with the header the table gives:\n" + expected);
        }
        return new Input(blob, text.substring(expected.length()));
    }

    /**
     * Remakes every committed input from a clone of its repository under {@code clones}: {@code <owner>+<name>/repo}
     * (the team's mirror layout), {@code <owner>+<name>} or {@code <owner>/<name>}, bare or not. Checks the file's
     * blob id against the table and that stripping removed only descriptions.
     */
    static void refresh(Path clones) throws IOException {
        Map<Path, String> remade = new java.util.LinkedHashMap<>();
        for (Crd crd : Upstreams.SCHEMAS) {
            String[] ownerName = crd.from().repository().split("/");
            Path git = null;
            for (Path p : new Path[] {clones.resolve(ownerName[0] + "+" + ownerName[1]).resolve("repo"),
                    clones.resolve(ownerName[0] + "+" + ownerName[1]), clones.resolve(ownerName[0]).resolve(ownerName[1])}) {
                if (Files.isDirectory(p)) {
                    git = Files.isDirectory(p.resolve(".git")) ? p.resolve(".git") : p;
                    break;
                }
            }
            if (git == null) {
                throw new IllegalStateException("no clone of " + crd.from().repository() + " under " + clones);
            }
            remade.put(file(crd), fromGit(crd, git));
        }
        for (Map.Entry<Path, String> e : remade.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.writeString(e.getKey(), e.getValue());
        }
    }

    /**
     * The committed form of {@code crd} read from the git directory {@code git}: header and stripped YAML.
     *
     * @throws IllegalStateException if the commit or the file is missing, its blob id is not the table's, or
     *     stripping would change more than the descriptions
     */
    static String fromGit(Crd crd, Path git) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(git.toFile()).setMustExist(true).build();
                RevWalk walk = new RevWalk(repo)) {
            ObjectId commit = ObjectId.fromString(crd.from().commit());
            if (!repo.getObjectDatabase().has(commit)) {
                throw new IllegalStateException(crd.from().pin() + " is not in " + git);
            }
            try (TreeWalk tree = TreeWalk.forPath(repo, crd.path(), walk.parseCommit(commit).getTree())) {
                if (tree == null) {
                    throw new IllegalStateException(crd.path() + " is not in " + crd.from().pin());
                }
                String blob = tree.getObjectId(0).name();
                if (!blob.startsWith(crd.blob())) {
                    throw new IllegalStateException(source(crd) + " is blob " + blob + ", the table says " + crd.blob());
                }
                String upstream = new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                String stripped = CrdToSchema.stripDescriptions(upstream);
                YAMLMapper yaml = new YAMLMapper();
                if (!withoutDescriptions(yaml.readTree(upstream), "").equals(yaml.readTree(stripped))) {
                    throw new IllegalStateException("stripping " + source(crd) + " changed more than descriptions");
                }
                return header(crd, blob) + stripped;
            }
        }
    }

    private static JsonNode withoutDescriptions(JsonNode node, String key) {
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!(e.getKey().equals("description") && !key.equals("properties"))) {
                    out.set(e.getKey(), withoutDescriptions(e.getValue(), e.getKey()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            var out = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(x -> out.add(withoutDescriptions(x, "")));
            return out;
        }
        return node;
    }
}
