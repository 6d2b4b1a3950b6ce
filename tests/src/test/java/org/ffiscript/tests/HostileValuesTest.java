package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.Nesting;
import org.junit.jupiter.api.Test;

/**
 * Values and descriptions a hostile or careless script builds: nested without end, cyclic, holding NUL, of
 * arities the JVM cannot call. Each is refused with the engine's error naming where, never a raw Java
 * exception, and the engine answers right afterwards.
 */
class HostileValuesTest extends EngineTest {
    private static final String TOO_DEEP_VALUE = "the value nests more than " + Nesting.MAX_DEPTH
            + " levels deep (a value that contains itself, or a longer chain of struct pointers; the system property "
            + Nesting.PROPERTY + " raises the limit, with a larger thread stack)";

    /** struct Node from structs.c, its next field pointing back at its own description. */
    private static Map<String, Object> nodeType() {
        var node = struct("value", DataType.I32, "next", null);
        node.put("next", node);
        return node;
    }

    /** A linked list of {@code length} nodes holding 1, 2, 3, ... */
    private static Map<String, Object> list(int length) {
        Map<String, Object> head = null;
        for (int i = length; i >= 1; i--) {
            head = struct("value", i, "next", head);
        }
        return head;
    }

    private static String repeated(String step, int times) {
        return step.repeat(times);
    }

    @Test
    void aCyclicStructValueIsRefusedWithAShortenedPath() {
        var node = struct("value", 1, "next", null);
        node.put("next", node);
        var error = assertThrows(FfiException.class, () -> call("list_sum", DataType.I32, List.of(nodeType()), node));
        assertEquals(
                "ffitest.list_sum: paramsValue[0]" + repeated(".next", 8) + "...(" + (Nesting.MAX_DEPTH - 16)
                        + " more)..." + repeated(".next", 8) + ": " + TOO_DEEP_VALUE,
                error.getMessage());
        assertEquals(3, call("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2));
    }

    @Test
    void aListLongerThanTheNestingLimitIsRefusedAndOneAtTheLimitIsPassed() {
        assertThrows(FfiException.class, () -> call("list_sum", DataType.I32, List.of(nodeType()), list(100_000)));
        int longest = Nesting.MAX_DEPTH;
        assertEquals(longest * (longest + 1) / 2, call("list_sum", DataType.I32, List.of(nodeType()), list(longest)));
    }

    @Test
    void aValueAtTheNestingLimitConvertsInHalfTheDefaultThreadStack() throws InterruptedException {
        var result = new AtomicReference<Object>();
        var thread = Thread.ofPlatform().stackSize(512 * 1024).start(() -> {
            try {
                result.set(call("list_sum", DataType.I32, List.of(nodeType()), list(Nesting.MAX_DEPTH)));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        thread.join();
        assertEquals(Nesting.MAX_DEPTH * (Nesting.MAX_DEPTH + 1) / 2, result.get());
    }

    @Test
    void aDescriptionNestedThousandsDeepIsRefused() {
        Map<String, Object> description = struct("leaf", DataType.I32);
        for (int i = 0; i < 20_000; i++) {
            description = struct("inner", description);
        }
        var deep = description;
        var error = assertThrows(FfiException.class, () -> call("list_sum", DataType.I32, List.of(deep), Map.of()));
        assertEquals(
                true,
                error.getMessage().startsWith("ffitest.list_sum: paramsType[0]" + repeated(".inner", 8) + "...("),
                error.getMessage());
        assertEquals(
                true,
                error.getMessage()
                        .endsWith(": the description nests more than " + Nesting.MAX_DEPTH
                                + " levels deep (does a struct contain itself by value, or a function itself?)"),
                error.getMessage());
    }

    @Test
    void aDescriptionHoldingItselfAsAFunctionParameterIsRefused() {
        var function = new java.util.LinkedHashMap<String, Object>();
        var params = new ArrayList<Object>();
        function.put("ffiTypeTag", DataType.Function);
        function.put("paramsType", params);
        function.put("retType", DataType.Void);
        params.add(function);
        var error = assertThrows(
                FfiException.class, () -> call("apply", DataType.I32, List.of(function, DataType.I32), null, 1));
        assertEquals(true, error.getMessage().contains("the description nests more than"), error.getMessage());
    }

    @Test
    void nulInsideAStringValueIsRefusedWithItsPosition() {
        assertEquals(
                "ffitest.concatenateStrings: paramsValue[1]: expected String (a string, without NUL characters: C strings "
                        + "end at the first), got \"ab\\u0000c\" (NUL at index 2)",
                assertThrows(
                                FfiException.class,
                                () -> call(
                                        "concatenateStrings",
                                        DataType.String,
                                        List.of(DataType.String, DataType.String),
                                        "x",
                                        "ab\0c"))
                        .getMessage());
        assertThrows(
                FfiException.class,
                () -> call(
                        "concatenateStrings",
                        DataType.String,
                        List.of(DataType.String, DataType.String),
                        "x",
                        new StringBuilder("\0")));
        assertEquals(
                "createPointer: paramsValue[0][1]: expected String (a string, without NUL characters: C strings end at "
                        + "the first), got \"\\u0000\" (NUL at index 0)",
                assertThrows(
                                FfiException.class,
                                () -> ffi.createPointer(Map.of(
                                        "paramsType",
                                        List.of(DataType.StringArray),
                                        "paramsValue",
                                        List.of(List.of("a", "\0")))))
                        .getMessage());
        assertThrows(
                FfiException.class,
                () -> ffi.createPointer(
                        Map.of("paramsType", List.of(DataType.WString), "paramsValue", List.of("w\0"))));
        assertThrows(
                FfiException.class,
                () -> ffi.createPointer(Map.of("paramsType", List.of("char *"), "paramsValue", List.of("c\0"))));
        assertEquals(
                "ab", call("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), "a", "b"));
    }

    @Test
    void nulInsideAFunctionNameOrALibraryPathIsRefused() {
        assertEquals(
                "ffitest: funcName: expected text without NUL characters (C strings end at the first), got \"sum\\u0000junk\" "
                        + "(NUL at index 3)",
                assertThrows(
                                FfiException.class,
                                () -> call("sum\0junk", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2))
                        .getMessage());
        assertThrows(
                FfiException.class,
                () -> ffi.define(Map.of(
                        "sum\0",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32)))));
        assertEquals(
                "open: path: expected text without NUL characters (C strings end at the first), got \"libm.so.6\\u0000junk\" "
                        + "(NUL at index 9)",
                assertThrows(FfiException.class, () -> ffi.open("nul", "libm.so.6\0junk"))
                        .getMessage());
        assertEquals(3, call("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2));
    }

    @Test
    void moreParametersThanAJvmMethodHandleTakesAreRefusedNamingTheLimit() {
        var ints = java.util.Collections.nCopies(300, (Object) DataType.I32);
        assertEquals(
                "ffitest.sum: paramsType: 300 parameters need 300 argument slots, and the JVM's method handles leave this "
                        + "call 252 (of 255; I64, U64, BigInt and Double take two, every other type one)",
                assertThrows(
                                FfiException.class,
                                () -> call(
                                        "sum",
                                        DataType.I32,
                                        ints,
                                        java.util.Collections.nCopies(300, 1).toArray()))
                        .getMessage());
        var longs = java.util.Collections.nCopies(127, (Object) DataType.I64);
        assertThrows(
                FfiException.class,
                () -> call(
                        "sum",
                        DataType.I32,
                        longs,
                        java.util.Collections.nCopies(127, 1).toArray()));
        var callback = new java.util.HashMap<String, Object>(
                Map.of("ffiTypeTag", DataType.Function, "paramsType", ints, "retType", DataType.I32));
        assertEquals(
                true,
                assertThrows(
                                FfiException.class,
                                () -> call("apply", DataType.I32, List.of(callback, DataType.I32), null, 1))
                        .getMessage()
                        .startsWith(
                                "ffitest.apply: paramsType[0]: paramsType: 300 parameters need 300 argument slots"));
    }

    @Test
    void asManyParametersAsTheJvmTakesAreCalledThroughTheSpreadPath() {
        int widest = 252; // the sum C function reads its first two; the rest are valid arguments it ignores
        var values = new ArrayList<Object>(java.util.Collections.nCopies(widest, 0));
        values.set(0, 20);
        values.set(1, 22);
        assertEquals(
                42, call("sum", DataType.I32, java.util.Collections.nCopies(widest, DataType.I32), values.toArray()));
        values.set(200, "not a number");
        assertEquals(
                "ffitest.sum: paramsValue[200]: expected I32 (a whole number from -2147483648 to 2147483647), got \"not a number\"",
                assertThrows(
                                FfiException.class,
                                () -> call(
                                        "sum",
                                        DataType.I32,
                                        java.util.Collections.nCopies(widest, DataType.I32),
                                        values.toArray()))
                        .getMessage());
    }

    @Test
    void aValueForVoidInCreatePointerIsRefused() {
        assertEquals(
                "createPointer: paramsValue[0]: expected no value for Void (null or undefined), got 5",
                assertThrows(
                                FfiException.class,
                                () -> ffi.createPointer(
                                        Map.of("paramsType", List.of(DataType.Void), "paramsValue", List.of(5))))
                        .getMessage());
        var nullPointer = ffi.createPointer(
                Map.of("paramsType", List.of(DataType.Void), "paramsValue", java.util.Arrays.asList((Object) null)));
        assertEquals(true, ffi.isNullPointer(ffi.unwrapPointer(nullPointer).get(0)), "as in ffi-rs: a pointer to NULL");
    }

    @Test
    void typeNamesCRejectsAreRefused() {
        assertEquals(
                "ffitest.sum: paramsType[0]: line 1, column 1: 'int' and 'int' do not combine",
                assertThrows(
                                FfiException.class,
                                () -> call("sum", DataType.I32, List.of("int int", DataType.I32), 1, 2))
                        .getMessage());
        assertEquals(
                "ffitest.sum: paramsType[0]: line 1, column 1: 'char' and 'int' do not combine",
                assertThrows(
                                FfiException.class,
                                () -> call("sum", DataType.I32, List.of("char int", DataType.I32), 1, 2))
                        .getMessage());
        assertThrows(FfiException.class, () -> ffi.define(Map.of("f", "int int f(int int x)")));
        assertThrows(
                FfiException.class, () -> call("sum", DataType.I32, List.of("unsigned float", DataType.I32), 1, 2));
        assertEquals(3, call("sum", DataType.I32, List.of("long int", "unsigned short int"), 1, 2));
    }

    @Test
    void aNullKeyIsRefusedLikeAnyUnknownKey() {
        var spec = TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2);
        spec.put(null, 1);
        assertEquals(
                "ffitest.sum: unknown key null; valid keys are [errno, freeResultMemory, funcName, library, paramsType, "
                        + "paramsValue, retType, runInNewThread]",
                assertThrows(FfiException.class, () -> ffi.load(spec)).getMessage());
    }
}
