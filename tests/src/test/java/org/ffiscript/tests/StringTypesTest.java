package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ffiscript.engine.DataType;
import org.junit.jupiter.api.Test;

class StringTypesTest extends EngineTest {
    private static final String NON_ASCII = "héllo, 世界 🎉 ∑";

    private static Object length(String s) {
        return ffi.load(spec("string_length", DataType.U64, List.of(DataType.String), s));
    }

    @Test
    void stringsArriveAsUtf8() {
        assertEquals((long) NON_ASCII.getBytes(StandardCharsets.UTF_8).length, length(NON_ASCII));
        assertEquals(NON_ASCII, ffi.load(spec("echo_string", DataType.String, List.of(DataType.String), NON_ASCII)));
    }

    @Test
    void emptyStringIsAnEmptyCString() {
        assertEquals(0L, length(""));
        assertEquals("", ffi.load(spec("echo_string", DataType.String, List.of(DataType.String), "")));
    }

    @Test
    void hundredKilobyteStringsTravelBothWays() {
        var big = "abcdefghij".repeat(10_240);
        assertEquals(102_400L, length(big));
        var joined = ffi.load(
                spec("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), big, big));
        assertEquals(big + big, joined);
    }

    @Test
    void concatenateStringsAsInTheFfiRsReadme() {
        var c = "foo";
        var d = c.repeat(200);
        assertEquals(
                c + d,
                ffi.load(spec("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), c, d)));
    }

    @Test
    void nullCStringIsReturnedAsNull() {
        assertNull(ffi.load(spec("null_string", DataType.String, List.of())));
        assertNull(ffi.load(spec("null_wide", DataType.WString, List.of())));
    }

    @Test
    void charSequencesSuchAsGroovyGStringsAreStrings() {
        assertEquals(
                5L,
                ffi.load(spec("string_length", DataType.U64, List.of(DataType.String), new StringBuilder("hello"))));
    }

    @Test
    void wideStringsAreFourByteWcharWithNonBmpCharactersWhole() {
        var text = "a🎉b世";
        assertEquals(4L, ffi.load(spec("wide_length", DataType.U64, List.of(DataType.WString), text)));
        assertEquals(text, ffi.load(spec("echo_wide", DataType.WString, List.of(DataType.WString), text)));
        assertEquals(
                "😀x" + NON_ASCII,
                ffi.load(spec(
                        "wide_concat",
                        DataType.WString,
                        List.of(DataType.WString, DataType.WString),
                        "😀x",
                        NON_ASCII)));
        assertEquals(0L, ffi.load(spec("wide_length", DataType.U64, List.of(DataType.WString), "")));
    }

    @Test
    void manyStringArgumentsInOneThreadReuseScratchMemory() {
        for (int i = 0; i < 20_000; i++) {
            var s = "value-" + i;
            assertEquals(
                    s + s,
                    ffi.load(spec(
                                    "concatenateStrings",
                                    DataType.String,
                                    List.of(DataType.String, DataType.String),
                                    s,
                                    s))
                            .toString(),
                    "at round " + i);
        }
    }
}
