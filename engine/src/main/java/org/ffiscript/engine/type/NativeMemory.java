package org.ffiscript.engine.type;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Where converted values live: the temporaries of one call, or memory the engine keeps for a pointer it
 * handed out. Besides allocating, it lets a buffer ask for C's writes to be copied back into the caller's Java
 * array once the call has returned.
 */
public interface NativeMemory extends SegmentAllocator {

    /** After the call, copies {@code from} back into {@code javaArray} (a primitive array of the same size). */
    void copyBackAfterCall(MemorySegment from, Object javaArray);
}
