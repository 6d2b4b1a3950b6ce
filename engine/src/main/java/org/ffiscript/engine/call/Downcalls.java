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
import org.ffiscript.engine.CallShape;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * Builds the method handles a plan calls: the downcall bound to a symbol, and that downcall with each parameter
 * type's conversion fused in front of it, so that a call runs as one handle tree the JIT compiles as a unit: no
 * argument array, no per-call lookup. The fused tree is made here only; {@link DirectCall} wraps the same tree.
 * Linked handles are not cached here: the JDK's linker already shares one per signature and options.
 */
final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final MethodHandle TO_NATIVE;
    private static final MethodHandle MISMATCH;

    static {
        try {
            var lookup = MethodHandles.lookup();
            TO_NATIVE = lookup.findVirtual(
                    NativeType.class,
                    "toNative",
                    MethodType.methodType(Object.class, Object.class, NativeMemory.class));
            MISMATCH = lookup.findStatic(
                    Downcalls.class,
                    "mismatch",
                    MethodType.methodType(
                            Object.class, String.class, ValueMismatch.class, Object.class, NativeMemory.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Downcalls() {}

    /**
     * The downcall bound to {@code symbol} as {@code (NativeMemory temporaries, MemorySegment callState,
     * carrier0, ...) -> Object}: the temporaries receive a struct returned by value, the call state receives
     * errno; each is ignored where the signature has no use for it. For a variadic function,
     * {@code variadicFrom} is the index of the first variadic argument; otherwise -1.
     */
    static MethodHandle bound(
            MemorySegment symbol, FunctionDescriptor descriptor, boolean captureErrno, int variadicFrom) {
        var options = new ArrayList<Linker.Option>(2);
        if (captureErrno) {
            options.add(CAPTURE_ERRNO);
        }
        if (variadicFrom >= 0) {
            options.add(Linker.Option.firstVariadicArg(variadicFrom));
        }
        var call = MethodHandles.insertArguments(
                LINKER.downcallHandle(descriptor, options.toArray(Linker.Option[]::new)), 0, symbol);
        boolean returnsStruct =
                descriptor.returnLayout().filter(GroupLayout.class::isInstance).isPresent();
        if (!returnsStruct) {
            call = MethodHandles.dropArguments(call, 0, SegmentAllocator.class);
        }
        if (!captureErrno) {
            call = MethodHandles.dropArguments(call, 1, MemorySegment.class);
        }
        return call.asType(
                call.type().changeParameterType(0, NativeMemory.class).changeReturnType(Object.class));
    }

    /** {@code bound} taking already converted carriers as one array: {@code (NativeMemory, MemorySegment, Object[]) -> Object}. */
    static MethodHandle withCarrierArray(MethodHandle bound) {
        int carriers = bound.type().parameterCount() - 2;
        var generic = bound.type()
                .generic()
                .changeParameterType(0, NativeMemory.class)
                .changeParameterType(1, MemorySegment.class);
        return bound.asType(generic).asSpreader(Object[].class, carriers);
    }

    /**
     * {@code bound} with each parameter's conversion fused in front:
     * {@code (NativeMemory temporaries, MemorySegment callState, Object value0, ...) -> Object raw result}. A value
     * that does not fit its type fails the call with an {@link org.ffiscript.engine.FfiException} naming
     * {@code positions[i]} ({@code "lib.fn: paramsValue[2]"}) and the path inside the value.
     */
    static MethodHandle converting(MethodHandle bound, NativeType[] params, String[] positions) {
        assert params.length <= CallShape.MAX_FUSED_ARITY;
        var call = bound;
        // Replace each carrier parameter, last first, by (temporaries, value) run through its conversion.
        for (int i = params.length - 1; i >= 0; i--) {
            var carrier = call.type().parameterType(2 + i);
            var convert = MethodHandles.catchException(
                    TO_NATIVE.bindTo(params[i]),
                    ValueMismatch.class,
                    MethodHandles.insertArguments(MISMATCH, 0, positions[i]));
            convert = MethodHandles.permuteArguments(
                    convert, MethodType.methodType(Object.class, NativeMemory.class, Object.class), 1, 0);
            call = MethodHandles.collectArguments(
                    call, 2 + i, convert.asType(convert.type().changeReturnType(carrier)));
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

    /** What a fused conversion does when its value does not fit: fails the call, saying where. */
    private static Object mismatch(String position, ValueMismatch mismatch, Object value, NativeMemory temporaries) {
        throw mismatch.at(position);
    }
}
