package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarTypesTest extends EngineTest {
    private static Object echo(String funcName, int type, Object value) {
        return ffi.load(spec(funcName, type, List.of(type), value));
    }

    @Test
    void sumAddsTwoInts() {
        assertEquals(101, ffi.load(spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 100)));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE})
    void i32RoundTripsToItsLimits(int value) {
        assertEquals(value, echo("echo_i32", DataType.I32, value));
    }

    @Test
    void i16RoundTripsToItsLimitsAsInteger() {
        assertEquals(-32768, echo("echo_i16", DataType.I16, -32768));
        assertEquals(32767, echo("echo_i16", DataType.I16, 32767));
    }

    @Test
    void u8ComesBackNonNegative() {
        assertEquals(0, echo("echo_u8", DataType.U8, 0));
        assertEquals(255, echo("echo_u8", DataType.U8, 255));
    }

    @Test
    void u32AboveTwoToThe31ComesBackNonNegative() {
        assertEquals(2_147_483_648L, echo("echo_u32", DataType.U32, 2_147_483_648L));
        assertEquals(4_294_967_295L, echo("echo_u32", DataType.U32, 4_294_967_295L));
    }

    @Test
    void i64BeyondTwoToThe53KeepsEveryDigit() {
        assertEquals(9_007_199_254_740_993L, echo("echo_i64", DataType.I64, 9_007_199_254_740_993L));
        assertEquals(Long.MIN_VALUE, echo("echo_i64", DataType.I64, Long.MIN_VALUE));
        assertEquals(Long.MAX_VALUE, echo("echo_i64", DataType.I64, BigInteger.valueOf(Long.MAX_VALUE)));
    }

    @Test
    void u64AtAndAboveTwoToThe63ComesBackAsBigInteger() {
        var twoTo63 = BigInteger.ONE.shiftLeft(63);
        var max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertEquals(twoTo63, echo("echo_u64", DataType.U64, twoTo63));
        assertEquals(max, echo("echo_u64", DataType.U64, max));
        assertEquals(Long.MAX_VALUE, echo("echo_u64", DataType.U64, Long.MAX_VALUE));
        assertEquals(0L, echo("echo_u64", DataType.U64, 0));
    }

    @Test
    void bigIntComesBackAsBigIntegerEvenWhenSmall() {
        assertEquals(BigInteger.valueOf(-5), echo("echo_i64", DataType.BigInt, -5));
        assertEquals(
                BigInteger.valueOf(Long.MIN_VALUE),
                echo("echo_i64", DataType.BigInt, BigInteger.valueOf(Long.MIN_VALUE)));
    }

    @Test
    void doublesKeepNegativeZeroNaNAndInfinities() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double)
                echo("echo_double", DataType.Double, -0.0)));
        assertEquals(1, ffi.load(spec("is_negative_zero", DataType.I32, List.of(DataType.Double), -0.0)));
        assertTrue(((Double) echo("echo_double", DataType.Double, Double.NaN)).isNaN());
        assertEquals(Double.POSITIVE_INFINITY, echo("echo_double", DataType.Double, Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, echo("echo_double", DataType.Double, Double.NEGATIVE_INFINITY));
        assertEquals(Double.MIN_VALUE, echo("echo_double", DataType.Double, Double.MIN_VALUE));
    }

    @Test
    void doubleSumMatchesJavaArithmetic() {
        assertEquals(
                1.1 + 2.2,
                ffi.load(spec("doubleSum", DataType.Double, List.of(DataType.Double, DataType.Double), 1.1, 2.2)));
    }

    @Test
    void floatIsPassedAsFloatAndReturnedAsDouble() {
        assertEquals(0.75, ffi.load(spec("float_half", DataType.Float, List.of(DataType.Float), 1.5)));
        assertEquals((double) 1.1f, echo("echo_float", DataType.Float, 1.1));
        assertTrue(((Double) echo("echo_float", DataType.Float, Float.NaN)).isNaN());
        assertEquals(Double.NEGATIVE_INFINITY, echo("echo_float", DataType.Float, Double.NEGATIVE_INFINITY));
    }

    @Test
    void numericKindsFromOtherLanguagesAreAccepted() {
        assertEquals(7, echo("echo_i32", DataType.I32, 7.0));
        assertEquals(7, echo("echo_i32", DataType.I32, new BigDecimal("7.00")));
        assertEquals(2.5, echo("echo_double", DataType.Double, new BigDecimal("2.5")));
        assertEquals(3.0, echo("echo_double", DataType.Double, 3));
    }

    @Test
    void booleansAreCBool() {
        assertEquals(false, ffi.load(spec("return_opposite", DataType.Boolean, List.of(DataType.Boolean), true)));
        assertEquals(true, echo("echo_bool", DataType.Boolean, true));
    }

    @Test
    void voidReturnsNull() {
        assertNull(ffi.load(spec("noRet", DataType.Void, List.of())));
    }

    @Test
    void externalPassesAddressesThroughUnchanged() {
        var pointer = Pointer.ofAddress(0x1234_5678L);
        assertEquals(pointer, echo("echo_pointer", DataType.External, pointer));
        assertEquals(
                "0x12345678", echo("echo_pointer", DataType.External, pointer).toString());
        assertEquals(Pointer.NULL, echo("echo_pointer", DataType.External, null));
    }

    @Test
    void everyScalarKindInOneSignatureArrivesInOrder() {
        var types = List.of(
                DataType.I16,
                DataType.I32,
                DataType.I64,
                DataType.U8,
                DataType.U32,
                DataType.U64,
                DataType.Float,
                DataType.Double,
                DataType.Boolean);
        var result = ffi.load(
                spec("mix_scalars", DataType.Double, types, 1, 20, 300L, 4, 50_000L, 600_000L, 0.5, 0.25, true));
        assertEquals(1 + 20 + 300 + 4 + 50_000 + 600_000 + 0.5 + 0.25 + 1000, result);
    }
}
