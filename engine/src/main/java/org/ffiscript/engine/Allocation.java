package org.ffiscript.engine;

import java.lang.foreign.MemorySegment;
import java.util.function.Function;
import org.ffiscript.engine.type.NativeType;

/**
 * What an engine knows about a block it allocated for a pointer it handed out (createPointer, wrapPointer): the
 * type written there and whether it has been freed. The pointers the engine returns carry it, so that reading
 * through one after it was freed, or as a type it does not hold, is refused instead of reading stray memory.
 */
final class Allocation {
    private final NativeType written;
    private final long size;
    private final OwnedMemory memory;
    private boolean freed; // guarded by this: a read and a free of the same block never overlap

    Allocation(NativeType written, long size, OwnedMemory memory) {
        this.written = written;
        this.size = size;
        this.memory = memory;
    }

    /** The type the value at the pointer was written as. */
    public NativeType written() {
        return written;
    }

    /** How many bytes the pointer points at. */
    public long size() {
        return size;
    }

    /**
     * Runs {@code read} on the block while it cannot be freed; {@code refuse} gets the reason when it was
     * freed already.
     */
    public synchronized <T> T read(
            MemorySegment at, Function<MemorySegment, T> read, Function<String, RuntimeException> refuse) {
        if (freed) {
            throw refuse.apply("the memory behind it was freed (freePointer)");
        }
        return read.apply(at.reinterpret(size));
    }

    /** True once freePointer (or the engine's close) released the block. */
    public synchronized boolean freed() {
        return freed;
    }

    synchronized void free() {
        if (!freed) {
            freed = true;
            memory.free();
        }
    }
}
