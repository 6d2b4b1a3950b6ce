package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StringTypesTest {
    private static final String NON_ASCII = "héllo, 世界 🎉 ∑";
    private static Ffi ffi;

    @BeforeAll
    static void open() {
        ffi = TestLibrary.openEngine();
    }

    @AfterAll
    static void close() {
        ffi.close();
    }

    private static Object length(String s) {
        return ffi.load(call("string_length", DataType.U64, List.of(DataType.String), s));
    }

    @Test
    void stringsArriveAsUtf8() {
        assertEquals((long) NON_ASCII.getBytes(StandardCharsets.UTF_8).length, length(NON_ASCII));
        assertEquals(NON_ASCII, ffi.load(call("echo_string", DataType.String, List.of(DataType.String), NON_ASCII)));
    }

    @Test
    void emptyStringIsAnEmptyCString() {
        assertEquals(0L, length(""));
        assertEquals("", ffi.load(call("echo_string", DataType.String, List.of(DataType.String), "")));
    }

    @Test
    void hundredKilobyteStringsTravelBothWays() {
        var big = "abcdefghij".repeat(10_240);
        assertEquals(102_400L, length(big));
        var joined = ffi.load(call("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), big, big));
        assertEquals(big + big, joined);
    }

    @Test
    void concatenateStringsAsInTheFfiRsReadme() {
        var c = "foo";
        var d = c.repeat(200);
        assertEquals(c + d, ffi.load(call("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), c, d)));
    }

    @Test
    void nullCStringIsReturnedAsNull() {
        assertNull(ffi.load(call("null_string", DataType.String, List.of())));
        assertNull(ffi.load(call("null_wide", DataType.WString, List.of())));
    }

    @Test
    void charSequencesSuchAsGroovyGStringsAreStrings() {
        assertEquals(5L, ffi.load(call("string_length", DataType.U64, List.of(DataType.String), new StringBuilder("hello"))));
    }

    @Test
    void wideStringsAreFourByteWcharWithNonBmpCharactersWhole() {
        var text = "a🎉b世";
        assertEquals(4L, ffi.load(call("wide_length", DataType.U64, List.of(DataType.WString), text)));
        assertEquals(text, ffi.load(call("echo_wide", DataType.WString, List.of(DataType.WString), text)));
        assertEquals("😀x" + NON_ASCII, ffi.load(call("wide_concat", DataType.WString,
                List.of(DataType.WString, DataType.WString), "😀x", NON_ASCII)));
        assertEquals(0L, ffi.load(call("wide_length", DataType.U64, List.of(DataType.WString), "")));
    }

    @Test
    void manyStringArgumentsInOneThreadReuseScratchMemory() {
        for (int i = 0; i < 20_000; i++) {
            var s = "value-" + i;
            assertEquals(s + s, ffi.load(call("concatenateStrings", DataType.String,
                    List.of(DataType.String, DataType.String), s, s)).toString(), "at round " + i);
        }
    }
}
