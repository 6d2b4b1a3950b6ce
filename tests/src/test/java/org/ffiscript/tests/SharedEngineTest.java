package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import javax.script.ScriptException;
import org.ffiscript.js.FfiJsEngine;
import org.ffiscript.js.FfiJsEngineFactory;
import org.junit.jupiter.api.Test;

/** The ffi-js engines of one factory share one polyglot engine, and stay apart all the same. */
class SharedEngineTest {
    private static final String TEST_LIBRARY = System.getProperty("ffi.testlib");

    @Test
    void enginesOfOneFactoryShareOnePolyglotEngine() {
        var factory = new FfiJsEngineFactory();
        try (var first = (FfiJsEngine) factory.getScriptEngine();
                var second = (FfiJsEngine) factory.getScriptEngine()) {
            assertSame(
                    first.runtime().context().getEngine(),
                    second.runtime().context().getEngine());
            assertNotSame(first.runtime().context(), second.runtime().context());
        }
    }

    @Test
    void enginesOfDifferentFactoriesDoNotShare() {
        try (var first = (FfiJsEngine) new FfiJsEngineFactory().getScriptEngine();
                var second = (FfiJsEngine) new FfiJsEngineFactory().getScriptEngine()) {
            assertNotSame(
                    first.runtime().context().getEngine(),
                    second.runtime().context().getEngine());
        }
    }

    @Test
    void sharingEnginesKeepTheirOwnGlobalsAndLibraries() throws ScriptException {
        var factory = new FfiJsEngineFactory();
        try (var first = (FfiJsEngine) factory.getScriptEngine();
                var second = (FfiJsEngine) factory.getScriptEngine()) {
            first.eval("var tenant = 'first'; open({ library: 'test', path: '" + TEST_LIBRARY + "' })");

            assertEquals("undefined", second.eval("typeof tenant"));
            assertEquals(
                    3,
                    first.eval("load({ library: 'test', funcName: 'sum', retType: DataType.I32, "
                            + "paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })"));
            var unopened = org.junit.jupiter.api.Assertions.assertThrows(
                    ScriptException.class,
                    () -> second.eval("load({ library: 'test', funcName: 'sum', retType: DataType.I32, "
                            + "paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })"));
            org.junit.jupiter.api.Assertions.assertTrue(unopened.getMessage().contains("test"), unopened.getMessage());
        }
    }

    @Test
    void anEngineClosedLeavesTheOthersOfItsFactoryWorking() throws ScriptException {
        var factory = new FfiJsEngineFactory();
        var first = (FfiJsEngine) factory.getScriptEngine();
        first.eval("open({ library: 'libc', path: '' })");
        first.close();
        try (var second = (FfiJsEngine) factory.getScriptEngine()) {
            assertEquals(
                    42,
                    second.eval("open({ library: 'libc', path: '' }); load({ library: 'libc', funcName: 'atoi', "
                            + "retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['42'] })"));
        }
    }
}
