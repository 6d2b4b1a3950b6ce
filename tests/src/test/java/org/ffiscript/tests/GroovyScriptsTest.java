package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.script.Compilable;
import javax.script.Invocable;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Groovy scripts in src/test/groovy run through the ffi-groovy JSR-223 engine in this JVM and through
 * ./ffi-script; each prints "NAME: ok" when all its assertions held.
 */
class GroovyScriptsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SCRIPTS = ROOT.resolve("tests/src/test/groovy");

    private static Stream<Path> scripts() throws IOException {
        try (var files = Files.list(SCRIPTS)) {
            return files.filter(path -> path.toString().endsWith(".groovy")).sorted().toList().stream();
        }
    }

    private static String nameOf(Path script) {
        return script.getFileName().toString().replaceFirst("\\.groovy$", "");
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPassesThroughTheJsr223Engine() throws IOException {
        return scripts()
                .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
                    var engine = new ScriptEngineManager().getEngineByName("ffi-groovy");
                    var output = new StringWriter();
                    engine.getContext().setWriter(output);
                    engine.eval(Files.readString(script));
                    assertTrue(output.toString().contains(nameOf(script) + ": ok"), output.toString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPassesThroughTheLauncher() throws IOException {
        return scripts()
                .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
                    var process = new ProcessBuilder(ROOT.resolve("ffi-script").toString(), script.toString())
                            .directory(ROOT.toFile())
                            .start();
                    var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
                    assertEquals(0, process.exitValue(), stdout + stderr);
                    assertTrue(stdout.contains(nameOf(script) + ": ok"), stdout + stderr);
                }));
    }

    @Test
    void theEngineHasTheApiWithoutImportsAndIsCompilableAndInvocable() throws Exception {
        var engine = new ScriptEngineManager().getEngineByName("ffi-groovy");
        var compiled = ((Compilable) engine).compile("DataType.I32 + PointerType.CPointer + FFITypeTag.StackStruct");
        assertEquals(1 + 1 + 999, compiled.eval());
        assertEquals(1, engine.eval("library('libc') { atoi returns: int, takes: [String] }.atoi('1')"));
        engine.put("text", "2718");
        assertEquals(
                2718,
                engine.eval(
                        "load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [text])"));
        engine.eval("def plus(a, b) { a + b }");
        assertEquals(77, ((Invocable) engine).invokeFunction("plus", 70, 7));
    }

    @Test
    void aCompiledLoadServesEachBindingWithItsOwnLibraries() throws Exception {
        var engine = new ScriptEngineManager().getEngineByName("ffi-groovy");
        var opening = ((Compilable) engine).compile("open(library: 'mine', path: '')");
        var loading = ((Compilable) engine)
                .compile(
                        "load(library: 'mine', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [text])");
        var first = engine.createBindings();
        var second = engine.createBindings();
        first.put("text", "12");
        second.put("text", "34");
        opening.eval(first);
        assertEquals(12, loading.eval(first));
        var error = org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class, () -> loading.eval(second));
        assertTrue(error.getMessage().contains("library 'mine' is not open"), error.getMessage());
        opening.eval(second);
        assertEquals(34, loading.eval(second));
        assertEquals(12, loading.eval(first));
    }

    @Test
    void anUncaughtErrorExitsNonZeroWithTheScriptsStackTrace() throws Exception {
        var script = Files.createTempFile("failing", ".groovy");
        Files.writeString(script, "println 'before'\nthrow new IllegalStateException('deliberate failure')\n");
        var process = new ProcessBuilder(ROOT.resolve("ffi-script").toString(), script.toString()).start();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue());
        assertTrue(
                stderr.contains("deliberate failure")
                        && stderr.contains(script.getFileName().toString().replace(".groovy", "")),
                stderr);
    }

    @Test
    void errorsInScriptsSurfaceAsScriptExceptionsWithTheEngineMessage() {
        var engine = new ScriptEngineManager().getEngineByName("ffi-groovy");
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                ScriptException.class,
                () -> engine.eval(
                        "open(library: 'libc', path: ''); load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [42])"));
        assertTrue(
                String.valueOf(error.getMessage())
                        .contains("libc.atoi: paramsValue[0]: expected String (a string), got 42"),
                error.getMessage());
    }
}
