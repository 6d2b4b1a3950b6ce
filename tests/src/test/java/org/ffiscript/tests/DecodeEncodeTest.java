package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.Pointer;
import org.junit.jupiter.api.Test;

/** decode and encode: values of any type read from and written to memory at a pointer plus an offset. */
class DecodeEncodeTest extends EngineTest {

    private static Pointer text() {
        return (Pointer) call("interop_text", DataType.External, List.of());
    }

    @Test
    void aCStringIsReadUpToItsNul() {
        assertEquals("hello", ffi.decode(text(), "char", -1));
        assertEquals("world", ffi.decode(Map.of("pointer", text(), "offset", 6, "type", "char", "length", -1)));
    }

    @Test
    void charArraysOfAGivenLengthAreTextAndUnsignedCharArraysBytes() {
        assertEquals("hel", ffi.decode(text(), "char", 3));
        assertEquals("hello", ffi.decode(text(), "char", 11)); // text ends at the first NUL within the array
        assertArrayEquals("hello\0world".getBytes(), (byte[]) ffi.decode(text(), "unsigned char", 11));
        assertArrayEquals("lo".getBytes(), (byte[])
                ffi.decode(Map.of("pointer", text(), "offset", 3, "type", DataType.U8, "length", 2)));
    }

    @Test
    void scalarsAndArraysOfStructsAreRead() {
        var spots = (Pointer) call("interop_spots", DataType.External, List.of());
        assertEquals(
                List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4), Map.of("x", 5, "y", 6)),
                ffi.decode(
                        spots,
                        Shapes.struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct),
                        3));
        assertEquals(4, ffi.decode(Map.of("pointer", spots, "offset", 12, "type", "int")));
        assertEquals(List.of(5, 6), ffi.decode(Map.of("pointer", spots, "offset", 16, "type", "int32_t", "length", 2)));
    }

    @Test
    void valuesAreWrittenAndReadBack() {
        try (var buffer = NativeBuffer.allocate(32)) {
            ffi.encode(buffer, "double", 2.5);
            ffi.encode(Map.of(
                    "pointer", buffer, "offset", 8, "type", "uint16_t", "length", 3, "value", List.of(1, 2, 65535)));
            ffi.encode(Map.of("pointer", buffer, "offset", 16, "type", "char", "length", 8, "value", "abc"));
            assertEquals(2.5, ffi.decode(buffer, DataType.Double));
            assertEquals(
                    List.of(1, 2, 65535),
                    ffi.decode(Map.of("pointer", buffer, "offset", 8, "type", "unsigned short", "length", 3)));
            assertEquals("abc", ffi.decode(Map.of("pointer", buffer, "offset", 16, "type", "char", "length", -1)));
        }
    }

    @Test
    void badValuesAndTypesAreRefusedNamingWhere() {
        try (var buffer = NativeBuffer.allocate(8)) {
            assertEquals(
                    "encode: value: expected I32 (a whole number from -2147483648 to 2147483647), got \"abc\"",
                    assertThrows(FfiException.class, () -> ffi.encode(buffer, "int", "abc"))
                            .getMessage());
            assertEquals(
                    true,
                    assertThrows(FfiException.class, () -> ffi.encode(buffer, "const char *", "abc"))
                            .getMessage()
                            .startsWith("encode: value: encode writes values that point nowhere"));
            assertEquals(
                    "decode: pointer: cannot read through a NULL pointer",
                    assertThrows(FfiException.class, () -> ffi.decode(Pointer.NULL, "int"))
                            .getMessage());
            assertEquals(
                    "decode: length: -1 (text up to its NUL) is for char and unsigned char, got I32",
                    assertThrows(FfiException.class, () -> ffi.decode(buffer, "int", -1))
                            .getMessage());
            assertEquals(
                    true,
                    assertThrows(FfiException.class, () -> ffi.decode(buffer, "no_such_type"))
                            .getMessage()
                            .startsWith("decode: type: "));
        }
    }

    @Test
    void engineMemoryIsReadOnlyWithinWhatWasAllocated() {
        var pointer = ffi.createPointer(Map.of("paramsType", List.of(DataType.I32), "paramsValue", List.of(7)))
                .getFirst();
        assertEquals(7, ffi.decode(pointer, "int"));
        assertEquals(
                "decode: expected at most 4 bytes at " + pointer
                        + " (the bytes the engine allocated there), got 8 at offset 0",
                assertThrows(FfiException.class, () -> ffi.decode(pointer, "long"))
                        .getMessage());
        var number = ffi.createPointer(Map.of("paramsType", List.of(DataType.I64), "paramsValue", List.of(12345)))
                .getFirst();
        assertEquals(
                true,
                assertThrows(FfiException.class, () -> ffi.decode(number, "const char *"))
                        .getMessage()
                        .contains("would follow a pointer read from it"));
        ffi.encode(pointer, "int", 9);
        assertEquals(
                9,
                ffi.restorePointer(Map.of("retType", List.of(DataType.I32), "paramsValue", List.of(pointer)))
                        .getFirst());
        var string = ffi.createPointer(Map.of("paramsType", List.of(DataType.String), "paramsValue", List.of("x")))
                .getFirst();
        assertEquals(
                true,
                assertThrows(FfiException.class, () -> ffi.encode(string, "long", 1))
                        .getMessage()
                        .contains("points at memory of its own"));
        ffi.freePointer(Map.of("paramsValue", List.of(pointer, string, number)));
        assertEquals(
                true,
                assertThrows(FfiException.class, () -> ffi.decode(pointer, "int"))
                        .getMessage()
                        .contains("the memory behind it was freed"));
    }

    @Test
    void aNativeBufferBoundsWhatIsReadAndWrittenThrough() {
        var buffer = NativeBuffer.allocate(8);
        assertEquals(
                "decode: expected at most 8 bytes in the NativeBuffer, got 12 at offset 0",
                assertThrows(FfiException.class, () -> ffi.decode(buffer, "int", 3))
                        .getMessage());
        assertEquals(
                "encode: expected at most 8 bytes in the NativeBuffer, got 8 at offset 4",
                assertThrows(
                                FfiException.class,
                                () -> ffi.encode(Map.of("pointer", buffer, "offset", 4, "type", "long", "value", 1)))
                        .getMessage());
        ffi.encode(Map.of("pointer", buffer, "type", "char", "length", 8, "value", "12345678"));
        assertEquals(
                "decode: no NUL ends the text within the 8 bytes allocated there",
                assertThrows(FfiException.class, () -> ffi.decode(buffer, "char", -1))
                        .getMessage());
        buffer.close();
        assertEquals(
                "decode: pointer: expected a pointer, got a closed NativeBuffer (its memory is freed)",
                assertThrows(FfiException.class, () -> ffi.decode(buffer, "int"))
                        .getMessage());
    }

    @Test
    void hostileArgumentsAreTheEnginesErrors() {
        try (var buffer = NativeBuffer.allocate(8)) {
            var bad = List.<Runnable>of(
                    () -> ffi.decode(buffer, null),
                    () -> ffi.decode(buffer, "int", 1e300),
                    () -> ffi.decode(buffer, "int", Double.NaN),
                    () -> ffi.decode(buffer, "int", 0),
                    () -> ffi.decode(buffer, DataType.Void),
                    () -> ffi.decode("0x1234", "int"),
                    () -> ffi.decode((Map<?, ?>) null),
                    () -> ffi.decode(Map.of("pointer", buffer, "type", "int", "offset", -1)),
                    () -> ffi.decode(Map.of("pointer", buffer, "type", "int", "offst", 1)),
                    () -> ffi.encode(Map.of("pointer", buffer, "type", "int")),
                    () -> ffi.encode(buffer, "int", null),
                    () -> ffi.encode(buffer, "char", 300),
                    () -> ffi.encode(Map.of("pointer", buffer, "type", "char", "length", -1, "value", "x")),
                    () -> ffi.encode(buffer, "void (*)(int)", null));
            for (int i = 0; i < bad.size(); i++) {
                assertThrows(FfiException.class, bad.get(i)::run, "case " + i);
            }
        }
    }

    @Test
    void theyArePointerToolsUnderTheAccessPolicy() {
        try (var restricted =
                new Ffi(AccessPolicy.builder().allowLibrary(TestLibrary.PATH).build())) {
            assertThrows(FfiException.class, () -> restricted.decode(text(), "char", -1));
            assertThrows(FfiException.class, () -> restricted.encode(text(), "char", 0));
        }
    }
}
