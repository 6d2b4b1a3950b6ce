package org.ffiscript.engine.memory;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.type.NativeMemory;

/**
 * The pointers this engine has allocated and not yet freed. Freeing goes through here, so a double free, or
 * freeing memory the engine does not own as if it did, is refused with an error instead of corrupting the heap.
 */
public final class PointerRegistry {
    private final ConcurrentHashMap<Long, OwnedMemory> live = new ConcurrentHashMap<>();

    /**
     * Allocates {@code size} bytes (aligned to {@code alignment}, zeroed) and lets {@code fill} write into them,
     * taking further memory for pointed-to data from the same owner. Returns the pointer to the first block.
     */
    public Pointer allocate(long size, long alignment, Filler fill) {
        var memory = new OwnedMemory();
        try {
            var target = memory.allocate(Math.max(size, 1), alignment).asSlice(0, size);
            fill.accept(target, memory);
            live.put(target.address(), memory);
            return Pointer.of(target);
        } catch (RuntimeException | Error e) {
            memory.free();
            throw e;
        }
    }

    /** Writes a value into freshly allocated memory. */
    @FunctionalInterface
    public interface Filler {
        void accept(MemorySegment target, NativeMemory memory);
    }

    /** True when {@code pointer} is one this engine allocated and has not freed. */
    public boolean owns(Pointer pointer) {
        return live.containsKey(pointer.address());
    }

    /**
     * Frees a pointer this engine allocated, with all it owns.
     *
     * @param refuse receives the reason when the pointer is not one the engine owns (or was already freed)
     */
    public void free(Pointer pointer, Consumer<String> refuse) {
        var memory = live.remove(pointer.address());
        if (memory == null) {
            refuse.accept(pointer + " is not memory this engine allocated, or it was freed already");
            return;
        }
        memory.free();
    }

    /** Frees everything still allocated; for the engine's close. */
    public void freeAll() {
        live.keySet().forEach(address -> {
            var memory = live.remove(address);
            if (memory != null) {
                memory.free();
            }
        });
    }
}
