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
 * event loop has drained (timers, promises of runInNewThread calls, callbacks from native threads). Engine-scope
 * bindings become script globals. Close it to release its context and native resources.
 */
public final class FfiJsEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
    private final FfiJsEngineFactory factory;
    private final JsRuntime runtime;

    FfiJsEngine(FfiJsEngineFactory factory, Engine engine, AccessPolicy policy, Consumer<Context.Builder> customizer) {
        this.factory = factory;
        this.runtime = JsRuntime.create(engine, policy, customizer, List.of("ffi-js"),
                new PrintStream(new WriterStream(this, false), true), new PrintStream(new WriterStream(this, true), true));
    }

    /** The script runtime behind this engine, for embedders needing the polyglot context or the native engine. */
    public JsRuntime runtime() {
        return runtime;
    }

    /**
     * Evaluates a script. When the context's {@link ScriptEngine#FILENAME} names an existing file holding this very
     * script, it runs as that file: a .mjs as an ES module, otherwise as a CommonJS module, so that relative
     * imports and requires resolve from its folder. Other scripts are evaluated as they are.
     */
    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        var file = scriptFile(context, script);
        if (file != null) {
            bindGlobals(context);
            try {
                return toJava(runtime.runFile(file, script));
            } catch (Exception e) {
                throw scriptException(e);
            }
        }
        return evaluate(Source.newBuilder("js", script, scriptName(context)).buildLiteral(), context);
    }

    private static java.nio.file.Path scriptFile(ScriptContext context, String script) {
        var name = context.getAttribute(ScriptEngine.FILENAME);
        if (name == null) {
            return null;
        }
        var path = java.nio.file.Path.of(name.toString());
        try {
            return java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.readString(path).equals(script) ? path : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private void bindGlobals(ScriptContext context) {
        var globals = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (globals != null) {
            globals.forEach((name, value) -> {
                if (!name.startsWith("javax.script.")) {
                    runtime.globals().putMember(name, value);
                }
            });
        }
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    private Object evaluate(Source source, ScriptContext context) throws ScriptException {
        try {
            bindGlobals(context);
            return toJava(runtime.eval(source));
        } catch (Exception e) {
            throw scriptException(e);
        }
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
            runtime.context().parse(source);
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
            return toJava(runtime.invokeFunction(name, args));
        } catch (NoSuchMethodException e) {
            throw e;
        } catch (Exception e) {
            throw scriptException(e);
        }
    }

    @Override
    public Object invokeMethod(Object target, String name, Object... args) throws ScriptException, NoSuchMethodException {
        throw new NoSuchMethodException("invokeMethod is not supported by ffi-js; call a global function with invokeFunction");
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return runtime.globals().as(type);
    }

    @Override
    public <T> T getInterface(Object target, Class<T> type) {
        return runtime.context().asValue(target).as(type);
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    @Override
    public void close() {
        runtime.close();
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
            Writer writer = error ? engine.getContext().getErrorWriter() : engine.getContext().getWriter();
            writer.write(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
