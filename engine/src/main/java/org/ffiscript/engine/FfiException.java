package org.ffiscript.engine;

/**
 * The one exception the engine throws for anything a script got wrong or the native side refused: a bad
 * description, a value of the wrong kind, a library or symbol that cannot be found. The message says where
 * ({@code library.function} and the value path), what was expected and what was given. The engine stays
 * usable after any of them.
 */
public class FfiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a complete, user-facing message. */
    public FfiException(String message) {
        super(message);
    }

    /** Creates an exception with a complete, user-facing message and the lower-level cause. */
    public FfiException(String message, Throwable cause) {
        super(message, cause);
    }
}
