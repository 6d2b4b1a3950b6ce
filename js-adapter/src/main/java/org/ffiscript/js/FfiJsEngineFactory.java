package org.ffiscript.js;

import java.util.List;
import java.util.function.Consumer;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import org.ffiscript.engine.AccessPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/**
 * The {@code ffi-js} JSR-223 engine: JavaScript (GraalJS) with the ffi-rs API preloaded. Registered through
 * META-INF/services; an embedder wanting other context options creates the factory with a customizer.
 * <p>
 * The engines of one factory share one polyglot engine, made with the first of them: each engine has its own
 * context (globals, native engine, libraries, event loop), and what one has parsed and compiled the others reuse, so
 * engines after the first start in milliseconds and call at the speed the first one reached. The customizer may
 * therefore set context and language options, not engine options ({@code engine.*}).
 */
public final class FfiJsEngineFactory implements ScriptEngineFactory {
    private final AccessPolicy policy;
    private final Consumer<Context.Builder> customizer;
    private final java.time.Duration cpuTimeLimit;
    private volatile Engine shared;

    /** The factory the ScriptEngineManager finds: the default context options, no native access restriction. */
    public FfiJsEngineFactory() {
        this(AccessPolicy.allowAll(), builder -> {});
    }

    /** A factory whose engines' contexts {@code customizer} adjusts (host access, IO, limits). */
    public FfiJsEngineFactory(Consumer<Context.Builder> customizer) {
        this(AccessPolicy.allowAll(), customizer);
    }

    /** A factory whose engines reach only what {@code policy} allows, with the default context options. */
    public FfiJsEngineFactory(AccessPolicy policy) {
        this(policy, builder -> {});
    }

    /** A factory with both: the native access policy and the context options. */
    public FfiJsEngineFactory(AccessPolicy policy, Consumer<Context.Builder> customizer) {
        this(policy, customizer, null);
    }

    /**
     * A factory whose engines also stop any evaluation that uses more than {@code cpuTimePerEvaluation} of CPU time
     * (for untrusted scripts: GraalVM's own CPU-time limit needs Oracle GraalVM); null for no limit.
     */
    public FfiJsEngineFactory(
            AccessPolicy policy, Consumer<Context.Builder> customizer, java.time.Duration cpuTimePerEvaluation) {
        this.policy = policy;
        this.customizer = customizer;
        this.cpuTimeLimit = cpuTimePerEvaluation;
    }

    java.time.Duration cpuTimeLimit() {
        return cpuTimeLimit;
    }

    @Override
    public String getEngineName() {
        return "ffi-script JavaScript";
    }

    @Override
    public String getEngineVersion() {
        return "0.1.0";
    }

    @Override
    public List<String> getExtensions() {
        return List.of("js", "mjs");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("application/x-ffi-script-javascript");
    }

    @Override
    public List<String> getNames() {
        return List.of("ffi-js", "ffi-script-js");
    }

    @Override
    public String getLanguageName() {
        return "ECMAScript";
    }

    @Override
    public String getLanguageVersion() {
        return "ECMAScript 2024 (GraalJS)";
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            case ScriptEngine.NAME -> getNames().get(0);
            case "THREADING" -> null;
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String object, String method, String... args) {
        return object + "." + method + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "console.log(" + toDisplay + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return String.join(";\n", statements) + ";";
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new FfiJsEngine(this, sharedEngine(), policy, customizer);
    }

    private Engine sharedEngine() {
        var engine = shared;
        if (engine == null) {
            synchronized (this) {
                engine = shared;
                if (engine == null) {
                    engine = JsRuntime.newEngine();
                    shared = engine;
                }
            }
        }
        return engine;
    }
}
