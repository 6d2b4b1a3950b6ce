package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each command of the README's set-up works as the very first command of a fresh clone, with no JAVA_HOME: the
 * repository is cloned into a temporary folder and the command runs there, as a newcomer would run it. The clone
 * that runs the test command runs this class too; there it is skipped, or it would clone itself forever.
 */
@DisabledIfEnvironmentVariable(named = FreshCloneTest.INSIDE_CLONE, matches = "1")
class FreshCloneTest {
    static final String INSIDE_CLONE = "FFI_SCRIPT_INSIDE_FRESH_CLONE";
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern SET_UP_BLOCK = Pattern.compile("## Set-up\\R.*?```sh\\R(.*?)```", Pattern.DOTALL);

    /** The commands of the README's set-up block, without their comments. */
    static Stream<String> setUpCommands() throws IOException {
        var readme = Files.readString(ROOT.resolve("README.md"));
        var block = SET_UP_BLOCK.matcher(readme);
        assertTrue(block.find(), "the README has a Set-up section with a sh block");
        var commands = block.group(1)
                .lines()
                .map(line -> line.replaceFirst("\\s+#.*$", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        assertFalse(commands.isEmpty(), "the README's set-up block names commands");
        return commands.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setUpCommands")
    void readmeCommandWorksFirstInAFreshClone(String command, @TempDir Path folder) throws Exception {
        assumeTrue(Files.exists(ROOT.resolve(".git")), "the project is a git repository");
        var clone = folder.resolve("clone");
        run(List.of("git", "clone", "--quiet", ROOT.toString(), clone.toString()), folder, 2);

        var output = run(List.of("bash", "-c", command), clone, 20);

        // the JVM's own log lines: a start-up artefact it could not use (an AOT cache made for other jars, say)
        assertFalse(
                output.contains("[error]") || output.contains("[warning]"),
                command + " had JVM complaints:\n" + output);
    }

    /** Runs a command as a user of a fresh machine would: no JAVA_HOME, no Maven options, stdin closed. */
    private static String run(List<String> command, Path directory, int minutes) throws Exception {
        return Commands.succeed(directory, command, minutes, environment -> {
            environment.keySet().removeAll(List.of("JAVA_HOME", "FFI_JAVA_HOME", "MAVEN_OPTS", "MAVEN_ARGS"));
            environment.put(INSIDE_CLONE, "1");
        });
    }
}
