package org.ffiscript.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.NativeFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code int sum(int, int)} from the C test library, called through the engine's Java API and, as the limit,
 * through a raw Panama downcall handle held in a constant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBenchmark {
    private static final String LIBRARY = System.getProperty("ffi.testlib");
    private static final List<Integer> SUM_TYPES = List.of(DataType.I32, DataType.I32);
    private static final MethodHandle RAW_SUM = Linker.nativeLinker()
            .downcallHandle(
                    SymbolLookup.libraryLookup(LIBRARY, Arena.global())
                            .find("sum")
                            .orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle RAW_ATOI = Linker.nativeLinker()
            .downcallHandle(
                    Linker.nativeLinker().defaultLookup().find("atoi").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private final Ffi ffi = new Ffi();
    private NativeFunction definedSum;
    private NativeFunction definedAtoi;
    private NativeFunction definedConcatenate;
    private Map<String, Object> reusedSpec;
    private int a = 1;
    private int b = 2;

    @Setup
    public void open() {
        ffi.open("bench", LIBRARY);
        ffi.open("libc", "");
        definedSum = ffi.define(
                        Map.of("sum", Map.of("library", "bench", "retType", DataType.I32, "paramsType", SUM_TYPES)))
                .get("sum");
        definedAtoi = ffi.define(Map.of(
                        "atoi",
                        Map.of("library", "libc", "retType", DataType.I32, "paramsType", List.of(DataType.String))))
                .get("atoi");
        definedConcatenate = ffi.define(Map.of(
                        "concatenateStrings",
                        Map.of(
                                "library",
                                "bench",
                                "retType",
                                DataType.String,
                                "paramsType",
                                List.of(DataType.String, DataType.String),
                                "freeResultMemory",
                                true)))
                .get("concatenateStrings");
        reusedSpec = Map.of(
                "library",
                "bench",
                "funcName",
                "sum",
                "retType",
                DataType.I32,
                "paramsType",
                SUM_TYPES,
                "paramsValue",
                List.of(a, b));
    }

    @TearDown
    public void close() {
        ffi.close();
    }

    /** The limit: a constant downcall handle invoked exactly. */
    @Benchmark
    public int rawDowncall() throws Throwable {
        return (int) RAW_SUM.invokeExact(a, b);
    }

    /** The limit for a string argument: a confined arena per call, as plain Panama code would write it. */
    @Benchmark
    public int rawAtoi() throws Throwable {
        try (var arena = Arena.ofConfined()) {
            return (int) RAW_ATOI.invokeExact(arena.allocateFrom("1000"));
        }
    }

    /** {@code define}d once, then called with the values. */
    @Benchmark
    public Object defineSum() {
        return definedSum.call(a, b);
    }

    /** {@code load} with a description built anew for every call, as a script's object literal is. */
    @Benchmark
    public Object loadSum() {
        return ffi.load(Map.of(
                "library",
                "bench",
                "funcName",
                "sum",
                "retType",
                DataType.I32,
                "paramsType",
                List.of(DataType.I32, DataType.I32),
                "paramsValue",
                List.of(a, b)));
    }

    /** {@code load} with the same description object every time. */
    @Benchmark
    public Object loadSumReusedSpec() {
        return ffi.load(reusedSpec);
    }

    /** A string argument: converted into the per-thread scratch memory. */
    @Benchmark
    public Object defineAtoi() {
        return definedAtoi.call("1000");
    }

    /** Two string arguments and a string result, which C allocated and the call frees after decoding it. */
    @Benchmark
    public Object defineConcatenate() {
        return definedConcatenate.call("foo", "bar");
    }
}
