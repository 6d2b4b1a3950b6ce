package org.ffiscript.groovy;

import groovy.lang.GroovyClassLoader;
import java.util.List;
import javax.script.ScriptEngine;
import org.codehaus.groovy.jsr223.GroovyScriptEngineFactory;
import org.ffiscript.engine.AccessPolicy;

/**
 * The {@code ffi-groovy} JSR-223 engine: Groovy's own engine, compiling scripts with {@link FfiScript} as their
 * base class, so that the ffi-rs functions, the DSL and the DataType constants are there without imports. Each
 * namespace (the engine's bindings, and every other bindings a script runs with) has its own native engine, in its
 * {@code ffi} binding, under the factory's access policy.
 */
public final class FfiGroovyEngineFactory extends GroovyScriptEngineFactory {
    private final AccessPolicy policy;

    /** The factory the ScriptEngineManager finds: no native access restriction. */
    public FfiGroovyEngineFactory() {
        this(AccessPolicy.allowAll());
    }

    /**
     * A factory whose engines' native access {@code policy} limits. Groovy scripts can use any Java class, so the
     * policy limits what the API opens and calls, not what trusted Groovy code could do by other means.
     */
    public FfiGroovyEngineFactory(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> getNames() {
        return List.of("ffi-groovy", "ffi-script-groovy");
    }

    @Override
    public String getEngineName() {
        return "ffi-script Groovy";
    }

    @Override
    public List<String> getExtensions() {
        return List.of("groovy");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("application/x-ffi-script-groovy");
    }

    @Override
    public Object getParameter(String key) {
        return ScriptEngine.NAME.equals(key) ? "ffi-groovy" : super.getParameter(key);
    }

    @Override
    public ScriptEngine getScriptEngine() {
        var loader =
                new GroovyClassLoader(FfiGroovyEngineFactory.class.getClassLoader(), GroovyScripts.configuration());
        return new FfiGroovyEngine(loader, policy);
    }
}
