package org.ffiscript.engine.call;

import java.util.function.Consumer;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.ScriptTermination;

/**
 * Where a failed callback's exception goes: to the engine call running on the callback's thread (marked in its
 * scratch memory, or a direct call found on the stack), which rethrows it once C returns, or, when no call of
 * the engine runs there (a thread C started), to the engine's error handler.
 */
final class CallbackFailures {
    private volatile Consumer<Throwable> handler = CallbackFailures::printToStandardError;

    void handler(Consumer<Throwable> handler) {
        this.handler = handler;
    }

    void report(Throwable failure) {
        var scratch = Scratch.current();
        if (scratch.inCall() || DirectCall.runningOnThisThread()) {
            scratch.recordCallbackFailure(failure);
            return;
        }
        try {
            handler.accept(failure);
        } catch (Throwable ignored) {
            // a failing handler must not reach the upcall either
        }
    }

    /**
     * The exception the call {@code where} throws for a failure of a callback it caused: the script's own
     * termination as it is, anything else as the engine's error naming the call.
     */
    static RuntimeException rethrown(String where, Throwable failure) {
        if (failure instanceof ScriptTermination termination) {
            return termination;
        }
        var message = failure instanceof FfiException ? failure.getMessage() : failure.toString();
        return new FfiException(where + ": a callback failed: " + message, failure);
    }

    private static void printToStandardError(Throwable failure) {
        System.err.println("ffi-script: a callback called from a native thread failed: " + failure);
    }
}
