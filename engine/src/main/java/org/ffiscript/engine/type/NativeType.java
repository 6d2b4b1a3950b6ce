package org.ffiscript.engine.type;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A C type as the engine handles it. Each kind of type keeps everything about itself in one place: its
 * layout in memory and in calls, how a script value becomes native data (as a call argument or written into
 * memory), how native data becomes a plain Java value again, and what of it to free.
 */
public sealed interface NativeType permits BasicType, ArrayType, StructType, UnionType, FunctionType, PointerToType {

    /** The name used in descriptions and messages, as in ffi-rs's DataType ({@code "I32"}). */
    String displayName();

    /** What a value of this type must be, for messages ({@code "a whole number from 0 to 255"}). */
    String expectation();

    /** How a value of this type is stored in memory (a struct field, a pointer's target); null for void. */
    MemoryLayout layout();

    /** How a value of this type travels in a call; null for void. Inline arrays travel as pointers. */
    default MemoryLayout carrier() {
        return layout();
    }

    /** True where the type may appear in {@code paramsType}. */
    default boolean isParameterType() {
        return carrier() != null;
    }

    /** True where converting a value needs temporary native memory (a string's bytes, a struct's fields). */
    default boolean allocates() {
        return false;
    }

    /**
     * Why values of this type cannot be read back from native memory (an array without a length), or null when
     * they can. Checked once when a plan is compiled, so that a call never fails after C has already run.
     */
    default String unreadable() {
        return null;
    }

    /**
     * Converts a plain Java value to the carrier a downcall takes (an Integer for {@code int}, a MemorySegment
     * for pointers and by-value structs). Native memory comes from {@code memory}, which outlives the call.
     *
     * @throws ValueMismatch when the value does not fit the type
     */
    Object toNative(Object value, NativeMemory memory);

    /** Converts a carrier returned by a downcall into a plain Java value. */
    Object fromNative(Object carrier);

    /**
     * Writes {@code value} into {@code at}, which holds at least {@code layout().byteSize()} bytes; pointed-to
     * data (a string's bytes, an array's elements) comes from {@code memory}.
     *
     * @throws ValueMismatch when the value does not fit the type
     */
    void write(MemorySegment at, Object value, NativeMemory memory);

    /** Reads the value stored at {@code at} as a plain Java value. */
    Object read(MemorySegment at);

    /**
     * Reads the value stored at {@code at} without following any pointer: a part whose layout is an address
     * reads as a {@link org.ffiscript.engine.Pointer}. For unions, whose members may hold an integer where a
     * pointer would be expected.
     */
    default Object readShallow(MemorySegment at) {
        return layout() instanceof AddressLayout
                ? org.ffiscript.engine.Pointer.of(at.get(ValueLayout.ADDRESS_UNALIGNED, 0))
                : read(at);
    }

    /** Frees, with libc {@code free}, the memory a carrier returned by C owns: for freeResultMemory. */
    default void free(Object carrier) {}

    /** Frees what the value stored at {@code at} owns (the string a {@code char*} field points at, ...). */
    default void freeAt(MemorySegment at) {}
}
