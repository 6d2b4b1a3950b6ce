package org.ffiscript.engine.type;

import java.util.Collection;
import java.util.Map;

/** Short, readable renderings of script values for error messages. */
public final class ValueText {
    private static final int MAX_STRING = 40;

    private ValueText() {}

    /** Renders a value as a message shows it: strings quoted and cut short, containers by kind and size. */
    public static String of(Object value) {
        return switch (value) {
            case null -> "null";
            case CharSequence s -> quoted(s.toString());
            case Double d -> number(d);
            case Float f -> number(f);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Character c -> "the character " + quoted(c.toString());
            case Map<?, ?> m -> "an object with keys " + m.keySet();
            case Collection<?> c -> "a list of " + c.size() + " items";
            case byte[] b -> "a byte array of " + b.length + " bytes";
            case java.nio.ByteBuffer b ->
                "a byte array of " + b.remaining() + " bytes"; // a script's Buffer, as byte[] reads
            case Object[] a -> "an array of " + a.length + " items";
            case Unconvertible u -> u.description();
            case org.ffiscript.engine.ScriptFunction f -> "a function";
            default -> "a " + value.getClass().getSimpleName() + " (" + value + ")";
        };
    }

    /** Whole numbers without an exponent or ".0" (2^40 reads 1099511627776), as scripts write them. */
    private static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
            return d == 0 && 1 / d < 0 ? "-0" : new java.math.BigDecimal(d).toPlainString();
        }
        return Double.toString(d);
    }

    private static String quoted(String s) {
        var text = new StringBuilder("\"");
        s.codePoints().limit(MAX_STRING).forEach(cp -> {
            switch (cp) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> {
                    if (cp < 0x20) {
                        text.append(String.format("\\u%04x", cp));
                    } else {
                        text.appendCodePoint(cp);
                    }
                }
            }
        });
        text.append('"');
        long length = s.codePointCount(0, s.length());
        if (length > MAX_STRING) {
            text.insert(text.length() - 1, "...").append(" (").append(length).append(" characters)");
        }
        return text.toString();
    }
}
