package org.ffiscript.engine.call;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.ffiscript.engine.type.NativeMemory;

/** The temporaries of a call that runs on another thread: a shared arena, closed when the call is done. */
final class ArenaMemory implements NativeMemory, AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final List<Object> copyBacks = new ArrayList<>();

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        return arena.allocate(byteSize, byteAlignment);
    }

    @Override
    public void copyBackAfterCall(MemorySegment from, Object javaArray) {
        copyBacks.add(from);
        copyBacks.add(javaArray);
    }

    @Override
    public Arena arena() {
        return arena;
    }

    @Override
    public boolean temporary() {
        return true;
    }

    /** Copies C's writes back into the Java arrays of the call's buffers. */
    void copyBack() {
        for (int i = 0; i < copyBacks.size(); i += 2) {
            CopyBack.copy((MemorySegment) copyBacks.get(i), copyBacks.get(i + 1));
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
