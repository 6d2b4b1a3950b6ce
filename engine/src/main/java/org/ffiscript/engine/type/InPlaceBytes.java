package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Byte arrays and buffers handed to a pointer parameter: C reads and writes them in place. A direct buffer is
 * passed as its own memory; a byte array or heap buffer is copied to native memory and C's writes are copied
 * back after the call, so that a Java caller and a script both see what C wrote.
 */
final class InPlaceBytes {
    private InPlaceBytes() {
    }

    /** The native memory C sees for {@code value}, or null when it is no byte array or buffer. */
    static MemorySegment toNative(Object value, NativeMemory memory) {
        return switch (value) {
            case ByteBuffer buffer when buffer.isDirect() -> MemorySegment.ofBuffer(buffer);
            case byte[] bytes -> {
                var copy = memory.allocate(Math.max(bytes.length, 1));
                MemorySegment.copy(bytes, 0, copy, JAVA_BYTE, 0, bytes.length);
                memory.copyBackAfterCall(copy, bytes);
                yield copy;
            }
            case ByteBuffer buffer -> {
                var bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                var copy = memory.allocate(Math.max(bytes.length, 1));
                MemorySegment.copy(bytes, 0, copy, JAVA_BYTE, 0, bytes.length);
                if (!buffer.isReadOnly()) {
                    memory.copyBackAfterCall(copy, buffer.duplicate());
                }
                yield copy;
            }
            case null, default -> null;
        };
    }
}
