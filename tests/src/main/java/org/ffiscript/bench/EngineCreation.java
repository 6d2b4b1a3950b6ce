package org.ffiscript.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import org.ffiscript.groovy.FfiGroovyEngineFactory;
import org.ffiscript.js.FfiJsEngineFactory;

/**
 * What an application pays per script engine, as it creates them per tenant or request: the time to create an
 * engine and make its first native call, the heap each one keeps, and how fast a later engine's first calls run
 * once the first engine is warm. {@code ./bench engines}.
 */
public final class EngineCreation {
    private static final int ENGINES = 12;
    private static final int KEPT_ENGINES = 50;
    private static final int CALLS = 100_000;
    private static final String JS_FIRST_CALL = "open({ library: 'bench', path: '%s' }); "
            + "load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })";
    private static final String GROOVY_FIRST_CALL = "open(library: 'bench', path: '%s'); "
            + "load(library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2])";
    private static final String JS_CALLS =
            "open({ library: 'bench', path: '%s' }); (() => { let total = 0; for (let i = 0; i < %d; i++) "
                    + "total += load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [i, 1] }); "
                    + "return total })()";

    private EngineCreation() {}

    public static void main(String[] args) throws Exception {
        var library = System.getProperty("ffi.testlib");
        System.out.println(
                "Engine creation + first call (eval of open + one load), ms: the first engine, then the median of the next "
                        + (ENGINES - 1));
        firstCalls(
                "ffi-js, one factory (shared polyglot engine)",
                singleFactory(new FfiJsEngineFactory()),
                JS_FIRST_CALL,
                library);
        firstCalls("ffi-js, a factory per engine", FfiJsEngineFactory::new, JS_FIRST_CALL, library);
        firstCalls("ffi-groovy", singleFactory(new FfiGroovyEngineFactory()), GROOVY_FIRST_CALL, library);
        System.out.println();
        heapPerEngine(
                "ffi-js (shared polyglot engine)", singleFactory(new FfiJsEngineFactory()), JS_FIRST_CALL, library);
        heapPerEngine("ffi-groovy", singleFactory(new FfiGroovyEngineFactory()), GROOVY_FIRST_CALL, library);
        System.out.println();
        laterEngineSpeed(library);
    }

    private static Supplier<ScriptEngineFactory> singleFactory(ScriptEngineFactory factory) {
        return () -> factory;
    }

    private static void firstCalls(String label, Supplier<ScriptEngineFactory> factories, String script, String library)
            throws Exception {
        var created = new double[ENGINES];
        var called = new double[ENGINES];
        for (int i = 0; i < ENGINES; i++) {
            long start = System.nanoTime();
            var engine = factories.get().getScriptEngine();
            long made = System.nanoTime();
            engine.eval(script.formatted(library));
            created[i] = (made - start) / 1e6;
            called[i] = (System.nanoTime() - made) / 1e6;
            close(engine);
        }
        System.out.printf(
                "  %-46s first %7.1f + %6.1f   later %6.1f + %5.1f%n",
                label, created[0], called[0], laterMedian(created), laterMedian(called));
    }

    private static double laterMedian(double[] times) {
        var later = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }

    private static void heapPerEngine(
            String label, Supplier<ScriptEngineFactory> factories, String script, String library) throws Exception {
        close(firstOf(factories, script, library)); // the shared parts, made once, are not counted per engine
        long before = usedHeapAfterGc();
        long rssBefore = residentBytes();
        var engines = new ArrayList<ScriptEngine>();
        for (int i = 0; i < KEPT_ENGINES; i++) {
            engines.add(firstOf(factories, script, library));
        }
        long after = usedHeapAfterGc();
        long rssAfter = residentBytes();
        System.out.printf(
                "  per engine, %-30s heap kept %.2f MiB (%.1f MiB in use with one engine, %.1f with %d more),"
                        + " resident memory %.2f MiB%n",
                label + ":",
                (after - before) / (double) KEPT_ENGINES / (1 << 20),
                before / 1048576.0,
                after / 1048576.0,
                KEPT_ENGINES,
                (rssAfter - rssBefore) / (double) KEPT_ENGINES / (1 << 20));
        for (var engine : engines) {
            close(engine);
        }
    }

    private static ScriptEngine firstOf(Supplier<ScriptEngineFactory> factories, String script, String library)
            throws Exception {
        var engine = factories.get().getScriptEngine();
        engine.eval(script.formatted(library));
        return engine;
    }

    /** The first engine runs the loop until it is compiled; then a new engine of the same factory runs it once. */
    private static void laterEngineSpeed(String library) throws Exception {
        var factory = new FfiJsEngineFactory();
        var script = JS_CALLS.formatted(library, CALLS);
        var first = factory.getScriptEngine();
        List<Double> rounds = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            rounds.add(timed(first, script));
        }
        var second = factory.getScriptEngine();
        double secondFirstRun = timed(second, script);
        var fresh = new FfiJsEngineFactory().getScriptEngine();
        double freshFirstRun = timed(fresh, script);
        System.out.printf(
                "ffi-js, %,d load calls in one eval (ms): the first engine's first run %.1f, its 30th %.1f;%n"
                        + "  a second engine of the same factory, its first run %.1f; an engine of a new factory, its first run %.1f%n",
                CALLS, rounds.get(0), rounds.get(rounds.size() - 1), secondFirstRun, freshFirstRun);
        close(first);
        close(second);
        close(fresh);
    }

    private static double timed(ScriptEngine engine, String script) throws Exception {
        long start = System.nanoTime();
        engine.eval(script);
        return (System.nanoTime() - start) / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's resident memory (Linux), which counts what the heap does not: threads, code, native memory. */
    private static long residentBytes() {
        try {
            for (var line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void close(ScriptEngine engine) throws Exception {
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
