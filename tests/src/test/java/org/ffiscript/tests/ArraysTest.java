package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.array;
import static org.ffiscript.tests.Shapes.struct;
import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.FfiException;
import org.junit.jupiter.api.Test;

class ArraysTest extends EngineTest {
    private static String failure(String funcName, Object retType, List<?> paramsType, Object... values) {
        return assertThrows(FfiException.class, () -> call(funcName, retType, paramsType, values))
                .getMessage();
    }

    @Test
    void numberArraysGoInAndComeBackWithTheDescribedLength() {
        var big = java.util.Collections.nCopies(100, 100);
        assertEquals(
                big,
                call(
                        "createArrayi32",
                        array(DataType.I32Array, 100),
                        List.of(DataType.I32Array, DataType.I32),
                        big,
                        100));
        var doubles = List.of(1.1, 2.2, -0.0, Double.MAX_VALUE);
        assertEquals(
                doubles,
                call(
                        "createArrayDouble",
                        array(DataType.DoubleArray, 4),
                        List.of(DataType.DoubleArray, DataType.I32),
                        doubles,
                        4));
        var shorts = List.of(-32768, 0, 32767);
        assertEquals(
                shorts,
                call(
                        "createArrayI16",
                        array(DataType.I16Array, 3),
                        List.of(DataType.I16Array, DataType.I32),
                        shorts,
                        3));
    }

    @Test
    void floatArraysAreReturnedToo() {
        assertEquals(
                List.of(0.5, -1.25, 3.0),
                call(
                        "createArrayFloat",
                        array(DataType.FloatArray, 3),
                        List.of(DataType.FloatArray, DataType.I32),
                        List.of(0.5, -1.25, 3),
                        3));
        assertEquals(
                4.25,
                call(
                        "sum_float_array",
                        DataType.Double,
                        List.of(DataType.FloatArray, DataType.I32),
                        new float[] {0.5f, 3.75f},
                        2));
    }

    @Test
    void stringArraysGoInAndComeBack() {
        var strings = List.of("foo", "foo".repeat(20), "日本語 ✓", "");
        assertEquals(
                strings,
                call(
                        "createArrayString",
                        array(DataType.StringArray, 4),
                        List.of(DataType.StringArray, DataType.I32),
                        strings,
                        4));
        assertEquals(
                3 + 60 + "日本語 ✓".getBytes(StandardCharsets.UTF_8).length,
                call("total_string_length", DataType.I32, List.of(DataType.StringArray, DataType.I32), strings, 4));
    }

    @Test
    void javaPrimitiveArraysAndObjectArraysAreAccepted() {
        assertEquals(
                10L,
                call(
                        "sum_i32_array",
                        DataType.I64,
                        List.of(DataType.I32Array, DataType.I32),
                        new int[] {1, 2, 3, 4},
                        4));
        assertEquals(
                6,
                call(
                        "sum_i16_array",
                        DataType.I32,
                        List.of(DataType.I16Array, DataType.I32),
                        new short[] {1, 2, 3},
                        3));
        assertEquals(
                2.5,
                call(
                        "sum_double_array",
                        DataType.Double,
                        List.of(DataType.DoubleArray, DataType.I32),
                        new double[] {1, 1.5},
                        2));
        assertEquals(
                6L,
                call(
                        "sum_i32_array",
                        DataType.I64,
                        List.of(DataType.I32Array, DataType.I32),
                        new Object[] {1, 2, 3},
                        3));
    }

    @Test
    void largeArraysSpillOutOfTheScratchBlock() {
        var many = new int[100_000];
        Arrays.fill(many, 3);
        assertEquals(
                300_000L,
                call("sum_i32_array", DataType.I64, List.of(DataType.I32Array, DataType.I32), many, many.length));
    }

    @Test
    void byteArraysSeeWhatCWroteIntoThem() {
        var buffer = new byte[] {1, 2, 3, 4};
        assertEquals(
                10,
                call("fill_bytes", DataType.I32, List.of(DataType.U8Array, DataType.I32, DataType.I32), buffer, 4, 7));
        assertArrayEquals(new byte[] {7, 7, 7, 7}, buffer);
        var greeting = new byte[200];
        assertEquals(12, call("modifyData", DataType.I32, List.of(DataType.U8Array), (Object) greeting));
        assertEquals("hello from C", new String(greeting, 0, 12, StandardCharsets.US_ASCII));
    }

    @Test
    void directBuffersArePassedWithoutCopyingAndHeapBuffersAreCopiedBack() {
        var direct = ByteBuffer.allocateDirect(8);
        call("fill_bytes", DataType.I32, List.of(DataType.U8Array, DataType.I32, DataType.I32), direct, 8, 9);
        assertEquals(9, direct.get(7));
        var heap = ByteBuffer.allocate(6).position(2);
        call("fill_bytes", DataType.I32, List.of(DataType.U8Array, DataType.I32, DataType.I32), heap, 4, 5);
        assertArrayEquals(new byte[] {0, 0, 5, 5, 5, 5}, heap.array());
        assertEquals(2, heap.position());
    }

    @Test
    void byteArraysWrittenByCReachTheCallerOfRunInNewThread() throws Exception {
        var buffer = new byte[3];
        var spec =
                spec("fill_bytes", DataType.I32, List.of(DataType.U8Array, DataType.I32, DataType.I32), buffer, 3, 1);
        spec.put("runInNewThread", true);
        ((CompletableFuture<?>) ffi.load(spec)).get(10, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {1, 1, 1}, buffer);
    }

    @Test
    void u8ArraysComeBackAsByteArrays() {
        assertArrayEquals(new byte[] {1, (byte) 255}, (byte[]) call(
                "createArrayU8",
                array(DataType.U8Array, 2),
                List.of(DataType.U8Array, DataType.I32),
                List.of(1, 255),
                2));
    }

    @Test
    void structArraysOfByValueStructs() {
        var point = struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        var points = Descriptors.arrayConstructor(
                Map.of("type", DataType.StructArray, "structItemType", point, "length", 3));
        var values = List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4), Map.of("x", 5, "y", 6));
        // An array of (x, y) pairs is, in memory, an int array of twice the length.
        assertEquals(21L, call("sum_i32_array", DataType.I64, List.of(points, DataType.I32), values, 6));
        assertEquals(values, call("createArrayi32", points, List.of(points, DataType.I32), values, 6));
    }

    @Test
    void nullArrayResultIsNull() {
        assertNull(call("null_ints", array(DataType.I32Array, 3), List.of()));
    }

    @Test
    void anArrayResultNeedsALength() {
        assertEquals(
                "ffitest.createArrayi32: retType: I32Array needs a length to be read back: describe it with "
                        + "arrayConstructor({type, length})",
                failure("createArrayi32", DataType.I32Array, List.of(DataType.I32Array, DataType.I32), List.of(1), 1));
    }

    @Test
    void aDescribedLengthIsAMinimumForArguments() {
        var three = array(DataType.I32Array, 3);
        assertEquals(6L, call("sum_i32_array", DataType.I64, List.of(three, DataType.I32), List.of(1, 2, 3), 3));
        assertEquals(10L, call("sum_i32_array", DataType.I64, List.of(three, DataType.I32), List.of(1, 2, 3, 4), 4));
        assertEquals(
                "ffitest.sum_i32_array: paramsValue[0]: expected I32Array[3] (a list of at least 3 elements), got 2 elements",
                failure("sum_i32_array", DataType.I64, List.of(three, DataType.I32), List.of(1, 2), 2));
        assertEquals(
                3L,
                call("sum_i32_array", DataType.I64, List.of(DataType.I32Array, DataType.I32), List.of(1, 2), 2),
                "a bare array type takes any length");
    }

    @Test
    void nullIsNoArrayAndNeverReachesCAsNull() {
        assertEquals(
                "ffitest.sum_i32_array: paramsValue[0]: expected I32Array (a list), got null",
                failure("sum_i32_array", DataType.I64, List.of(DataType.I32Array, DataType.I32), null, 3));
    }

    @Test
    void badElementsAndValuesNameTheirIndex() {
        assertEquals(
                "ffitest.sum_double_array: paramsValue[0][1]: expected Double (a number), got \"x\"",
                failure(
                        "sum_double_array",
                        DataType.Double,
                        List.of(DataType.DoubleArray, DataType.I32),
                        List.of(1.0, "x"),
                        2));
        assertEquals(
                "ffitest.sum_double_array: paramsValue[0]: expected DoubleArray (a list), got 5",
                failure("sum_double_array", DataType.Double, List.of(DataType.DoubleArray, DataType.I32), 5, 2));
        assertEquals(
                "ffitest.fill_bytes: paramsValue[0][0]: expected U8 (a whole number from 0 to 255), got 300",
                failure(
                        "fill_bytes",
                        DataType.I32,
                        List.of(DataType.U8Array, DataType.I32, DataType.I32),
                        List.of(300),
                        1,
                        0));
    }

    @Test
    void negativeOrAbsurdLengthsAreRefused() {
        assertEquals(
                "arrayConstructor: length: expected a whole number from 0 to 268435456, got -1",
                assertThrows(
                                FfiException.class,
                                () -> Descriptors.arrayConstructor(Map.of("type", DataType.I32Array, "length", -1)))
                        .getMessage());
        assertEquals(
                "arrayConstructor: length: expected a whole number from 0 to 268435456, got 1000000000000",
                assertThrows(
                                FfiException.class,
                                () -> Descriptors.arrayConstructor(
                                        Map.of("type", DataType.I32Array, "length", 1_000_000_000_000L)))
                        .getMessage());
        assertEquals(
                "arrayConstructor: type: expected an array DataType (U8Array, I16Array, I32Array, FloatArray, DoubleArray, "
                        + "StringArray, StructArray), got 1",
                assertThrows(FfiException.class, () -> Descriptors.arrayConstructor(Map.of("type", DataType.I32)))
                        .getMessage());
        assertEquals(
                "ffitest.sum_i32_array: paramsType[0]: StructArray needs its element type: arrayConstructor({type: "
                        + "DataType.StructArray, structItemType: {...}, length})",
                failure("sum_i32_array", DataType.I64, List.of(DataType.StructArray, DataType.I32), List.of(), 0));
    }

    private static void createArrayString(boolean freeResultMemory) {
        var strings = List.of("one", "two", "three hundred and three");
        var spec = spec(
                "createArrayString",
                array(DataType.StringArray, 3),
                List.of(DataType.StringArray, DataType.I32),
                List.of(strings, 3),
                Map.of("freeResultMemory", freeResultMemory));
        assertEquals(strings, ffi.load(spec));
    }

    @Test
    void aReturnedArrayAndItsStringsStayWithCByDefault() {
        createArrayString(false);
        assertEquals(4, intactBlocks());
    }

    @Test
    void freeResultMemoryFreesReturnedArraysAndTheirStrings() {
        createArrayString(true);
        assertEquals(0, intactBlocks());
    }
}
