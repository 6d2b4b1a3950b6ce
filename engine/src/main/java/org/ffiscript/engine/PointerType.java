package org.ffiscript.engine;

/** ffi-rs's {@code PointerType}: who allocated the memory that {@code freePointer} releases. */
public final class PointerType {
    /** Memory the engine allocated (createPointer, callbacks). */
    public static final int RsPointer = 0;
    /** Memory C allocated with malloc; released with libc {@code free}. */
    public static final int CPointer = 1;

    private PointerType() {}
}
