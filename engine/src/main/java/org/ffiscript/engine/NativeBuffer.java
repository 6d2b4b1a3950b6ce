package org.ffiscript.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native memory a script allocates and passes to C as it is: no copy in, no copy back, and the same address on
 * every call, so C may keep the pointer (a zlib stream's output, archive_write_open_memory's buffer, async I/O)
 * and write into it later. Wherever a pointer or a byte buffer is taken ({@code void *}, {@code char *},
 * {@code T *}, U8Array, External, struct pointers) it passes as its address. The memory is zeroed when
 * allocated and freed by {@link #close}, or once the buffer is no longer reachable; C must not use it after that.
 * A byte array, by contrast, is copied in and back around each call.
 */
public final class NativeBuffer implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Arena arena;
    private final MemorySegment segment;
    private final Cleaner.Cleanable cleanable;

    private NativeBuffer(long size) {
        // A shared arena: any thread may pass the buffer, and close waits for no call, since none holds its scope
        // beyond the call's duration.
        var memory = Arena.ofShared();
        this.arena = memory;
        this.segment = memory.allocate(Math.max(size, 1), 16).asSlice(0, size);
        this.cleanable = CLEANER.register(this, memory::close); // the action holds the arena, not the buffer
    }

    /**
     * Allocates {@code size} zeroed bytes of native memory.
     *
     * @throws FfiException for a negative size
     */
    public static NativeBuffer allocate(long size) {
        if (size < 0) {
            throw new FfiException("NativeBuffer.allocate: size: expected a whole number from 0, got " + size);
        }
        return new NativeBuffer(size);
    }

    /** How many bytes the buffer holds. */
    public long size() {
        return segment.byteSize();
    }

    /** The buffer's address as a {@link Pointer}, for the pointer tools and {@code decode}. */
    public Pointer pointer() {
        return Pointer.of(segment());
    }

    /**
     * The buffer's memory, as the Java API sees it.
     *
     * @throws FfiException once the buffer is closed
     */
    public MemorySegment segment() {
        if (!arena.scope().isAlive()) {
            throw new FfiException("NativeBuffer: the buffer was closed; its memory is freed");
        }
        return segment;
    }

    /** A ByteBuffer viewing the memory in the platform's byte order, without copying; valid until {@link #close}. */
    public ByteBuffer asByteBuffer() {
        return segment().asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /** A copy of the bytes the buffer holds now. */
    public byte[] toBytes() {
        return segment().toArray(JAVA_BYTE);
    }

    /** True until {@link #close}. */
    public boolean isOpen() {
        return arena.scope().isAlive();
    }

    /** Frees the memory; closing again does nothing. C must not use the pointer afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "NativeBuffer[" + segment.byteSize() + " bytes at 0x" + Long.toHexString(segment.address()) + "]";
    }
}
