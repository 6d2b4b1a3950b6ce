package org.ffiscript.engine.call;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import org.ffiscript.engine.memory.LibC;

/**
 * Per-thread memory for the temporaries of a call (converted strings, errno capture), used like a stack:
 * a call takes a {@link #mark()}, allocates, and {@link #release(long)}s back to it, so a callback that calls
 * into C again on the same thread nests cleanly. The block is malloc'd once per thread and handed out as
 * global-scope slices, which the linker passes without any per-call scope bookkeeping; requests larger than
 * what is left get their own malloc, freed on release.
 */
final class Scratch implements SegmentAllocator {
    private static final long BLOCK_SIZE = 32 * 1024;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final MemorySegment block;
    private final MemorySegment callState;
    private final ArrayList<MemorySegment> oversized = new ArrayList<>();
    private long used;

    private Scratch() {
        block = LibC.malloc(BLOCK_SIZE);
        var freeBlock = block; // the cleaning action must not reach this object
        CLEANER.register(this, () -> LibC.free(freeBlock));
        var stateLayout = Linker.Option.captureStateLayout();
        callState = block.asSlice(0, stateLayout.byteSize(), stateLayout.byteAlignment());
        used = align(stateLayout.byteSize(), 16);
    }

    /** The calling thread's scratch memory. */
    static Scratch current() {
        return CURRENT.get();
    }

    /** Where the linker stores errno right after a call; reused by every call on this thread. */
    MemorySegment callState() {
        return callState;
    }

    /** The current allocation point, to release back to when the call ends. */
    long mark() {
        return ((long) oversized.size() << 32) | used;
    }

    /** Frees everything allocated since {@code mark}. */
    void release(long mark) {
        used = mark & 0xFFFF_FFFFL;
        int keep = (int) (mark >>> 32);
        for (int i = oversized.size() - 1; i >= keep; i--) {
            LibC.free(oversized.remove(i));
        }
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        long start = align(used, byteAlignment);
        if (start + byteSize <= BLOCK_SIZE) {
            used = start + byteSize;
            return block.asSlice(start, byteSize);
        }
        var memory = LibC.malloc(Math.max(byteSize, 1)); // malloc aligns for every scalar type
        oversized.add(memory);
        return memory.asSlice(0, byteSize);
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) & -alignment;
    }
}
