package org.ffiscript.js;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.graalvm.polyglot.PolyglotException;

/** {@code ./ffi-script FILE.js|FILE.mjs [args...]}: runs a script, exiting non-zero with its stack trace on an uncaught error. */
public final class Main {
    private Main() {}

    /** Node's options that mean something here; others are refused by name rather than taken for the script. */
    private static final java.util.Set<String> NODE_OPTIONS =
            java.util.Set.of("--expose-gc", "--no-warnings", "--no-deprecation");

    public static void main(String[] args) {
        int first = 0;
        var options = new ArrayList<String>();
        while (first < args.length && args[first].startsWith("--")) {
            if (!NODE_OPTIONS.contains(args[first])) {
                System.err.println("ffi-script: unknown option " + args[first] + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(NODE_OPTIONS)) + ")");
                System.exit(9); // as Node does for a bad option
            }
            options.add(args[first++]);
        }
        if (first == args.length) {
            System.err.println("usage: ffi-script [--expose-gc] FILE.js|FILE.mjs [args...]");
            System.exit(2);
        }
        var file = Path.of(args[first]);
        if (!Files.isRegularFile(file)) {
            System.err.println("ffi-script: no such file: " + file);
            System.exit(2);
        }
        var argv = new ArrayList<String>();
        argv.add("ffi-script");
        argv.add(file.toAbsolutePath().normalize().toString());
        argv.addAll(Arrays.asList(args).subList(first + 1, args.length));
        System.exit(run(file, argv, options));
    }

    static int run(Path file, java.util.List<String> argv, java.util.List<String> nodeOptions) {
        try (var runtime = JsRuntime.create(argv, nodeOptions)) {
            runtime.runFile(file);
            return runtime.finish();
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof ScriptExit exit) {
                return exit.code();
            }
            if (e.isExit()) {
                return e.getExitStatus();
            }
            System.err.println(describe(e));
            return 1;
        } catch (ScriptExit exit) {
            return exit.code();
        } catch (JsRuntime.UnsettledTopLevelAwait unsettled) {
            System.err.println(unsettled.getMessage());
            return 13; // as Node.js

        } catch (Exception e) {
            System.err.println("ffi-script: " + e);
            return 1;
        }
    }

    /** The error and the script frames of its stack, as Node prints an uncaught error. */
    static String describe(PolyglotException e) {
        var text = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        for (var frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                text.append("\n    at ").append(frame);
            }
        }
        return text.toString();
    }
}
