package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.GroovyClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.ffiscript.groovy.FfiScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Groovy user's own tools run ffi-script scripts: Groovy's {@code groovy.ui.GroovyMain} (what the {@code groovy}
 * command runs), with one line in the script: a {@code @Grab} that fetches ffi-script, or a {@code @BaseScript} with
 * ffi-script's jars on the class path.
 */
class StandardGroovyToolsTest {
    private static final Path DIST = FolderRepository.ROOT.resolve("launcher/target/dist");
    /** The Groovy guide's example of the line, the first groovy block of its section on Groovy's own tools. */
    private static final Pattern GRAB_EXAMPLE =
            Pattern.compile("## Groovy's own tools\\R.*?```groovy\\R(.*?)```", Pattern.DOTALL);
    /** The line the Groovy guide documents. */
    private static final String GRAB_LINE = "@Grab('org.ffiscript:ffi-script-groovy-dsl:" + FolderRepository.VERSION
            + "') import org.ffiscript.groovy.*";

    @Test
    void theGroovyCommandRunsAScriptThatGrabsTheDsl(@TempDir Path folder) throws Exception {
        var guide = Files.readString(FolderRepository.ROOT.resolve("docs/groovy.md"));
        var example = GRAB_EXAMPLE.matcher(guide);
        assertTrue(example.find(), "docs/groovy.md has a groovy block in its section 'Groovy's own tools'");
        assertTrue(example.group(1).startsWith(GRAB_LINE + "\n"), "docs/groovy.md's example starts with " + GRAB_LINE);
        var repository = folder.resolve("repository");
        FolderRepository.publish(repository, List.of("engine", "groovy-dsl"));
        var script = Files.writeString(folder.resolve("grabs-ffi.groovy"), example.group(1));
        var grapes = folder.resolve("grapes");

        var run = groovyWithGrape(script, grapeSettings(folder, repository), grapes);

        assertEquals(0, run.status(), run.output());
        assertEquals("42\n4\n", run.output());
        try (Stream<Path> files = Files.walk(grapes)) {
            var jars = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .sorted();
            assertEquals(
                    List.of(
                            "ffi-script-engine-" + FolderRepository.VERSION + ".jar",
                            "ffi-script-groovy-dsl-" + FolderRepository.VERSION + ".jar"),
                    jars.toList(),
                    "the grab fetches ffi-script's jars only; Groovy is the installation's own");
        }
    }

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
    void aScriptRunByTheGroovyCommandReadsTheProcesssStandardInput(@TempDir Path folder) throws Exception {
        var script = Files.writeString(folder.resolve("reads.groovy"), """
                @groovy.transform.BaseScript org.ffiscript.groovy.FfiScript ffi
                println stdin.readLine().toUpperCase()
                err.println 'to standard error'
                print stdin.text
                """);
        var run = groovyMain(script, "first\nthe rest\n");
        assertEquals(0, run.status(), run.output());
        assertEquals("FIRST\nto standard error\nthe rest\n", run.output());
    }

    @Test
    void everyFormOfAGrabOfTheDslMakesFfiScriptTheBaseClass() {
        var version = FolderRepository.VERSION;
        for (var grab : List.of(
                "@Grab('org.ffiscript:ffi-script-groovy-dsl:" + version + "')",
                "@Grab(group = 'org.ffiscript', module = 'ffi-script-groovy-dsl', version = '" + version + "')",
                "@Grapes([@Grab('org.example:other:1'), @Grab('org.ffiscript:ffi-script-groovy-dsl:" + version
                        + "')])")) {
            var script = compileWithoutGrape(grab + " import org.ffiscript.groovy.*\nDataType.I32");
            assertEquals(FfiScript.class, script.getSuperclass(), grab);
        }
    }

    @Test
    void aGrabOfSomethingElseChangesNothing() {
        var script = compileWithoutGrape("@Grab('org.example:other:1') import java.util.List\n42");
        assertEquals(groovy.lang.Script.class, script.getSuperclass());
    }

    /** Compiles as the groovy command would, the grab itself left out: what ffi-script's transformation makes of it. */
    private static Class<?> compileWithoutGrape(String code) {
        var configuration = new CompilerConfiguration();
        configuration.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        try (var loader = new GroovyClassLoader(StandardGroovyToolsTest.class.getClassLoader(), configuration)) {
            return loader.parseClass(code);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void scriptsWithoutTheLineCompileAsBefore(@TempDir Path folder) throws Exception {
        var script = Files.writeString(
                folder.resolve("plain.groovy"), "class DataType { static int I32 = 7 }\nprintln DataType.I32\n");
        var run = groovyMain(script);
        assertEquals(0, run.status(), run.output());
        assertEquals("7\n", run.output());
    }

    /**
     * Grape's settings for the test: first the folder repository just published (these very jars, not whatever the
     * shared local repository holds), then the local Maven repository for anything else, as Grape's default chain
     * reads it ("localm2"). The resolver keeps the name Grape's code selects.
     */
    private static Path grapeSettings(Path folder, Path repository) throws Exception {
        var localMaven = Path.of(System.getProperty("user.home"), ".m2", "repository");
        return Files.writeString(
                folder.resolve("ivysettings.xml"), """
                <ivysettings>
                  <settings defaultResolver="downloadGrapes"/>
                  <resolvers>
                    <chain name="downloadGrapes" returnFirst="true">
                      <ibiblio name="published" root="%s" m2compatible="true"/>
                      <ibiblio name="localm2" root="%s" m2compatible="true"/>
                    </chain>
                  </resolvers>
                </ivysettings>
                """.formatted(repository.toUri(), localMaven.toUri()));
    }

    /** GroovyMain with only what a Groovy installation has: Groovy's jars and Apache Ivy, which Grape runs on. */
    private static Commands.Result groovyWithGrape(Path script, Path settings, Path grapes) throws Exception {
        var classPath = Stream.of(
                        groovy.lang.Script.class,
                        org.codehaus.groovy.jsr223.GroovyScriptEngineImpl.class,
                        org.apache.ivy.Ivy.class)
                .map(StandardGroovyToolsTest::jarOf)
                .toList();
        return Commands.run(
                script.getParent(),
                List.of(
                        javaCommand(),
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-Dgrape.config=" + settings,
                        "-Dgrape.root=" + grapes,
                        "-cp",
                        String.join(":", classPath),
                        "groovy.ui.GroovyMain",
                        script.toString()),
                2,
                environment -> {});
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(type + " comes from no file", e);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Commands.Result groovyMain(Path script) throws Exception {
        return groovyMain(script, "");
    }

    private static Commands.Result groovyMain(Path script, String input) throws Exception {
        var classPath = new ArrayList<String>();
        try (Stream<Path> jars = Stream.concat(Files.list(DIST.resolve("lib")), Files.list(DIST.resolve("groovy")))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).forEach(jar -> classPath.add(jar.toString()));
        }
        return Commands.run(
                script.getParent(),
                List.of(
                        javaCommand(),
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-cp",
                        String.join(":", classPath),
                        "groovy.ui.GroovyMain",
                        script.toString()),
                1,
                environment -> {},
                input);
    }
}
