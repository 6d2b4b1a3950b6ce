package org.ffiscript.js;

/** Thrown by {@code process.exit(code)}: unwinds the script and carries the exit code to whoever ran it. */
public final class ScriptExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    ScriptExit(int code) {
        super("process.exit(" + code + ")", null, false, false);
        this.code = code;
    }

    /** The code the script asked to exit with. */
    public int code() {
        return code;
    }
}
