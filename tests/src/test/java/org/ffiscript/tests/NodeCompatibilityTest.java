package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.js.JsRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Node programs run unchanged: the fixture project (tests' resources, node-project: a node_modules with a package
 * using "main", one using "exports" and "imports", an ES-module-only one, a nested dependency, a scoped package)
 * prints under ffi-script exactly what it prints under Node 20, which is the standard.
 */
class NodeCompatibilityTest {
    private static final Path PROJECT =
            Path.of("src/test/resources/node-project").toAbsolutePath();

    /** What a script prints on standard output and error, and its exit code, run in-process. */
    record Run(int status, String out, String err) {}

    static Run runScript(Path script, AccessPolicy policy) throws Exception {
        return runScript(script, policy, "");
    }

    static Run runScript(Path script, AccessPolicy policy, String input) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                var stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
                var js = JsRuntime.create(
                        policy, builder -> {}, List.of("ffi-script", script.toString()), stdout, stderr)) {
            js.setInput(() -> new java.io.StringReader(input));
            try {
                js.runFile(script);
                status = js.finish();
            } catch (org.graalvm.polyglot.PolyglotException e) {
                stderr.println(e.getMessage());
                status = 1;
            }
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String node(Path script) throws Exception {
        var result = Commands.run(
                script.getParent(),
                List.of("node", "--no-warnings", script.getFileName().toString()),
                2,
                environment -> {});
        assertEquals(0, result.status(), "node " + script + ":\n" + result.output());
        return result.output();
    }

    private static boolean hasNode() {
        try {
            return new ProcessBuilder("node", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modules.js", "imports.mjs", "builtins.js"})
    void printsWhatNodePrints(String name) throws Exception {
        assumeTrue(hasNode(), "node is not installed: nothing to compare with");
        var script = PROJECT.resolve(name);
        var ours = runScript(script, AccessPolicy.allowAll());
        assertEquals("", ours.err(), name + " wrote to standard error");
        assertEquals(node(script), ours.out(), name + ": ffi-script and Node 20 print differently");
    }

    @Test
    void requireFollowsNodesResolution() throws Exception {
        var out = runScript(PROJECT.resolve("modules.js"), AccessPolicy.allowAll())
                .out();
        assertTrue(out.contains("exports require condition: { kind: 'commonjs', selfName: 'feature' }"), out);
        assertTrue(out.contains("nested node_modules: { own: 'depends@2.0.0', dependency: 'with-main@2.0.0' }"), out);
        assertTrue(out.contains("exports hides the rest: threw ERR_PACKAGE_PATH_NOT_EXPORTED"), out);
        assertTrue(out.contains("package imports: internal"), out);
        assertTrue(out.contains("sawB: '{\"before\":\"a before b\"}'"), out); // a cycle sees the partial exports
    }

    @Test
    void bufferSlicesShareMemoryAndSearchFindsText() throws Exception {
        var out = runScript(PROJECT.resolve("builtins.js"), AccessPolicy.allowAll())
                .out();
        assertTrue(out.contains("Hello world world true"), out); // slice(0, 5)[0] = 'H' changed the original
        assertTrue(out.contains("4 7 true 6 9"), out); // indexOf, lastIndexOf, includes
        assertTrue(out.contains("base64url \"WsO8cmljaCDinJM\" 11 true"), out);
    }

    @Test
    void esModulesImportPackagesBuiltinsAndEveryFfiRsExport(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.mjs");
        Files.writeString(script, """
                import { load, define, declare, DataType, open, createPointer } from 'ffi-rs';
                import ffi from 'ffi-rs';
                import { readFileSync } from 'node:fs';
                import { EventEmitter } from 'events';
                console.log(typeof load, typeof define, typeof declare, DataType.I32, typeof open, typeof createPointer,
                  ffi.load === load, typeof readFileSync, typeof EventEmitter, import.meta.url.startsWith('file:///'));
                """);
        var run = runScript(script, AccessPolicy.allowAll());
        assertEquals(
                "function function function 1 function function true function function true\n", run.out(), run.err());
    }

    @Test
    void aMissingModuleNamesTheRequestAndTheFoldersSearched(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.js");
        Files.writeString(
                script, "try { require('left-pad') } catch (e) { console.log(e.code); console.log(e.message) }");
        var out = runScript(script, AccessPolicy.allowAll()).out();
        assertTrue(out.startsWith("MODULE_NOT_FOUND\nCannot find module 'left-pad'\nRequire stack:\n- " + script), out);
        assertTrue(out.contains("Looked in: " + folder.resolve("node_modules") + ", "), out);
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws Exception {
        var script = PROJECT.resolve("lib/broken-user.js");
        var run = runScript(script, AccessPolicy.allowAll());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("broken.js:1"), run.err());
    }

    @Test
    void aNativeAddonIsRefusedSayingWhy(@TempDir Path folder) throws Exception {
        var script = PROJECT.resolve("lib/addon-user.js");
        var run = runScript(script, AccessPolicy.allowAll());
        assertTrue(run.out().contains("ERR_DLOPEN_FAILED"), run.out() + run.err());
        assertTrue(run.out().contains("addon.node") && run.out().contains("Node's C++ API"), run.out());
    }

    @Test
    void fileAccessFollowsTheAccessPolicy(@TempDir Path folder) throws Exception {
        var allowed = Files.createDirectories(folder.resolve("allowed"));
        var script = allowed.resolve("main.js");
        Files.writeString(allowed.resolve("mine.txt"), "mine");
        Files.writeString(script, """
                const fs = require('fs');
                console.log(fs.readFileSync(__dirname + '/mine.txt', 'utf8'));
                for (const attempt of [() => fs.readFileSync('/etc/hostname'), () => fs.writeFileSync('/tmp/outside.txt', 'x'),
                    () => require('child_process').execSync('id')]) {
                  try { attempt(); console.log('allowed'); } catch (e) { console.log(e.code); }
                }
                console.log(fs.existsSync('/etc/passwd'));
                """);
        var policy = AccessPolicy.builder().allowFilesUnder(allowed).build();
        var run = runScript(script, policy);
        assertEquals("mine\nEACCES\nEACCES\nEACCES\nfalse\n", run.out(), run.err());
    }

    @Test
    void aRestrictedScriptDoesNotLearnWhoOrWhereTheHostIs(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.js");
        Files.writeString(script, """
                const os = require('os');
                for (const attempt of [() => os.hostname(), () => os.homedir(), () => os.userInfo()]) {
                  try { console.log('allowed', attempt()); } catch (e) { console.log(e.message); }
                }
                """);
        var run =
                runScript(script, AccessPolicy.builder().allowFilesUnder(folder).build());
        assertEquals("""
                os.hostname(): the access policy does not let scripts read the host's identity
                os.homedir(): the access policy does not let scripts read the host's identity
                os.userInfo(): the access policy does not let scripts read the host's identity
                """, run.out(), run.err());
    }

    @Test
    void processExitCodeAndExitEventsAreHonoured(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.js");
        Files.writeString(script, """
                process.on('exit', (code) => console.log('exiting with', code, process.exitCode));
                setTimeout(() => { process.exitCode = 4; }, 1);
                """);
        var run = runScript(script, AccessPolicy.allowAll());
        assertEquals(4, run.status());
        assertEquals("exiting with 4 4\n", run.out());
    }

    @Test
    void readlineReadsStandardInputLineByLine(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.mjs");
        Files.writeString(script, """
                import { createInterface } from 'node:readline';
                const lines = [];
                for await (const line of createInterface({ input: process.stdin })) lines.push(line);
                console.log(lines);
                """);
        assertEquals(
                "[ 'first', 'second', 'last' ]\n",
                runScript(script, AccessPolicy.allowAll(), "first\nsecond\r\nlast")
                        .out());
    }

    @Test
    void everyBuiltinTheResolverKnowsLoadsByBothNames(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.js");
        var names = new java.util.TreeSet<>(org.ffiscript.js.node.ModuleHost.BUILTINS);
        Files.writeString(
                script,
                "const names = "
                        + names.stream()
                                .map(name -> "'" + name + "'")
                                .collect(java.util.stream.Collectors.joining(", ", "[", "]"))
                        + ";\n" + """
                for (const name of names) {
                  const exports = require(name);
                  if (exports === undefined || exports !== require('node:' + name)) console.log('not loaded:', name);
                }
                console.log(require('module').builtinModules.filter((name) => !names.includes(name)));
                """);
        var run = runScript(script, AccessPolicy.allowAll());
        assertEquals("[]\n", run.out(), run.err());
    }

    @Test
    void processPidIsTheOneCSees(@TempDir Path folder) throws Exception {
        var script = folder.resolve("main.js");
        Files.writeString(script, """
                const { open, load, DataType } = require('ffi-rs');
                open({ library: 'libc', path: '' });
                const pid = load({ library: 'libc', funcName: 'getpid', retType: DataType.I32, paramsType: [], paramsValue: [] });
                console.log(pid === process.pid, process.ppid > 0);
                """);
        var run = runScript(script, AccessPolicy.allowAll());
        assertEquals("true true\n", run.out(), run.err());
    }
}
