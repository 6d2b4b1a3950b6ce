package org.ffiscript.engine;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;

/**
 * The pointers this engine has allocated and not yet freed. Freeing goes through here, so a double free, or
 * freeing memory the engine does not own as if it did, is refused with an error instead of corrupting the heap.
 */
final class PointerRegistry {
    private final ConcurrentHashMap<Long, Allocation> live = new ConcurrentHashMap<>();

    /**
     * Allocates {@code size} bytes (aligned to {@code alignment}, zeroed) and lets {@code fill} write into them,
     * taking further memory for pointed-to data from the same owner. Returns the pointer to the first block,
     * which remembers that it holds a value of type {@code written}.
     */
    public Pointer allocate(long size, long alignment, NativeType written, Filler fill) {
        var memory = new OwnedMemory();
        try {
            var target = memory.allocate(Math.max(size, 1), alignment).asSlice(0, size);
            fill.accept(target, memory);
            var allocation = new Allocation(written, size, memory);
            live.put(target.address(), allocation);
            return Pointer.allocated(target, allocation);
        } catch (RuntimeException | Error e) {
            memory.free();
            throw e;
        }
    }

    /**
     * What this engine knows of the memory at {@code pointer}: the allocation the pointer came with (freed or
     * not, even by another engine), or the live allocation at its address when it came another way (from C, or
     * by wrapping an address); null for memory the engine did not allocate.
     */
    public Allocation allocationOf(Pointer pointer) {
        var carried = pointer.allocation();
        return carried != null ? carried : live.get(pointer.address());
    }

    /** Writes a value into freshly allocated memory. */
    @FunctionalInterface
    public interface Filler {
        void accept(MemorySegment target, NativeMemory memory);
    }

    /**
     * True when {@code pointer} is memory an engine allocated: one this engine has not freed, or any pointer an
     * engine handed out, freed or not. Such memory must never go to libc's {@code free}.
     */
    public boolean owns(Pointer pointer) {
        return pointer.allocation() != null || live.containsKey(pointer.address());
    }

    /**
     * Frees a pointer this engine allocated, with all it owns.
     *
     * @param refuse receives the reason when the pointer is not one the engine owns (or was already freed)
     */
    public void free(Pointer pointer, Consumer<String> refuse) {
        var carried = pointer.allocation();
        Allocation allocation;
        if (carried == null) {
            allocation = live.remove(pointer.address());
        } else {
            // A stale pointer must not free whatever malloc has put at its address since.
            allocation = live.remove(pointer.address(), carried) ? carried : null;
        }
        if (allocation == null) {
            refuse.accept(pointer + " is not memory this engine allocated, or it was freed already");
            return;
        }
        allocation.free();
    }

    /** Frees everything still allocated; for the engine's close. */
    public void freeAll() {
        live.keySet().forEach(address -> {
            var allocation = live.remove(address);
            if (allocation != null) {
                allocation.free();
            }
        });
    }
}
