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
            + " levels deep (a value that contains itself, or a longer chain of struct pointers)";

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
        assertEquals("ffitest.list_sum: paramsValue[0]" + repeated(".next", 8) + "...(" + (Nesting.MAX_DEPTH - 16) + " more)..."
                + repeated(".next", 8) + ": " + TOO_DEEP_VALUE, error.getMessage());
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
        assertEquals(true, error.getMessage().startsWith("ffitest.list_sum: paramsType[0]" + repeated(".inner", 8) + "...("),
                error.getMessage());
        assertEquals(true, error.getMessage().endsWith(": the description nests more than " + Nesting.MAX_DEPTH
                + " levels deep (does a struct contain itself by value, or a function itself?)"), error.getMessage());
    }

    @Test
    void aDescriptionHoldingItselfAsAFunctionParameterIsRefused() {
        var function = new java.util.LinkedHashMap<String, Object>();
        var params = new ArrayList<Object>();
        function.put("ffiTypeTag", DataType.Function);
        function.put("paramsType", params);
        function.put("retType", DataType.Void);
        params.add(function);
        var error = assertThrows(FfiException.class, () -> call("apply", DataType.I32, List.of(function, DataType.I32), null, 1));
        assertEquals(true, error.getMessage().contains("the description nests more than"), error.getMessage());
    }

    @Test
    void deeplyNestedCDeclaratorsAreRefusedWithTheirPosition() {
        var parentheses = assertThrows(FfiException.class,
                () -> ffi.declare("typedef int " + "(".repeat(20_000) + "*p" + ")".repeat(20_000) + ";")).getMessage();
        assertEquals("declare: line 1, column " + (14 + Nesting.MAX_DEPTH) + ": the declaration nests more than "
                + Nesting.MAX_DEPTH + " levels deep (parentheses, parameter lists and struct bodies together)", parentheses);
        var stars = assertThrows(FfiException.class, () -> ffi.declare("typedef int " + "*".repeat(100_000) + "p;")).getMessage();
        assertEquals("declare: line 1, column 100013: the type nests more than " + Nesting.MAX_DEPTH
                + " levels deep (pointers, arrays and functions derived from one another)", stars);
        var nestedStructs = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            nestedStructs.append("struct S").append(i).append(" { ");
        }
        nestedStructs.append("int x; ").append("} s; ".repeat(4_999)).append("};");
        var structs = assertThrows(FfiException.class, () -> ffi.declare(nestedStructs.toString())).getMessage();
        assertEquals(true, structs.contains("the declaration nests more than " + Nesting.MAX_DEPTH), structs);
        var chain = new StringBuilder("typedef int *T0;");
        for (int i = 1; i <= Nesting.MAX_DEPTH + 1; i++) {
            chain.append("typedef T").append(i - 1).append(" *T").append(i).append(';');
        }
        var typedefs = assertThrows(FfiException.class, () -> ffi.declare(chain.toString())).getMessage();
        assertEquals(true, typedefs.contains("the type nests more than " + Nesting.MAX_DEPTH), typedefs);
    }
}
