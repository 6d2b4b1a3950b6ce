package org.ffiscript.engine.type;

/**
 * Thrown while converting a value that does not fit its type. It carries only the detail and the path inside
 * the value ({@code .origin.y}); the call that caught it adds {@code library.function: paramsValue[i]} and turns
 * it into an {@link org.ffiscript.engine.FfiException}. Cheap to throw: no stack trace is taken.
 */
public final class ValueMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String path = "";

    /** Creates a mismatch with the given detail ({@code expected I32 ..., got "abc"}). */
    public ValueMismatch(String detail) {
        super(detail, null, false, false);
    }

    /** A value of the wrong kind or range for {@code type}. */
    public static ValueMismatch of(NativeType type, Object got) {
        return new ValueMismatch("expected " + type.displayName() + " (" + type.expectation() + "), got "
                + ValueText.of(got));
    }

    /** Prepends one step of the value path ({@code ".origin"} or {@code "[2]"}) while the error travels up. */
    public ValueMismatch within(String step) {
        path = step + path;
        return this;
    }

    /** The path inside the value where the mismatch was found; empty at the top level. */
    public String path() {
        return path;
    }

    /**
     * The exception a script sees: {@code position} (such as {@code "lib.fn: paramsValue[0]"}), then the path
     * inside the value, then what was expected and what was given.
     */
    public org.ffiscript.engine.FfiException at(String position) {
        return new org.ffiscript.engine.FfiException(position + path + ": " + getMessage());
    }

    /** What was expected and what was given. */
    public String detail() {
        return getMessage();
    }
}
