package org.ffiscript.engine.type;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads whole numbers out of whatever numeric type a script produced (Integer, Long, Double from JavaScript,
 * BigInteger from BigInt, BigDecimal from Groovy) and checks the target range, so that no value is silently
 * truncated.
 */
final class WholeNumbers {
    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final double TWO_POW_63 = 0x1p63;

    private WholeNumbers() {}

    /** The value as a long within {@code [min, max]}, or a mismatch naming {@code type}. */
    static long inRange(Object value, long min, long max, NativeType type) {
        long n = switch (value) {
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case Byte b -> b;
            case BigInteger b when b.bitLength() < 64 -> b.longValue();
            case Double d when isWhole(d) && d >= -TWO_POW_63 && d < TWO_POW_63 -> d.longValue();
            case Float f when isWhole(f) && f >= -TWO_POW_63 && f < TWO_POW_63 -> f.longValue();
            case BigDecimal d -> longOf(d, type);
            case null, default -> throw ValueMismatch.of(type, value);
        };
        if (n < min || n > max) {
            throw ValueMismatch.of(type, value);
        }
        return n;
    }

    /** The value as the bits of a {@code uint64_t}: any whole number from 0 to 2^64 - 1. */
    static long unsigned64(Object value, NativeType type) {
        BigInteger n = switch (value) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case Short s -> BigInteger.valueOf(s);
            case Byte b -> BigInteger.valueOf(b);
            case BigInteger b -> b;
            case Double d when isWhole(d) -> new BigDecimal(d).toBigInteger();
            case Float f when isWhole(f) -> new BigDecimal(f).toBigInteger();
            case BigDecimal d when d.stripTrailingZeros().scale() <= 0 -> d.toBigInteger();
            case null, default -> throw ValueMismatch.of(type, value);
        };
        if (n.signum() < 0 || n.compareTo(TWO_POW_64) >= 0) {
            throw ValueMismatch.of(type, value);
        }
        return n.longValue();
    }

    /** A {@code uint64_t} as a plain Java value: a Long below 2^63, a BigInteger from there on. */
    static Number ofUnsigned64(long bits) {
        return bits >= 0 ? (Number) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    private static boolean isWhole(double d) {
        return !Double.isInfinite(d) && d == Math.rint(d);
    }

    private static long longOf(BigDecimal d, NativeType type) {
        try {
            return d.longValueExact();
        } catch (ArithmeticException notWholeOrTooLarge) {
            throw ValueMismatch.of(type, d);
        }
    }
}
