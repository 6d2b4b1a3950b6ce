package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.NativeFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code T *} in/out parameters: a Java array or a list passed where C writes gets C's writes back after the
 * call, for every scalar type, in prototypes, in {@code define} descriptions and in {@code load} with C type names.
 */
class OutParametersTest extends EngineTest {

    private static NativeFunction prototype(String prototype) {
        return ffi.define(Map.of("f", Map.of("library", TestLibrary.KEY, "prototype", prototype)))
                .get("f");
    }

    @Test
    void javaArraysOfEveryScalarTypeGetCsWritesBack() {
        var i8 = new byte[] {-3, 4};
        prototype("void twice_i8(int8_t *values, int n)").call(i8, 2);
        assertArrayEquals(new byte[] {-6, 8}, i8);
        var u8 = new byte[] {100, 1};
        prototype("void twice_u8(unsigned char *values, int n)").call(u8, 2);
        assertArrayEquals(new byte[] {(byte) 200, 2}, u8);
        var i16 = new short[] {-300, 7};
        prototype("void twice_i16(short *values, int n)").call(i16, 2);
        assertArrayEquals(new short[] {-600, 14}, i16);
        var u16 = new int[] {40000, 1};
        prototype("void twice_u16(uint16_t *values, int n)").call(u16, 2);
        assertArrayEquals(new int[] {(80000 & 0xFFFF), 2}, u16);
        var i32 = new int[] {-5, 1 << 20};
        prototype("void twice_i32(int *values, int n)").call(i32, 2);
        assertArrayEquals(new int[] {-10, 1 << 21}, i32);
        var u32 = new long[] {3_000_000_000L >> 1, 5};
        prototype("void twice_u32(uint32_t *values, int n)").call(u32, 2);
        assertArrayEquals(new long[] {3_000_000_000L, 10}, u32);
        var i64 = new long[] {-(1L << 40), 3};
        prototype("void twice_i64(long *values, int n)").call(i64, 2);
        assertArrayEquals(new long[] {-(1L << 41), 6}, i64);
        var u64 = new long[] {1L << 62, 3};
        prototype("void twice_u64(uint64_t *values, int n)").call(u64, 2);
        assertArrayEquals(new long[] {Long.MIN_VALUE, 6}, u64); // 2^63, its bits in a long
        var floats = new float[] {1.25f, -2f};
        prototype("void twice_float(float *values, int n)").call(floats, 2);
        assertArrayEquals(new float[] {2.5f, -4f}, floats);
        var doubles = new double[] {0.75, 1e300};
        prototype("void twice_double(double *values, int n)").call(doubles, 2);
        assertArrayEquals(new double[] {1.5, 2e300}, doubles);
        var bools = new boolean[] {true, false};
        prototype("void negate_bools(bool *values, int n)").call(bools, 2);
        assertArrayEquals(new boolean[] {false, true}, bools);
    }

    @Test
    void listsGetCsWritesBackAsTheTypesValues() {
        var u64 = new ArrayList<Object>(List.of(new BigInteger("9223372036854775807"), 1));
        prototype("void twice_u64(uint64_t *values, int n)").call(u64, 2);
        assertEquals(List.of(new BigInteger("18446744073709551614"), 2L), u64);
        var u32 = new ArrayList<Object>(List.of(2_000_000_000L));
        prototype("void twice_u32(uint32_t *values, int n)").call(u32, 1);
        assertEquals(List.of(4_000_000_000L), u32);
        var doubles = new ArrayList<Object>(List.of(1.5));
        prototype("void twice_double(double *values, int n)").call(doubles, 1);
        assertEquals(List.of(3.0), doubles);
        Object[] boxed = {7};
        prototype("void twice_i32(int *values, int n)").call(boxed, 1);
        assertArrayEquals(new Object[] {14}, boxed);
    }

    @Test
    void anInOutLengthWorksInLoadDefineAndPrototypes() {
        var source = "hello".getBytes();
        var dest = new byte[16];
        long[] destLen = {dest.length};
        var reverse = prototype(
                "int reverse_into(uint8_t *dest, unsigned long *destLen, const uint8_t *src, unsigned long srcLen)");
        assertEquals(0, reverse.call(dest, destLen, source, source.length));
        assertEquals(5, destLen[0]);
        assertEquals("olleh", new String(dest, 0, 5));

        List<Object> signature = List.of(DataType.U8Array, "unsigned long *", DataType.U8Array, "unsigned long");
        destLen[0] = 3;
        assertEquals(-5, call("reverse_into", DataType.I32, signature, dest, destLen, source, source.length));
        var length = new ArrayList<Object>(List.of(16));
        assertEquals(0, call("reverse_into", DataType.I32, signature, dest, length, "ab".getBytes(), 2));
        assertEquals(List.of(2L), length);

        var defined = ffi.define(Map.of(
                        "reverse_into",
                        Map.of("library", TestLibrary.KEY, "retType", DataType.I32, "paramsType", signature)))
                .get("reverse_into");
        long[] definedLength = {16};
        assertEquals(0, defined.call(dest, definedLength, "abcd".getBytes(), 4));
        assertEquals(4, definedLength[0]);
        assertEquals("dcba", new String(dest, 0, 4));
    }

    @Test
    void constDataIsNotCopiedBack() {
        int[] values = {1, 2};
        prototype("void twice_i32(const int *values, int n)")
                .call(values, 2); // C takes it as const: the engine believes it
        assertArrayEquals(new int[] {1, 2}, values);
    }

    @Test
    void listsThatCannotChangeArePassedAndKeepTheirValues() {
        var values = List.of(1, 2);
        prototype("void twice_i32(int *values, int n)").call(values, 2);
        assertEquals(List.of(1, 2), values);
        assertEquals(Arrays.asList(1, 2), values);
    }
}
