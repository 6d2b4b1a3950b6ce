import java.nio.file.Files;
import java.nio.file.Path;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

/**
 * Embedding: a Java application running a user-supplied script through JSR-223. The script's language follows
 * its extension (ffi-js for .js/.mjs, ffi-groovy for .groovy); the application passes a value in and reads
 * the script's result back.
 *
 *   ./ffi-script samples/java/EmbedScript.java samples/js/quickstart.js
 */
public class EmbedScript {
    public static void main(String[] args) throws Exception {
        var script = Path.of(args.length > 0 ? args[0] : "samples/js/quickstart.js");
        var name = script.toString().endsWith(".groovy") ? "ffi-groovy" : "ffi-js";
        ScriptEngine engine = new ScriptEngineManager().getEngineByName(name);
        if (engine == null) {
            throw new IllegalStateException("no " + name + " engine on the class path");
        }
        engine.put(ScriptEngine.FILENAME, script.toAbsolutePath().toString());
        engine.put("host", "EmbedScript");
        System.out.println("[" + engine.getFactory().getEngineName() + "] running " + script);
        engine.eval(Files.readString(script));
        Object answer = engine.eval("6 * 7"); // the same expression in both languages
        System.out.println("[EmbedScript] the script engine answered " + answer + " to the host");
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
