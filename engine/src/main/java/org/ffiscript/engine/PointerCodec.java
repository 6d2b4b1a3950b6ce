package org.ffiscript.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.type.ArrayType;
import org.ffiscript.engine.type.BasicType;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.StoredTypes;
import org.ffiscript.engine.type.ValueMismatch;
import org.ffiscript.engine.type.ValueText;

/**
 * {@code decode} and {@code encode}: a value of any type read from, or written to, memory at a pointer plus an
 * offset, with the same types and conversions as calls ({@code 'int'}, {@code 'struct tm'}, DataType codes,
 * struct descriptions). With a length, an array of that many elements: text for {@code char}, bytes for
 * {@code unsigned char}, a list otherwise; length -1 reads a {@code char} string up to its NUL. They are
 * pointer tools: an access policy must allow them. Memory the engine allocated is checked as restorePointer
 * checks it (not freed, within its bytes, and read through pointers only as the type written there).
 */
final class PointerCodec {
    private static final Set<String> DECODE_KEYS = Set.of("pointer", "type", "offset", "length");
    private static final Set<String> ENCODE_KEYS = Set.of("pointer", "type", "offset", "length", "value");
    private static final int UP_TO_NUL = -1;

    private final PointerRegistry registry;
    private final CDeclarations declarations;
    private final AccessPolicy policy;

    PointerCodec(PointerRegistry registry, CDeclarations declarations, AccessPolicy policy) {
        this.registry = registry;
        this.declarations = declarations;
        this.policy = policy;
    }

    /** {@code decode({pointer, type, offset?, length?})}. */
    Object decode(Map<?, ?> spec) {
        checkKeys(spec, "decode", DECODE_KEYS, "{pointer, type, offset?, length?}");
        return decode(spec.get("pointer"), spec.get("offset"), spec.get("type"), spec.get("length"));
    }

    Object decode(Object pointerValue, Object offsetValue, Object typeValue, Object lengthValue) {
        var where = "decode";
        policy.checkPointerTools(where);
        var access = access(where, pointerValue, offsetValue, typeValue, lengthValue);
        return access.within(registry, (at) -> access.length == UP_TO_NUL ? text(at, where) : access.type.read(at));
    }

    /** {@code encode({pointer, type, value, offset?, length?})}. */
    void encode(Map<?, ?> spec) {
        checkKeys(spec, "encode", ENCODE_KEYS, "{pointer, type, value, offset?, length?}");
        if (!spec.containsKey("value")) {
            throw new FfiException("encode: missing required key 'value'");
        }
        encode(spec.get("pointer"), spec.get("offset"), spec.get("type"), spec.get("length"), spec.get("value"));
    }

    void encode(Object pointerValue, Object offsetValue, Object typeValue, Object lengthValue, Object value) {
        var where = "encode";
        policy.checkPointerTools(where);
        var access = access(where, pointerValue, offsetValue, typeValue, lengthValue);
        if (access.length == UP_TO_NUL) {
            throw new FfiException(
                    where + ": length: -1 (up to a NUL) is for decode; give encode the length of the array");
        }
        var allocation = registry.allocationOf(access.pointer);
        if (allocation != null && !StoredTypes.followsNoPointer(allocation.written())) {
            throw new FfiException(
                    where + ": pointer: " + access.pointer + " holds "
                            + allocation.written().displayName()
                            + " (createPointer), which points at memory of its own; encode writes only over values that point nowhere");
        }
        access.within(registry, at -> {
            try {
                access.type.write(at, value, InPlace.MEMORY);
            } catch (ValueMismatch e) {
                throw e.at(where + ": value");
            }
            return null;
        });
    }

    /**
     * What one decode or encode reaches: the type (an array of it, with a length), the pointer, the offset; and
     * the native buffer the pointer is, if it is one, whose size bounds the access.
     */
    private record Access(
            String where, Pointer pointer, long offset, NativeType type, int length, NativeBuffer buffer) {
        long size() {
            return length == UP_TO_NUL ? 1 : type.layout().byteSize();
        }

        /** Runs {@code use} on the bytes at the pointer plus the offset, checking engine memory first. */
        <T> T within(PointerRegistry registry, java.util.function.Function<MemorySegment, T> use) {
            if (buffer != null) {
                if (offset + size() > buffer.size()) {
                    throw new FfiException(where + ": expected at most " + buffer.size()
                            + " bytes in the NativeBuffer, got " + size() + " at offset " + offset);
                }
                var whole = buffer.segment();
                return use.apply(whole.asSlice(offset, length == UP_TO_NUL ? whole.byteSize() - offset : size()));
            }
            var allocation = registry.allocationOf(pointer);
            if (allocation == null) {
                var at = pointer.segment()
                        .reinterpret(offset + (length == UP_TO_NUL ? Long.MAX_VALUE - offset : size()));
                return use.apply(at.asSlice(offset));
            }
            checkEngineMemory(allocation);
            return allocation.read(
                    pointer.segment(),
                    whole -> use.apply(whole.asSlice(offset, length == UP_TO_NUL ? whole.byteSize() - offset : size())),
                    reason -> new FfiException(where + ": pointer: " + pointer + " cannot be "
                            + (where.equals("decode") ? "read" : "written") + ": " + reason));
        }

        private void checkEngineMemory(Allocation allocation) {
            if (offset + size() > allocation.size()) {
                throw new FfiException(where + ": expected at most " + allocation.size() + " bytes at " + pointer
                        + " (the bytes the engine allocated there), got " + size() + " at offset " + offset);
            }
            if (where.equals("decode")
                    && !StoredTypes.followsNoPointer(type)
                    && (offset != 0 || StoredTypes.mismatch(allocation.written(), type) != null)) {
                throw new FfiException(where + ": type: " + pointer + " holds "
                        + allocation.written().displayName() + " (the type the engine wrote there); "
                        + type.displayName() + " would follow a pointer read from it");
            }
        }
    }

    private Access access(String where, Object pointerValue, Object offsetValue, Object typeValue, Object lengthValue) {
        var pointer = PointerTools.pointer(pointerValue, where + ": pointer");
        var buffer = pointerValue instanceof NativeBuffer nativeBuffer ? nativeBuffer : null;
        if (pointer.isNull()) {
            throw new FfiException(where + ": pointer: cannot " + (where.equals("decode") ? "read" : "write")
                    + " through a NULL pointer");
        }
        long offset = offsetValue == null ? 0 : whole(offsetValue, 0, Long.MAX_VALUE / 2, where + ": offset");
        var element = PointerTools.type(typeValue, declarations, where + ": type");
        if (element.layout() == null) {
            throw new FfiException(where + ": type: " + element.displayName() + " has no value to "
                    + (where.equals("decode") ? "read" : "write"));
        }
        if (lengthValue == null) {
            return new Access(where, pointer, offset, element, 0, buffer);
        }
        int length = (int) whole(lengthValue, UP_TO_NUL, ArrayType.MAX_LENGTH, where + ": length");
        if (length == UP_TO_NUL) {
            if (element != BasicType.CHAR && element != BasicType.U8 && element != BasicType.I8) {
                throw new FfiException(where + ": length: -1 (text up to its NUL) is for char and unsigned char, got "
                        + element.displayName());
            }
            return new Access(where, pointer, offset, element, UP_TO_NUL, buffer);
        }
        if (length == 0) {
            throw new FfiException(where + ": length: expected a whole number from 1 to " + ArrayType.MAX_LENGTH
                    + ", or -1 for text up to its NUL, got 0");
        }
        var array = new ArrayType(element.displayName() + "Array", element, length, true);
        return new Access(where, pointer, offset, array, length, buffer);
    }

    /** The text at {@code at} up to its NUL, as UTF-8; in engine memory, the NUL must lie within what was allocated. */
    private static String text(MemorySegment at, String where) {
        long end = 0;
        while (end < at.byteSize() && at.get(JAVA_BYTE, end) != 0) {
            end++;
        }
        if (end == at.byteSize()) {
            throw new FfiException(
                    where + ": no NUL ends the text within the " + at.byteSize() + " bytes allocated there");
        }
        return new String(at.asSlice(0, end).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
    }

    private static long whole(Object value, long min, long max, String where) {
        if (value instanceof Number n
                && n.doubleValue() == n.longValue()
                && n.longValue() >= min
                && n.longValue() <= max) {
            return n.longValue();
        }
        throw new FfiException(
                where + ": expected a whole number from " + min + " to " + max + ", got " + ValueText.of(value));
    }

    private static void checkKeys(Map<?, ?> spec, String where, Set<String> keys, String shape) {
        if (spec == null) {
            throw new FfiException(where + ": expected a description " + shape + ", got null");
        }
        for (var key : spec.keySet()) {
            if (!(key instanceof String name) || !keys.contains(name)) {
                throw new FfiException(where + ": unknown key " + ValueText.of(key) + "; valid keys are " + shape);
            }
        }
    }

    /**
     * Memory for what a written value points at: none. encode writes into memory the script names, and a string
     * or array written there would need memory that outlives the call with no one to free it.
     */
    private enum InPlace implements NativeMemory {
        MEMORY;

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            throw new ValueMismatch(
                    "encode writes values that point nowhere (numbers, by-value structs, inline arrays, "
                            + "pointers); a string, array or struct pointer needs memory of its own: make it with createPointer "
                            + "and encode the pointer");
        }

        @Override
        public void copyBackAfterCall(MemorySegment from, Object javaArray) {}

        @Override
        public Arena arena() {
            throw new ValueMismatch(
                    "encode cannot write a callback; make its pointer with createPointer and encode that");
        }

        @Override
        public boolean temporary() {
            return false;
        }
    }
}
