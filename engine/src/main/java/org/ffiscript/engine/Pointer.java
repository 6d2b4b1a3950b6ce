package org.ffiscript.engine;

import java.lang.foreign.MemorySegment;

/**
 * A native address as scripts see it: the value of {@code DataType.External}. Opaque to scripts, it prints as
 * its hex address and compares by address.
 */
public final class Pointer {
    /** The C {@code NULL} pointer. */
    public static final Pointer NULL = new Pointer(MemorySegment.NULL, null);

    private final MemorySegment segment;
    private final Allocation allocation;

    private Pointer(MemorySegment segment, Allocation allocation) {
        this.segment = segment;
        this.allocation = allocation;
    }

    /** Wraps the address of a native segment; its size and lifetime are not carried over. */
    public static Pointer of(MemorySegment segment) {
        return segment.address() == 0 ? NULL : new Pointer(MemorySegment.ofAddress(segment.address()), null);
    }

    /** Wraps a raw address. */
    public static Pointer ofAddress(long address) {
        return address == 0 ? NULL : new Pointer(MemorySegment.ofAddress(address), null);
    }

    /** A pointer to memory an engine allocated, carrying what the engine knows of it. */
    static Pointer allocated(MemorySegment segment, Allocation allocation) {
        return new Pointer(MemorySegment.ofAddress(segment.address()), allocation);
    }

    /** What the engine that allocated the memory behind this pointer knows of it; null for any other pointer. */
    Allocation allocation() {
        return allocation;
    }

    /** The numeric address. */
    public long address() {
        return segment.address();
    }

    /** The address as a zero-length segment, ready to pass to a downcall or to {@code reinterpret}. */
    public MemorySegment segment() {
        return segment;
    }

    /** True for the C {@code NULL} pointer. */
    public boolean isNull() {
        return segment.address() == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pointer p && p.address() == address();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address());
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(address());
    }
}
