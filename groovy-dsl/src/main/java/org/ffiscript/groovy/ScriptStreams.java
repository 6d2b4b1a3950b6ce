package org.ffiscript.groovy;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import javax.script.ScriptContext;
import javax.script.ScriptException;

/**
 * Where a script's standard input and error output are. A script the {@code ffi-groovy} engine evaluates uses the
 * reader and error writer of the {@link ScriptContext} it was evaluated with, as JSR-223 asks; any other script
 * (the {@code groovy} command, {@code ./ffi-script}) the process's. {@code System.in} and {@code System.err} are
 * the whole process's and cannot be redirected for one script among several running at once, so scripts reach
 * these through their own {@code stdin} and {@code err} properties.
 */
final class ScriptStreams {
    /** The context of the eval running on this thread: scripts made during it keep it, their closures included. */
    private static final ThreadLocal<ScriptContext> EVALUATING = new ThreadLocal<>();

    private ScriptStreams() {}

    /** Something an engine evaluates. */
    interface Evaluation {
        Object run() throws ScriptException;
    }

    /** Runs {@code evaluation} with {@code context} as the context of the scripts it makes. */
    static Object evaluate(ScriptContext context, Evaluation evaluation) throws ScriptException {
        var outer = EVALUATING.get();
        EVALUATING.set(context);
        try {
            return evaluation.run();
        } finally {
            if (outer == null) {
                EVALUATING.remove();
            } else {
                EVALUATING.set(outer);
            }
        }
    }

    /** The context of the eval making a script now, or null outside the engine. */
    static ScriptContext evaluating() {
        return EVALUATING.get();
    }

    /** Standard input: the context's reader (no input when it has none), or the process's. */
    static Reader input(ScriptContext context) {
        if (context == null) {
            return ProcessStreams.INPUT;
        }
        var reader = context.getReader();
        return reader == null ? Reader.nullReader() : reader;
    }

    /** Error output: the context's error writer (discarded when it has none), or the process's. */
    static PrintWriter errors(ScriptContext context) {
        if (context == null) {
            return ProcessStreams.ERRORS;
        }
        var writer = context.getErrorWriter();
        if (writer == null) {
            return new PrintWriter(java.io.Writer.nullWriter());
        }
        // PrintWriter over a Writer adds no buffer of its own: nothing stays behind in a wrapper that is dropped
        return writer instanceof PrintWriter print ? print : new PrintWriter(writer, true);
    }

    /** One reader and writer for the process: a second reader over System.in would lose what the first read ahead. */
    private static final class ProcessStreams {
        static final Reader INPUT = new InputStreamReader(
                System.in,
                Charset.forName(System.getProperty(
                        "stdin.encoding", Charset.defaultCharset().name())));
        static final PrintWriter ERRORS = new PrintWriter(System.err, true);
    }
}
