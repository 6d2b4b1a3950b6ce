package org.ffiscript.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.Ffi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C prototypes and declared types used with the C library the JVM already runs on: libc, no test library. */
class LibcPrototypesTest {
    private static Ffi ffi;

    @BeforeAll
    static void openEngine() {
        ffi = new Ffi();
    }

    @AfterAll
    static void closeEngine() {
        ffi.close();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void aBarePrototypeCallsTheRunningProgram() {
        var libc = ffi.define(
                map("atoi", "int atoi(const char *s)", "strlen", "size_t strlen(const char *)", "abs", "int abs(int)"));
        assertEquals(1234, libc.get("atoi").call("1234"));
        assertEquals(5L, libc.get("strlen").call("hello"));
        assertEquals(7, libc.get("abs").call(-7));
        assertEquals("atoi", libc.get("atoi").where());
    }

    @Test
    void snprintfTakesMixedVariadicArgumentsTypedPerCall() {
        var snprintf = ffi.define(
                        Map.of("snprintf", "int snprintf(char *buffer, size_t size, const char *format, ...)"))
                .get("snprintf");
        var buffer = new byte[64];
        var written = snprintf.call(
                buffer,
                64,
                "%d|%s|%.2f|%ld|%c|%.1f",
                "int",
                42,
                "const char *",
                "abc",
                "double",
                1.5,
                "long",
                1L << 40,
                "char",
                (int) 'Z',
                "float",
                2.5);
        var expected = "42|abc|1.50|1099511627776|Z|2.5";
        assertEquals(expected.length(), written);
        assertEquals(expected, new String(buffer, 0, expected.length(), StandardCharsets.UTF_8));

        // DataType codes and descriptions type variadic arguments too.
        snprintf.call(buffer, 64, "%d-%s", DataType.I32, 7, DataType.String, "x");
        assertEquals("7-x", new String(buffer, 0, 3, StandardCharsets.UTF_8));
    }

    @Test
    void openTakesItsModeAsAVariadicArgument(@TempDir Path folder) throws Exception {
        var libc = ffi.define(map(
                "open",
                map("prototype", "int open(const char *path, int flags, ...)", "errno", true),
                "close",
                "int close(int fd)"));
        var missing = (ErrnoResult)
                libc.get("open").call(folder.resolve("no/such/file").toString(), 0);
        assertEquals(-1, missing.value());
        assertEquals(2, missing.errnoCode());

        int writeOnlyCreate = 01 | 0100; // O_WRONLY | O_CREAT on Linux
        var file = folder.resolve("made-by-open");
        var opened = (ErrnoResult) libc.get("open").call(file.toString(), writeOnlyCreate, "mode_t", 0640);
        int fd = (Integer) opened.value();
        assertTrue(fd >= 0, "open failed: " + opened);
        assertEquals(0, libc.get("close").call(fd));
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(file));
    }

    @Test
    void pointerToolsUseDeclaredTypes() {
        ffi.declare("struct Pair { int32_t a; double b; };");
        var pointers = ffi.createPointer(
                Map.of("paramsType", List.of("struct Pair"), "paramsValue", List.of(Map.of("a", 1, "b", 2.5))));
        assertEquals(
                List.of(Map.of("a", 1, "b", 2.5)),
                ffi.restorePointer(Map.of("retType", List.of("struct Pair"), "paramsValue", pointers)));
        ffi.freePointer(Map.of("paramsType", List.of("struct Pair"), "paramsValue", pointers));
    }
}
