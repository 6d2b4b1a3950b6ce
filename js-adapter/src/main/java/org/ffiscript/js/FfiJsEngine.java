package org.ffiscript.js;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.ffiscript.engine.AccessPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A JSR-223 engine running JavaScript with the ffi-rs API preloaded. Each {@code eval} returns once the script's
 * event loop has drained (timers, promises of runInNewThread calls, callbacks from native threads).
 * <p>
 * Bindings work as in GraalJS's and Groovy's engines: the engine-scope bindings are the script's global namespace,
 * both ways ({@code put}, then the script assigns, then {@code get} sees it); {@link #createBindings()} gives an
 * independent namespace, a JavaScript runtime of its own made on first use (about 10 ms and under 1 MiB with the
 * factory's shared polyglot engine); a {@link CompiledScript} evaluated with other bindings sees only those.
 * Bindings of another kind (a {@link SimpleBindings}, say) get a runtime of their own too, kept in them under
 * {@value #RUNTIME_KEY}: their entries are globals of the script and what the script adds is copied back after each
 * eval. Global-scope bindings are visible to scripts where the engine scope has no such name. Console output and
 * errors go to the evaluating {@link ScriptContext}'s writers; {@link ScriptEngine#ARGV} becomes
 * {@code process.argv}'s arguments. Close the engine to release the runtimes it made.
 * <p>
 * It is not built on GraalJS's {@code GraalJSScriptEngine}: there a namespace is a bare polyglot context, and here it
 * is a whole ffi-script runtime (the prelude, the event loop that serves callbacks from native threads, a native
 * engine under the factory's policy), made and closed with it. The behaviour is kept the same instead, by one
 * contract test run against both engines.
 */
public final class FfiJsEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
    /** Where bindings of another kind keep the runtime that gives them a JavaScript namespace. */
    public static final String RUNTIME_KEY = "ffi-js.runtime";

    private final FfiJsEngineFactory factory;
    private final Engine engine;
    private final AccessPolicy policy;
    private final Consumer<Context.Builder> customizer;
    private final List<JsBindings> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ScriptContext evaluating;

    FfiJsEngine(FfiJsEngineFactory factory, Engine engine, AccessPolicy policy, Consumer<Context.Builder> customizer) {
        this.factory = factory;
        this.engine = engine;
        this.policy = policy;
        this.customizer = customizer;
        getContext().setBindings(createBindings(), ScriptContext.ENGINE_SCOPE);
    }

    /**
     * The script runtime behind this engine's current engine-scope bindings, for embedders needing the polyglot
     * context or the native engine.
     */
    public JsRuntime runtime() {
        return bindingsOf(getContext()).runtime();
    }

    /**
     * Evaluates a script. When the context's {@link ScriptEngine#FILENAME} names an existing file holding this very
     * script, it runs as that file: a .mjs as an ES module, otherwise as a CommonJS module, so that relative
     * imports and requires resolve from its folder. Other scripts are evaluated as they are.
     */
    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        var file = scriptFile(context, script);
        if (file == null) {
            return evaluate(Source.newBuilder("js", script, scriptName(context)).buildLiteral(), context);
        }
        return inContext(context, runtime -> runtime.runFile(file, script));
    }

    private static java.nio.file.Path scriptFile(ScriptContext context, String script) {
        var name = context.getAttribute(ScriptEngine.FILENAME);
        if (name == null) {
            return null;
        }
        var path = java.nio.file.Path.of(name.toString());
        try {
            return java.nio.file.Files.isRegularFile(path)
                            && java.nio.file.Files.readString(path).equals(script)
                    ? path
                    : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** A runtime's work on behalf of an eval. */
    private interface RuntimeWork {
        Value run(JsRuntime runtime) throws Exception;
    }

    /** Runs {@code work} in the runtime of {@code context}'s engine-scope bindings, with the context's streams. */
    private Object inContext(ScriptContext context, RuntimeWork work) throws ScriptException {
        var scope = context.getBindings(ScriptContext.ENGINE_SCOPE);
        var foreign = scope instanceof JsBindings ? null : scope;
        var bindings = bindingsOf(context);
        var previous = evaluating;
        evaluating = context;
        try {
            var runtime = bindings.runtime();
            if (foreign != null) {
                foreign.forEach((name, value) -> {
                    if (!name.equals(RUNTIME_KEY) && !name.startsWith("javax.script.")) {
                        bindings.put(name, value);
                    }
                });
            }
            bindings.showGlobalScope(context.getBindings(ScriptContext.GLOBAL_SCOPE));
            runtime.setArguments(arguments(context));
            var result = toJava(work.run(runtime));
            if (foreign != null) {
                bindings.forEach(foreign::put);
            }
            return result;
        } catch (ScriptException e) {
            throw e;
        } catch (Exception e) {
            throw scriptException(e);
        } finally {
            evaluating = previous;
        }
    }

    /** {@code process.argv} for an eval: the program, the script's name, then {@link ScriptEngine#ARGV}. */
    private static List<String> arguments(ScriptContext context) {
        var argv = new java.util.ArrayList<String>(List.of("ffi-js", scriptName(context)));
        if (context.getAttribute(ScriptEngine.ARGV) instanceof Object[] given) {
            for (var each : given) {
                argv.add(String.valueOf(each));
            }
        }
        return argv;
    }

    /** The JavaScript namespace of {@code context}'s engine scope: its own bindings, or one kept in foreign ones. */
    private JsBindings bindingsOf(ScriptContext context) {
        var scope = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (scope instanceof JsBindings bindings) {
            return bindings;
        }
        if (scope == null) {
            throw new IllegalArgumentException("the script context has no engine-scope bindings");
        }
        synchronized (scope) {
            if (scope.get(RUNTIME_KEY) instanceof JsBindings kept) {
                return kept;
            }
            var bindings = (JsBindings) createBindings();
            scope.put(RUNTIME_KEY, bindings);
            return bindings;
        }
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    private Object evaluate(Source source, ScriptContext context) throws ScriptException {
        return inContext(context, runtime -> runtime.eval(source));
    }

    private static Object toJava(Value value) {
        return value == null || value.isNull() ? null : value.as(Object.class);
    }

    private static ScriptException scriptException(Exception e) {
        var message = e instanceof PolyglotException p ? Main.describe(p) : String.valueOf(e.getMessage());
        var exception = new ScriptException(message);
        exception.initCause(e);
        return exception;
    }

    private static String scriptName(ScriptContext context) {
        var name = context.getAttribute(ScriptEngine.FILENAME);
        return name == null ? "<eval>" : name.toString();
    }

    private static String read(Reader reader) throws ScriptException {
        try {
            var text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        var source = Source.newBuilder("js", script, "<compiled>").buildLiteral();
        try {
            runtime().context().parse(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext context) throws ScriptException {
                return evaluate(source, context);
            }

            @Override
            public ScriptEngine getEngine() {
                return FfiJsEngine.this;
            }
        };
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(read(script));
    }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        try {
            return toJava(runtime().invokeFunction(name, args));
        } catch (NoSuchMethodException e) {
            throw e;
        } catch (Exception e) {
            throw scriptException(e);
        }
    }

    @Override
    public Object invokeMethod(Object target, String name, Object... args)
            throws ScriptException, NoSuchMethodException {
        throw new NoSuchMethodException(
                "invokeMethod is not supported by ffi-js; call a global function with invokeFunction");
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return runtime().globals().as(type);
    }

    @Override
    public <T> T getInterface(Object target, Class<T> type) {
        return runtime().context().asValue(target).as(type);
    }

    /** An independent JavaScript namespace: a runtime of its own, in the factory's polyglot engine, made on first use. */
    @Override
    public Bindings createBindings() {
        var bindings = new JsBindings(() -> {
            var made = JsRuntime.create(
                    engine,
                    policy,
                    customizer,
                    List.of("ffi-js"),
                    new PrintStream(new WriterStream(this, false), true),
                    new PrintStream(new WriterStream(this, true), true));
            made.setInput(() -> outputContext().getReader()); // stdin is the ScriptContext's reader, as JSR-223 says
            made.setCpuTimeLimit(factory.cpuTimeLimit());
            return made;
        });
        made.add(bindings);
        return bindings;
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /** Closes every runtime this engine made, for its own bindings and for those of other kinds. */
    @Override
    public void close() {
        for (var bindings : made) {
            bindings.close();
        }
        made.clear();
    }

    /** The script context of the eval under way, whose writers the scripts' output goes to. */
    private ScriptContext outputContext() {
        var context = evaluating;
        return context == null ? getContext() : context;
    }

    /** Sends the script's console output to the engine's current writer, as JSR-223 embedders expect. */
    private static final class WriterStream extends java.io.OutputStream {
        private final FfiJsEngine engine;
        private final boolean error;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(FfiJsEngine engine, boolean error) {
            this.engine = engine;
            this.error = error;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() == 0) {
                return;
            }
            var context = engine.outputContext();
            Writer writer = error ? context.getErrorWriter() : context.getWriter();
            writer.write(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
