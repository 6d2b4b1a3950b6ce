package org.ffiscript.engine.type;

import org.ffiscript.engine.type.CLexer.Kind;
import org.ffiscript.engine.type.CLexer.Token;

/**
 * Evaluates a C integer constant expression, as enum values and array lengths are written in headers:
 * {@code 1 << 3}, {@code (1024 / (8 * sizeof(unsigned long)))}, {@code FLAG_A | FLAG_B}, {@code (int)-1},
 * {@code x > 0 ? x : -x}. Operands are numbers, character constants, enum constants, {@code sizeof} and
 * {@code _Alignof} of types. Values have C's types as far as results depend on them: {@code int} or {@code long}
 * (LP64), signed or unsigned, with C's conversions between them ({@code ~0u >> 1} is 2147483647).
 */
final class CConstantExpression {
    /**
     * A value of type {@code int}, {@code unsigned int}, {@code long} or {@code unsigned long}; a 32-bit value is
     * kept in its range (an unsigned one as a non-negative long), so 64-bit arithmetic on it only needs wrapping.
     */
    record Value(long value, boolean unsigned, boolean wide) {
        /** {@code raw} as a value of the given type, wrapped to its width. */
        static Value of(long raw, boolean unsigned, boolean wide) {
            return new Value(wide ? raw : unsigned ? raw & 0xFFFF_FFFFL : (int) raw, unsigned, wide);
        }

        boolean isTrue() {
            return value != 0;
        }
    }

    /** What the expression needs from the parser that reads it. */
    interface Reader {
        Token peek();

        Token take();

        /** True when a type name starts at the next token (for casts and sizeof). */
        boolean typeNameAhead();

        /** Reads a type name and gives its size, or its alignment. */
        long sizeOfTypeName(boolean alignment);

        /** The value of the enum constant {@code name}; throws when there is none. */
        Value constant(Token name);

        /** Reads a type name and casts {@code value} to it (read after the type). */
        Value castToTypeName(java.util.function.Supplier<Value> operand);

        ValueMismatch error(Token at, String expected);
    }

    private final Reader reader;
    private int depth;

    private CConstantExpression(Reader reader) {
        this.reader = reader;
    }

    /** Reads a conditional expression (no commas or assignments, as C allows in constant expressions). */
    static Value evaluate(Reader reader) {
        return new CConstantExpression(reader).conditional();
    }

    private Value conditional() {
        var condition = binary(0);
        if (!reader.peek().is("?")) {
            return condition;
        }
        reader.take();
        var whenTrue = nested(this::conditional);
        if (!reader.peek().is(":")) {
            throw reader.error(reader.peek(), "':' in the conditional expression");
        }
        reader.take();
        var whenFalse = nested(this::conditional);
        return condition.isTrue() ? whenTrue : whenFalse;
    }

    private static final String[][] LEVELS = {
        {"||"},
        {"&&"},
        {"|"},
        {"^"},
        {"&"},
        {"==", "!="},
        {"<", ">", "<=", ">="},
        {"<<", ">>"},
        {"+", "-"},
        {"*", "/", "%"}
    };

    /** Binary operators by precedence climbing: level 0 is {@code ||}, the last level {@code * / %}. */
    private Value binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        var left = binary(level + 1);
        while (true) {
            var operator = reader.peek();
            if (operator.kind() != Kind.PUNCT || !isAt(level, operator.text())) {
                return left;
            }
            reader.take();
            var right = binary(level + 1);
            left = apply(operator, left, right);
        }
    }

    private static boolean isAt(int level, String text) {
        for (var operator : LEVELS[level]) {
            if (operator.equals(text)) {
                return true;
            }
        }
        return false;
    }

    private Value apply(Token operator, Value left, Value right) {
        if (operator.is("<<") || operator.is(">>")) {
            int count = shift(operator, right.value());
            long shifted = operator.is("<<")
                    ? left.value() << count
                    : left.unsigned() ? left.value() >>> count : left.value() >> count;
            return Value.of(shifted, left.unsigned(), left.wide());
        }
        // C's usual arithmetic conversions: the wider type; of equal widths, unsigned if either is; a long holds
        // every unsigned int, so a long with an unsigned int stays signed.
        boolean wide = left.wide() || right.wide();
        boolean unsigned = left.wide() == right.wide()
                ? left.unsigned() || right.unsigned()
                : (left.wide() ? left : right).unsigned();
        long a = Value.of(left.value(), unsigned, wide).value(),
                b = Value.of(right.value(), unsigned, wide).value();
        return switch (operator.text()) {
            case "||" -> truth(left.isTrue() || right.isTrue());
            case "&&" -> truth(left.isTrue() && right.isTrue());
            case "|" -> Value.of(a | b, unsigned, wide);
            case "^" -> Value.of(a ^ b, unsigned, wide);
            case "&" -> Value.of(a & b, unsigned, wide);
            case "==" -> truth(a == b);
            case "!=" -> truth(a != b);
            case "<" -> truth(compare(a, b, unsigned) < 0);
            case ">" -> truth(compare(a, b, unsigned) > 0);
            case "<=" -> truth(compare(a, b, unsigned) <= 0);
            case ">=" -> truth(compare(a, b, unsigned) >= 0);
            case "+" -> Value.of(a + b, unsigned, wide);
            case "-" -> Value.of(a - b, unsigned, wide);
            case "*" -> Value.of(a * b, unsigned, wide);
            case "/", "%" -> {
                if (b == 0) {
                    throw new ValueMismatch(operator.position() + "division by zero in a constant expression");
                }
                boolean divide = operator.text().equals("/");
                yield Value.of(
                        unsigned
                                ? (divide ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b))
                                : (divide ? a / b : a % b),
                        unsigned,
                        wide);
            }
            default -> throw reader.error(operator, "an operator");
        };
    }

    private static int shift(Token operator, long count) {
        if (count < 0 || count > 63) {
            throw new ValueMismatch(
                    operator.position() + "shift by " + count + " in a constant expression (0 to 63 bits)");
        }
        return (int) count;
    }

    private static int compare(long a, long b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    private static Value truth(boolean value) {
        return Value.of(value ? 1 : 0, false, false);
    }

    private Value unary() {
        var token = reader.peek();
        if (token.is("-") || token.is("+") || token.is("~") || token.is("!")) {
            reader.take();
            var operand = nested(this::unary);
            return switch (token.text()) {
                case "-" -> Value.of(-operand.value(), operand.unsigned(), operand.wide());
                case "+" -> operand;
                case "~" -> Value.of(~operand.value(), operand.unsigned(), operand.wide());
                default -> truth(!operand.isTrue());
            };
        }
        if (token.is("sizeof") || token.is("_Alignof") || token.is("__alignof__") || token.is("__alignof")) {
            reader.take();
            if (!reader.peek().is("(")) {
                throw reader.error(
                        reader.peek(),
                        "'(' and a type name after '" + token.text() + "' (sizeof of an expression is not supported)");
            }
            reader.take();
            if (!reader.typeNameAhead()) {
                throw reader.error(
                        reader.peek(),
                        "a type name in '" + token.text() + "(...)' (sizeof of an expression is not supported)");
            }
            long size = reader.sizeOfTypeName(!token.is("sizeof"));
            close();
            return Value.of(size, true, true); // size_t
        }
        if (token.is("(")) {
            reader.take();
            if (reader.typeNameAhead()) {
                return reader.castToTypeName(() -> {
                    close();
                    return nested(this::unary);
                });
            }
            var inner = nested(this::conditional);
            close();
            return inner;
        }
        if (token.kind() == Kind.NUMBER) {
            reader.take();
            return number(token);
        }
        if (token.kind() == Kind.WORD) {
            reader.take();
            return reader.constant(token);
        }
        throw reader.error(token, "a constant expression");
    }

    private void close() {
        if (!reader.peek().is(")")) {
            throw reader.error(reader.peek(), "')'");
        }
        reader.take();
    }

    private Value nested(java.util.function.Supplier<Value> part) {
        if (depth == Nesting.MAX_DEPTH) {
            throw Nesting.tooDeep(reader.peek().position() + "the constant expression", "parentheses and operators");
        }
        depth++;
        try {
            return part.get();
        } finally {
            depth--;
        }
    }

    /** A decimal, octal or hexadecimal integer with its suffixes, or a character constant. */
    private Value number(Token token) {
        var text = token.text();
        if (text.startsWith("'")) {
            return Value.of(character(token), false, false);
        }
        var lower = text.toLowerCase();
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == 'u' || lower.charAt(end - 1) == 'l')) {
            end--;
        }
        var suffix = lower.substring(end);
        boolean unsigned = suffix.contains("u");
        boolean isLong = suffix.contains("l");
        var digits = lower.substring(0, end);
        boolean decimal = !digits.startsWith("0") || digits.equals("0");
        long value;
        try {
            value = digits.startsWith("0x")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : digits.startsWith("0b")
                            ? Long.parseUnsignedLong(digits.substring(2), 2)
                            : !decimal
                                    ? Long.parseUnsignedLong(digits.substring(1), 8)
                                    : Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw reader.error(token, "a whole number");
        }
        // The first type that holds the value, in C's order for the literal's base and suffix.
        if (!isLong && !unsigned && value >= 0 && value <= Integer.MAX_VALUE) {
            return Value.of(value, false, false);
        }
        if (!isLong && (unsigned || !decimal) && value >= 0 && value <= 0xFFFF_FFFFL) {
            return Value.of(value, true, false);
        }
        return Value.of(value, unsigned || value < 0, true);
    }

    private long character(Token token) {
        var body = token.text().substring(1, token.text().length() - 1);
        if (body.length() == 1) {
            return body.charAt(0);
        }
        if (body.length() == 2 && body.charAt(0) == '\\') {
            switch (body.charAt(1)) {
                case 'n' -> {
                    return '\n';
                }
                case 't' -> {
                    return '\t';
                }
                case 'r' -> {
                    return '\r';
                }
                case '0' -> {
                    return 0;
                }
                case '\\', '\'', '"' -> {
                    return body.charAt(1);
                }
                default -> {}
            }
        }
        throw reader.error(token, "a character constant of one character or a simple escape");
    }
}
