package org.ffiscript.engine.call;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ffiscript.engine.ScriptFunction;
import org.ffiscript.engine.type.FunctionType;
import org.ffiscript.engine.type.Upcalls;

/**
 * One engine's callbacks: the C function pointers made for script functions, and where their failures go.
 * Pointers made for direct arguments live as long as the engine and are reused for the same function and type,
 * so calling {@code qsort} a thousand times with one comparator makes one pointer.
 */
public final class Callbacks implements Upcalls, AutoCloseable {
    private record Key(ScriptFunction function, FunctionType type) {}

    private final Arena engineLifetime = Arena.ofShared();
    private final ConcurrentHashMap<Key, MemorySegment> stubs = new ConcurrentHashMap<>();
    private final CallbackFailures failures = new CallbackFailures();

    @Override
    public MemorySegment stub(ScriptFunction function, FunctionType type, Arena arena) {
        if (arena != null) {
            return CallbackStub.create(function, type, failures, arena);
        }
        return stubs.computeIfAbsent(
                new Key(function, type), key -> CallbackStub.create(function, type, failures, engineLifetime));
    }

    /** Receives exceptions of callbacks that C called outside any call of this engine (from its own threads). */
    public void onError(Consumer<Throwable> handler) {
        failures.handler(handler);
    }

    /** Frees every callback pointer made for direct arguments; C must not call them afterwards. */
    @Override
    public void close() {
        stubs.clear();
        engineLifetime.close();
    }
}
