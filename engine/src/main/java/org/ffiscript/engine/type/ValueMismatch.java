package org.ffiscript.engine.type;

/**
 * Thrown while converting a value that does not fit its type. It carries only the detail and the path inside
 * the value ({@code .origin.y}); the call that caught it adds {@code library.function: paramsValue[i]} and turns
 * it into an {@link org.ffiscript.engine.FfiException}. Cheap to throw: no stack trace is taken.
 */
public final class ValueMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many steps of a long path the message keeps at each end (a cyclic value's path repeats itself). */
    private static final int SHOWN_STEPS = 8;

    private final java.util.ArrayDeque<String> steps = new java.util.ArrayDeque<>();

    /** Creates a mismatch with the given detail ({@code expected I32 ..., got "abc"}). */
    public ValueMismatch(String detail) {
        super(detail, null, false, false);
    }

    /** A value of the wrong kind or range for {@code type}. */
    public static ValueMismatch of(NativeType type, Object got) {
        return new ValueMismatch(
                "expected " + type.displayName() + " (" + type.expectation() + "), got " + ValueText.of(got));
    }

    /** Prepends one step of the value path ({@code ".origin"} or {@code "[2]"}) while the error travels up. */
    public ValueMismatch within(String step) {
        steps.addFirst(step);
        return this;
    }

    /**
     * The path inside the value where the mismatch was found; empty at the top level. A path of more than
     * {@code 2 * SHOWN_STEPS} steps shows its first and last steps and how many are left out between them.
     */
    public String path() {
        if (steps.size() <= 2 * SHOWN_STEPS) {
            return String.join("", steps);
        }
        var shown = new StringBuilder();
        var all = steps.iterator();
        for (int i = 0; i < SHOWN_STEPS; i++) {
            shown.append(all.next());
        }
        shown.append("...(").append(steps.size() - 2 * SHOWN_STEPS).append(" more)...");
        steps.stream().skip(steps.size() - SHOWN_STEPS).forEach(shown::append);
        return shown.toString();
    }

    /**
     * The exception a script sees: {@code position} (such as {@code "lib.fn: paramsValue[0]"}), then the path
     * inside the value, then what was expected and what was given.
     */
    public org.ffiscript.engine.FfiException at(String position) {
        return new org.ffiscript.engine.FfiException(position + path() + ": " + getMessage());
    }

    /** What was expected and what was given. */
    public String detail() {
        return getMessage();
    }
}
