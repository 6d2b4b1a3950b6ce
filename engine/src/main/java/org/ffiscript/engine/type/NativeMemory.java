package org.ffiscript.engine.type;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Where converted values live: the temporaries of one call, or memory the engine keeps for a pointer it
 * handed out. Besides allocating, it lets a buffer ask for C's writes to be copied back into the caller's Java
 * array once the call has returned, and gives callbacks an arena with the same lifetime.
 */
public interface NativeMemory extends SegmentAllocator {

    /**
     * After the call, copies {@code from} back into {@code javaArray}: a byte array or ByteBuffer of its size, or
     * a {@link WriteBack} that reads it. Memory that outlives no call (a pointer's) ignores it.
     */
    void copyBackAfterCall(MemorySegment from, Object javaArray);

    /** An arena closed when this memory is released: at the end of the call, or when its pointer is freed. */
    Arena arena();

    /** True for the temporaries of one call; false for memory kept behind a pointer given to the script. */
    boolean temporary();
}
