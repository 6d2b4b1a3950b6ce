package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibrariesTest {
    private final Ffi ffi = new Ffi();

    @AfterEach
    void close() {
        ffi.close();
    }

    private static Map<String, Object> atoi(String library, String text) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("library", library);
        spec.put("funcName", "atoi");
        spec.put("retType", DataType.I32);
        spec.put("paramsType", List.of(DataType.String));
        spec.put("paramsValue", List.of(text));
        return spec;
    }

    private Object sum(String library, int a, int b) {
        return ffi.load(Map.of(
                "library",
                library,
                "funcName",
                "sum",
                "retType",
                DataType.I32,
                "paramsType",
                List.of(DataType.I32, DataType.I32),
                "paramsValue",
                List.of(a, b)));
    }

    @Test
    void emptyPathOpensTheMainProgramWithLibcInIt() {
        ffi.open(Map.of("library", "libnative", "path", ""));
        assertEquals(1000, ffi.load(atoi("libnative", "1000")));
        var pid = ffi.load(Map.of(
                "library",
                "libnative",
                "funcName",
                "getpid",
                "retType",
                DataType.I32,
                "paramsType",
                List.of(),
                "paramsValue",
                List.of()));
        assertEquals((int) ProcessHandle.current().pid(), pid);
        assertEquals(
                5L,
                ffi.load(Map.of(
                        "library",
                        "libnative",
                        "funcName",
                        "strlen",
                        "retType",
                        DataType.U64,
                        "paramsType",
                        List.of(DataType.String),
                        "paramsValue",
                        List.of("hello"))));
    }

    @Test
    void mainProgramAlsoReachesLibm() {
        ffi.open("libnative", "");
        assertEquals(
                3.0,
                ffi.load(Map.of(
                        "library",
                        "libnative",
                        "funcName",
                        "sqrt",
                        "retType",
                        DataType.Double,
                        "paramsType",
                        List.of(DataType.Double),
                        "paramsValue",
                        List.of(9.0))));
    }

    @Test
    void closedKeyFailsCleanlyAndReopeningRestoresIt() {
        ffi.open(TestLibrary.KEY, TestLibrary.PATH);
        assertEquals(3, sum(TestLibrary.KEY, 1, 2));
        ffi.close(TestLibrary.KEY);
        var error = assertThrows(FfiException.class, () -> sum(TestLibrary.KEY, 1, 2));
        assertEquals(
                "ffitest.sum: library 'ffitest' is not open; call open({library: 'ffitest', path: ...}) first",
                error.getMessage());
        ffi.open(TestLibrary.KEY, TestLibrary.PATH);
        assertEquals(7, sum(TestLibrary.KEY, 3, 4));
    }

    @Test
    void reopeningAKeyReplacesTheLibraryBehindIt() {
        ffi.open("lib", TestLibrary.PATH);
        assertEquals(3, sum("lib", 1, 2));
        ffi.open("lib", "");
        var error = assertThrows(FfiException.class, () -> sum("lib", 1, 2));
        assertTrue(
                error.getMessage().startsWith("lib.sum: function 'sum' not found in library 'lib' (the main program)"),
                error.getMessage());
        assertEquals(12, ffi.load(atoi("lib", "12")));
    }

    @Test
    void closingDuringACallLetsTheCallFinishThenRefusesNewOnes() throws Exception {
        ffi.open(TestLibrary.KEY, TestLibrary.PATH);
        var sleep = (CompletableFuture<?>) ffi.load(Map.of(
                "library",
                TestLibrary.KEY,
                "funcName",
                "sleep_ms",
                "retType",
                DataType.I32,
                "paramsType",
                List.of(DataType.I32),
                "paramsValue",
                List.of(300),
                "runInNewThread",
                true));
        Thread.sleep(50);
        ffi.close(TestLibrary.KEY);
        assertEquals(300, sleep.get(10, TimeUnit.SECONDS));
        assertThrows(FfiException.class, () -> sum(TestLibrary.KEY, 1, 2));
        ffi.open(TestLibrary.KEY, TestLibrary.PATH);
        assertEquals(3, sum(TestLibrary.KEY, 1, 2));
    }

    @Test
    void closingAKeyThatIsNotOpenDoesNothing() {
        ffi.close("never-opened");
        ffi.open("libnative", "");
        assertEquals(5, ffi.load(atoi("libnative", "5")));
    }
}
