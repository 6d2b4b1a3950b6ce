package org.ffiscript.engine.library;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * dlopen, dlsym and dlclose, called directly so that failures carry the loader's own message (dlerror), which
 * {@code SymbolLookup.libraryLookup} does not report.
 */
final class DynamicLinker {
    private static final int RTLD_LAZY = 0x1;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle DLOPEN = handle("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle DLSYM = handle("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle DLCLOSE = handle("dlclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle DLERROR = handle("dlerror", FunctionDescriptor.of(ADDRESS));

    private DynamicLinker() {}

    /** Thrown with dlerror's message when the loader refuses. */
    static final class LoaderError extends Exception {
        private static final long serialVersionUID = 1L;

        LoaderError(String message) {
            super(message, null, false, false);
        }
    }

    /** Opens a shared library; a null path opens the running program itself. */
    static MemorySegment open(String path) throws LoaderError {
        try (var arena = Arena.ofConfined()) {
            var cPath = path == null ? MemorySegment.NULL : arena.allocateFrom(path);
            var handle = (MemorySegment) DLOPEN.invokeExact(cPath, RTLD_LAZY);
            if (handle.address() == 0) {
                throw new LoaderError(lastError());
            }
            return handle;
        } catch (LoaderError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The address of {@code symbol} in the library behind {@code handle}. */
    static MemorySegment find(MemorySegment handle, String symbol) throws LoaderError {
        try (var arena = Arena.ofConfined()) {
            var address = (MemorySegment) DLSYM.invokeExact(handle, arena.allocateFrom(symbol));
            if (address.address() == 0) {
                throw new LoaderError(lastError());
            }
            return address;
        } catch (LoaderError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(MemorySegment handle) {
        try {
            int ignored = (int) DLCLOSE.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String lastError() throws Throwable {
        var message = (MemorySegment) DLERROR.invokeExact();
        return message.address() == 0
                ? "unknown loader error"
                : message.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        var symbol = LINKER.defaultLookup()
                .find(name)
                .orElseThrow(() -> new IllegalStateException("no " + name + " in libc"));
        return LINKER.downcallHandle(symbol, descriptor);
    }
}
