package org.ffiscript.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ffiscript.engine.call.CallSpec;
import org.ffiscript.engine.call.PlanCache;
import org.ffiscript.engine.library.LibraryRegistry;
import org.ffiscript.engine.type.ValueText;

/**
 * The ffi-rs API for plain Java values: open and close libraries by key, call C functions described by maps
 * ({@code load}), or compile them once into callable functions ({@code define}). Each instance has its own
 * libraries; it is safe to use from many threads.
 */
public final class Ffi implements AutoCloseable {
    private final LibraryRegistry libraries = new LibraryRegistry();
    private final PlanCache plans = new PlanCache(libraries);
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("ffi-call-", 1).factory());

    /** Opens the shared library at {@code path} under the key {@code library}; {@code ""} opens the running program. */
    public void open(String library, String path) {
        if (library == null || library.isEmpty()) {
            throw new FfiException("open: library: expected a non-empty key, got " + ValueText.of(library));
        }
        if (path == null) {
            throw new FfiException("open: path: expected a file path or \"\" for the running program, got null");
        }
        libraries.open(library, path);
    }

    /** Opens a library described as {@code {library, path}}, as ffi-rs's {@code open} takes it. */
    public void open(Map<?, ?> spec) {
        var library = spec.get("library");
        var path = spec.get("path");
        if (!(library instanceof CharSequence) || (path != null && !(path instanceof CharSequence))) {
            throw new FfiException("open: expected {library: 'key', path: 'file'}, got library " + ValueText.of(library)
                    + " and path " + ValueText.of(path));
        }
        open(library.toString(), path == null ? null : path.toString());
    }

    /** Closes the library under {@code library}; later calls through the key fail until it is opened again. */
    public void close(String library) {
        libraries.close(library);
        plans.dropClosed();
    }

    /**
     * Calls a C function described by {@code library, funcName, retType, paramsType, paramsValue} and the options
     * {@code errno, runInNewThread, freeResultMemory}. Returns the converted result (null for Void), an
     * {@link ErrnoResult} with {@code errno: true}, and a CompletableFuture of either with {@code runInNewThread}.
     */
    public Object load(Map<?, ?> spec) {
        var call = CallSpec.ofLoad(spec);
        var plan = plans.plan(call);
        return call.runInNewThread() ? plan.invokeAsync(call.paramsValue(), workers) : plan.invoke(call.paramsValue());
    }

    /**
     * Compiles each entry of {@code definitions} (C symbol to {@code {library, retType, paramsType, ...}}) into a
     * {@link NativeFunction}, in the map's order.
     */
    public Map<String, NativeFunction> define(Map<?, ?> definitions) {
        var functions = new LinkedHashMap<String, NativeFunction>();
        definitions.forEach((symbol, definition) ->
                functions.put(String.valueOf(symbol), new NativeFunction(CallSpec.ofDefinition(symbol, definition), libraries, this)));
        return Collections.unmodifiableMap(functions);
    }

    /** Closes every library and stops the threads of {@code runInNewThread}. */
    @Override
    public void close() {
        workers.shutdown();
        libraries.closeAll();
        plans.dropClosed();
    }

    ExecutorService workers() {
        return workers;
    }
}
