package org.ffiscript.engine.call;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.ffiscript.engine.type.WriteBack;

/**
 * Copies what C wrote into a value's native copy back into the script's own byte array or buffer, or hands it
 * to the value's {@link WriteBack} (lists, Java arrays and struct maps know how to read their elements).
 */
final class CopyBack {
    private CopyBack() {}

    static void copy(MemorySegment from, Object to) {
        switch (to) {
            case byte[] bytes -> MemorySegment.copy(from, JAVA_BYTE, 0, bytes, 0, bytes.length);
            case ByteBuffer buffer -> buffer.put(from.asByteBuffer());
            case WriteBack value -> value.writeBack(from);
            default -> throw new IllegalStateException("no copy-back into " + to.getClass());
        }
    }
}
