package org.ffiscript.engine;

/**
 * A script ending its run on purpose (JavaScript's {@code process.exit}). It is no failure: thrown by a callback,
 * it passes through the native call that ran the callback as it is, never wrapped as "a callback failed", so the
 * script ends with its own exit status wherever it asked to.
 */
public abstract class ScriptTermination extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ScriptTermination(String message) {
        super(message, null, false, false);
    }

    /** The exit status the script asked for. */
    public abstract int status();
}
