package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Byte arrays and buffers handed to a pointer parameter: C reads and writes them in place. Native memory (a
 * direct buffer, a {@link org.ffiscript.engine.NativeBuffer}, a pointer) is passed as it is; a byte array or
 * heap buffer is copied to native memory and C's writes are copied back after the call, so that a Java caller
 * and a script both see what C wrote.
 */
final class InPlaceBytes {
    private InPlaceBytes() {}

    /** The native memory C sees for {@code value}, or null when it is no byte array, buffer or address. */
    static MemorySegment toNative(Object value, NativeMemory memory) {
        var address = Addresses.of(value);
        if (address != null) {
            return address;
        }
        return switch (value) {
            case ByteBuffer buffer when buffer.isDirect() -> MemorySegment.ofBuffer(buffer);
            case byte[] bytes -> copyInto(memory.allocate(Math.max(bytes.length, 1)), bytes, memory);
            case ByteBuffer buffer -> copyInto(memory.allocate(Math.max(buffer.remaining(), 1)), buffer, memory);
            case null, default -> null;
        };
    }

    /** Copies the bytes into {@code to} and has C's writes there copied back after the call; returns {@code to}. */
    static MemorySegment copyInto(MemorySegment to, byte[] bytes, NativeMemory memory) {
        MemorySegment.copy(bytes, 0, to, JAVA_BYTE, 0, bytes.length);
        memory.copyBackAfterCall(to, bytes);
        return to;
    }

    /** The same for a buffer's remaining bytes; a read-only buffer is not written back. */
    static MemorySegment copyInto(MemorySegment to, ByteBuffer buffer, NativeMemory memory) {
        var bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        MemorySegment.copy(bytes, 0, to, JAVA_BYTE, 0, bytes.length);
        if (!buffer.isReadOnly()) {
            memory.copyBackAfterCall(to, buffer.duplicate());
        }
        return to;
    }
}
