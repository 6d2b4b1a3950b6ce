package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.FfiException;
import org.junit.jupiter.api.Test;

class ErrnoAndThreadsTest extends EngineTest {
    private static final int ENOENT = 2;
    private static final int EACCES = 13;

    @Test
    void errnoOptionReturnsValueCodeAndMessage() {
        var result = ffi.load(
                spec("fail_with_errno", DataType.I32, List.of(DataType.I32), List.of(ENOENT), Map.of("errno", true)));
        assertEquals(new ErrnoResult(-1, ENOENT, "No such file or directory"), result);
    }

    @Test
    void errnoIsCapturedRightAfterTheCallOnEveryThread() throws Exception {
        var results = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        int code = 1 + (i + round) % 30;
                        var r = (ErrnoResult) ffi.load(spec(
                                "fail_with_errno",
                                DataType.I32,
                                List.of(DataType.I32),
                                List.of(code),
                                Map.of("errno", true)));
                        if (r.errnoCode() != code) {
                            return "thread " + i + " round " + round + ": expected errno " + code + ", got "
                                    + r.errnoCode();
                        }
                    }
                    return "ok";
                }))
                .toList();
        for (var result : results) {
            assertEquals("ok", result.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void runInNewThreadReturnsAFutureOfTheResultFromAnotherThread() throws Exception {
        var callerThread = ffi.load(spec("current_thread_id", DataType.I64, List.of()));
        var future = assertInstanceOf(
                CompletableFuture.class,
                ffi.load(
                        spec("current_thread_id", DataType.I64, List.of(), List.of(), Map.of("runInNewThread", true))));
        assertNotEquals(callerThread, future.get(10, TimeUnit.SECONDS));
    }

    @Test
    void threeSleepsOf300MsRunInParallel() throws Exception {
        long start = System.nanoTime();
        var sleeps = IntStream.range(0, 3)
                .mapToObj(i -> (CompletableFuture<?>) ffi.load(spec(
                        "sleep_ms", DataType.I32, List.of(DataType.I32), List.of(300), Map.of("runInNewThread", true))))
                .toList();
        for (var sleep : sleeps) {
            assertEquals(300, sleep.get(10, TimeUnit.SECONDS));
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.toMillis() < 800, "three parallel 300 ms sleeps took " + elapsed.toMillis() + " ms");
    }

    @Test
    void errnoWorksWithRunInNewThread() throws Exception {
        var future = (CompletableFuture<?>) ffi.load(spec(
                "sleep_then_fail",
                DataType.I32,
                List.of(DataType.I32, DataType.I32),
                List.of(20, EACCES),
                Map.of("errno", true, "runInNewThread", true)));
        assertEquals(new ErrnoResult(-1, EACCES, "Permission denied"), future.get(10, TimeUnit.SECONDS));
    }

    @Test
    void runInNewThreadStringArgumentsSurviveUntilTheCallRuns() throws Exception {
        var futures = IntStream.range(0, 50)
                .mapToObj(i -> (CompletableFuture<?>) ffi.load(spec(
                        "concatenateStrings",
                        DataType.String,
                        List.of(DataType.String, DataType.String),
                        List.of("left-" + i, "-right"),
                        Map.of("runInNewThread", true))))
                .toList();
        for (int i = 0; i < futures.size(); i++) {
            assertEquals("left-" + i + "-right", futures.get(i).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void runInNewThreadRejectsBadValuesBeforeStarting() {
        var error = assertThrows(
                FfiException.class,
                () -> ffi.load(spec(
                        "sleep_ms",
                        DataType.I32,
                        List.of(DataType.I32),
                        List.of("soon"),
                        Map.of("runInNewThread", true))));
        assertTrue(error.getMessage().startsWith("ffitest.sleep_ms: paramsValue[0]: expected I32"), error.getMessage());
    }
}
