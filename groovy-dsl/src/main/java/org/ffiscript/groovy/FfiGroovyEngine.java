package org.ffiscript.groovy;

import groovy.lang.GroovyClassLoader;
import java.io.Reader;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.codehaus.groovy.jsr223.GroovyScriptEngineImpl;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.Ffi;

/**
 * The {@code ffi-groovy} engine: Groovy's own JSR-223 engine, whose every namespace has the API. The engine-scope
 * bindings an eval runs with (the engine's, ones from {@code createBindings()}, or any the application made) get an
 * {@code ffi} binding of their own when they have none, with the factory's access policy: each namespace has its
 * own native engine and libraries, and none escapes the policy. {@link ScriptEngine#ARGV} is the script's
 * {@code args}, as for a script the {@code groovy} command runs. The evaluating context's writer is {@code out}
 * (Groovy's engine does that), its reader the script's {@code stdin} and its error writer {@code err}.
 */
final class FfiGroovyEngine extends GroovyScriptEngineImpl {
    private final AccessPolicy policy;

    FfiGroovyEngine(GroovyClassLoader loader, AccessPolicy policy) {
        super(loader);
        this.policy = policy;
        withApi(getContext());
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        withApi(context);
        return ScriptStreams.evaluate(context, () -> super.eval(script, context));
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        withApi(context);
        return ScriptStreams.evaluate(context, () -> super.eval(reader, context));
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        return withApi(super.compile(script));
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return withApi(super.compile(script));
    }

    private CompiledScript withApi(CompiledScript compiled) {
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext context) throws ScriptException {
                withApi(context);
                return ScriptStreams.evaluate(context, () -> compiled.eval(context));
            }

            @Override
            public ScriptEngine getEngine() {
                return FfiGroovyEngine.this;
            }
        };
    }

    /** Gives the namespace the API, and {@link ScriptEngine#ARGV} as the script's {@code args}, as groovy does. */
    private void withApi(ScriptContext context) {
        var bindings = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (bindings == null) {
            return;
        }
        synchronized (bindings) {
            if (!(bindings.get(FfiScript.API_VARIABLE) instanceof GroovyFfi)) {
                bindings.put(FfiScript.API_VARIABLE, new GroovyFfi(new Ffi(policy)));
            }
            if (context.getAttribute(ScriptEngine.ARGV) instanceof Object[] argv) {
                bindings.put(
                        "args",
                        java.util.Arrays.stream(argv).map(String::valueOf).toArray(String[]::new));
            }
        }
    }
}
