package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.js.JsRuntime;
import org.junit.jupiter.api.Test;

/** Many threads at once: every result correct, and opening and closing while calls run gives errors, not crashes. */
class ConcurrencyTest {
    private static final int THREADS = 8;

    private static <T> List<T> onThreads(int count, Callable<T> task) throws Exception {
        var pool = Executors.newFixedThreadPool(count);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightThreadsMakeAHundredThousandCallsEachThroughTheJavaApi() throws Exception {
        try (var ffi = TestLibrary.openEngine()) {
            var functions = ffi.define(Map.of(
                    "sum",
                            Map.of(
                                    "library",
                                    TestLibrary.KEY,
                                    "retType",
                                    DataType.I32,
                                    "paramsType",
                                    List.of(DataType.I32, DataType.I32)),
                    "concatenateStrings",
                            Map.of(
                                    "library",
                                    TestLibrary.KEY,
                                    "retType",
                                    DataType.String,
                                    "paramsType",
                                    List.of(DataType.String, DataType.String),
                                    "freeResultMemory",
                                    true)));
            var seed = new AtomicLong();
            var wrong = onThreads(THREADS, () -> {
                long thread = seed.incrementAndGet();
                int mistakes = 0;
                for (int i = 0; i < 100_000; i++) {
                    int a = (int) (thread * 1_000_000 + i);
                    if (!Integer.valueOf(a + 7).equals(functions.get("sum").call(a, 7))) {
                        mistakes++;
                    }
                    if (i % 10 == 0
                            && !(thread + "-" + i)
                                    .equals(functions
                                            .get("concatenateStrings")
                                            .call(thread + "-", String.valueOf(i)))) {
                        mistakes++;
                    }
                }
                return mistakes;
            });
            assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), wrong);
        }
    }

    @Test
    void oneGraalJsContextPerThreadEachCallingCorrectly() throws Exception {
        var silent = new PrintStream(PrintStream.nullOutputStream());
        var results = onThreads(THREADS, () -> {
            try (var js = JsRuntime.create(builder -> {}, List.of("test"), silent, silent)) {
                var value = js.eval("""
                        open({ library: 'lib', path: '%s' })
                        let wrong = 0
                        for (let i = 0; i < 20000; i++) {
                          if (load({ library: 'lib', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32],
                                     paramsValue: [i, 1] }) !== i + 1) wrong++
                        }
                        wrong
                        """.formatted(TestLibrary.PATH), "per-thread.js");
                return value.asInt();
            }
        });
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), results);
    }

    @Test
    void openingAndClosingWhileCallsRunGivesErrorsNeverCrashes() throws Exception {
        try (var ffi = new Ffi()) {
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            var stop = new AtomicBoolean();
            var messages = ConcurrentHashMap.<String>newKeySet();
            var churn = new Thread(() -> {
                while (!stop.get()) {
                    ffi.close(TestLibrary.KEY);
                    ffi.open(TestLibrary.KEY, TestLibrary.PATH);
                    // open for a moment each time (still thousands of cycles a second), so that on two cores
                    // some calls can compile their plan and get through
                    LockSupport.parkNanos(50_000);
                }
            });
            churn.start();
            var outcomes = onThreads(THREADS - 1, () -> {
                int right = 0;
                for (int i = 0; i < 20_000; i++) {
                    try {
                        var spec = TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), i, 1);
                        if (Integer.valueOf(i + 1).equals(ffi.load(spec))) {
                            right++;
                        }
                    } catch (FfiException refused) {
                        messages.add(refused.getMessage().replaceAll("\\d+", "N"));
                    }
                }
                return right;
            });
            stop.set(true);
            churn.join();
            assertTrue(outcomes.stream().mapToInt(Integer::intValue).sum() > 0, "some calls got through");
            for (var message : messages) {
                assertTrue(
                        message.contains("library 'ffitest' is not open")
                                || message.contains("library 'ffitest' was closed"),
                        message);
            }
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            assertEquals(3, ffi.load(TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2)));
        }
    }

    @Test
    void reopeningAKeyWhileCallsRunNeverFailsThem() throws Exception {
        try (var ffi = new Ffi()) {
            ffi.open(TestLibrary.KEY, TestLibrary.PATH);
            var stop = new AtomicBoolean();
            var reopen = new Thread(() -> {
                while (!stop.get()) {
                    ffi.open(
                            TestLibrary.KEY,
                            TestLibrary.PATH); // replaced, never closed: as the Groovy DSL's library() does
                    LockSupport.parkNanos(20_000);
                }
            });
            reopen.start();
            try {
                var right = onThreads(THREADS - 1, () -> {
                    int count = 0;
                    for (int i = 0; i < 20_000; i++) {
                        var spec = TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), i, 1);
                        if (Integer.valueOf(i + 1).equals(ffi.load(spec))) {
                            count++;
                        }
                    }
                    return count;
                });
                assertEquals(
                        (THREADS - 1) * 20_000,
                        right.stream().mapToInt(Integer::intValue).sum());
            } finally {
                stop.set(true);
                reopen.join();
            }
        }
    }
}
