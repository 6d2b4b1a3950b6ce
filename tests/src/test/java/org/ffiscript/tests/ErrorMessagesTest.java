package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad description or value: one exception type, a message saying where, what and what was given. */
class ErrorMessagesTest extends EngineTest {
    private static final String I32_RANGE = "expected I32 (a whole number from -2147483648 to 2147483647), got ";

    @AfterEach
    void engineStillWorks() {
        assertEquals(3, ffi.load(spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2)));
    }

    private static String failure(Map<String, Object> spec) {
        return assertThrows(FfiException.class, () -> ffi.load(spec)).getMessage();
    }

    private static Map<String, Object> echoI32(Object value) {
        return spec("echo_i32", DataType.I32, List.of(DataType.I32), value);
    }

    private static Map<String, Object> changed(Map<String, Object> spec, Consumer<Map<String, Object>> change) {
        var copy = new LinkedHashMap<>(spec);
        change.accept(copy);
        return copy;
    }

    @Test
    void stringForI32() {
        assertEquals("ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "\"abc\"", failure(echoI32("abc")));
    }

    @Test
    void valueOutOfRangeForI32() {
        assertEquals("ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "1099511627776", failure(echoI32(1L << 40)));
        assertEquals("ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "1.5", failure(echoI32(1.5)));
        assertEquals("ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "NaN", failure(echoI32(Double.NaN)));
        assertEquals(
                "ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "Infinity",
                failure(echoI32(Double.POSITIVE_INFINITY)));
        assertEquals("ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "null", failure(echoI32(null)));
    }

    @Test
    void objectForDouble() {
        var message = failure(spec("echo_double", DataType.Double, List.of(DataType.Double), Map.of("x", 1)));
        assertEquals(
                "ffitest.echo_double: paramsValue[0]: expected Double (a number), got an object with keys [x]",
                message);
    }

    @Test
    void unsignedTypesRejectNegativeAndOversizedValues() {
        assertEquals(
                "ffitest.echo_u8: paramsValue[0]: expected U8 (a whole number from 0 to 255), got 256",
                failure(spec("echo_u8", DataType.U8, List.of(DataType.U8), 256)));
        assertEquals(
                "ffitest.echo_u32: paramsValue[0]: expected U32 (a whole number from 0 to 4294967295), got -1",
                failure(spec("echo_u32", DataType.U32, List.of(DataType.U32), -1)));
        assertEquals(
                "ffitest.echo_u64: paramsValue[0]: expected U64 (a whole number from 0 to 2^64-1), got 18446744073709551616",
                failure(spec("echo_u64", DataType.U64, List.of(DataType.U64), BigInteger.ONE.shiftLeft(64))));
        assertEquals(
                "ffitest.echo_i64: paramsValue[0]: expected I64 (a whole number from -2^63 to 2^63-1), got 9223372036854775808",
                failure(spec("echo_i64", DataType.I64, List.of(DataType.I64), BigInteger.ONE.shiftLeft(63))));
    }

    @Test
    void numbersBeyondTheRangeOfDoubleOrFloatAreRefusedNotTurnedIntoInfinity() {
        assertEquals(
                "ffitest.echo_double: paramsValue[0]: expected Double (a number), got " + BigInteger.TWO.pow(2000),
                failure(spec("echo_double", DataType.Double, List.of(DataType.Double), BigInteger.TWO.pow(2000))));
        assertEquals(
                "ffitest.echo_float: paramsValue[0]: expected Float (a number within float's range), got 1.0E300",
                failure(spec("echo_float", DataType.Float, List.of(DataType.Float), 1e300)));
        assertEquals(
                Double.POSITIVE_INFINITY,
                ffi.load(spec("echo_float", DataType.Float, List.of(DataType.Float), Double.POSITIVE_INFINITY)));
    }

    @Test
    void wrongKindsForBooleanStringAndExternal() {
        assertEquals(
                "ffitest.echo_bool: paramsValue[0]: expected Boolean (true or false), got 1",
                failure(spec("echo_bool", DataType.Boolean, List.of(DataType.Boolean), 1)));
        assertEquals(
                "ffitest.echo_string: paramsValue[0]: expected String (a string), got 42",
                failure(spec("echo_string", DataType.String, List.of(DataType.String), 42)));
        assertEquals(
                "ffitest.echo_string: paramsValue[0]: expected String (a string), got null",
                failure(spec("echo_string", DataType.String, List.of(DataType.String), (Object) null)));
        assertEquals(
                "ffitest.echo_pointer: paramsValue[0]: expected External (a pointer or null), got \"0x1234\"",
                failure(spec("echo_pointer", DataType.External, List.of(DataType.External), "0x1234")));
    }

    @Test
    void theFailingPositionIsNamed() {
        var message = failure(spec(
                "mix_scalars",
                DataType.Double,
                List.of(
                        DataType.I16,
                        DataType.I32,
                        DataType.I64,
                        DataType.U8,
                        DataType.U32,
                        DataType.U64,
                        DataType.Float,
                        DataType.Double,
                        DataType.Boolean),
                1,
                2,
                3,
                4,
                5,
                6,
                7.0,
                "eight",
                true));
        assertEquals("ffitest.mix_scalars: paramsValue[7]: expected Double (a number), got \"eight\"", message);
    }

    @Test
    void longStringsAreCutShortInMessages() {
        var message = failure(echoI32("x".repeat(500)));
        assertEquals(
                "ffitest.echo_i32: paramsValue[0]: " + I32_RANGE + "\"" + "x".repeat(40) + "...\" (500 characters)",
                message);
    }

    @Test
    void unknownLibraryKey() {
        var spec = changed(echoI32(1), s -> s.put("library", "nolib"));
        assertEquals(
                "nolib.echo_i32: library 'nolib' is not open; call open({library: 'nolib', path: ...}) first",
                failure(spec));
    }

    @Test
    void libraryFileNotFoundNamesPathAndLoaderMessage() {
        var error = assertThrows(FfiException.class, () -> ffi.open("ghost", "/no/such/dir/libghost.so"));
        assertEquals(
                "open: cannot load library 'ghost' from \"/no/such/dir/libghost.so\": "
                        + "/no/such/dir/libghost.so: cannot open shared object file: No such file or directory",
                error.getMessage());
    }

    @Test
    void fileThatIsNotALibrary() {
        var error = assertThrows(FfiException.class, () -> ffi.open("notelf", "/etc/hostname"));
        assertTrue(
                error.getMessage()
                        .startsWith("open: cannot load library 'notelf' from \"/etc/hostname\": /etc/hostname: "),
                error.getMessage());
    }

    @Test
    void missingSymbol() {
        var spec = changed(echoI32(1), s -> s.put("funcName", "no_such_function"));
        assertEquals(
                "ffitest.no_such_function: function 'no_such_function' not found in library 'ffitest' (\""
                        + TestLibrary.PATH + "\"): " + TestLibrary.PATH + ": undefined symbol: no_such_function",
                failure(spec));
    }

    @Test
    void paramsTypeAndValueLengthsDiffer() {
        assertEquals(
                "ffitest.sum: paramsValue has 3 values but paramsType declares 2",
                failure(spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2, 3)));
        assertEquals(
                "ffitest.sum: paramsValue has 1 values but paramsType declares 2",
                failure(spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1)));
    }

    @Test
    void unknownTypeCode() {
        assertEquals(
                "ffitest.echo_i32: paramsType[0]: unknown type code 42 (see DataType for the valid codes)",
                failure(spec("echo_i32", DataType.I32, List.of(42), 1)));
        assertEquals(
                "ffitest.echo_i32: retType: unknown type code -1 (see DataType for the valid codes)",
                failure(spec("echo_i32", -1, List.of(DataType.I32), 1)));
        assertEquals(
                "ffitest.echo_i32: paramsType[0]: expected a DataType code, a C type name, an arrayConstructor or a struct "
                        + "description, got true",
                failure(changed(echoI32(1), s -> s.put("paramsType", List.of(true)))));
        assertEquals(
                "ffitest.echo_i32: paramsType[0]: line 1, column 1: unknown type name 'integer'",
                failure(changed(echoI32(1), s -> s.put("paramsType", List.of("integer")))));
    }

    @Test
    void voidIsNoParameterType() {
        assertEquals(
                "ffitest.echo_i32: paramsType[0]: Void is only valid as retType",
                failure(spec("echo_i32", DataType.I32, List.of(DataType.Void), 1)));
    }

    @Test
    void missingRequiredKeys() {
        for (var key : List.of("retType", "paramsType", "paramsValue")) {
            assertEquals(
                    "ffitest.echo_i32: missing required key '" + key + "'",
                    failure(changed(echoI32(1), s -> s.remove(key))));
        }
        assertEquals(
                "?.echo_i32: missing required key 'library'", failure(changed(echoI32(1), s -> s.remove("library"))));
        assertEquals(
                "ffitest.?: missing required key 'funcName'", failure(changed(echoI32(1), s -> s.remove("funcName"))));
    }

    @Test
    void unknownKeysAndIllTypedOptions() {
        assertEquals(
                "ffitest.echo_i32: unknown key \"paramType\"; valid keys are [errno, freeResultMemory, funcName, library, "
                        + "paramsType, paramsValue, retType, runInNewThread]",
                failure(changed(echoI32(1), s -> s.put("paramType", List.of()))));
        assertEquals(
                "ffitest.echo_i32: errno: expected true or false, got \"yes\"",
                failure(changed(echoI32(1), s -> s.put("errno", "yes"))));
        assertEquals(
                "ffitest.echo_i32: paramsValue: expected a list, got 1",
                failure(changed(echoI32(1), s -> s.put("paramsValue", 1))));
    }

    @Test
    void badOpenArguments() {
        assertEquals(
                "open: path: expected a file path or \"\" for the running program, got null",
                assertThrows(FfiException.class, () -> ffi.open("x", null)).getMessage());
        assertEquals(
                "open: expected {library: 'key', path: 'file'}, got library 42 and path \"\"",
                assertThrows(FfiException.class, () -> ffi.open(Map.of("library", 42, "path", "")))
                        .getMessage());
    }
}
