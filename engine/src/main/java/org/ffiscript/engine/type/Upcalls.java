package org.ffiscript.engine.type;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.ffiscript.engine.ScriptFunction;

/** Makes C function pointers that call script functions; one per engine, given to the types that need it. */
public interface Upcalls {

    /**
     * A C function pointer calling {@code function} as {@code type} describes. With an arena, the pointer lives
     * as long as the arena; without, as long as the engine, and the same function and type give the same pointer.
     */
    MemorySegment stub(ScriptFunction function, FunctionType type, Arena arena);
}
