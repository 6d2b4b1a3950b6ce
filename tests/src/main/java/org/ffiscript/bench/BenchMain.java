package org.ffiscript.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
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
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        var commandLine = new CommandLineOptions(args);
        var options = new OptionsBuilder()
                .parent(commandLine)
                .include(commandLine.getIncludes().isEmpty() ? CallBenchmark.class.getSimpleName() : commandLine.getIncludes().get(0))
                .forks(commandLine.getForkCount().orElse(1))
                .warmupIterations(commandLine.getWarmupIterations().orElse(3))
                .warmupTime(commandLine.getWarmupTime().orElse(TimeValue.seconds(1)))
                .measurementIterations(commandLine.getMeasurementIterations().orElse(5))
                .measurementTime(commandLine.getMeasurementTime().orElse(TimeValue.seconds(1)))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Dffi.testlib=" + System.getProperty("ffi.testlib"))
                .build();
        var results = new Runner(options).run();
        printRatios(results);
    }

    private static void printRatios(Iterable<RunResult> results) {
        Map<String, Double> nanos = new TreeMap<>();
        for (var result : results) {
            var label = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            nanos.put(label, result.getPrimaryResult().getScore());
        }
        Double raw = nanos.get("rawDowncall");
        System.out.println();
        System.out.printf("%-22s %12s %14s%n", "benchmark", "ns/call", "x raw downcall");
        nanos.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).forEach(e ->
                System.out.printf("%-22s %12.2f %14s%n", e.getKey(), e.getValue(),
                        raw == null ? "-" : String.format("%.2f", e.getValue() / raw)));
    }
}
