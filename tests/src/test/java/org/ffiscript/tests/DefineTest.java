package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefineTest {
    private Ffi ffi;

    @BeforeEach
    void open() {
        ffi = TestLibrary.openEngine();
    }

    @AfterEach
    void close() {
        ffi.close();
    }

    @Test
    void definedFunctionsTakeTheListOfValues() {
        var lib = ffi.define(Map.of(
                "sum",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32)),
                "concatenateStrings",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.String,
                                "paramsType",
                                List.of(DataType.String, DataType.String))));
        assertEquals(3, lib.get("sum").call(List.of(1, 2)));
        assertEquals(30, lib.get("sum").call(10, 20));
        assertEquals("foobar", lib.get("concatenateStrings").call(List.of("foo", "bar")));
    }

    @Test
    void aDefinitionsFuncNameIsTheSymbolAndTheKeyItsName() {
        var lib = ffi.define(Map.of(
                "add",
                Map.of(
                        "library",
                        TestLibrary.KEY,
                        "funcName",
                        "sum",
                        "retType",
                        DataType.I32,
                        "paramsType",
                        List.of(DataType.I32, DataType.I32))));
        assertEquals(Set.of("add"), lib.keySet());
        assertEquals(5, lib.get("add").call(2, 3));
    }

    @Test
    void withoutFuncNameTheKeyIsTheSymbolAsInFfiRs() {
        var error = assertThrows(
                FfiException.class,
                () -> ffi.define(Map.of(
                        "add",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32)))));
        assertTrue(error.getMessage().contains("function 'add' not found"), error.getMessage());
    }

    @Test
    void definedFunctionsHonourTheOptions() throws Exception {
        var lib = ffi.define(Map.of(
                "fail_with_errno",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32),
                                "errno",
                                true),
                "sleep_ms",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32),
                                "runInNewThread",
                                true)));
        var failed =
                assertInstanceOf(ErrnoResult.class, lib.get("fail_with_errno").call(List.of(13)));
        assertEquals(13, failed.errnoCode());
        var slept =
                assertInstanceOf(CompletableFuture.class, lib.get("sleep_ms").call(List.of(5)));
        assertEquals(5, slept.get(10, TimeUnit.SECONDS));
    }

    @Test
    void definingAMissingSymbolFailsAtDefineTime() {
        var error = assertThrows(
                FfiException.class,
                () -> ffi.define(Map.of(
                        "no_such_function",
                        Map.of("library", TestLibrary.KEY, "retType", DataType.I32, "paramsType", List.of()))));
        assertTrue(
                error.getMessage().startsWith("ffitest.no_such_function: function 'no_such_function' not found"),
                error.getMessage());
    }

    @Test
    void definedFunctionFollowsTheLibraryWhenItsKeyIsReopened() {
        var sum = ffi.define(Map.of(
                        "sum",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32))))
                .get("sum");
        ffi.close(TestLibrary.KEY);
        var closed = assertThrows(FfiException.class, () -> sum.call(1, 2));
        assertEquals(
                "ffitest.sum: library 'ffitest' is not open; call open({library: 'ffitest', path: ...}) first",
                closed.getMessage());
        ffi.open(TestLibrary.KEY, TestLibrary.PATH);
        assertEquals(3, sum.call(1, 2));
    }

    @Test
    void definedFunctionChecksItsValues() {
        var sum = ffi.define(Map.of(
                        "sum",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32))))
                .get("sum");
        var error = assertThrows(FfiException.class, () -> sum.call(1, "two"));
        assertEquals(
                "ffitest.sum: paramsValue[1]: expected I32 (a whole number from -2147483648 to 2147483647), got \"two\"",
                error.getMessage());
    }
}
