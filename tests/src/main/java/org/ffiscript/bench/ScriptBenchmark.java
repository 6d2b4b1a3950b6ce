package org.ffiscript.bench;

import groovy.lang.Binding;
import groovy.lang.Closure;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ffiscript.groovy.FfiScript;
import org.ffiscript.groovy.GroovyFfi;
import org.ffiscript.groovy.GroovyScripts;
import org.ffiscript.js.JsRuntime;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code int sum(int, int)} from scripts, through their engines: a JavaScript function making 1,000 calls with
 * {@code load} object literals or a {@code define}d function, and the same from a Groovy closure. The score is
 * per batch of 1,000 calls; BenchMain divides. GraalJS needs long warm-up before its compiler has run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScriptBenchmark {
    static final int BATCH = 1_000;
    private static final String LIBRARY = System.getProperty("ffi.testlib");

    private JsRuntime js;
    private Value jsLoad;
    private Value jsDefine;
    private GroovyFfi groovy;
    private Closure<?> groovyLoad;
    private Closure<?> groovyDsl;

    @Setup
    public void open() throws Exception {
        var silent = new PrintStream(PrintStream.nullOutputStream());
        js = JsRuntime.create(builder -> {}, List.of("bench"), silent, silent);
        var functions = js.eval("""
                open({ library: 'bench', path: '%s' })
                const lib = define({ sum: { library: 'bench', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32] } })
                ;[
                  (n) => { let s = 0; for (let i = 0; i < n; i++) s += load({ library: 'bench', funcName: 'sum', retType: DataType.I32,
                           paramsType: [DataType.I32, DataType.I32], paramsValue: [i, 1] }); return s },
                  (n) => { let s = 0; for (let i = 0; i < n; i++) s += lib.sum([i, 1]); return s },
                ]""".formatted(LIBRARY), "bench.js");
        jsLoad = functions.getArrayElement(0);
        jsDefine = functions.getArrayElement(1);

        groovy = new GroovyFfi();
        var binding = new Binding();
        binding.setVariable(FfiScript.API_VARIABLE, groovy);
        binding.setVariable("path", LIBRARY);
        var closures = (List<?>) GroovyScripts.shell(binding).evaluate("""
                open(library: 'bench', path: path)
                def lib = library('bench', path: path) { sum returns: int, takes: [int, int] }
                [{ int n -> int s = 0; for (int i = 0; i < n; i++) { s += load(library: 'bench', funcName: 'sum', retType: DataType.I32,
                      paramsType: [DataType.I32, DataType.I32], paramsValue: [i, 1]) }; s },
                 { int n -> int s = 0; for (int i = 0; i < n; i++) { s += lib.sum(i, 1) }; s }]
                """);
        groovyLoad = (Closure<?>) closures.get(0);
        groovyDsl = (Closure<?>) closures.get(1);
    }

    @TearDown
    public void close() {
        js.close();
        groovy.close();
    }

    /** 1,000 calls with load object literals, from JavaScript. */
    @Benchmark
    public int jsLoad1000() {
        return jsLoad.execute(BATCH).asInt();
    }

    /** 1,000 calls of a defined function, from JavaScript. */
    @Benchmark
    public int jsDefine1000() {
        return jsDefine.execute(BATCH).asInt();
    }

    /** 1,000 calls with load named arguments, from Groovy. */
    @Benchmark
    public Object groovyLoad1000() {
        return groovyLoad.call(BATCH);
    }

    /** 1,000 calls of a DSL-declared function, from Groovy. */
    @Benchmark
    public Object groovyDsl1000() {
        return groovyDsl.call(BATCH);
    }
}
