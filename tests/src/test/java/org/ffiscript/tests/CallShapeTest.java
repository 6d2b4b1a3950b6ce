package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.CallShape;
import org.ffiscript.engine.CallShape.Invoker;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.NativeFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function's shape is decided once, when it is compiled, and names the invoker its calls take. Under
 * {@code -Dffiscript.generalPath=true} (the suite's second run) every call takes the general path.
 */
class CallShapeTest {
    private Ffi ffi;

    @BeforeEach
    void open() {
        ffi = TestLibrary.openEngine();
    }

    @AfterEach
    void close() {
        ffi.close();
    }

    private NativeFunction define(Object retType, List<?> paramsType, Map<String, ?> options) {
        var description = new java.util.HashMap<String, Object>(
                Map.of("library", TestLibrary.KEY, "retType", retType, "paramsType", paramsType));
        description.putAll(options);
        return ffi.define(Map.of("sum", description)).get("sum");
    }

    private static Invoker quickest(Invoker invoker) {
        return CallShape.GENERAL_PATH_ONLY ? Invoker.CARRIERS : invoker;
    }

    @Test
    void aSmallSynchronousCallTakesTheDirectInvoker() {
        var sum = define(DataType.I32, List.of(DataType.I32, DataType.I32), Map.of());
        var shape = sum.shape();
        assertEquals(2, shape.arity());
        assertEquals(quickest(Invoker.DIRECT), shape.invoker());
        assertEquals(CallShape.GENERAL_PATH_ONLY ? -1 : 2, shape.directArity());
        assertFalse(shape.temporaries());
        assertEquals(3, sum.call(1, 2));
        assertEquals(3, sum.call(List.of(1, 2)));
    }

    @Test
    void stringsNeedScratchMemory() {
        var concatenate = ffi.define(Map.of(
                        "concatenateStrings",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.String,
                                "paramsType",
                                List.of(DataType.String, DataType.String))))
                .get("concatenateStrings");
        assertTrue(concatenate.shape().temporaries());
        assertEquals(quickest(Invoker.DIRECT), concatenate.shape().invoker());
        assertEquals("foobar", concatenate.call("foo", "bar"));
    }

    @Test
    void errnoAndFreeingTakeTheFusedTree() {
        var withErrno = define(DataType.I32, List.of(DataType.I32, DataType.I32), Map.of("errno", true));
        assertTrue(withErrno.shape().errno());
        assertEquals(quickest(Invoker.FUSED), withErrno.shape().invoker());
        assertEquals(-1, withErrno.shape().directArity());
    }

    @Test
    void callbacksTakeTheFusedTree() {
        var callback =
                Descriptors.funcConstructor(Map.of("paramsType", List.of(DataType.I32), "retType", DataType.I32));
        var apply = ffi.define(Map.of(
                        "apply",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(callback, DataType.I32))))
                .get("apply");
        assertTrue(apply.shape().callbacks());
        assertEquals(quickest(Invoker.FUSED), apply.shape().invoker());
    }

    @Test
    void callsOnWorkerThreadsTakeTheGeneralPath() throws Exception {
        var sum = define(DataType.I32, List.of(DataType.I32, DataType.I32), Map.of("runInNewThread", true));
        assertTrue(sum.shape().async());
        assertEquals(Invoker.CARRIERS, sum.shape().invoker());
        assertEquals(5, ((java.util.concurrent.CompletableFuture<?>) sum.call(2, 3)).get());
    }

    @Test
    void variadicFunctionsAreNeverDirect() {
        var snprintf = ffi.define(
                        Map.of("snprintf", "int snprintf(char *buffer, size_t size, const char *format, ...)"))
                .get("snprintf");
        assertTrue(snprintf.shape().variadic());
        assertEquals(-1, snprintf.shape().directArity());
        var buffer = new byte[16];
        assertEquals(2, snprintf.call(buffer, 16, "%d", "int", 42));
        assertEquals("42", new String(buffer, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void functionsTooWideForAFusedTreeConvertValuesOneByOne() {
        int width = 200; // the C function reads its first two values; the rest are valid arguments it ignores
        var sum = define(DataType.I32, Collections.nCopies(width, DataType.I32), Map.of());
        assertEquals(Invoker.CARRIERS, sum.shape().invoker());
        var values = new ArrayList<Object>(Collections.nCopies(width, 0));
        values.set(0, 40);
        values.set(1, 2);
        assertEquals(42, sum.call(values));
    }
}
