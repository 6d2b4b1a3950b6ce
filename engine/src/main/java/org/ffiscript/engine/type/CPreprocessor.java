package org.ffiscript.engine.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.FfiException;

/**
 * Runs the system's C preprocessor on a header, so that a header straight from disk (its macros, includes and
 * conditionals) can be declared: the output is what {@code gcc -E} gives, line markers included. The engine has
 * no preprocessor of its own; where none is installed the error says so and how to do without.
 */
public final class CPreprocessor {
    private static final List<List<String>> COMMANDS =
            List.of(List.of("cpp"), List.of("gcc", "-E"), List.of("cc", "-E"), List.of("clang", "-E"));
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^#\\s*\\d+\\s+\"([^\"]*)\"");
    private static final int SECONDS = 60;

    private CPreprocessor() {}

    /**
     * The preprocessed text of {@code header}, with {@code includeFolders} searched for its includes ({@code -I}).
     * Every file the preprocessor read must be readable under {@code policy}, as if the script had read it.
     *
     * @throws FfiException naming the file, the preprocessor's first error, or that no preprocessor was found
     */
    public static String preprocess(String header, List<String> includeFolders, AccessPolicy policy, String where) {
        var file = Path.of(header).toAbsolutePath();
        policy.checkRead(file, where);
        if (!Files.isRegularFile(file)) {
            throw new FfiException(where + ": no header file \"" + file + "\"");
        }
        var arguments = new ArrayList<String>();
        for (var folder : includeFolders) {
            arguments.add("-I" + Path.of(folder).toAbsolutePath()); // absolute: never read as an option
        }
        arguments.add(file.toString());
        for (var command : COMMANDS) {
            var text = run(command, arguments, where);
            if (text != null) {
                var matcher = LINE_MARKER.matcher(text);
                while (matcher.find()) {
                    var read = matcher.group(1);
                    if (read.startsWith("/")) {
                        policy.checkRead(Path.of(read), where + ": " + file.getFileName() + " includes it");
                    }
                }
                return text;
            }
        }
        throw new FfiException(
                where + ": no C preprocessor found (tried cpp, gcc -E, cc -E and clang -E); install one, "
                        + "or preprocess the header elsewhere (gcc -E header.h > header.i) and declare that text");
    }

    /** The output of one preprocessor; null when it is not installed. */
    private static String run(List<String> command, List<String> arguments, String where) {
        Path output = null, errors = null;
        try {
            output = Files.createTempFile("ffi-header-", ".i");
            errors = Files.createTempFile("ffi-header-", ".log");
            var line = new ArrayList<>(command);
            line.addAll(arguments);
            Process process;
            try {
                process = new ProcessBuilder(line)
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                return null; // not installed: the next preprocessor may do
            }
            process.getOutputStream().close();
            if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FfiException(
                        where + ": " + String.join(" ", command) + " did not finish in " + SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                var message = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new FfiException(where + ": " + String.join(" ", command) + " failed: "
                        + (message.length() > 2000 ? message.substring(0, 2000) + " ..." : message));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FfiException(where + ": cannot run " + String.join(" ", command) + " through temporary files: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfiException(where + ": interrupted while " + String.join(" ", command) + " ran");
        } finally {
            delete(output);
            delete(errors);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
