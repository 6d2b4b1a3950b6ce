package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.NativeFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code struct S *} parameters, in C prototypes and in descriptions, take what C code passes there: a pointer
 * (memory the script or C keeps, passed as it is), null, or a map, copied in and, unless the struct is
 * {@code const}, updated with what C changed.
 */
class StructPointersTest extends EngineTest {
    private static final Map<String, Object> SPOT = struct("x", DataType.I32, "y", DataType.I32);

    @BeforeAll
    static void declareSpot() {
        ffi.declare(
                "typedef struct { int32_t x; int32_t y; } Spot; typedef struct Link { int32_t value; struct Link *next; } Link;");
    }

    private static NativeFunction prototype(String prototype) {
        return ffi.define(Map.of("f", Map.of("library", TestLibrary.KEY, "prototype", prototype)))
                .get("f");
    }

    private static Map<String, Object> spot(int x, int y) {
        return struct("x", x, "y", y);
    }

    @Test
    void aMapPassedToAStructPointerGetsWhatCChanged() {
        var spot = spot(1, 2);
        assertEquals(0, prototype("int spot_move(Spot *spot, int dx, int dy)").call(spot, 10, 20));
        assertEquals(spot(11, 22), spot);
    }

    @Test
    void aMapInADescriptionGetsWhatCChangedToo() {
        var spot = spot(1, 2);
        assertEquals(0, call("spot_move", DataType.I32, List.of(SPOT, DataType.I32, DataType.I32), spot, 3, 4));
        assertEquals(spot(4, 6), spot);
    }

    @Test
    void aConstStructIsNotCopiedBack() {
        var spot = spot(1, 2);
        // declared const although C writes: the engine takes C at its word and copies nothing back
        assertEquals(
                0, prototype("int spot_move(const Spot *spot, int dx, int dy)").call(spot, 10, 20));
        assertEquals(spot(1, 2), spot);
        assertEquals(3, prototype("int spot_sum(const Spot *spot)").call(Map.of("x", 1, "y", 2)));
    }

    @Test
    void aMapThatCannotChangeIsPassedAndKeepsItsValues() {
        var spot = Map.of("x", 1, "y", 2);
        assertEquals(0, prototype("int spot_move(Spot *spot, int dx, int dy)").call(spot, 10, 20));
        assertEquals(Map.of("x", 1, "y", 2), spot);
    }

    @Test
    void aPointerIsPassedAsItIsWithoutACopy() {
        var pointer = ffi.createPointer(Map.of("paramsType", List.of("Spot"), "paramsValue", List.of(spot(1, 2))))
                .getFirst();
        assertEquals(0, prototype("int spot_move(Spot *spot, int dx, int dy)").call(pointer, 1, 1));
        assertEquals(0, call("spot_move", DataType.I32, List.of(SPOT, DataType.I32, DataType.I32), pointer, 1, 1));
        assertEquals(
                spot(3, 4),
                ffi.restorePointer(Map.of("retType", List.of("Spot"), "paramsValue", List.of(pointer)))
                        .getFirst());
        ffi.freePointer(Map.of("paramsValue", List.of(pointer)));
    }

    @Test
    void aNativeBufferIsPassedAsItsAddress() {
        try (var buffer = NativeBuffer.allocate(8)) {
            assertEquals(
                    0, prototype("int spot_move(Spot *spot, int dx, int dy)").call(buffer, 5, 6));
            assertEquals(spot(5, 6), ffi.decode(buffer.pointer(), "Spot"));
        }
    }

    @Test
    void nullIsPassedAsNull() {
        assertEquals(-1, prototype("int spot_move(Spot *spot, int dx, int dy)").call(null, 1, 1));
        assertEquals(-1, call("spot_sum", DataType.I32, List.of(SPOT), (Object) null));
    }

    @Test
    void nestedMapsAreUpdatedInPlace() {
        var third = struct("value", 3, "next", null);
        var second = struct("value", 2, "next", third);
        var first = struct("value", 1, "next", second);
        prototype("void links_increment(Link *link)").call(first);
        assertEquals(2, first.get("value"));
        assertSame(second, first.get("next"));
        assertEquals(3, second.get("value"));
        assertEquals(4, third.get("value"));
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheAcceptedKinds() {
        var error = assertThrows(
                FfiException.class,
                () -> prototype("int spot_move(Spot *spot, int dx, int dy)").call("abc", 1, 1));
        assertEquals(
                "ffitest.spot_move: paramsValue[0]: expected struct* {x, y} (an object with the fields x, y, a pointer to "
                        + "such a struct, or null), got \"abc\"",
                error.getMessage());
        var field = assertThrows(
                FfiException.class,
                () -> prototype("int spot_move(Spot *spot, int dx, int dy)").call(struct("x", 1, "y", "abc"), 1, 1));
        assertEquals(
                "ffitest.spot_move: paramsValue[0].y: expected I32 (a whole number from -2147483648 to 2147483647), got \"abc\"",
                field.getMessage());
    }

    @Test
    void aStructMapPassedByValueIsNotChanged() {
        var point = new LinkedHashMap<String, Object>(spot(1, 2));
        assertEquals(
                Map.of("x", 4, "y", 6),
                prototype("Spot point_add(Spot a, Spot b)").call(point, spot(3, 4)));
        assertEquals(spot(1, 2), point);
    }
}
