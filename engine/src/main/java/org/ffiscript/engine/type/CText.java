package org.ffiscript.engine.type;

/**
 * Text on its way to C. A C string ends at its first NUL character, so text holding one would reach C cut short
 * (or name another symbol, or another file): it is refused, with the NUL's position.
 */
public final class CText {
    private CText() {}

    /**
     * {@code text} as it goes to C as a value of {@code type}.
     *
     * @throws ValueMismatch when it holds a NUL character
     */
    static String checked(CharSequence text, NativeType type) {
        var string = text.toString();
        if (string.indexOf(0) >= 0) {
            throw nulInside(string, type);
        }
        return string;
    }

    // Apart from checked, which runs for every string value: kept small, it is inlined into each conversion.
    private static ValueMismatch nulInside(String string, NativeType type) {
        return new ValueMismatch("expected " + type.displayName() + " (" + type.expectation()
                + ", without NUL characters: " + "C strings end at the first), got " + ValueText.of(string)
                + " (NUL at index " + string.indexOf(0) + ")");
    }

    /**
     * Null when {@code text} (a function name, a file path) can go to C whole; otherwise what is wrong with it,
     * for a message that names {@code what} it is.
     */
    public static String nulInside(String what, String text) {
        int nul = text.indexOf(0);
        return nul < 0
                ? null
                : what + ": expected text without NUL characters (C strings end at the first), got "
                        + ValueText.of(text) + " (NUL at index " + nul + ")";
    }
}
