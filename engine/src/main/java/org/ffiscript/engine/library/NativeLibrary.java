package org.ffiscript.engine.library;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.ffiscript.engine.FfiException;

/**
 * One opened library under its script-given key. Symbols found in it belong to a shared arena whose closing
 * unloads the library; the linker holds that arena open during every call into the library, so closing it
 * while a call runs on another thread waits for that call instead of pulling the code from under it.
 */
public final class NativeLibrary {
    private static final MemorySegment MAIN_PROGRAM = openMainProgram();

    private final String name;
    private final String path;
    private final Arena arena;
    private final MemorySegment handle;
    private volatile boolean open = true;

    private NativeLibrary(String name, String path, Arena arena, MemorySegment handle) {
        this.name = name;
        this.path = path;
        this.arena = arena;
        this.handle = handle;
    }

    /** Loads the library at {@code path} under the key {@code name}; an empty path means the running program. */
    static NativeLibrary load(String name, String path) {
        if (path.isEmpty()) {
            return new NativeLibrary(name, path, null, MAIN_PROGRAM);
        }
        try {
            var loaded = DynamicLinker.open(path);
            var arena = Arena.ofShared();
            var handle = loaded.reinterpret(arena, DynamicLinker::close);
            return new NativeLibrary(name, path, arena, handle);
        } catch (DynamicLinker.LoaderError e) {
            throw new FfiException("open: cannot load library '" + name + "' from \"" + path + "\": " + e.getMessage());
        }
    }

    /** The key the script opened the library under. */
    public String name() {
        return name;
    }

    /** False once the library was closed or replaced by a reopen of its key. */
    public boolean isOpen() {
        return open;
    }

    /**
     * The address of a function, valid for as long as the library stays open.
     *
     * @param where {@code library.function}, for the message when the symbol is missing
     */
    public MemorySegment symbol(String symbol, String where) {
        try {
            if (handle == MAIN_PROGRAM) {
                return findInMainProgram(symbol);
            }
            return DynamicLinker.find(handle, symbol).reinterpret(arena, null);
        } catch (DynamicLinker.LoaderError e) {
            throw new FfiException(where + ": function '" + symbol + "' not found in library '" + name + "' ("
                    + describePath() + "): " + e.getMessage());
        } catch (IllegalStateException closedMeanwhile) {
            throw closed(where);
        }
    }

    /** The error for a call through this library after it was closed. */
    public FfiException closed(String where) {
        return new FfiException(where + ": library '" + name + "' was closed; open it again before calling into it");
    }

    /** Marks the library closed and unloads it as soon as no call is running inside it. */
    synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        if (arena != null) {
            unloadWhenIdle();
        }
    }

    private void unloadWhenIdle() {
        try {
            arena.close();
        } catch (IllegalStateException callInProgress) {
            Thread.ofVirtual().name("ffi-unload-" + name).start(() -> {
                while (true) {
                    try {
                        Thread.sleep(Duration.ofMillis(10));
                        arena.close();
                        return;
                    } catch (IllegalStateException stillInUse) {
                        // retry until the last call into the library has returned
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
        }
    }

    private static MemorySegment findInMainProgram(String symbol) throws DynamicLinker.LoaderError {
        try {
            return DynamicLinker.find(MAIN_PROGRAM, symbol);
        } catch (DynamicLinker.LoaderError notGlobal) {
            // The JVM loads libm and others without RTLD_GLOBAL; the linker's default lookup still sees them.
            return Linker.nativeLinker().defaultLookup().find(symbol).orElseThrow(() -> notGlobal);
        }
    }

    private String describePath() {
        return path.isEmpty() ? "the main program" : "\"" + path + "\"";
    }

    private static MemorySegment openMainProgram() {
        try {
            return DynamicLinker.open(null);
        } catch (DynamicLinker.LoaderError e) {
            throw new IllegalStateException("dlopen(NULL) failed: " + e.getMessage());
        }
    }
}
