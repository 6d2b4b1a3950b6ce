package org.ffiscript.engine.library;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.FfiException;

/**
 * One opened library under its script-given key. Symbols are handed out as plain addresses, so calls pay
 * nothing for lifetime checks; instead the library is unloaded (dlclose) only once this object is unreachable,
 * that is once no plan, defined function or running call refers to it any more. Closing a key therefore
 * refuses new calls at once, lets calls already running finish, and can never unload code that is executing.
 */
public final class NativeLibrary {
    private static final MemorySegment MAIN_PROGRAM = openMainProgram();
    private static final Cleaner UNLOADER =
            Cleaner.create(Thread.ofPlatform().daemon().name("ffi-unload").factory());

    private final String name;
    private final String path;
    private final MemorySegment handle;
    private final AccessPolicy policy;
    private volatile boolean open = true;
    private volatile boolean closed;

    private NativeLibrary(String name, String path, MemorySegment handle, AccessPolicy policy) {
        this.name = name;
        this.path = path;
        this.handle = handle;
        this.policy = policy;
    }

    /** Loads the library at {@code path} under the key {@code name}; an empty path means the running program. */
    static NativeLibrary load(String name, String path, AccessPolicy policy) {
        if (path.isEmpty()) {
            return new NativeLibrary(name, path, MAIN_PROGRAM, policy);
        }
        try {
            var handle = DynamicLinker.open(path);
            var library = new NativeLibrary(name, path, handle, policy);
            UNLOADER.register(library, () -> DynamicLinker.close(handle));
            return library;
        } catch (DynamicLinker.LoaderError e) {
            throw new FfiException("open: cannot load library '" + name + "' from \"" + path + "\": " + e.getMessage());
        }
    }

    /** The key the script opened the library under. */
    public String name() {
        return name;
    }

    /** False once the library was closed or replaced by a reopen of its key: plans made for it are made anew. */
    public boolean isOpen() {
        return open;
    }

    /**
     * True until the key is closed. A library replaced by a reopen of its key still takes the calls that hold
     * it already, in flight or about to start, so that replacing a key never fails a call.
     */
    public boolean acceptsCalls() {
        return !closed;
    }

    /**
     * The address of a function. It stays valid while this object is reachable: callers keep it so (with
     * {@link java.lang.ref.Reference#reachabilityFence}) for as long as they may call the address.
     *
     * @param where {@code library.function}, for the message when the symbol is missing
     */
    public MemorySegment symbol(String symbol, String where) {
        policy.checkSymbol(path, symbol, where);
        try {
            return handle == MAIN_PROGRAM ? findInMainProgram(symbol) : DynamicLinker.find(handle, symbol);
        } catch (DynamicLinker.LoaderError e) {
            var in = name.isEmpty() ? "the running program" : "library '" + name + "' (" + describePath() + ")";
            throw new FfiException(where + ": function '" + symbol + "' not found in " + in + ": " + e.getMessage());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The error for a call through this library after it was closed. */
    public FfiException closed(String where) {
        return new FfiException(where + ": library '" + name + "' was closed; open it again before calling into it");
    }

    /** Refuses further calls; the code is unloaded once nothing refers to this library any more. */
    void close() {
        closed = true;
        open = false;
    }

    /** Sends new calls to the library that replaces this one, letting those that hold this one finish here. */
    void replace() {
        open = false;
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
