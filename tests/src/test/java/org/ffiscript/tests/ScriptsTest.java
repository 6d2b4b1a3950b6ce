package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.script.Compilable;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JavaScript scripts in src/test/js, written in ffi-rs's test style, run twice: through the ffi-js JSR-223
 * engine in this JVM, and through ./ffi-script as a user runs them. Each prints "NAME: ok" when all its
 * assertions held.
 */
class ScriptsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SCRIPTS = ROOT.resolve("tests/src/test/js");
    private static final List<String> SPECIAL = List.of(
            "exit-code.js", "uncaught.js", "unsettled.mjs", "exit-in-callback.js", "exit-in-thread-callback.js");

    private static Stream<Path> scripts() throws IOException {
        try (var files = Files.list(SCRIPTS)) {
            return files
                    .filter(path ->
                            path.toString().endsWith(".js") || path.toString().endsWith(".mjs"))
                    .filter(path -> !SPECIAL.contains(path.getFileName().toString()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static String nameOf(Path script) {
        return script.getFileName().toString().replaceFirst("\\.m?js$", "");
    }

    private static ScriptEngine engine(StringWriter output) {
        var engine = new ScriptEngineManager().getEngineByName("ffi-js");
        engine.getContext().setWriter(output);
        engine.getContext().setErrorWriter(output);
        return engine;
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPassesThroughTheJsr223Engine() throws IOException {
        return scripts()
                .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
                    var output = new StringWriter();
                    var engine = engine(output);
                    try {
                        engine.put(ScriptEngine.FILENAME, script.toString());
                        engine.eval(Files.readString(script));
                    } finally {
                        ((AutoCloseable) engine).close();
                    }
                    assertTrue(output.toString().contains(nameOf(script) + ": ok"), output.toString());
                }));
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run launch(Path script) throws IOException, InterruptedException {
        var process = new ProcessBuilder(ROOT.resolve("ffi-script").toString(), script.toString())
                .directory(ROOT.toFile())
                .start();
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), script + " did not finish");
        return new Run(
                process.exitValue(),
                new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPassesThroughTheLauncher() throws IOException {
        return scripts()
                .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
                    var run = launch(script);
                    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
                    assertTrue(run.stdout().contains(nameOf(script) + ": ok"), run.stdout() + run.stderr());
                    assertTrue(
                            !run.stderr().contains("WARNING"),
                            "the launcher runs without JVM warnings:\n" + run.stderr());
                }));
    }

    @Test
    void theLauncherPassesProcessExitCodesThrough() throws Exception {
        var run = launch(SCRIPTS.resolve("exit-code.js"));
        assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("exit-code: ok"));
    }

    @Test
    void processExitInACallbackOnTheScriptThreadExitsWithItsCode() throws Exception {
        var run = launch(SCRIPTS.resolve("exit-in-callback.js"));
        assertEquals(7, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("exit-in-callback: ok"), run.stdout());
        assertFalse(run.stdout().contains("not reached"), run.stdout());
    }

    @Test
    void processExitInACallbackFromANativeThreadExitsWithItsCode() throws Exception {
        var run = launch(SCRIPTS.resolve("exit-in-thread-callback.js"));
        assertEquals(5, run.exitCode(), run.stdout() + run.stderr());
        assertFalse(run.stdout().contains("not reached"), run.stdout());
    }

    @Test
    void anUncaughtErrorExitsNonZeroWithTheScriptsStackTrace() throws Exception {
        var run = launch(SCRIPTS.resolve("uncaught.js"));
        assertNotEquals(0, run.exitCode());
        assertTrue(run.stderr().contains("deliberate failure from uncaught.js"), run.stderr());
        assertTrue(run.stderr().contains("uncaught.js:"), "the stack names the script's line:\n" + run.stderr());
    }

    @Test
    void aModuleWhoseTopLevelAwaitNeverSettlesExitsWith13AndAWarning() throws Exception {
        var run = launch(SCRIPTS.resolve("unsettled.mjs"));
        assertEquals(13, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("Detected unsettled top-level await"), run.stderr());
        assertTrue(!run.stdout().contains("unreachable"));
    }

    @Test
    void theEngineIsCompilableAndInvocableWithTheApiPreloaded() throws Exception {
        var engine = engine(new StringWriter());
        try {
            var compiled = ((Compilable) engine).compile("DataType.I32 + DataType.U64");
            assertEquals(13, ((Number) compiled.eval()).intValue());
            engine.eval("open({library: 'libc', path: ''});"
                    + "function atoi(text) { return load({library: 'libc', funcName: 'atoi', retType: DataType.I32,"
                    + " paramsType: [DataType.String], paramsValue: [text]}) }");
            assertEquals(1234, ((Number) ((Invocable) engine).invokeFunction("atoi", "1234")).intValue());
            engine.put("fromJava", 41);
            assertEquals(42, ((Number) engine.eval("fromJava + 1")).intValue());
        } finally {
            ((AutoCloseable) engine).close();
        }
    }

    @Test
    void evalReturnsOnlyOnceTheEventLoopHasDrained() throws Exception {
        var output = new StringWriter();
        var engine = engine(output);
        try {
            engine.eval(
                    "setTimeout(() => console.log('late'), 100); Promise.resolve().then(() => console.log('soon'))");
            assertEquals("soon\nlate\n", output.toString());
        } finally {
            ((AutoCloseable) engine).close();
        }
    }

    @Test
    void scriptsCannotLookUpHostClassesByDefault() throws Exception {
        var engine = engine(new StringWriter());
        try {
            assertThrows(
                    ScriptException.class,
                    () -> engine.eval("Java.type('java.lang.Runtime').getRuntime().exec('true')"));
        } finally {
            ((AutoCloseable) engine).close();
        }
    }
}
