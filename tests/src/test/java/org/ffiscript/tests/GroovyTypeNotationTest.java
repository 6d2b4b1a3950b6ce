package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.groovy.GroovyFfi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Groovy API takes the DSL's type notation everywhere a type goes, the pointer tools and type() included. */
class GroovyTypeNotationTest {
    private final GroovyFfi ffi = new GroovyFfi();

    @AfterEach
    void close() {
        ffi.close();
    }

    @Test
    void thePointerToolsTakeJavaTypes() {
        var pointer = ffi.createPointer(
                Map.of("paramsType", List.of(int.class, String.class), "paramsValue", List.of(42, "text")));
        assertEquals(
                List.of(42, "text"),
                ffi.restorePointer(Map.of("retType", List.of(int.class, String.class), "paramsValue", pointer)));
        ffi.freePointer(Map.of("paramsType", List.of(int.class, String.class), "paramsValue", pointer));
    }

    @Test
    void aPointerTypedPointerHoldsAPointer() {
        var target = ffi.createPointer(Map.of("paramsType", List.of(long.class), "paramsValue", List.of(7L)))
                .get(0);
        var holder = ffi.createPointer(Map.of("paramsType", List.of(Pointer.class), "paramsValue", List.of(target)));
        var restored = ffi.restorePointer(Map.of("retType", List.of(Pointer.class), "paramsValue", holder))
                .get(0);
        assertEquals(target.address(), ((Pointer) restored).address());
    }

    @Test
    void aStructTheDslDeclaredIsATypeByName() {
        ffi.struct(Map.of("x", int.class, "y", int.class), "Point");
        var pointer = ffi.createPointer(
                Map.of("paramsType", List.of("Point"), "paramsValue", List.of(Map.of("x", 1, "y", 2))));
        assertEquals(
                Map.of("x", 1, "y", 2),
                ffi.restorePointer(Map.of("retType", List.of("Point"), "paramsValue", pointer))
                        .get(0));
    }

    @Test
    void typeSeesStructsDeclaredInC() {
        ffi.declare("struct pair { int first; int second; };");
        var pair = ffi.type("struct pair");
        assertInstanceOf(NativeType.class, pair);
        var pointer = ffi.createPointer(
                Map.of("paramsType", List.of(pair), "paramsValue", List.of(Map.of("first", 3, "second", 4))));
        assertEquals(
                Map.of("first", 3, "second", 4),
                ffi.restorePointer(Map.of("retType", List.of(pair), "paramsValue", pointer))
                        .get(0));
    }

    @Test
    void anUnknownTypeNameSaysWhereItLooked() {
        var error = assertThrows(FfiException.class, () -> ffi.type("struct never_declared"));
        assertTrue(
                error.getMessage().startsWith("type: 'struct never_declared' is neither a struct the DSL declared"),
                error.getMessage());
    }
}
