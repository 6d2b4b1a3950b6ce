package org.ffiscript.engine.type;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SegmentAllocator;

/**
 * A C type as the engine handles it: its layout in a call, how a script value becomes the Java carrier a
 * downcall takes, how a returned carrier becomes a plain Java value, and what of it to free. Each kind of type
 * keeps all of that in one place.
 */
public sealed interface NativeType permits BasicType {

    /** The name used in descriptions and messages, as in ffi-rs's DataType ({@code "I32"}). */
    String displayName();

    /** What a value of this type must be, for messages ({@code "a whole number from 0 to 255"}). */
    String expectation();

    /** The layout of the value in a call; null for {@code void}. */
    MemoryLayout carrier();

    /** True where the type may appear in {@code paramsType}. */
    default boolean isParameterType() {
        return carrier() != null;
    }

    /** True where converting a value needs temporary native memory (a string's bytes, a struct's fields). */
    default boolean allocates() {
        return false;
    }

    /**
     * Converts a plain Java value to the carrier the downcall takes (an Integer for {@code int}, a
     * MemorySegment for pointers). Temporary native memory comes from {@code scratch}, which outlives the call.
     *
     * @throws ValueMismatch when the value does not fit the type
     */
    Object toNative(Object value, SegmentAllocator scratch);

    /** Converts a carrier returned by a downcall into a plain Java value. */
    Object fromNative(Object carrier);

    /** Frees memory that C handed over with a returned carrier; called after {@link #fromNative}. */
    default void freeResult(Object carrier) {
    }
}
