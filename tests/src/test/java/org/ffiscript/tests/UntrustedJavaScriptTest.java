package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.js.FfiJsEngine;
import org.ffiscript.js.FfiJsEngineFactory;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.ResourceLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Untrusted JavaScript under the tightest access policy: each test is an escape that must fail. The escapes are
 * the ones GraalVM's security guide names for guest code (host classes, Java globals, threads, polyglot access,
 * exiting the process, resource exhaustion) and the reads of the environment and of files the policy does not name.
 */
class UntrustedJavaScriptTest {
    private static final AccessPolicy NOTHING = AccessPolicy.builder().build();
    private FfiJsEngine engine;

    private ScriptEngine untrusted(AccessPolicy policy) {
        return untrusted(policy, builder -> {});
    }

    private ScriptEngine untrusted(AccessPolicy policy, Consumer<Context.Builder> customizer) {
        engine = (FfiJsEngine) new FfiJsEngineFactory(policy, customizer).getScriptEngine();
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theEnvironmentIsEmptyUnlessTheEmbedderGrantsNames() throws ScriptException {
        assertEquals(0, ((Number) untrusted(NOTHING).eval("Object.keys(process.env).length")).intValue());
        assertEquals(null, engine.eval("process.env.PATH === undefined ? null : 'leaked'"));
    }

    @Test
    void grantedEnvironmentVariablesAreTheOnlyOnes() throws ScriptException {
        var policy = AccessPolicy.builder().allowEnvironment("PATH").build();
        assertEquals("PATH", untrusted(policy).eval("Object.keys(process.env).join(',')"));
        assertEquals(System.getenv("PATH"), engine.eval("process.env.PATH"));
    }

    @Test
    void requireOfAFileOutsideTheGrantedFoldersIsRefusedWithoutItsContents() {
        var refused =
                assertThrows(ScriptException.class, () -> untrusted(NOTHING).eval("require('/etc/passwd')"));
        assertTrue(refused.getMessage().contains("does not allow reading \"/etc/passwd\""), refused.getMessage());
        assertFalse(refused.getMessage().contains("root:"), refused.getMessage());
    }

    @Test
    void jsonOutsideTheGrantedFoldersIsRefused(@TempDir Path folder) throws Exception {
        var secret = Files.writeString(folder.resolve("secret.json"), "{\"password\": \"hunter2\"}");
        var refused =
                assertThrows(ScriptException.class, () -> untrusted(NOTHING).eval("require('" + secret + "')"));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void modulesUnderAGrantedFolderLoad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("answer.js"), "module.exports = 42");
        var policy = AccessPolicy.builder().allowFilesUnder(folder).build();
        assertEquals(
                42, ((Number) untrusted(policy).eval("require('" + folder.resolve("answer.js") + "')")).intValue());
    }

    @Test
    void aLinkInsideAGrantedFolderDoesNotLeadOutOfIt(@TempDir Path folder) throws Exception {
        var granted = Files.createDirectory(folder.resolve("granted"));
        var outside = Files.writeString(folder.resolve("outside.js"), "module.exports = 'escaped'");
        Files.createSymbolicLink(granted.resolve("link.js"), outside);
        var policy = AccessPolicy.builder().allowFilesUnder(granted).build();
        assertThrows(
                ScriptException.class, () -> untrusted(policy).eval("require('" + granted.resolve("link.js") + "')"));
    }

    @Test
    void importOfAFileOutsideTheGrantedFoldersIsRefused() throws ScriptException {
        untrusted(NOTHING)
                .eval("var outcome = 'pending'; import('/etc/passwd').then(() => { outcome = 'loaded' },"
                        + " (error) => { outcome = String(error) })");
        var outcome = (String) engine.eval("outcome");
        assertTrue(outcome.contains("does not allow reading"), outcome);
        assertFalse(outcome.contains("root:"), outcome);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Java.type('java.lang.Runtime').getRuntime().exec('true')",
                "java.lang.System.exit(1)",
                "Packages.java.lang.System.getenv()",
                "Polyglot.eval('js', '1')",
                "Java.addToClasspath('/tmp')",
                "loadWithNewGlobal('/etc/passwd')",
                "loadWithNewGlobal({ script: \"load('/etc/passwd')\", name: 'fresh-global' })",
                "new (Java.type('java.lang.Thread'))(() => {}).start()",
                "quit()",
            })
    void hostAndPolyglotEscapesFail(String escape) {
        assertThrows(ScriptException.class, () -> untrusted(NOTHING).eval(escape));
    }

    @Test
    void processExitEndsTheScriptNotTheApplication() {
        assertThrows(ScriptException.class, () -> untrusted(NOTHING).eval("process.exit(3)"));
    }

    @Test
    void theNativeApiStaysBehindThePolicy() {
        var refused =
                assertThrows(ScriptException.class, () -> untrusted(NOTHING).eval("open({ library: 'c', path: '' })"));
        assertTrue(refused.getMessage().contains("access policy"), refused.getMessage());
    }

    @Test
    void aStatementLimitStopsARunawayScriptWithAClearError() {
        var limits = ResourceLimits.newBuilder().statementLimit(100_000, null).build();
        var stopped = assertThrows(
                ScriptException.class,
                () -> untrusted(NOTHING, builder -> builder.resourceLimits(limits))
                        .eval("for (;;) {}"));
        assertTrue(stopped.getMessage().toLowerCase().contains("statement"), stopped.getMessage());
    }

    @Test
    void aCpuTimeLimitStopsARunawayScriptAndTheEngineStaysUsable() throws Exception {
        engine = (FfiJsEngine)
                new FfiJsEngineFactory(NOTHING, builder -> {}, java.time.Duration.ofMillis(300)).getScriptEngine();
        var stopped = assertThrows(ScriptException.class, () -> engine.eval("let n = 0; for (;;) { n++ }"));
        assertTrue(stopped.getMessage().contains("CPU time limit of 300 ms"), stopped.getMessage());
        assertEquals(2, ((Number) engine.eval("1 + 1")).intValue()); // the next evaluation has its own budget
    }
}
