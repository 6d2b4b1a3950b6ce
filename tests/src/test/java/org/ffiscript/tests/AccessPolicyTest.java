package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.script.ScriptException;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.groovy.FfiGroovyEngineFactory;
import org.ffiscript.js.FfiJsEngine;
import org.ffiscript.js.FfiJsEngineFactory;
import org.junit.jupiter.api.Test;

/** An embedder's access policy: scripts reach only the listed libraries and functions, and cannot widen it. */
class AccessPolicyTest {
    private static final AccessPolicy ONLY_SUM = AccessPolicy.builder()
            .allowLibrary(TestLibrary.PATH, "sum", "echo_i32")
            .build();

    private static Object sum(Ffi ffi) {
        return ffi.load(TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2));
    }

    @Test
    void librariesOutsideTheListAndTheRunningProgramAreRefused() {
        try (var ffi = new Ffi(ONLY_SUM)) {
            var outside = assertThrows(FfiException.class, () -> ffi.open("m", "libm.so.6"));
            assertTrue(
                    outside.getMessage()
                            .startsWith("open: the access policy does not allow loading \"libm.so.6\" (library 'm')"),
                    outside.getMessage());
            assertEquals(
                    "open: the access policy does not allow opening the running program (library 'c', path \"\")",
                    assertThrows(FfiException.class, () -> ffi.open("c", "")).getMessage());
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            assertEquals(3, sum(ffi));
        }
    }

    @Test
    void onlyTheListedFunctionsOfALibraryCanBeCalled() {
        try (var ffi = new Ffi(ONLY_SUM)) {
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            var error = assertThrows(
                    FfiException.class,
                    () -> ffi.load(TestLibrary.spec("echo_double", DataType.Double, List.of(DataType.Double), 1.0)));
            assertEquals(
                    "ffitest.echo_double: the access policy does not allow calling 'echo_double'; allowed: [echo_i32, sum]",
                    error.getMessage());
            assertEquals(3, sum(ffi));
        }
    }

    @Test
    void aPrototypeWithoutALibraryNeedsTheRunningProgramAllowed() {
        try (var ffi = new Ffi(ONLY_SUM)) {
            var error = assertThrows(FfiException.class, () -> ffi.define(Map.of("atoi", "int atoi(const char *s)")));
            assertEquals(
                    "atoi: a prototype without a library calls into the running program, which the access policy does "
                            + "not allow; name the library: {library, prototype}",
                    error.getMessage());
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            var sum =
                    ffi.define(Map.of("sum", Map.of("library", TestLibrary.KEY, "prototype", "int sum(int a, int b)")));
            assertEquals(5, sum.get("sum").call(2, 3));
        }
        try (var ffi = new Ffi(AccessPolicy.builder().allowMainProgram("atoi").build())) {
            assertEquals(
                    12,
                    ffi.define(Map.of("atoi", "int atoi(const char *s)"))
                            .get("atoi")
                            .call("12"));
            var error = assertThrows(FfiException.class, () -> ffi.define(Map.of("abs", "int abs(int n)")));
            assertTrue(
                    error.getMessage().startsWith("abs: the access policy does not allow calling 'abs'"),
                    error.getMessage());
        }
    }

    @Test
    void thePointerToolsCanBeDenied() {
        try (var ffi = new Ffi(ONLY_SUM)) {
            assertEquals(
                    "createPointer: the access policy does not allow the pointer tools",
                    assertThrows(
                                    FfiException.class,
                                    () -> ffi.createPointer(
                                            Map.of("paramsType", List.of(DataType.I32), "paramsValue", List.of(1))))
                            .getMessage());
            assertThrows(FfiException.class, () -> ffi.unwrapPointer(List.of()));
            assertThrows(FfiException.class, () -> ffi.createExternalBuffer(null, 4));
        }
    }

    @Test
    void pathsAreComparedAfterResolvingLinksAndDots(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        var link = Files.createSymbolicLink(
                directory.resolve("alias.so"), Path.of(TestLibrary.PATH).toAbsolutePath());
        var dotted = directory.resolve("..").resolve(directory.getFileName()).resolve("alias.so");
        try (var ffi = new Ffi(ONLY_SUM)) {
            ffi.open("through-link", link.toString());
            ffi.open("through-dots", dotted.toString());
        }
        var libm = Files.createSymbolicLink(
                directory.resolve("libsafe.so"),
                Path.of(TestLibrary.PATH).toAbsolutePath().getParent().resolve("no-such-library.so"));
        try (var ffi = new Ffi(ONLY_SUM)) {
            assertThrows(FfiException.class, () -> ffi.open("renamed", libm.toString()));
        }
    }

    private static String runJs(FfiJsEngine engine, String script) throws ScriptException {
        var output = new StringWriter();
        engine.getContext().setWriter(output);
        engine.eval(script);
        return output.toString();
    }

    @Test
    void aJavaScriptCannotEscapeThePolicy() throws Exception {
        try (var engine = (FfiJsEngine) new FfiJsEngineFactory(ONLY_SUM).getScriptEngine()) {
            var output = runJs(engine, """
                    const attempts = {
                      libm: () => open({ library: 'm', path: 'libm.so.6' }),
                      runningProgram: () => open({ library: 'c', path: '' }),
                      otherFunction: () => { open({ library: 't', path: '%s' }); return load({ library: 't', funcName: 'echo_double',
                        retType: DataType.Double, paramsType: [DataType.Double], paramsValue: [1] }) },
                      pointerTools: () => createPointer({ paramsType: [DataType.U64], paramsValue: [1] }),
                      hostClass: () => Java.type('java.lang.Runtime').getRuntime(),
                      polyglotImport: () => Polyglot.import('anything').toString(),
                    }
                    for (const [name, attempt] of Object.entries(attempts)) {
                      try { attempt(); console.log(name + ': ESCAPED') } catch (e) { console.log(name + ': refused') }
                    }
                    // Nothing reachable from the global scope leads to the engine or its policy.
                    const leads = []
                    for (const key of Object.getOwnPropertyNames(globalThis)) {
                      const value = globalThis[key]
                      if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
                        for (const member of ['policy', 'engine', 'bridge', 'ffi']) if (member in value) leads.push(key + '.' + member)
                      }
                    }
                    console.log('leads: ' + JSON.stringify(leads))
                    console.log('sum: ' + load({ library: 't', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] }))
                    """.formatted(TestLibrary.PATH));
            for (var attempt :
                    List.of("libm", "runningProgram", "otherFunction", "pointerTools", "hostClass", "polyglotImport")) {
                assertTrue(output.contains(attempt + ": refused"), output);
            }
            assertTrue(output.contains("leads: []"), output);
            assertTrue(output.contains("sum: 3"), output);
            assertSame(ONLY_SUM, engine.runtime().ffi().policy(), "the policy is the one the embedder gave");
            assertThrows(FfiException.class, () -> engine.runtime().ffi().open("m", "libm.so.6"));
        }
    }

    @Test
    void theGroovyEngineHonoursThePolicyToo() {
        var engine = new FfiGroovyEngineFactory(ONLY_SUM).getScriptEngine();
        var error = assertThrows(ScriptException.class, () -> engine.eval("open(library: 'm', path: 'libm.so.6')"));
        assertTrue(
                error.getMessage().contains("the access policy does not allow loading \"libm.so.6\""),
                error.getMessage());
    }
}
