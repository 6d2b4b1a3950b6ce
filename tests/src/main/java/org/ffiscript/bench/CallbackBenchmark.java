package org.ffiscript.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.NativeFunction;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.ScriptFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Callbacks: libc qsort of {@value #SORTED} pseudo-random ints with a Java comparator and with a C comparator,
 * and a C loop calling a Java {@code int -> int} {@value #UPCALLS} times. BenchMain turns the scores into
 * nanoseconds per comparison and per upcall.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallbackBenchmark {
    static final int SORTED = 100_000;
    static final int SEED = 42;
    static final int UPCALLS = 1_000;

    private final Ffi ffi = new Ffi();
    private NativeFunction sortWithJava;
    private NativeFunction sortWithC;
    private NativeFunction upcallLoop;
    private final ScriptFunction compare =
            args -> Integer.compare(read((Pointer) args.get(0)), read((Pointer) args.get(1)));
    private final ScriptFunction identity = args -> args.get(0);

    private static int read(Pointer pointer) {
        return pointer.segment().reinterpret(4).get(JAVA_INT, 0);
    }

    @Setup
    public void open() {
        ffi.open("bench", System.getProperty("ffi.testlib"));
        var comparator = Descriptors.funcConstructor(
                Map.of("paramsType", List.of(DataType.External, DataType.External), "retType", DataType.I32));
        var functions = ffi.define(Map.of(
                "sort_random",
                        Map.of(
                                "library",
                                "bench",
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.U32, comparator)),
                "upcall_loop",
                        Map.of(
                                "library",
                                "bench",
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(
                                        Descriptors.funcConstructor(
                                                Map.of("paramsType", List.of(DataType.I32), "retType", DataType.I32)),
                                        DataType.I32))));
        sortWithJava = functions.get("sort_random");
        upcallLoop = functions.get("upcall_loop");
        sortWithC = ffi.define(Map.of(
                        "sort_random",
                        Map.of(
                                "library",
                                "bench",
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.I32, DataType.U32, DataType.External))))
                .get("sort_random");
    }

    @TearDown
    public void close() {
        ffi.close();
    }

    /** qsort calling back into Java for every comparison. */
    @Benchmark
    public Object qsortJavaComparator() {
        return sortWithJava.call(SORTED, SEED, compare);
    }

    /** The same qsort with a C comparator: the limit. */
    @Benchmark
    public Object qsortCComparator() {
        return sortWithC.call(SORTED, SEED, Pointer.NULL);
    }

    /** {@value #UPCALLS} upcalls of an {@code int -> int} Java function from a C loop. */
    @Benchmark
    public Object upcallRoundTrip() {
        return upcallLoop.call(identity, UPCALLS);
    }
}
