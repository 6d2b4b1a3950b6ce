package org.ffiscript.js;

import org.ffiscript.engine.ScriptTermination;

/**
 * Thrown by {@code process.exit(code)}: unwinds the script and carries the exit code to whoever ran it, from a
 * callback too, as on Node.js.
 */
public final class ScriptExit extends ScriptTermination {
    private static final long serialVersionUID = 1L;
    private final int code;

    ScriptExit(int code) {
        super("process.exit(" + code + ")");
        this.code = code;
    }

    /** The code the script asked to exit with. */
    public int code() {
        return code;
    }

    @Override
    public int status() {
        return code;
    }
}
