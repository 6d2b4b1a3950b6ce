package org.ffiscript.tests;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.ffiscript.tests.Shapes.array;
import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.PointerType;
import org.ffiscript.engine.ScriptFunction;
import org.junit.jupiter.api.Test;

class CallbacksTest extends EngineTest {
    private static final Map<String, Object> INT_TO_INT =
            Descriptors.funcConstructor(Map.of("paramsType", List.of(DataType.I32), "retType", DataType.I32));

    private static Map<String, Object> function(List<?> paramsType, Object retType) {
        return Descriptors.funcConstructor(Map.of("paramsType", paramsType, "retType", retType));
    }

    @Test
    void synchronousCallbackReturnsItsValueToC() {
        ScriptFunction twice = args -> (Integer) args.get(0) * 2;
        assertEquals(42, call("apply", DataType.I32, List.of(INT_TO_INT, DataType.I32), twice, 21));
    }

    @Test
    void foldRunsTheCallbackForEveryElement() {
        var add = function(List.of(DataType.I32, DataType.I32), DataType.I32);
        ScriptFunction sum = args -> (Integer) args.get(0) + (Integer) args.get(1);
        assertEquals(
                110,
                call(
                        "fold",
                        DataType.I32,
                        List.of(DataType.I32Array, DataType.I32, add, DataType.I32),
                        List.of(1, 2, 3, 4),
                        4,
                        sum,
                        100));
    }

    @Test
    void libcQsortSortsWithAScriptComparator() {
        ffi.open("libc", "");
        var data = ffi.createPointer(
                Map.of("paramsType", List.of(DataType.I32Array), "paramsValue", List.of(List.of(5, -3, 9, 1, 0))));
        var one = array(DataType.I32Array, 1);
        ScriptFunction compare = args -> Integer.compare(
                ((List<?>) args.get(0)).get(0).hashCode(),
                ((List<?>) args.get(1)).get(0).hashCode());
        ffi.load(Map.of(
                "library",
                "libc",
                "funcName",
                "qsort",
                "retType",
                DataType.Void,
                "paramsType",
                List.of(DataType.External, DataType.U64, DataType.U64, function(List.of(one, one), DataType.I32)),
                "paramsValue",
                List.of(ffi.unwrapPointer(data).get(0), 5, 4, compare)));
        assertEquals(
                List.of(-3, 0, 1, 5, 9),
                ffi.restorePointer(Map.of("retType", List.of(array(DataType.I32Array, 5)), "paramsValue", data))
                        .get(0));
    }

    @Test
    void everyReturnKindReachesC() {
        assertEquals(
                2.5,
                call(
                        "apply_double",
                        DataType.Double,
                        List.of(function(List.of(DataType.Double), DataType.Double), DataType.Double),
                        (ScriptFunction) args -> (Double) args.get(0) / 2,
                        5.0));
        assertEquals(
                0.75,
                call(
                        "apply_float",
                        DataType.Float,
                        List.of(function(List.of(DataType.Float), DataType.Float), DataType.Float),
                        (ScriptFunction) args -> (Double) args.get(0) + 0.5,
                        0.25));
        assertEquals(
                1L << 50,
                call(
                        "apply_i64",
                        DataType.I64,
                        List.of(function(List.of(DataType.I64), DataType.I64), DataType.I64),
                        (ScriptFunction) args -> (Long) args.get(0) << 10,
                        1L << 40));
        assertEquals(
                true,
                call(
                        "apply_bool",
                        DataType.Boolean,
                        List.of(function(List.of(DataType.Boolean), DataType.Boolean), DataType.Boolean),
                        (ScriptFunction) args -> !(Boolean) args.get(0),
                        false));
        var shout = new LinkedHashMap<String, Object>(Map.of(
                "library",
                TestLibrary.KEY,
                "funcName",
                "apply_string",
                "retType",
                DataType.String,
                "paramsType",
                List.of(function(List.of(DataType.String), DataType.String), DataType.String),
                "paramsValue",
                List.of((ScriptFunction) args -> ((String) args.get(0)).toUpperCase() + "!", "héllo"),
                "freeResultMemory",
                true));
        assertEquals("HÉLLO!", ffi.load(shout));
        var pointer = Pointer.ofAddress(0xBEEF);
        assertEquals(
                Pointer.ofAddress(0xBEEF + 8),
                call(
                        "apply_pointer",
                        DataType.External,
                        List.of(function(List.of(DataType.External), DataType.External), DataType.External),
                        (ScriptFunction) args -> Pointer.ofAddress(((Pointer) args.get(0)).address() + 8),
                        pointer));
    }

    @Test
    void richArgumentsAreConverted() {
        var pair = struct("x", DataType.I32, "y", DataType.I32);
        var pairByValue = struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        var rich = function(
                List.of(
                        DataType.I32,
                        DataType.String,
                        DataType.Double,
                        DataType.Boolean,
                        array(DataType.I32Array, 3),
                        array(DataType.StringArray, 2),
                        pair,
                        pairByValue,
                        DataType.Float,
                        DataType.I64),
                DataType.Void);
        var seen = new AtomicReference<List<Object>>();
        call("call_rich", DataType.Void, List.of(rich), (ScriptFunction) args -> {
            seen.set(args);
            return null;
        });
        assertEquals(
                List.of(
                        100,
                        "Hello, World!",
                        100.11,
                        false,
                        List.of(101, 202, 303),
                        List.of("Hello", "world"),
                        Map.of("x", 1, "y", 2),
                        Map.of("x", 3, "y", 4),
                        1.5,
                        1L << 40),
                seen.get());
    }

    @Test
    void callbackStoredByCIsFiredByALaterUnrelatedCall() {
        call("register_callback", DataType.Void, List.of(INT_TO_INT), (ScriptFunction)
                args -> (Integer) args.get(0) + 1000);
        call("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2);
        assertEquals(1005, call("fire_stored", DataType.I32, List.of(DataType.I32), 5));
    }

    @Test
    void storedCallbackFailingInALaterCallOfOnlyNumbersIsRethrownFromThatCall() {
        call("register_callback", DataType.Void, List.of(INT_TO_INT), (ScriptFunction) args -> {
            throw new IllegalStateException("stored boom");
        });
        var fireStored = ffi.define(Map.of(
                        "fire_stored",
                        Map.of("library", "ffitest", "retType", DataType.I32, "paramsType", List.of(DataType.I32))))
                .get("fire_stored");
        var error = assertThrows(FfiException.class, () -> fireStored.call(5));
        assertEquals(
                "ffitest.fire_stored: a callback failed: java.lang.IllegalStateException: stored boom",
                error.getMessage());
        call("register_callback", DataType.Void, List.of(INT_TO_INT), (ScriptFunction)
                args -> (Integer) args.get(0) + 1000);
        assertEquals(1005, fireStored.call(5), "the failure was taken by the call it belonged to");
    }

    @Test
    void callbackPassedAsAnExternalFailingIsRethrownFromTheCall() {
        var pointers = ffi.createPointer(
                Map.of("paramsType", List.of(INT_TO_INT), "paramsValue", List.of((ScriptFunction) args -> {
                    throw new IllegalStateException("external boom");
                })));
        var functionPointer = ffi.unwrapPointer(pointers).get(0);
        var error = assertThrows(
                FfiException.class,
                () -> call("apply", DataType.I32, List.of(DataType.External, DataType.I32), functionPointer, 7));
        assertEquals(
                "ffitest.apply: a callback failed: java.lang.IllegalStateException: external boom", error.getMessage());
        ffi.freePointer(Map.of(
                "paramsType", List.of(INT_TO_INT), "paramsValue", pointers, "pointerType", PointerType.RsPointer));
    }

    @Test
    void callbackMadeWithCreatePointerIsPassedAsAnExternalAndFreed() {
        var pointers =
                ffi.createPointer(Map.of("paramsType", List.of(INT_TO_INT), "paramsValue", List.of((ScriptFunction)
                        args -> -(Integer) args.get(0))));
        var functionPointer = ffi.unwrapPointer(pointers).get(0);
        assertEquals(-7, call("apply", DataType.I32, List.of(DataType.External, DataType.I32), functionPointer, 7));
        assertEquals(-8, call("apply", DataType.I32, List.of(INT_TO_INT, DataType.I32), functionPointer, 8));
        ffi.freePointer(Map.of(
                "paramsType", List.of(INT_TO_INT), "paramsValue", pointers, "pointerType", PointerType.RsPointer));
        assertThrows(
                FfiException.class,
                () -> ffi.freePointer(Map.of("paramsType", List.of(INT_TO_INT), "paramsValue", pointers)));
    }

    @Test
    void oneFunctionPassedRepeatedlyGetsOnePointer() {
        ScriptFunction identity = args -> args.get(0);
        var first = call("function_address", DataType.External, List.of(INT_TO_INT), identity);
        var second = call("function_address", DataType.External, List.of(INT_TO_INT), identity);
        assertEquals(first, second);
        assertNotEquals(first, call("function_address", DataType.External, List.of(INT_TO_INT), (ScriptFunction)
                args -> args.get(0)));
    }

    @Test
    void eightNativeThreadsCallOneCallbackAtOnce() {
        var threads = ConcurrentHashMap.<Thread>newKeySet();
        var calls = new AtomicInteger();
        ScriptFunction square = args -> {
            threads.add(Thread.currentThread());
            calls.incrementAndGet();
            int x = (Integer) args.get(0);
            return x % 1000;
        };
        long expected = 0;
        for (int i = 0; i < 8 * 5_000; i++) {
            expected += i % 1000;
        }
        assertEquals(
                expected,
                call(
                        "call_from_threads",
                        DataType.I64,
                        List.of(INT_TO_INT, DataType.I32, DataType.I32),
                        square,
                        8,
                        5_000));
        assertEquals(40_000, calls.get());
        assertEquals(8, threads.size(), "each native thread runs the callback itself");
    }

    @Test
    void detachedNativeThreadCallsAfterTheCallReturned() throws Exception {
        var called = new CountDownLatch(1);
        call(
                "call_later_detached",
                DataType.Void,
                List.of(INT_TO_INT, DataType.I32, DataType.I32),
                (ScriptFunction) args -> {
                    called.countDown();
                    return (Integer) args.get(0) * 3;
                },
                14,
                100);
        assertTrue(called.await(10, TimeUnit.SECONDS));
        assertEquals(42, waitForDetachedResult());
    }

    private int waitForDetachedResult() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            int result = (Integer) call("detached_result_value", DataType.I32, List.of());
            if (result != -1) {
                return result;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the detached thread never stored its result");
    }

    @Test
    void exceptionInACallbackIsRethrownFromTheCallAndCGetsZero() {
        var calls = new AtomicInteger();
        var error = assertThrows(
                FfiException.class,
                () -> call(
                        "upcall_loop",
                        DataType.I32,
                        List.of(INT_TO_INT, DataType.I32),
                        (ScriptFunction) args -> {
                            calls.incrementAndGet();
                            throw new IllegalStateException("boom");
                        },
                        3));
        assertEquals(
                "ffitest.upcall_loop: a callback failed: java.lang.IllegalStateException: boom", error.getMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals(3, calls.get(), "C carried on with zeros and called again");
        assertEquals(2, error.getCause().getSuppressed().length);
        assertEquals(3, call("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2));
    }

    @Test
    void exceptionOnANativeThreadGoesToTheErrorHandler() throws Exception {
        var handled = new AtomicReference<Throwable>();
        var latch = new CountDownLatch(1);
        ffi.onCallbackError(failure -> {
            handled.set(failure);
            latch.countDown();
        });
        call(
                "call_later_detached",
                DataType.Void,
                List.of(INT_TO_INT, DataType.I32, DataType.I32),
                (ScriptFunction) args -> {
                    throw new IllegalArgumentException("from a C thread");
                },
                1,
                10);
        assertTrue(latch.await(10, TimeUnit.SECONDS));
        assertEquals("from a C thread", handled.get().getMessage());
        assertEquals(0, waitForDetachedResult());
    }

    @Test
    void aReturnValueOfTheWrongKindFailsTheCall() {
        var error = assertThrows(
                FfiException.class,
                () -> call(
                        "apply",
                        DataType.I32,
                        List.of(INT_TO_INT, DataType.I32),
                        (ScriptFunction) args -> "not a number",
                        1));
        assertEquals(
                "ffitest.apply: a callback failed: the callback returned a value C cannot take: retType: expected I32 "
                        + "(a whole number from -2147483648 to 2147483647), got \"not a number\"",
                error.getMessage());
    }

    @Test
    void callbacksCanCallIntoCAgain() {
        ScriptFunction nested =
                args -> call("sum", DataType.I32, List.of(DataType.I32, DataType.I32), args.get(0), 100);
        assertEquals(
                4950 + 100 * 100, call("upcall_loop", DataType.I32, List.of(INT_TO_INT, DataType.I32), nested, 100));
    }

    private int intactAfterCallbacks(boolean freeCFuncParamsMemory) {
        var takeString = Descriptors.funcConstructor(Map.of(
                "paramsType",
                List.of(DataType.String),
                "retType",
                DataType.Void,
                "freeCFuncParamsMemory",
                freeCFuncParamsMemory));
        var seen = new ArrayList<String>();
        ScriptFunction keep = args -> seen.add((String) args.get(0)) ? null : null;
        call("call_with_fresh_strings", DataType.Void, List.of(takeString, DataType.I32, DataType.I32), keep, 5, 100);
        assertEquals(
                List.of("a", "b", "c", "d", "e").stream()
                        .map(letter -> letter.repeat(100))
                        .toList(),
                seen);
        return intactBlocks();
    }

    @Test
    void freeCFuncParamsMemoryFreesWhatCPassed() {
        assertEquals(0, intactAfterCallbacks(true));
    }

    @Test
    void byDefaultWhatCPassedToACallbackStaysWithC() {
        assertEquals(5, intactAfterCallbacks(false));
    }

    @Test
    void badFunctionDescriptionsAreRefused() {
        assertEquals(
                "funcConstructor: paramsType[0]: I32Array needs a length to be read back: describe it with "
                        + "arrayConstructor({type, length})",
                assertThrows(FfiException.class, () -> function(List.of(DataType.I32Array), DataType.Void))
                        .getMessage());
        assertEquals(
                "funcConstructor: retType: a callback returns scalars, strings and pointers, not struct {x}",
                assertThrows(
                                FfiException.class,
                                () -> function(
                                        List.of(), struct("x", DataType.I32, "ffiTypeTag", DataType.StackStruct)))
                        .getMessage());
        assertEquals(
                "funcConstructor: paramsType: expected a list of types, got null",
                assertThrows(FfiException.class, () -> Descriptors.funcConstructor(Map.of("retType", DataType.I32)))
                        .getMessage());
        assertEquals(
                "ffitest.apply: paramsValue[0]: expected Function(I32) -> I32 (a function or a function pointer), got 5",
                assertThrows(
                                FfiException.class,
                                () -> call("apply", DataType.I32, List.of(INT_TO_INT, DataType.I32), 5, 1))
                        .getMessage());
    }

    @Test
    void nullForAFunctionParameterIsRefusedBeforeCGetsANullPointer() {
        var compare = function(List.of(DataType.External, DataType.External), DataType.I32);
        ffi.open("libc", "");
        var qsort = new java.util.HashMap<String, Object>(Map.of(
                "library",
                "libc",
                "funcName",
                "qsort",
                "retType",
                DataType.Void,
                "paramsType",
                List.of(DataType.External, DataType.U64, DataType.U64, compare)));
        qsort.put(
                "paramsValue",
                java.util.Arrays.asList(
                        ffi.unwrapPointer(ffi.createPointer(Map.of(
                                        "paramsType",
                                        List.of(DataType.I32Array),
                                        "paramsValue",
                                        List.of(List.of(3, 1, 2)))))
                                .get(0),
                        3,
                        4,
                        null));
        assertEquals(
                "libc.qsort: paramsValue[3]: expected Function(External, External) -> I32 (a function or a function pointer), got null",
                assertThrows(FfiException.class, () -> ffi.load(qsort)).getMessage());
        var inStruct = struct("f", INT_TO_INT);
        var withNullField = new java.util.HashMap<String, Object>();
        withNullField.put("f", null);
        assertEquals(
                "createPointer: paramsValue[0].f: expected Function(I32) -> I32 (a function or a function pointer), got null",
                assertThrows(
                                FfiException.class,
                                () -> ffi.createPointer(
                                        Map.of("paramsType", List.of(inStruct), "paramsValue", List.of(withNullField))))
                        .getMessage());
    }

    @Test
    void aNullPointerObjectStaysADeliberateNullFunctionPointer() {
        assertEquals(
                1,
                call(
                        "sort_random",
                        DataType.I32,
                        List.of(
                                DataType.I32,
                                DataType.U32,
                                function(List.of(DataType.External, DataType.External), DataType.I32)),
                        1000,
                        7,
                        Pointer.NULL));
    }

    @Test
    void aJavaComparatorSortsAHundredThousandInts() {
        var comparator = function(List.of(DataType.External, DataType.External), DataType.I32);
        ScriptFunction compare = args -> Integer.compare(
                ((Pointer) args.get(0)).segment().reinterpret(4).get(JAVA_INT, 0),
                ((Pointer) args.get(1)).segment().reinterpret(4).get(JAVA_INT, 0));
        assertEquals(
                1,
                call(
                        "sort_random",
                        DataType.I32,
                        List.of(DataType.I32, DataType.U32, comparator),
                        100_000,
                        7,
                        compare));
    }
}
