package dev.hostedsite.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs an Argo CD health script the way Argo CD does: the resource is the global {@code obj}
 * (JSON maps and lists as tables, numbers as Lua numbers, nulls absent) and the chunk returns a
 * table with {@code status} and {@code message}. Argo CD's VM opens only the package, base and table
 * libraries (plus os.time/os.date), so only those are loaded: a script that calls {@code string.*},
 * {@code math.*} or {@code io.*} fails here as it would there.
 */
public final class LuaHealthCheck {

    public record Result(String status, String message) {
    }

    private LuaHealthCheck() {
    }

    public static Result run(String script, String chunkName, JsonNode resource) {
        return compile(script, chunkName).run(resource);
    }

    /**
     * A script compiled once in its own sandbox, to run against many objects (the sync simulation). The
     * scripts keep their state in locals, so runs do not see each other.
     */
    public static final class Compiled {
        private final Globals globals;
        private final LuaValue chunk;
        private final String chunkName;

        private Compiled(Globals globals, LuaValue chunk, String chunkName) {
            this.globals = globals;
            this.chunk = chunk;
            this.chunkName = chunkName;
        }

        public Result run(JsonNode resource) {
            globals.set("obj", toLua(resource));
            LuaValue returned = chunk.call();
            if (!returned.istable()) {
                throw new AssertionError(chunkName + " returned " + returned.typename() + ", not a table");
            }
            return new Result(stringOrNull(returned.get("status")), stringOrNull(returned.get("message")));
        }
    }

    public static Compiled compile(String script, String chunkName) {
        Globals globals = sandbox();
        return new Compiled(globals, globals.load(script, chunkName), chunkName);
    }

    private static String stringOrNull(LuaValue v) {
        return v.isstring() ? v.tojstring() : null;
    }

    private static Globals sandbox() {
        Globals globals = new Globals();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        LoadState.install(globals);
        LuaC.install(globals);
        return globals;
    }

    static LuaValue toLua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull()) {
                    table.set(field.getKey(), toLua(field.getValue()));
                }
            }
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            int index = 1;
            for (JsonNode element : node) {
                table.set(index++, toLua(element));
            }
            return table;
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.booleanValue());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.doubleValue());
        }
        if (node.isTextual()) {
            return LuaValue.valueOf(node.textValue());
        }
        return LuaValue.NIL;
    }
}
