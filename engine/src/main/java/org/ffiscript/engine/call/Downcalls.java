package org.ffiscript.engine.call;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;

/**
 * Builds the method handle a plan calls: the linked downcall (shared by every function of one C signature)
 * bound to a symbol, with each parameter type's conversion fused in front of it. The result has the shape
 * {@code (NativeMemory temporaries, MemorySegment callState, Object value0, ...) -> Object raw result},
 * so a call runs as one handle tree that the JIT compiles as a unit: no argument array, no per-call lookup.
 */
final class Downcalls {
    /**
     * The most parameters {@link #converting} fuses: while it builds the tree a handle takes two arguments per
     * parameter, and the JVM allows a method handle 255 argument slots, one of them the handle itself.
     */
    static final int MAX_FUSED_ARITY = 126;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final MethodHandle TO_NATIVE;

    static {
        try {
            TO_NATIVE = MethodHandles.lookup().findVirtual(NativeType.class, "toNative",
                    MethodType.methodType(Object.class, Object.class, NativeMemory.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Signature(FunctionDescriptor descriptor, boolean captureErrno, int variadicFrom) {
        Linker.Option[] options() {
            var options = new ArrayList<Linker.Option>(2);
            if (captureErrno) {
                options.add(CAPTURE_ERRNO);
            }
            if (variadicFrom >= 0) {
                options.add(Linker.Option.firstVariadicArg(variadicFrom));
            }
            return options.toArray(Linker.Option[]::new);
        }
    }

    private static final ConcurrentHashMap<Signature, MethodHandle> LINKED = new ConcurrentHashMap<>();

    private Downcalls() {
    }

    /**
     * The downcall bound to {@code symbol} as {@code (NativeMemory temporaries, MemorySegment callState,
     * carrier0, ...) -> Object}: the temporaries receive a struct returned by value, the call state receives
     * errno; each is ignored where the signature has no use for it. For a variadic function,
     * {@code variadicFrom} is the index of the first variadic argument; otherwise -1.
     */
    static MethodHandle bound(MemorySegment symbol, FunctionDescriptor descriptor, boolean captureErrno, int variadicFrom) {
        var call = MethodHandles.insertArguments(linked(new Signature(descriptor, captureErrno, variadicFrom)), 0, symbol);
        boolean returnsStruct = descriptor.returnLayout().filter(GroupLayout.class::isInstance).isPresent();
        if (!returnsStruct) {
            call = MethodHandles.dropArguments(call, 0, SegmentAllocator.class);
        }
        if (!captureErrno) {
            call = MethodHandles.dropArguments(call, 1, MemorySegment.class);
        }
        return call.asType(call.type().changeParameterType(0, NativeMemory.class).changeReturnType(Object.class));
    }

    /** {@code bound} taking already converted carriers as one array: {@code (NativeMemory, MemorySegment, Object[]) -> Object}. */
    static MethodHandle withCarrierArray(MethodHandle bound) {
        int carriers = bound.type().parameterCount() - 2;
        var generic = bound.type().generic().changeParameterType(0, NativeMemory.class).changeParameterType(1, MemorySegment.class);
        return bound.asType(generic).asSpreader(Object[].class, carriers);
    }

    /** {@code bound} with each parameter's conversion fused in front; see the class comment for its shape. */
    static MethodHandle converting(MethodHandle bound, NativeType[] params) {
        assert params.length <= MAX_FUSED_ARITY;
        var call = bound;
        // Replace each carrier parameter, last first, by (temporaries, value) run through its conversion.
        for (int i = params.length - 1; i >= 0; i--) {
            var carrier = call.type().parameterType(2 + i);
            var convert = MethodHandles.permuteArguments(
                    TO_NATIVE.bindTo(params[i]),
                    MethodType.methodType(Object.class, NativeMemory.class, Object.class), 1, 0);
            call = MethodHandles.collectArguments(call, 2 + i, convert.asType(convert.type().changeReturnType(carrier)));
        }
        // Now (temporaries, callState, temporaries, value0, temporaries, value1, ...): share one temporaries.
        var shape = MethodType.methodType(Object.class, NativeMemory.class, MemorySegment.class);
        var order = new int[2 + 2 * params.length];
        order[0] = 0;
        order[1] = 1;
        for (int i = 0; i < params.length; i++) {
            shape = shape.appendParameterTypes(Object.class);
            order[2 + 2 * i] = 0;
            order[3 + 2 * i] = 2 + i;
        }
        return MethodHandles.permuteArguments(call, shape, order);
    }

    private static MethodHandle linked(Signature signature) {
        return LINKED.computeIfAbsent(signature, s -> LINKER.downcallHandle(s.descriptor(), s.options()));
    }
}
