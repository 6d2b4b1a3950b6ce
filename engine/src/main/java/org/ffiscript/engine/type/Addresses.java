package org.ffiscript.engine.type;

import java.lang.foreign.MemorySegment;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.Pointer;

/** The values that stand for a native address and pass to C as it is, without a copy: one place decides which. */
final class Addresses {
    private Addresses() {}

    /** The address {@code value} stands for: a Pointer, a native MemorySegment, a NativeBuffer; null for any other value. */
    static MemorySegment of(Object value) {
        return switch (value) {
            case Pointer p -> p.segment();
            case MemorySegment m when m.isNative() -> m;
            case NativeBuffer buffer -> open(buffer);
            case null, default -> null;
        };
    }

    private static MemorySegment open(NativeBuffer buffer) {
        if (!buffer.isOpen()) {
            throw new ValueMismatch("expected an open NativeBuffer, got one that was closed (its memory is freed)");
        }
        return buffer.segment();
    }
}
