package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.ScriptFunction;

/**
 * A C function pointer described by {@code funcConstructor}: a script function becomes a pointer C can call.
 * Passed directly as an argument, the pointer lives as long as the engine (one per function and type), or only
 * until the call returns with {@code needFree}; made with {@code createPointer}, until that pointer is freed.
 * An existing pointer (from C, or from createPointer and unwrapPointer) passes through unchanged. {@code null} is
 * refused: C calls the pointer it gets, and a script passes null (or undefined) by mistake far more often than it
 * means a NULL function pointer, which it can still give as a NULL pointer object.
 *
 * @param params                the callback's parameter types
 * @param result                its return type
 * @param needFree              free the pointer when the call it was passed to returns
 * @param freeCFuncParamsMemory free what C passed to the callback (strings, arrays) once the callback has run
 * @param upcalls               the engine that makes the pointers; null where a description is only checked
 */
public record FunctionType(
        List<NativeType> params, NativeType result, boolean needFree, boolean freeCFuncParamsMemory, Upcalls upcalls)
        implements NativeType {

    /** The C signature of the callback. */
    public FunctionDescriptor descriptor() {
        return descriptorOf(params, result);
    }

    /** The C signature of a function taking {@code params} and returning {@code result}, as a call carries them. */
    public static FunctionDescriptor descriptorOf(List<NativeType> params, NativeType result) {
        var layouts = params.stream().map(NativeType::carrier).toArray(MemoryLayout[]::new);
        return result.carrier() == null
                ? FunctionDescriptor.ofVoid(layouts)
                : FunctionDescriptor.of(result.carrier(), layouts);
    }

    /**
     * Null when a call with these parameters fits the JVM, which gives a method handle at most 255 argument slots
     * (an I64, U64, BigInt or Double takes two, every other type one), {@code reserved} of them taken by the
     * linker's own arguments; otherwise why not, naming the limit. Wider C functions are valid C, but no
     * downcall or upcall handle can have them.
     */
    public static String beyondJvmLimit(List<NativeType> params, int reserved) {
        int slots = 0;
        for (var param : params) {
            slots += param.carrier() instanceof ValueLayout value
                            && (value.carrier() == long.class || value.carrier() == double.class)
                    ? 2
                    : 1;
        }
        int available = 255 - reserved;
        return slots <= available
                ? null
                : params.size() + " parameters need " + slots + " argument slots, and the JVM's "
                        + "method handles leave this call " + available
                        + " (of 255; I64, U64, BigInt and Double take two, every other type one)";
    }

    /** Checks what the callback may take and return; null when it is fine. */
    String unsupported() {
        var tooWide = beyondJvmLimit(params, 2);
        if (tooWide != null) {
            return "paramsType: " + tooWide;
        }
        for (int i = 0; i < params.size(); i++) {
            var reason = params.get(i).unreadable();
            if (reason != null) {
                return "paramsType[" + i + "]: " + reason;
            }
        }
        if (result.carrier() instanceof GroupLayout || result instanceof ArrayType) {
            return "retType: a callback returns scalars, strings and pointers, not " + result.displayName();
        }
        return null;
    }

    @Override
    public String displayName() {
        return "Function("
                + String.join(", ", params.stream().map(NativeType::displayName).toList()) + ") -> "
                + result.displayName();
    }

    @Override
    public String expectation() {
        return "a function or a function pointer";
    }

    @Override
    public MemoryLayout layout() {
        return ADDRESS;
    }

    @Override
    public boolean allocates() {
        return true;
    }

    @Override
    public Object toNative(Object value, NativeMemory memory) {
        return switch (value) {
            case Pointer p -> p.segment();
            case ScriptFunction function -> {
                if (upcalls == null) {
                    throw new IllegalStateException("a function type parsed without an engine made a callback");
                }
                boolean withTheEngine = memory.temporary() && !needFree;
                yield upcalls.stub(function, this, withTheEngine ? null : memory.arena());
            }
            case null, default -> throw ValueMismatch.of(this, value);
        };
    }

    @Override
    public Object fromNative(Object carrier) {
        return Pointer.of((MemorySegment) carrier);
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        at.set(ADDRESS_UNALIGNED, 0, (MemorySegment) toNative(value, memory));
    }

    @Override
    public Object read(MemorySegment at) {
        return fromNative(at.get(ADDRESS_UNALIGNED, 0));
    }

    @Override
    public boolean equals(Object other) {
        return this == other; // each parse is its own type: callbacks are cached per type instance
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
