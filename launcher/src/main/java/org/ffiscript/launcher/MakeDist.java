package org.ffiscript.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes what {@code ./ffi-script} starts, in the build's {@code target/dist} (the jars are already laid out there in
 * {@code lib/}, {@code polyglot/}, {@code compiler/} and {@code groovy/}):
 * <ul>
 * <li>{@code runtime/}: a Java runtime image holding the polyglot modules, for JavaScript. The AOT cache refuses
 * {@code --upgrade-module-path}, and a full JDK's own {@code jdk.graal.compiler} hides the compiler jar on the plain
 * module path; in an image linked without that module, the jar serves from the module path.</li>
 * <li>{@code js.aot}, {@code groovy.aot}: JDK 25 AOT caches (JEP 483/514/515: classes loaded and linked, method
 * profiles) recorded by training runs of {@code src/training}, which do what scripts do.</li>
 * <li>{@code js.args}, {@code groovy.args}, {@code java.args}: the exact JVM arguments of each kind of script, so
 * that the launcher is {@code exec java @file}. The training runs use the same arguments: a cache serves only a
 * JVM started with the class and module path it was made with. Our jars are on the module path, as named modules,
 * so that what they do not export stays theirs; the npm packages of Node's built-ins (WebJars: resources only)
 * are on the class path.</li>
 * <li>{@code jdk}: the JDK this was made with; {@code ready}: written last, only when every step worked.</li>
 * </ul>
 */
public final class MakeDist {
    /** The main classes, started as the modules' own: {@code java -m module/class}. */
    private static final List<String> JS_MAIN = List.of("-m", "org.ffiscript.js/org.ffiscript.js.Main");

    private static final List<String> GROOVY_MAIN = List.of("-m", "org.ffiscript.groovy/org.ffiscript.groovy.Main");
    private static final String IMAGE_MODULES = String.join(
            ",",
            "java.base",
            "java.logging",
            "java.management",
            "java.scripting",
            "java.sql",
            "jdk.management",
            "jdk.unsupported",
            "jdk.zipfs",
            "jdk.internal.vm.ci",
            "org.graalvm.polyglot",
            "org.graalvm.js",
            "org.graalvm.truffle.runtime",
            "org.graalvm.truffle.compiler");

    /** JEP 514's one-step training (-XX:AOTCacheOutput) and the Graal compiler jar both need this release. */
    private static final int LAUNCHER_JDK = 25;
    /** How many times the training scripts repeat their calls, so that the profiles see them as hot. */
    private static final int TRAINING_ROUNDS = 2000;

    private final Path dist;
    private final Path training;
    private final Path jdk = Path.of(System.getProperty("java.home"));

    private MakeDist(Path dist, Path training) {
        this.dist = dist.toAbsolutePath().normalize();
        this.training = training.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: MakeDist DIST_FOLDER TRAINING_FOLDER");
            System.exit(2);
        }
        try {
            new MakeDist(Path.of(args[0]), Path.of(args[1])).make();
        } catch (StepFailed failed) {
            System.err.println("ffi-script launcher: " + failed.getMessage());
            System.exit(1);
        }
    }

    private void make() {
        var ready = dist.resolve("ready");
        delete(ready); // a step that fails below leaves the launcher knowing the artefacts are not made
        if (Runtime.version().feature() < LAUNCHER_JDK) {
            throw new StepFailed("./ffi-script needs a JDK " + LAUNCHER_JDK + " or newer (its AOT caches and Graal's "
                    + "compiler " + LAUNCHER_JDK + "), and the build runs on " + Runtime.version() + " from " + jdk
                    + ". Install JDK " + LAUNCHER_JDK + " (for example Temurin) or set FFI_JAVA_HOME to one; the "
                    + "engine alone works on JDK 22 or newer.");
        }
        linkRuntimeImage();
        var js = new Kind("js", dist.resolve("runtime/bin/java"), jsOptions(), JS_MAIN);
        var groovy = new Kind("groovy", jdk.resolve("bin/java"), groovyOptions(), GROOVY_MAIN);
        train(js, training.resolve("training.js"));
        train(groovy, training.resolve("training.groovy"));
        js.writeArgs();
        groovy.writeArgs();
        write(dist.resolve("java.args"), argsFileText(javaSourceOptions()));
        write(dist.resolve("jdk"), jdk + "\n");
        write(ready, dist + "\n");
    }

    private void linkRuntimeImage() {
        var image = dist.resolve("runtime");
        delete(image);
        var jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new StepFailed("the JDK at " + jdk + " has no jlink: install a full JDK 25"));
        var output = new StringWriter();
        var status = jlink.run(
                new PrintWriter(output),
                new PrintWriter(output),
                "--module-path",
                jars("polyglot"),
                "--add-modules",
                IMAGE_MODULES,
                "--no-header-files",
                "--no-man-pages",
                "--output",
                image.toString());
        if (status != 0) {
            throw new StepFailed("jlink could not make the runtime image " + image + ":\n" + output);
        }
    }

    /**
     * For JavaScript, HotSpot compiles a method once it has run 4x as often as by default. On two cores its C1 and
     * C2 threads otherwise take the CPU a short script needs: the AOT cache's profiles mark much of GraalJS and
     * Truffle as hot from the first second. Measured here on a quiet machine (medians of 3 interleaved runs): the
     * one-line script 0.89 to 0.77 s, N=1,000 1.52 to 1.31 s, N=100,000 4.49 to 3.83 s, and the cross benchmark's
     * steady state the same (load 3.28 / 3.39M ops/s, define 5.85 / 6.07M). Groovy is left at the default: there it
     * gained 3 to 12% on short scripts but lost about 10% of the steady state (load 4.6M against 4.1M ops/s).
     * C1 alone (TieredStopAtLevel=1) starts faster still but caps the steady state at a third; none of Truffle's
     * thresholds, compiler threads, splitting or single tier, nor another GC or shorter training, did better.
     */
    private static final String COMPILE_LATER = "-XX:CompileThresholdScaling=4";

    /**
     * GraalJS with Graal's optimizing compiler on a stock JDK: JVMCI on, the compiler from the module path. The
     * polyglot modules are in the runtime image; org.ffiscript.js requires them.
     */
    private List<String> jsOptions() {
        return List.of(
                "--sun-misc-unsafe-memory-access=allow",
                COMPILE_LATER,
                "--enable-native-access=org.ffiscript.engine,org.ffiscript.js,org.graalvm.truffle",
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:+EnableJVMCI",
                "--module-path="
                        + String.join(
                                File.pathSeparator,
                                jars("compiler"),
                                lib("ffi-script-engine.jar"),
                                lib("ffi-script-js-adapter.jar")),
                "--add-modules=jdk.graal.compiler",
                "-cp",
                jars("node"));
    }

    /** Groovy's jars are automatic modules beside ours; scripts compile into unnamed modules, which read them all. */
    private List<String> groovyOptions() {
        return List.of(
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=org.ffiscript.engine",
                "--module-path="
                        + String.join(
                                File.pathSeparator,
                                lib("ffi-script-engine.jar"),
                                lib("ffi-script-groovy-dsl.jar"),
                                jars("groovy")));
    }

    /**
     * A single-file Java program on the full JDK, with the engine and both script engines at hand: the program is
     * compiled into the unnamed module, which reads the modules added here.
     */
    private List<String> javaSourceOptions() {
        return List.of(
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=org.ffiscript.engine,org.ffiscript.js,org.graalvm.truffle",
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + jars("compiler"),
                "--module-path="
                        + String.join(
                                File.pathSeparator,
                                jars("polyglot"),
                                lib("ffi-script-engine.jar"),
                                lib("ffi-script-js-adapter.jar"),
                                lib("ffi-script-groovy-dsl.jar"),
                                jars("groovy")),
                "--add-modules=org.ffiscript.js,org.ffiscript.groovy",
                "-cp",
                jars("node"));
    }

    /** One kind of script: the java that runs it, its JVM options, its main class, its AOT cache. */
    private final class Kind {
        final String name;
        final Path java;
        final List<String> options;
        final List<String> mainClass;
        final Path cache;

        Kind(String name, Path java, List<String> options, List<String> mainClass) {
            this.name = name;
            this.java = java;
            this.options = options;
            this.mainClass = mainClass;
            this.cache = dist.resolve(name + ".aot");
        }

        void writeArgs() {
            var args = new ArrayList<>(options);
            args.add("-XX:AOTCache=" + cache);
            args.addAll(mainClass);
            write(dist.resolve(name + ".args"), argsFileText(args));
        }
    }

    /** Runs a training script with the kind's own options, recording the AOT cache as the JVM exits. */
    private void train(Kind kind, Path script) {
        delete(kind.cache);
        var log = dist.resolve("training-" + kind.name + ".log");
        var command = new ArrayList<String>();
        command.add(kind.java.toString());
        command.addAll(kind.options);
        command.add("-XX:AOTCacheOutput=" + kind.cache);
        command.addAll(kind.mainClass);
        command.add(script.toString());
        command.add(Integer.toString(TRAINING_ROUNDS));
        int status;
        try {
            var process = new ProcessBuilder(command)
                    .directory(training.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            status = process.waitFor();
        } catch (IOException e) {
            throw new StepFailed("could not start the " + kind.name + " training run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted during the " + kind.name + " training run");
        }
        if (status != 0 || !Files.isRegularFile(kind.cache)) {
            throw new StepFailed("the " + kind.name + " training run failed (exit " + status + "), so there is no "
                    + kind.cache.getFileName() + ". Its output, " + log + ":\n" + read(log));
        }
    }

    private String lib(String jar) {
        return dist.resolve("lib").resolve(jar).toString();
    }

    /** The jars of a folder of the dist, as a path in a stable order. */
    private String jars(String folder) {
        try (Stream<Path> files = Files.list(dist.resolve(folder))) {
            var path = files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
            if (path.isEmpty()) {
                throw new StepFailed("no jars in " + dist.resolve(folder) + ": the build lays them out first");
            }
            return path;
        } catch (IOException e) {
            throw new StepFailed("cannot list " + dist.resolve(folder) + ": " + e.getMessage());
        }
    }

    /** A JVM argument file, one argument a line, quoted as the java launcher reads them. */
    static String argsFileText(List<String> args) {
        var text = new StringBuilder();
        for (var arg : args) {
            text.append('"')
                    .append(arg.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new StepFailed("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(each -> {
                try {
                    Files.delete(each);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StepFailed("cannot delete " + path + ": " + e.getMessage());
        }
    }

    /** A step that did not work; its message says which and why. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }
}
