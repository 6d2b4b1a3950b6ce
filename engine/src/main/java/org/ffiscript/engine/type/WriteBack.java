package org.ffiscript.engine.type;

import java.lang.foreign.MemorySegment;

/**
 * A script's value that was copied into native memory for a call and takes C's writes back once the call has
 * returned: a list or Java array behind a {@code T *}, a struct map behind a struct pointer. Registered with
 * {@link NativeMemory#copyBackAfterCall}, in place of a byte array.
 */
public interface WriteBack {

    /** Reads what C left in {@code from}, the memory the value was copied into, back into the value. */
    void writeBack(MemorySegment from);
}
