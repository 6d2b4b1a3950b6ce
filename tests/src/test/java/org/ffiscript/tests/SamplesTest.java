package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs each sample as the README says, with ./ffi-script, and checks what it prints. */
class SamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private static String run(String... command) throws Exception {
        var args = new java.util.ArrayList<String>();
        args.add(ROOT.resolve("ffi-script").toString());
        args.addAll(java.util.List.of(command));
        var process = new ProcessBuilder(args)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, process.exitValue(), command[0] + " failed:\n" + output);
        return output;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "samples/js/quickstart.js|atoi(\"1000\") = 1000",
                "samples/js/strings-and-buffers.js|after memcpy: \"copied by memcpy\"",
                "samples/js/structs.js|s since 1970",
                "samples/js/callbacks.js|= [-23,-7,0,3,19,42,88]",
                "samples/js/errno.js|errno 2 (No such file or directory)",
                "samples/js/run-in-new-thread.mjs|all returned [0,0,0] after 1.",
                "samples/js/c-declarations.js|strftime: Sunday 20 July 1969, 20:17",
                "samples/groovy/quickstart.groovy|strlen(\"héllo 🎉\") = 11 bytes",
                "samples/groovy/strings-and-buffers.groovy|after strncpy: \"ffi-scr\"",
                "samples/groovy/structs.groovy|s since 1970",
                "samples/groovy/callbacks.groovy|= [-23, -7, 0, 3, 19, 42, 88]",
                "samples/groovy/errno.groovy|errno 2 (No such file or directory)",
                "samples/groovy/run-in-new-thread.groovy|all returned [0, 0, 0] after 1.",
                "samples/groovy/c-declarations.groovy|snprintf: Armstrong: 1 small step, 1.0 giant leap",
                "samples/groovy/c-library-idioms.groovy|gmtime_r(-14182940): 1969-07-20 20:17:40",
                "samples/java/Quickstart.java|errno 2 (No such file or directory)",
            })
    void sampleRunsAndPrintsItsResult(String sample, String expected) throws Exception {
        var output = run(sample);
        assertTrue(output.contains(expected), output);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"samples/js/quickstart.js", "samples/groovy/quickstart.groovy"})
    void theEmbeddingSampleRunsAScriptThroughJsr223(String script) throws Exception {
        var output = run("samples/java/EmbedScript.java", script);
        assertTrue(output.contains("atoi(\"1000\") = 1000"), output);
        assertTrue(output.contains("the script engine answered 42 to the host"), output);
    }

    @org.junit.jupiter.api.Test
    void theZlibSampleDeclaresTheWholeHeaderWhereZlibIsInstalled() throws Exception {
        var output = run("samples/js/zlib-header.js");
        org.junit.jupiter.api.Assumptions.assumeFalse(output.contains("zlib: skipped"), output);
        assertTrue(output.contains("crc32 = 7782a355, adler32 = 7c160935"), output);
    }
}
