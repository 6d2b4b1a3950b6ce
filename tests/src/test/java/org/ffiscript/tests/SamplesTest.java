package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs each sample as a user would, with the java launcher and the engine on the class path. */
class SamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private static String run(String sample) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", ROOT.resolve("engine/target/classes").toString(), ROOT.resolve(sample).toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), sample + " did not finish");
        assertEquals(0, process.exitValue(), sample + " failed:\n" + output);
        return output;
    }

    @Test
    void javaQuickstartCallsLibcThroughTheMainProgram() throws Exception {
        var output = run("samples/java/Quickstart.java");
        assertTrue(output.contains("atoi(\"1000\") = 1000"), output);
        assertTrue(output.contains("strlen(\"héllo 🎉\") = 11 bytes"), output);
        assertTrue(output.contains("getpid() = "), output);
        assertTrue(output.contains("errno 2 (No such file or directory)"), output);
    }
}
