package org.ffiscript.engine.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentHashMap;

/** The few C library functions the engine itself needs: malloc, free and strerror. */
public final class LibC {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = handle("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = handle("free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final ConcurrentHashMap<Integer, String> ERROR_TEXTS = new ConcurrentHashMap<>();

    private LibC() {}

    /** Allocates {@code size} bytes with malloc; the segment has that size and no lifetime of its own. */
    public static MemorySegment malloc(long size) {
        try {
            var memory = (MemorySegment) MALLOC.invokeExact(size);
            if (memory.address() == 0) {
                throw new OutOfMemoryError("malloc(" + size + ") failed");
            }
            return memory.reinterpret(size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Releases memory obtained from malloc; NULL is ignored, as in C. */
    public static void free(MemorySegment memory) {
        try {
            FREE.invokeExact(memory);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The message {@code strerror} gives for an errno value. */
    public static String strerror(int errno) {
        // strerror may return a buffer shared by all threads for unknown codes, so read it once, under a lock.
        return ERROR_TEXTS.computeIfAbsent(errno, code -> {
            try {
                var text = (MemorySegment) STRERROR.invokeExact((int) code);
                return text.reinterpret(Long.MAX_VALUE).getString(0);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        });
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        var symbol =
                LINKER.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
