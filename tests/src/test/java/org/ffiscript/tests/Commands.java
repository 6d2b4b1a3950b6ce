package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs another program for a test: in a folder, with the environment the test adjusts, standard input given or closed,
 * output and errors together, within a time limit (past it, the program and its children are ended).
 */
final class Commands {
    private Commands() {}

    /** How a program ended, and all it printed. */
    record Result(int status, String output) {}

    static Result run(Path directory, List<String> command, int minutes, Consumer<Map<String, String>> environment)
            throws Exception {
        return run(directory, command, minutes, environment, "");
    }

    /** The same, with {@code input} as the program's standard input (closed after it). */
    static Result run(
            Path directory, List<String> command, int minutes, Consumer<Map<String, String>> environment, String input)
            throws Exception {
        // to a file rather than a pipe: a build prints more than a pipe holds while nobody reads it
        var log = Files.createTempFile("command-", ".log");
        try {
            var builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            environment.accept(builder.environment());
            var process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8)); // small: it fits the pipe while nobody reads
            }
            var finished = process.waitFor(minutes, TimeUnit.MINUTES);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            var output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, String.join(" ", command) + " did not finish in " + minutes + " minutes:\n" + output);
            return new Result(process.waitFor(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs the program and asserts that it succeeds; returns what it printed. */
    static String succeed(Path directory, List<String> command, int minutes, Consumer<Map<String, String>> environment)
            throws Exception {
        var result = run(directory, command, minutes, environment);
        assertEquals(0, result.status(), String.join(" ", command) + " failed:\n" + result.output());
        return result.output();
    }
}
