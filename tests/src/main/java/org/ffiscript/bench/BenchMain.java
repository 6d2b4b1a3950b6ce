package org.ffiscript.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks (all of them, or those matching the arguments as JMH's own command line takes
 * them) and prints each result's ratio to the raw Panama downcall.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        var commandLine = new CommandLineOptions(args);
        var options = new OptionsBuilder()
                .parent(commandLine)
                .include(
                        commandLine.getIncludes().isEmpty()
                                ? "Benchmark"
                                : commandLine.getIncludes().get(0))
                .forks(commandLine.getForkCount().orElse(1))
                .warmupIterations(commandLine.getWarmupIterations().orElse(3))
                .warmupTime(commandLine.getWarmupTime().orElse(TimeValue.seconds(1)))
                .measurementIterations(commandLine.getMeasurementIterations().orElse(5))
                .measurementTime(commandLine.getMeasurementTime().orElse(TimeValue.seconds(1)))
                .jvmArgsAppend(forkArguments())
                .build();
        var results = new Runner(options).run();
        printRatios(results);
    }

    /**
     * The forks get this JVM's own set-up: the library path, native access, and the Graal compiler with the polyglot
     * modules, without which the GraalJS benchmarks would measure an interpreter.
     */
    private static String[] forkArguments() {
        var arguments = new java.util.ArrayList<String>();
        for (var argument :
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--")
                    || argument.startsWith("-XX:+UnlockExperimental")
                    || argument.startsWith("-XX:+EnableJVMCI")
                    || argument.startsWith("-Dffi.testlib")) {
                arguments.add(argument);
            }
        }
        return arguments.toArray(String[]::new);
    }

    private static void printRatios(Iterable<RunResult> results) {
        Map<String, Double> nanos = new TreeMap<>();
        for (var result : results) {
            var label = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            nanos.put(label, result.getPrimaryResult().getScore());
        }
        Double raw = nanos.get("rawDowncall");
        System.out.println();
        System.out.printf("%-22s %14s %14s%n", "benchmark", "ns/op", "x raw downcall");
        nanos.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(e -> System.out.printf(
                        "%-22s %14.2f %14s%n",
                        e.getKey(),
                        e.getValue(),
                        raw == null || e.getValue() > 1000 * raw ? "-" : String.format("%.2f", e.getValue() / raw)));
        printCallbackCosts(nanos);
    }

    private static void printCallbackCosts(Map<String, Double> nanos) {
        var java = nanos.get("qsortJavaComparator");
        var c = nanos.get("qsortCComparator");
        if (java != null && c != null) {
            long comparisons = comparisons();
            System.out.printf(
                    "%nqsort of %,d ints: %,d comparisons; %.1f ns per comparison with the Java comparator, "
                            + "%.1f ns with the C one%n",
                    CallbackBenchmark.SORTED, comparisons, java / comparisons, c / comparisons);
        }
        for (var script : List.of("jsLoad1000", "jsDefine1000", "groovyLoad1000", "groovyDsl1000")) {
            var batch = nanos.get(script);
            if (batch != null) {
                System.out.printf("%s: %.1f ns per call%n", script.replace("1000", ""), batch / ScriptBenchmark.BATCH);
            }
        }
        var upcalls = nanos.get("upcallRoundTrip");
        if (upcalls != null) {
            System.out.printf(
                    "upcall round trip (C -> Java int -> int -> C): %.1f ns%n", upcalls / CallbackBenchmark.UPCALLS);
        }
    }

    private static long comparisons() {
        try (var ffi = new Ffi()) {
            ffi.open("bench", System.getProperty("ffi.testlib"));
            return ((Number) ffi.load(Map.of(
                            "library",
                            "bench",
                            "funcName",
                            "count_comparisons",
                            "retType",
                            DataType.I64,
                            "paramsType",
                            List.of(DataType.I32, DataType.U32),
                            "paramsValue",
                            List.of(CallbackBenchmark.SORTED, CallbackBenchmark.SEED))))
                    .longValue();
        }
    }
}
