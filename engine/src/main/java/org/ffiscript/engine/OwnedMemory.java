package org.ffiscript.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.ffiscript.engine.memory.LibC;
import org.ffiscript.engine.type.NativeMemory;

/**
 * Memory the engine allocates for a pointer it hands to a script ({@code createPointer}, {@code wrapPointer}):
 * the pointed-to value and everything it points at in turn (strings, arrays, nested structs, callbacks),
 * malloc'd block by block and freed together.
 */
final class OwnedMemory implements NativeMemory {
    private final List<MemorySegment> blocks = new ArrayList<>();
    private Arena arena;

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        // malloc aligns to 16 bytes, enough for every C scalar; larger alignments get a margin.
        long margin = byteAlignment > 16 ? byteAlignment : 0;
        var block = LibC.malloc(Math.max(byteSize + margin, 1));
        blocks.add(block);
        long start = (block.address() + byteAlignment - 1 & -byteAlignment) - block.address();
        return block.asSlice(start, byteSize).fill((byte) 0);
    }

    @Override
    public void copyBackAfterCall(MemorySegment from, Object javaArray) {
        // No call follows: the script's array was copied in, and the pointer now owns the copy.
    }

    @Override
    public Arena arena() {
        if (arena == null) {
            arena = Arena.ofShared();
        }
        return arena;
    }

    @Override
    public boolean temporary() {
        return false;
    }

    void free() {
        blocks.forEach(LibC::free);
        blocks.clear();
        if (arena != null) {
            arena.close();
        }
    }
}
