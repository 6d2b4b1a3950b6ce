package org.ffiscript.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maven repository in a folder, holding this build's artifacts as a user's tools would find them after a
 * publication: the parent pom and the jars the modules built, deployed with Maven's own deploy-file goal. Tests
 * resolve from it rather than from the shared local repository, which other builds may be writing.
 */
final class FolderRepository {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String DEPLOY = "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file";

    private FolderRepository() {}

    /** Deploys the parent pom and each module's jar (built by this reactor) into {@code repository}. */
    static void publish(Path repository, List<String> modules) throws Exception {
        var workingDirectory = repository.getParent();
        maven(
                workingDirectory,
                DEPLOY,
                "-Durl=" + repository.toUri(),
                "-Dfile=" + ROOT.resolve("pom.xml"),
                "-DpomFile=" + ROOT.resolve("pom.xml"),
                "-Dpackaging=pom");
        for (var module : modules) {
            maven(
                    workingDirectory,
                    DEPLOY,
                    "-Durl=" + repository.toUri(),
                    "-Dfile=" + ROOT.resolve(module + "/target/ffi-script-" + module + "-" + VERSION + ".jar"),
                    "-DpomFile=" + ROOT.resolve(module + "/pom.xml"));
        }
    }

    /** Runs Maven quietly in {@code directory} and asserts that it succeeds. */
    static void maven(Path directory, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("mvn", "-q", "-B"));
        command.addAll(List.of(arguments));
        run(directory, command);
    }

    /** Runs a program with this JVM as JAVA_HOME and asserts that it succeeds; returns what it printed. */
    static String run(Path directory, List<String> command) throws Exception {
        var output = Commands.succeed(directory, command, 5, environment -> {
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
        });
        return output.replace("\u001b[0m", ""); // Maven 3.8's colour resets, even in batch mode
    }
}
