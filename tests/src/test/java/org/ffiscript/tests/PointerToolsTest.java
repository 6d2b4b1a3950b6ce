package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.array;
import static org.ffiscript.tests.Shapes.comparable;
import static org.ffiscript.tests.Shapes.person;
import static org.ffiscript.tests.Shapes.personType;
import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.PointerType;
import org.junit.jupiter.api.Test;

class PointerToolsTest extends EngineTest {
    private Pointer create(Object type, Object value) {
        return ffi.createPointer(Map.of("paramsType", List.of(type), "paramsValue", Arrays.asList(value)))
                .get(0);
    }

    private Object restore(Object type, Pointer pointer) {
        return ffi.restorePointer(Map.of("retType", List.of(type), "paramsValue", List.of(pointer)))
                .get(0);
    }

    private Pointer unwrap(Pointer pointer) {
        return ffi.unwrapPointer(List.of(pointer)).get(0);
    }

    private void free(Pointer pointer, int pointerType) {
        ffi.freePointer(Map.of(
                "paramsType", List.of(DataType.External), "paramsValue", List.of(pointer), "pointerType", pointerType));
    }

    @Test
    void numbersArePointedAtDirectly() {
        var pointer = create(DataType.I32, 42);
        assertEquals(42, call("read_int", DataType.I32, List.of(DataType.External), pointer));
        call("write_int", DataType.Void, List.of(DataType.External, DataType.I32), pointer, -7);
        assertEquals(-7, restore(DataType.I32, pointer));
        assertEquals(
                2.5, call("read_double", DataType.Double, List.of(DataType.External), create(DataType.Double, 2.5)));
    }

    @Test
    void stringsGetAPointerToTheirPointer() {
        var pointer = create(DataType.String, "foo");
        assertEquals("foo", restore(DataType.String, pointer));
        assertEquals("foo", call("getStringFromPtr", DataType.String, List.of(DataType.External), unwrap(pointer)));
    }

    @Test
    void arraysGetAPointerToTheirPointer() {
        var pointer = create(DataType.DoubleArray, List.of(1.1, 2.2));
        assertEquals(List.of(1.1, 2.2), restore(array(DataType.DoubleArray, 2), pointer));
        assertEquals(
                List.of(1.1, 2.2),
                call(
                        "createArrayDouble",
                        array(DataType.DoubleArray, 2),
                        List.of(DataType.External, DataType.I32),
                        unwrap(pointer),
                        2));
    }

    @Test
    void structsByPointerAndByValue() {
        var personType = personType(personType(struct()));
        var tom = person(23, "tom", "jr", person(43, "tom father", "sr", Map.of()));
        var pointer = create(personType, tom);
        assertEquals(comparable(tom), comparable(restore(personType, pointer)));
        assertEquals(
                comparable(tom),
                comparable(call("getStruct", personType, List.of(DataType.External), unwrap(pointer))));

        var xy = struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        var inPlace = create(xy, Map.of("x", 20, "y", 22));
        assertEquals(42, call("xy_sum", DataType.I32, List.of(DataType.External), inPlace));
        assertEquals(Map.of("x", 20, "y", 22), restore(xy, inPlace));
    }

    @Test
    void wrapAndUnwrapMoveOneLevelUpAndDown() {
        var text = (Pointer)
                call("concatenateStrings", DataType.External, List.of(DataType.String, DataType.String), "foo", "bar");
        var wrapped = ffi.wrapPointer(List.of(text)).get(0);
        assertEquals(text, unwrap(wrapped));
        assertEquals("foobar", restore(DataType.String, wrapped));
        assertEquals("foobar", call("getStringFromPtr", DataType.String, List.of(DataType.External), text));
        free(wrapped, PointerType.RsPointer);
        free(text, PointerType.CPointer);
    }

    @Test
    void freeingTwiceOrAsTheWrongKindIsRefused() {
        var pointer = create(DataType.I32Array, List.of(1, 2, 3));
        var cMemory = (Pointer) call("malloc_ints", DataType.External, List.of(DataType.I32), 4);
        var asC = assertThrows(FfiException.class, () -> free(pointer, PointerType.CPointer))
                .getMessage();
        assertEquals(
                "freePointer: paramsValue[0]: " + pointer + " was allocated by this engine; free it with pointerType: "
                        + "PointerType.RsPointer",
                asC);
        var asEngine = assertThrows(FfiException.class, () -> free(cMemory, PointerType.RsPointer))
                .getMessage();
        assertEquals(
                "freePointer: paramsValue[0]: " + cMemory
                        + " is not memory this engine allocated, or it was freed already",
                asEngine);
        free(pointer, PointerType.RsPointer);
        var twice = assertThrows(FfiException.class, () -> free(pointer, PointerType.RsPointer))
                .getMessage();
        assertEquals(
                "freePointer: paramsValue[0]: " + pointer
                        + " is not memory this engine allocated, or it was freed already",
                twice);
        free(cMemory, PointerType.CPointer);
        var inner = unwrap(create(DataType.String, "x"));
        assertThrows(
                FfiException.class,
                () -> free(inner, PointerType.RsPointer),
                "the string inside is owned by its pointer");
    }

    @Test
    void readingThroughAFreedPointerIsRefused() {
        var big = create(DataType.U8Array, new byte[4 << 20]); // freed, a block this size goes back to the system
        var text = create(DataType.String, "gone");
        ffi.freePointer(
                Map.of("paramsType", List.of(DataType.U8Array, DataType.String), "paramsValue", List.of(big, text)));
        assertEquals(
                "restorePointer: paramsValue[0]: " + big
                        + " cannot be read: the memory behind it was freed (freePointer)",
                assertThrows(FfiException.class, () -> restore(array(DataType.U8Array, 4 << 20), big))
                        .getMessage());
        assertEquals(
                "restorePointer: paramsValue[0]: " + text
                        + " cannot be read: the memory behind it was freed (freePointer)",
                assertThrows(FfiException.class, () -> restore(DataType.String, text))
                        .getMessage());
        assertEquals(
                "unwrapPointer: [0]: " + text + " cannot be read: the memory behind it was freed (freePointer)",
                assertThrows(FfiException.class, () -> unwrap(text)).getMessage());
        assertEquals(
                "createExternalBuffer: pointer: " + big
                        + " cannot be viewed: the memory behind it was freed (freePointer)",
                assertThrows(FfiException.class, () -> ffi.createExternalBuffer(big, 4))
                        .getMessage());
    }

    @Test
    void aStalePointerNeverFreesWhatWasAllocatedAtItsAddressSince() {
        var stale = create(DataType.I64, 1L);
        free(stale, PointerType.RsPointer);
        var fresh = create(DataType.I64, 2L); // malloc mostly hands out the same block again
        assertThrows(FfiException.class, () -> free(stale, PointerType.RsPointer));
        assertThrows(
                FfiException.class, () -> free(stale, PointerType.CPointer), "engine memory never goes to libc's free");
        assertEquals(2L, restore(DataType.I64, fresh));
        free(fresh, PointerType.RsPointer);
    }

    @Test
    void engineMemoryIsReadOnlyAsATypeThatFitsWhatWasWritten() {
        var number = create(DataType.I32, 7);
        assertEquals(
                "restorePointer: retType[0]: expected I32 (the type the engine wrote at this pointer), or a type that "
                        + "follows no pointer and fits in its 4 bytes, got String",
                assertThrows(FfiException.class, () -> restore(DataType.String, number))
                        .getMessage());
        assertThrows(FfiException.class, () -> restore(DataType.I64, number), "8 bytes out of 4");
        assertThrows(FfiException.class, () -> restore(struct("x", DataType.I32), number));
        assertThrows(FfiException.class, () -> unwrap(number), "a pointer is 8 bytes");
        assertThrows(
                FfiException.class,
                () -> restore(DataType.String, Pointer.ofAddress(number.address())),
                "the same address reached another way is checked the same");
        assertEquals(7, restore(DataType.I32, Pointer.ofAddress(number.address())));

        var xy = struct("x", DataType.I32, "y", DataType.String);
        var point = create(xy, Map.of("x", 1, "y", "two"));
        assertEquals(
                Map.of("x", 1, "y", "two"),
                restore(struct("x", DataType.I32, "y", DataType.String), point),
                "an equal description made anew reads it");
        assertEquals(
                "restorePointer: retType[0]: expected struct* {x, y} (the type the engine wrote at this pointer), or a "
                        + "type that follows no pointer and fits in its 8 bytes, got struct* {x, y}",
                assertThrows(
                                FfiException.class,
                                () -> restore(struct("x", DataType.I32, "y", array(DataType.StringArray, 1)), point))
                        .getMessage());
        assertThrows(FfiException.class, () -> restore(struct("y", DataType.I32, "x", DataType.String), point));
        assertEquals(
                Pointer.class, restore(DataType.External, point).getClass(), "the struct's address, nothing followed");

        var doubles = create(DataType.DoubleArray, List.of(1.1, 2.2));
        assertEquals(List.of(1.1), restore(array(DataType.DoubleArray, 1), doubles));
        assertEquals(
                "restorePointer: retType[0]: expected DoubleArray[2] (the type the engine wrote at this pointer), or a type "
                        + "that follows no pointer and fits in its 8 bytes, got DoubleArray[3]",
                assertThrows(FfiException.class, () -> restore(array(DataType.DoubleArray, 3), doubles))
                        .getMessage());
        assertThrows(FfiException.class, () -> restore(array(DataType.StringArray, 2), doubles));
    }

    @Test
    void nullPointers() {
        assertTrue(ffi.isNullPointer(Pointer.NULL));
        assertTrue(ffi.isNullPointer(null));
        assertTrue(ffi.isNullPointer(call("null_person", DataType.External, List.of())));
        assertFalse(ffi.isNullPointer(create(DataType.I32, 1)));
        assertNull(restore(DataType.I32, Pointer.NULL));
        assertEquals(
                "unwrapPointer: [0]: cannot read through a NULL pointer",
                assertThrows(FfiException.class, () -> unwrap(Pointer.NULL)).getMessage());
        assertEquals(
                "isNullPointer: expected a pointer, got \"0x0\"",
                assertThrows(FfiException.class, () -> ffi.isNullPointer("0x0")).getMessage());
    }

    @Test
    void externalBufferViewsCMemoryWithoutCopying() {
        var ints = (Pointer) call("malloc_ints", DataType.External, List.of(DataType.I32), 3);
        var view = ffi.createExternalBuffer(ints, 12).order(ByteOrder.nativeOrder());
        assertEquals(20, view.getInt(8));
        view.putInt(4, 1234);
        assertEquals(
                1234,
                call("read_int", DataType.I32, List.of(DataType.External), Pointer.ofAddress(ints.address() + 4)));
        assertEquals(
                "createExternalBuffer: pointer: cannot view memory at a NULL pointer",
                assertThrows(FfiException.class, () -> ffi.createExternalBuffer(Pointer.NULL, 4))
                        .getMessage());
        assertEquals(
                "createExternalBuffer: length: expected a whole number from 0 to 2147483647, got -4",
                assertThrows(FfiException.class, () -> ffi.createExternalBuffer(ints, -4))
                        .getMessage());
        free(ints, PointerType.CPointer);
    }

    @Test
    void pointersPrintAsHexAddresses() {
        var pointer = create(DataType.I32, 1);
        assertEquals("0x" + Long.toHexString(pointer.address()), pointer.toString());
    }

    @Test
    void badValuesAndDescriptionsNameTheirPath() {
        var xy = struct("x", DataType.I32, "y", DataType.I32);
        assertEquals(
                "createPointer: paramsValue[0].y: expected I32 (a whole number from -2147483648 to 2147483647), got \"2\"",
                assertThrows(FfiException.class, () -> create(xy, Map.of("x", 1, "y", "2")))
                        .getMessage());
        assertEquals(
                "createPointer: paramsValue has 2 values but paramsType declares 1",
                assertThrows(
                                FfiException.class,
                                () -> ffi.createPointer(
                                        Map.of("paramsType", List.of(DataType.I32), "paramsValue", List.of(1, 2))))
                        .getMessage());
        assertEquals(
                "createPointer: paramsType[0]: unknown type code 55 (see DataType for the valid codes)",
                assertThrows(FfiException.class, () -> create(55, 1)).getMessage());
        assertEquals(
                "restorePointer: retType[0]: I32Array needs a length to be read back: describe it with arrayConstructor({type, length})",
                assertThrows(FfiException.class, () -> restore(DataType.I32Array, create(DataType.I32, 1)))
                        .getMessage());
        assertEquals(
                "freePointer: pointerType: expected PointerType.RsPointer (0) or PointerType.CPointer (1), got 7",
                assertThrows(FfiException.class, () -> free(create(DataType.I32, 1), 7))
                        .getMessage());
    }
}
