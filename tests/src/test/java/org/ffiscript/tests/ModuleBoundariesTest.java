package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.script.ScriptEngineFactory;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.ffiscript.engine.Ffi;
import org.ffiscript.groovy.FfiGroovyEngineFactory;
import org.ffiscript.js.FfiJsEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules' boundaries hold where an application puts ffi-script on the module path: the engine's API and type
 * tree are open to it, how calls are planned and made is not, at compile time or at run time. (The other tests run
 * on the class path, where module declarations do not apply.)
 */
class ModuleBoundariesTest {
    /** The engine as this build made it: its jar, or its classes folder, which holds module-info.class too. */
    private static final Path ENGINE = location(Ffi.class);

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDescriptor descriptor(Class<?> type) {
        var name = type.getPackageName().replaceFirst("^org\\.ffiscript\\.(engine|js|groovy).*", "org.ffiscript.$1");
        return ModuleFinder.of(location(type))
                .find(name)
                .orElseThrow(() -> new AssertionError(location(type) + " holds no module " + name))
                .descriptor();
    }

    /** Each exported package and the modules it is exported to (empty: to everyone). */
    private static Map<String, Set<String>> exports(ModuleDescriptor module) {
        return module.exports().stream()
                .collect(Collectors.toMap(
                        ModuleDescriptor.Exports::source,
                        ModuleDescriptor.Exports::targets,
                        (a, b) -> a,
                        TreeMap::new));
    }

    @Test
    void eachModuleExportsItsApiAndNothingElse() {
        assertEquals(
                Map.of("org.ffiscript.engine", Set.of(), "org.ffiscript.engine.type", Set.of()),
                exports(descriptor(Ffi.class)));
        assertEquals(Map.of("org.ffiscript.js", Set.of()), exports(descriptor(FfiJsEngineFactory.class)));
        assertEquals(Map.of("org.ffiscript.groovy", Set.of()), exports(descriptor(FfiGroovyEngineFactory.class)));
    }

    @Test
    void bothScriptEnginesAreServicesOfTheirModules() {
        for (var factory : List.of(FfiJsEngineFactory.class, FfiGroovyEngineFactory.class)) {
            var provides = descriptor(factory).provides().stream()
                    .filter(service -> service.service().equals(ScriptEngineFactory.class.getName()))
                    .toList();
            assertEquals(
                    1, provides.size(), factory + ": " + descriptor(factory).provides());
            assertEquals(List.of(factory.getName()), provides.get(0).providers());
        }
    }

    @Test
    void aModuleCompilesAgainstTheApiButNotAgainstTheInternals(@TempDir Path folder) throws Exception {
        var api = compile(folder.resolve("api"), """
                package probe;
                public class Main {
                    public static void main(String[] args) {
                        org.ffiscript.engine.type.NativeType type = new org.ffiscript.engine.Ffi().type("int");
                    }
                }
                """);
        assertEquals("", api);

        var internal = compile(folder.resolve("internal"), """
                package probe;
                public class Main {
                    static org.ffiscript.engine.call.PlanCache plans;
                }
                """);
        assertTrue(
                internal.contains("package org.ffiscript.engine.call is not visible")
                        && internal.contains("does not export it"),
                internal);
    }

    @Test
    void atRunTimeTheApiCallsCAndTheInternalsAreRefused(@TempDir Path folder) throws Exception {
        assertEquals("", compile(folder, """
                package probe;

                import java.lang.invoke.MethodHandles;
                import java.util.List;
                import java.util.Map;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        try (var ffi = new org.ffiscript.engine.Ffi()) {
                            ffi.open("libc", "");
                            var strlen = ffi.define(Map.of("strlen", Map.of("library", "libc",
                                    "retType", org.ffiscript.engine.DataType.U64,
                                    "paramsType", List.of(org.ffiscript.engine.DataType.String)))).get("strlen");
                            System.out.println("strlen: " + strlen.call("hello"));
                        }
                        var internal = Class.forName("org.ffiscript.engine.call.PlanCache");
                        try {
                            MethodHandles.publicLookup().accessClass(internal);
                            System.out.println("reached " + internal.getName());
                        } catch (IllegalAccessException refused) {
                            System.out.println("refused: " + internal.getName());
                        }
                        try {
                            internal.getDeclaredConstructors()[0].setAccessible(true);
                            System.out.println("opened " + internal.getName());
                        } catch (java.lang.reflect.InaccessibleObjectException refused) {
                            System.out.println("not opened: " + internal.getName());
                        }
                    }
                }
                """));

        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var result = Commands.run(
                folder,
                List.of(
                        java,
                        "--enable-native-access=org.ffiscript.engine",
                        "--module-path",
                        ENGINE + File.pathSeparator + folder.resolve("classes"),
                        "-m",
                        "probe/probe.Main"),
                1,
                environment -> {});

        assertEquals(0, result.status(), result.output());
        assertEquals(
                "strlen: 5\nrefused: org.ffiscript.engine.call.PlanCache\n"
                        + "not opened: org.ffiscript.engine.call.PlanCache\n",
                result.output());
    }

    /** Compiles module {@code probe} (requiring the engine) with {@code source} as probe.Main; "" or javac's errors. */
    private static String compile(Path folder, String source) throws Exception {
        var sources = Files.createDirectories(folder.resolve("src/probe"));
        Files.writeString(folder.resolve("src/module-info.java"), "module probe { requires org.ffiscript.engine; }\n");
        Files.writeString(sources.resolve("Main.java"), source);
        var errors = new StringWriter();
        var javac = ToolProvider.getSystemJavaCompiler();
        var files = javac.getStandardFileManager(null, null, null);
        // Only the module path: javac's default class path is this JVM's, which may hold the engine's classes.
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
        var compiled = javac.getTask(
                        errors,
                        files,
                        null,
                        List.of("-d", folder.resolve("classes").toString(), "--module-path", ENGINE.toString()),
                        null,
                        files.getJavaFileObjects(folder.resolve("src/module-info.java"), sources.resolve("Main.java")))
                .call();
        return compiled ? "" : errors.toString();
    }
}
