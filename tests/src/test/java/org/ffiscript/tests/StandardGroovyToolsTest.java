package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Groovy user's own tools run ffi-script scripts: Groovy's {@code groovy.ui.GroovyMain} (what the {@code groovy}
 * command runs), with ffi-script's jars on the class path and one line in the script.
 */
class StandardGroovyToolsTest {
    private static final Path DIST = Path.of(System.getProperty("user.dir")).getParent().resolve("launcher/target/dist");

    @Test
    void theGroovyCommandRunsAScriptWithTheBaseScriptLine(@TempDir Path folder) throws Exception {
        var script = Files.writeString(folder.resolve("uses-ffi.groovy"), """
                @groovy.transform.BaseScript org.ffiscript.groovy.FfiScript ffi
                open(library: 'libc', path: '')
                println load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['42'])
                def libc = library('libc') { strlen returns: U64, takes: [String] }
                println libc.strlen('four')
                try {
                    load(library: 'never-opened', funcName: 'f', retType: DataType.I32, paramsType: [], paramsValue: [])
                } catch (FfiException refused) {
                    println 'refused: ' + refused.message
                }
                """);

        var run = groovyMain(script);

        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().startsWith("42\n4\nrefused: "), run.output());
    }

    @Test
    void scriptsWithoutTheLineCompileAsBefore(@TempDir Path folder) throws Exception {
        var script = Files.writeString(folder.resolve("plain.groovy"), "class DataType { static int I32 = 7 }\nprintln DataType.I32\n");
        var run = groovyMain(script);
        assertEquals(0, run.status(), run.output());
        assertEquals("7\n", run.output());
    }

    private static Commands.Result groovyMain(Path script) throws Exception {
        var classPath = new ArrayList<String>();
        try (Stream<Path> jars = Stream.concat(Files.list(DIST.resolve("lib")), Files.list(DIST.resolve("groovy")))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).forEach(jar -> classPath.add(jar.toString()));
        }
        var java = ProcessHandle.current().info().command().orElse("java");
        return Commands.run(script.getParent(), List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", String.join(":", classPath), "groovy.ui.GroovyMain",
                script.toString()), 1, environment -> { });
    }
}
