package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.memory.LibC;

/**
 * The types named by a single DataType code: every scalar, the two string kinds, the opaque pointer and void.
 * This table is the single source of truth for them: code, name, layout, accepted values, encoding, decoding
 * and freeing sit together in each constant.
 */
public enum BasicType implements NativeType {
    STRING(DataType.String, "String", "a string", ADDRESS) {
        @Override
        public boolean allocates() {
            return true;
        }

        @Override
        public Object toNative(Object value, NativeMemory memory) {
            if (value instanceof CharSequence s) {
                return memory.allocateFrom(CText.checked(s, this));
            }
            throw ValueMismatch.of(this, value);
        }

        @Override
        public Object fromNative(Object carrier) {
            var address = (MemorySegment) carrier;
            return address.address() == 0
                    ? null
                    : address.reinterpret(Long.MAX_VALUE).getString(0);
        }

        @Override
        public void free(Object carrier) {
            LibC.free((MemorySegment) carrier);
        }

        @Override
        public void freeAt(MemorySegment at) {
            LibC.free(at.get(ADDRESS_UNALIGNED, 0));
        }
    },
    I32(DataType.I32, "I32", "a whole number from -2147483648 to 2147483647", JAVA_INT) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return value instanceof Integer i
                    ? i
                    : (int) WholeNumbers.inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return carrier;
        }
    },
    DOUBLE(DataType.Double, "Double", "a number", JAVA_DOUBLE) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return value instanceof Double d ? d : numberOf(value, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return carrier;
        }
    },
    BOOLEAN(DataType.Boolean, "Boolean", "true or false", JAVA_BOOLEAN) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw ValueMismatch.of(this, value);
        }

        @Override
        public Object fromNative(Object carrier) {
            return carrier;
        }
    },
    VOID(DataType.Void, "Void", "no value", null) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            throw ValueMismatch.of(this, value);
        }

        @Override
        public Object fromNative(Object carrier) {
            return null;
        }
    },
    I64(DataType.I64, "I64", "a whole number from -2^63 to 2^63-1", JAVA_LONG) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return WholeNumbers.inRange(value, Long.MIN_VALUE, Long.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return carrier;
        }
    },
    U8(DataType.U8, "U8", "a whole number from 0 to 255", JAVA_BYTE) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (byte) WholeNumbers.inRange(value, 0, 0xFF, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return Byte.toUnsignedInt((Byte) carrier);
        }
    },
    EXTERNAL(DataType.External, "External", "a pointer or null", ADDRESS) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            if (value == null) {
                return MemorySegment.NULL;
            }
            var address = Addresses.of(value);
            if (address == null) {
                throw ValueMismatch.of(this, value);
            }
            return address;
        }

        @Override
        public Object fromNative(Object carrier) {
            return Pointer.of((MemorySegment) carrier);
        }
    },
    U64(DataType.U64, "U64", "a whole number from 0 to 2^64-1", JAVA_LONG) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return WholeNumbers.unsigned64(value, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return WholeNumbers.ofUnsigned64((Long) carrier);
        }
    },
    FLOAT(DataType.Float, "Float", "a number within float's range", JAVA_FLOAT) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            double number = numberOf(value, this);
            if (Double.isFinite(number) && Float.isInfinite((float) number)) {
                throw ValueMismatch.of(this, value); // beyond float's range: no silent infinity
            }
            return (float) number;
        }

        @Override
        public Object fromNative(Object carrier) {
            return ((Float) carrier).doubleValue();
        }
    },
    WSTRING(DataType.WString, "WString", "a string", ADDRESS) {
        @Override
        public boolean allocates() {
            return true;
        }

        @Override
        public Object toNative(Object value, NativeMemory memory) {
            if (value instanceof CharSequence s) {
                return memory.allocateFrom(CText.checked(s, this), WCHAR_T);
            }
            throw ValueMismatch.of(this, value);
        }

        @Override
        public Object fromNative(Object carrier) {
            var address = (MemorySegment) carrier;
            return address.address() == 0
                    ? null
                    : address.reinterpret(Long.MAX_VALUE).getString(0, WCHAR_T);
        }

        @Override
        public void free(Object carrier) {
            LibC.free((MemorySegment) carrier);
        }

        @Override
        public void freeAt(MemorySegment at) {
            LibC.free(at.get(ADDRESS_UNALIGNED, 0));
        }
    },
    BIGINT(DataType.BigInt, "BigInt", "a whole number from -2^63 to 2^63-1", JAVA_LONG) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return WholeNumbers.inRange(value, Long.MIN_VALUE, Long.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return BigInteger.valueOf((Long) carrier);
        }
    },
    I16(DataType.I16, "I16", "a whole number from -32768 to 32767", JAVA_SHORT) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (short) WholeNumbers.inRange(value, Short.MIN_VALUE, Short.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return (int) (Short) carrier;
        }
    },
    U32(DataType.U32, "U32", "a whole number from 0 to 4294967295", JAVA_INT) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (int) WholeNumbers.inRange(value, 0, 0xFFFF_FFFFL, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return Integer.toUnsignedLong((Integer) carrier);
        }
    },
    // The C types below have no ffi-rs DataType code; C declarations name them.
    I8(-1, "I8", "a whole number from -128 to 127", JAVA_BYTE) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (byte) WholeNumbers.inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return (int) (Byte) carrier;
        }
    },
    /** C's plain {@code char}: a signed byte like I8, but an array of them ({@code char name[16]}) holds text. */
    CHAR(-1, "Char", "a whole number from -128 to 127", JAVA_BYTE) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (byte) WholeNumbers.inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return I8.fromNative(carrier);
        }
    },
    U16(-1, "U16", "a whole number from 0 to 65535", JAVA_SHORT) {
        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return (short) WholeNumbers.inRange(value, 0, 0xFFFF, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return Short.toUnsignedInt((Short) carrier);
        }
    },
    /**
     * A declared {@code char *}: a string like String, but also a buffer C writes into (snprintf's first
     * argument), an existing pointer, or NULL, since C declarations use {@code char *} for all of them.
     */
    C_STRING(-1, "char*", "a string, a byte buffer, a pointer or null", ADDRESS) {
        @Override
        public boolean allocates() {
            return true;
        }

        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return switch (value) {
                case null -> MemorySegment.NULL;
                case CharSequence s -> memory.allocateFrom(CText.checked(s, this));
                default -> inPlace(value, memory, this);
            };
        }

        @Override
        public Object fromNative(Object carrier) {
            return STRING.fromNative(carrier);
        }

        @Override
        public void free(Object carrier) {
            STRING.free(carrier);
        }

        @Override
        public void freeAt(MemorySegment at) {
            STRING.freeAt(at);
        }
    },
    /** A declared {@code void *}: a pointer or null like External, or a byte buffer C reads and writes in place. */
    VOID_POINTER(-1, "void*", "a pointer, null or a byte buffer", ADDRESS) {
        @Override
        public boolean allocates() {
            return true;
        }

        @Override
        public Object toNative(Object value, NativeMemory memory) {
            return value == null ? MemorySegment.NULL : inPlace(value, memory, this);
        }

        @Override
        public Object fromNative(Object carrier) {
            return Pointer.of((MemorySegment) carrier);
        }
    };

    /** {@code wchar_t} is UTF-32 in the platform's byte order on Linux and macOS. */
    static final Charset WCHAR_T =
            ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_32LE : StandardCharsets.UTF_32BE;

    private static final BasicType[] BY_CODE = new BasicType[21];

    static {
        for (var type : values()) {
            if (type.code >= 0) {
                BY_CODE[type.code] = type;
            }
        }
    }

    private final int code;
    private final String displayName;
    private final String expectation;
    private final MemoryLayout carrier;

    BasicType(int code, String displayName, String expectation, MemoryLayout carrier) {
        this.code = code;
        this.displayName = displayName;
        this.expectation = expectation;
        this.carrier = carrier;
    }

    /** The type with this DataType code, or null where the code names no basic type. */
    public static BasicType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static MemorySegment inPlace(Object value, NativeMemory memory, NativeType type) {
        var buffer = InPlaceBytes.toNative(value, memory);
        if (buffer == null) {
            throw ValueMismatch.of(type, value);
        }
        return buffer;
    }

    private static double numberOf(Object value, NativeType type) {
        if (value instanceof Number n) {
            double number = n.doubleValue();
            if (Double.isInfinite(number) && !(n instanceof Double || n instanceof Float)) {
                throw ValueMismatch.of(type, value); // a BigInteger or BigDecimal beyond double's range
            }
            return number;
        }
        throw ValueMismatch.of(type, value);
    }

    /** The DataType code; -1 for the types only C declarations name (I8, U16, Char, char*, void*). */
    public int code() {
        return code;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String expectation() {
        return expectation;
    }

    @Override
    public MemoryLayout layout() {
        return carrier;
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        switch (toNative(value, memory)) {
            case Integer i -> at.set(JAVA_INT_UNALIGNED, 0, i);
            case Long l -> at.set(JAVA_LONG_UNALIGNED, 0, l);
            case Double d -> at.set(JAVA_DOUBLE_UNALIGNED, 0, d);
            case Float f -> at.set(JAVA_FLOAT_UNALIGNED, 0, f);
            case Short s -> at.set(JAVA_SHORT_UNALIGNED, 0, s);
            case Byte b -> at.set(JAVA_BYTE, 0, b);
            case Boolean b -> at.set(JAVA_BOOLEAN, 0, b);
            case MemorySegment m -> at.set(ADDRESS_UNALIGNED, 0, m);
            default -> throw new IllegalStateException(this + " produced no carrier");
        }
    }

    @Override
    public Object read(MemorySegment at) {
        Object carrier = switch (this) {
            case I32, U32 -> at.get(JAVA_INT_UNALIGNED, 0);
            case I64, U64, BIGINT -> at.get(JAVA_LONG_UNALIGNED, 0);
            case DOUBLE -> at.get(JAVA_DOUBLE_UNALIGNED, 0);
            case FLOAT -> at.get(JAVA_FLOAT_UNALIGNED, 0);
            case I16, U16 -> at.get(JAVA_SHORT_UNALIGNED, 0);
            case U8, I8, CHAR -> at.get(JAVA_BYTE, 0);
            case BOOLEAN -> at.get(JAVA_BOOLEAN, 0);
            case STRING, WSTRING, EXTERNAL, C_STRING, VOID_POINTER -> at.get(ADDRESS_UNALIGNED, 0);
            case VOID -> null;
        };
        return fromNative(carrier);
    }
}
