package org.ffiscript.engine.type;

/**
 * How deep script values and type descriptions may nest. Converting them recurses once per level, so without a
 * limit a cyclic value (a struct that contains itself), a very long list of struct pointers or a description
 * nested thousands deep would overflow the thread's stack; with it, the script gets an error naming where.
 * The limit is well beyond what C code nests (the C standard asks compilers for 63 levels of nesting) and low
 * enough that converting a value at the limit, which takes about 1 KiB of stack per level once compiled, fits
 * in half the JVM's default thread stack (1 MiB on 64-bit Linux and macOS). Reading C data needs no such
 * limit: struct pointers are followed with a work list, so a list of any length decodes.
 * <p>
 * An application that passes deeper values (a long linked list built in a script) raises the limit with the
 * system property {@value #PROPERTY}, read once when the engine starts, and gives its threads the stack that
 * needs ({@code -Xss}, or the stack size of the threads it makes).
 */
public final class Nesting {
    /** The system property that sets {@link #MAX_DEPTH}; 256 when it is not set. */
    public static final String PROPERTY = "ffiscript.maxNesting";

    /** The most levels a value or a description may nest: the system property {@value #PROPERTY}, or 256. */
    public static final int MAX_DEPTH = Math.max(1, Integer.getInteger(PROPERTY, 256));

    private static final ThreadLocal<int[]> VALUE_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Nesting() {}

    /**
     * Enters one more level of a value being converted (a struct's fields, a list of pointed-at elements) on this
     * thread; the caller leaves it by decrementing the counter returned, in a {@code finally}.
     *
     * @throws ValueMismatch beyond {@link #MAX_DEPTH} levels
     */
    static int[] enterValue() {
        var depth = VALUE_DEPTH.get();
        if (depth[0] >= MAX_DEPTH) {
            throw tooDeep(
                    "the value",
                    "a value that contains itself, or a longer chain of struct pointers; the system property "
                            + PROPERTY + " raises the limit, with a larger thread stack");
        }
        depth[0]++;
        return depth;
    }

    /** The error for something nested more than {@link #MAX_DEPTH} levels, with a hint at the likely cause. */
    static ValueMismatch tooDeep(String what, String hint) {
        return new ValueMismatch(what + " nests more than " + MAX_DEPTH + " levels deep (" + hint + ")");
    }
}
