package org.ffiscript.js;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.graalvm.polyglot.PolyglotException;

/** {@code ./ffi-script FILE.js|FILE.mjs [args...]}: runs a script, exiting non-zero with its stack trace on an uncaught error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ffi-script FILE.js|FILE.mjs [args...]");
            System.exit(2);
        }
        var file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("ffi-script: no such file: " + file);
            System.exit(2);
        }
        var argv = new ArrayList<String>();
        argv.add("ffi-script");
        argv.add(file.toAbsolutePath().normalize().toString());
        argv.addAll(Arrays.asList(args).subList(1, args.length));
        System.exit(run(file, argv));
    }

    static int run(Path file, java.util.List<String> argv) {
        try (var runtime = JsRuntime.create(argv)) {
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
