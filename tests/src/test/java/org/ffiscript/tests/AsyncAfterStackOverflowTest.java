package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ffiscript.js.JsRuntime;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stack overflows around runInNewThread calls (issue 20, item 12): every promise of such a call still settles, and
 * when the JS engine itself can no longer run promise reactions the script ends with an error saying so, never as
 * if it had finished.
 */
class AsyncAfterStackOverflowTest {
    private static final String LIBRARY =
            Path.of(TestLibrary.PATH).toAbsolutePath().toString();

    private static JsRuntime runtime() {
        var silent = new PrintStream(new ByteArrayOutputStream());
        return JsRuntime.create(builder -> {}, List.of("test"), silent, silent);
    }

    /**
     * At every depth near the stack limit the script starts a runInNewThread call, then makes a call whose callbacks
     * C makes from its own threads: results arrive while that call is being served, at a nearly full stack. They
     * used to be settled right there, where settling can fail with the stack overflow, hand that failure to the served
     * call (which the script catches) and leave the promise pending, so that the script's last await never returns.
     */
    @Test
    void promisesOfCallsCompletingWhileADeepCallServesCallbacksAllSettle() throws Exception {
        try (var js = runtime()) {
            js.eval("""
                    open({ library: 'lib', path: '%s' })
                    const sleepAsync = (ms) => load({ library: 'lib', funcName: 'sleep_ms', retType: DataType.I32,
                      paramsType: [DataType.I32], paramsValue: [ms], runInNewThread: true })
                    const callback = funcConstructor({ paramsType: [DataType.I32], retType: DataType.I32 })
                    const serve = () => load({ library: 'lib', funcName: 'call_from_threads', retType: DataType.I64,
                      paramsType: [callback, DataType.I32, DataType.I32], paramsValue: [(x) => x, 2, 2] })
                    const started = [], settled = new Set()
                    let overflows = 0
                    function step() {
                      if (started.length < 300) {
                        try {
                          const p = sleepAsync(0)
                          p.then(() => settled.add(p), () => settled.add(p))
                          started.push(p)
                          serve()
                        } catch (e) { }
                      }
                    }
                    function dive(n) {
                      try { dive(n + 1) } catch (e) { overflows++ }
                      step()
                    }
                    // once at a shallow stack first: the JVM initializes a class once, and one whose initializer a
                    // stack overflow interrupts stays unusable (a GraalJS limit this test is not about)
                    step()
                    globalThis.outcome = 'not reached'
                    ;(async () => {
                      for (let round = 0; round < 3; round++) { dive(0); await sleepAsync(1) }
                      for (let wait = 0; wait < 200 && started.some((p) => !settled.has(p)); wait++) await sleepAsync(5)
                      const unsettled = started.filter((p) => !settled.has(p)).length
                      globalThis.outcome = `started ${started.length > 0}, unsettled ${unsettled}, overflows ${overflows > 0}`
                    })()
                    """.formatted(LIBRARY), "deep-serving.js");
            assertEquals(
                    "started true, unsettled 0, overflows true",
                    js.globals().getMember("outcome").asString());
        } catch (PolyglotException | IllegalStateException e) {
            // the one other acceptable end: GraalJS lost its promise jobs, and the script says so
            assertTrue(String.valueOf(e.getMessage()).contains("stopped running promise reactions"), e.toString());
        }
    }

    /**
     * A built-in whose first load a stack overflow interrupts (a script first touching Buffer deep in a recursion)
     * is loaded again on the next use; it used to stay half-made, Buffer undefined for the rest of the run. Run as
     * its own process: GraalJS classes first initialized at the stack limit may stay unusable in that JVM, which
     * then ends the script with that error (loudly, which is also acceptable), and would fail later tests here.
     */
    @Test
    void aBuiltInWhoseFirstLoadOverflowedLoadsLater(@TempDir Path folder) throws Exception {
        var script = folder.resolve("late-buffer.js");
        Files.writeString(script, """
                let failed = false
                function dive(n) {
                  try { dive(n + 1) } catch (e) { }
                  try { Buffer.from([1]) } catch (e) { failed = true }
                }
                dive(0)
                console.log(`${failed} ${typeof Buffer} ${Buffer.from('hi').toString('hex')}`)
                """);
        var launcher = Path.of(System.getProperty("user.dir"))
                .getParent()
                .resolve("ffi-script")
                .toString();
        var result = Commands.run(folder, List.of(launcher, script.toString()), 5, environment -> {});
        if (result.status() == 0) {
            assertEquals("true function 6869", result.output().strip());
        } else { // ended with the JVM's error, not with Buffer left undefined
            assertTrue(result.output().contains("Error") && !result.output().contains("of undefined"), result.output());
        }
    }
}
