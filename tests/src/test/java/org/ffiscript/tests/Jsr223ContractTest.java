package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.script.Compilable;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.groovy.FfiGroovyEngineFactory;
import org.ffiscript.js.FfiJsEngineFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSR-223 behaviours embedders rely on, the same assertions for {@code ffi-js}, {@code ffi-groovy} and, as the
 * reference, GraalJS's own {@code js} engine.
 */
class Jsr223ContractTest {
    /** One engine under test, with the few snippets whose syntax differs by language. */
    record Language(
            String engineName,
            String increment,
            String declare,
            String secretOrNone,
            String print,
            String callFunction,
            boolean ffi) {
        @Override
        public String toString() {
            return engineName;
        }
    }

    static final Language JS = new Language(
            "ffi-js",
            "x = x + 1",
            "var made = 'here'",
            "typeof secret === 'undefined' ? 'none' : secret",
            "console.log('to the writer')",
            "function call() { return 42 }",
            true);
    static final Language GROOVY = new Language(
            "ffi-groovy",
            "x = x + 1",
            "made = 'here'",
            "binding.hasVariable('secret') ? secret : 'none'",
            "println 'to the writer'",
            "def call() { 42 }",
            true);
    static final Language GRAAL_JS =
            new Language("js", JS.increment, JS.declare, JS.secretOrNone, JS.print, JS.callFunction, false);

    private ScriptEngine engine;

    static Stream<Language> engines() {
        return Stream.of(JS, GROOVY, GRAAL_JS);
    }

    static Stream<Language> ffiEngines() {
        return Stream.of(JS, GROOVY);
    }

    private ScriptEngine start(Language language) {
        engine = new ScriptEngineManager().getEngineByName(language.engineName());
        return engine;
    }

    @AfterEach
    void close() throws Exception {
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aValuePutIsAScriptGlobalAndTheScriptsAssignmentComesBack(Language language) throws ScriptException {
        var engine = start(language);
        engine.put("x", 10);
        engine.eval(language.increment());
        assertEquals(11, ((Number) engine.get("x")).intValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aGlobalTheScriptDeclaresIsVisibleToGet(Language language) throws ScriptException {
        var engine = start(language);
        engine.eval(language.declare());
        assertEquals("here", engine.get("made"));
        assertEquals("here", engine.getBindings(ScriptContext.ENGINE_SCOPE).get("made"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void createdBindingsAreAnIndependentNamespace(Language language) throws ScriptException {
        var engine = start(language);
        var tenant = engine.createBindings();
        tenant.put("secret", "tenant's");

        assertEquals("tenant's", engine.eval(language.secretOrNone(), tenant));
        assertEquals("none", engine.eval(language.secretOrNone()));
        engine.eval(language.declare(), tenant);
        assertNull(engine.get("made"));
        assertEquals("here", tenant.get("made"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCompiledScriptSeesOnlyTheBindingsItIsEvaluatedWith(Language language) throws ScriptException {
        var engine = start(language);
        var compiled = ((Compilable) engine).compile(language.secretOrNone());
        var first = engine.createBindings();
        first.put("secret", "first tenant's");

        assertEquals("first tenant's", compiled.eval(first));
        assertEquals("none", compiled.eval(engine.createBindings()));
        assertEquals("none", compiled.eval(new SimpleBindings()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ffiEngines")
    void bindingsOfAnotherKindAreANamespaceBothWays(Language language) throws ScriptException {
        var engine = start(language);
        var bindings = new SimpleBindings();
        bindings.put("x", 1);

        engine.eval(language.increment(), bindings);
        engine.eval(language.increment(), bindings);

        assertEquals(3, ((Number) bindings.get("x")).intValue());
        assertNull(engine.get("x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void globalScopeBindingsAreVisibleUnderTheEngineScope(Language language) throws ScriptException {
        var engine = start(language);
        var global = new SimpleBindings();
        global.put("shared", 5);
        engine.getContext().setBindings(global, ScriptContext.GLOBAL_SCOPE);

        assertEquals(6, ((Number) engine.eval("shared + 1")).intValue());
        engine.put("shared", 100);
        assertEquals(101, ((Number) engine.eval("shared + 1")).intValue(), "the engine scope comes first");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void outputGoesToTheEvaluatingContextsWriter(Language language) throws ScriptException {
        var engine = start(language);
        var context = new SimpleScriptContext();
        context.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
        var out = new StringWriter();
        context.setWriter(out);

        engine.eval(language.print(), context);

        assertTrue(out.toString().contains("to the writer"), out.toString());
    }

    @org.junit.jupiter.api.Test
    void ffiJsStandardInputIsTheContextsReader() throws ScriptException {
        var engine = start(JS);
        engine.getContext().setReader(new java.io.StringReader("from the reader\n"));
        assertEquals("from the reader\n", engine.eval("require('fs').readFileSync(0, 'utf8')"));
    }

    @org.junit.jupiter.api.Test
    void ffiGroovyStandardInputIsTheContextsReader() throws ScriptException {
        var engine = start(GROOVY);
        engine.getContext().setReader(new java.io.StringReader("from the reader\n"));
        assertEquals("from the reader\n", engine.eval("stdin.text"));
    }

    @org.junit.jupiter.api.Test
    void ffiGroovyStandardInputIsTheEvaluatingContextsReaderClosuresIncluded() throws Exception {
        var engine = start(GROOVY);
        engine.getContext().setReader(new java.io.StringReader("the engine's\n"));
        var context = new SimpleScriptContext();
        context.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
        context.setReader(new java.io.StringReader("first\nsecond\n"));

        var readLater = (groovy.lang.Closure<?>)
                engine.eval("def line = stdin.readLine(); return { line + ',' + stdin.readLine() }", context);

        assertEquals("first,second", readLater.call());
        assertEquals("the engine's", engine.eval("stdin.readLine()"));
    }

    @org.junit.jupiter.api.Test
    void ffiGroovyErrIsTheContextsErrorWriter() throws ScriptException {
        var engine = start(GROOVY);
        var errors = new StringWriter();
        engine.getContext().setErrorWriter(errors);
        engine.eval("err.println 'to the error writer'");
        assertEquals("to the error writer" + System.lineSeparator(), errors.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void getInterfaceImplementsAJavaInterfaceWithScriptFunctions(Language language) throws Exception {
        var engine = start(language);
        engine.eval(language.callFunction());
        @SuppressWarnings("unchecked")
        Callable<Object> callable = ((Invocable) engine).getInterface(Callable.class);
        assertEquals(42, ((Number) callable.call()).intValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ffiEngines")
    void theApiIsThereInEveryNamespace(Language language) throws ScriptException {
        var engine = start(language);
        var code = language == JS
                ? "load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['7'] })"
                : "load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['7'])";
        var open = language == JS ? "open({ library: 'libc', path: '' }); " : "open(library: 'libc', path: ''); ";
        assertEquals(7, ((Number) engine.eval(open + code, engine.createBindings())).intValue());
        assertEquals(7, ((Number) engine.eval(open + code, new SimpleBindings())).intValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ffiEngines")
    void theNativeAccessPolicyHoldsInEveryNamespace(Language language) throws Exception {
        var policy = AccessPolicy.builder().build();
        engine = language == JS
                ? new FfiJsEngineFactory(policy).getScriptEngine()
                : new FfiGroovyEngineFactory(policy).getScriptEngine();
        var open =
                language == JS ? "open({ library: 'c', path: 'libc.so.6' })" : "open(library: 'c', path: 'libc.so.6')";
        for (var bindings : List.of(engine.createBindings(), new SimpleBindings())) {
            var refused = assertThrows(ScriptException.class, () -> engine.eval(open, bindings));
            assertTrue(refused.getMessage().contains("libc.so.6"), refused.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ffiEngines")
    void argvIsWhatTheScriptIsGiven(Language language) throws ScriptException {
        var engine = start(language);
        engine.put(ScriptEngine.ARGV, new String[] {"first", "second"});
        var script = language == JS ? "process.argv.slice(2).join(',')" : "args.join(',')";
        assertEquals("first,second", engine.eval(script));
    }
}
