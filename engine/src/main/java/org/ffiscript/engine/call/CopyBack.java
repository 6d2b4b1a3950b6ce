package org.ffiscript.engine.call;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** Copies what C wrote into a buffer's native copy back into the script's own byte array or buffer. */
final class CopyBack {
    private CopyBack() {
    }

    static void copy(MemorySegment from, Object to) {
        switch (to) {
            case byte[] bytes -> MemorySegment.copy(from, JAVA_BYTE, 0, bytes, 0, bytes.length);
            case ByteBuffer buffer -> buffer.put(from.asByteBuffer());
            default -> throw new IllegalStateException("no copy-back into " + to.getClass());
        }
    }
}
