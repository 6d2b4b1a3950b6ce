package org.ffiscript.engine.call;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ffiscript.engine.CallShape;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.library.NativeLibrary;
import org.ffiscript.engine.memory.LibC;
import org.ffiscript.engine.type.BasicType;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.FunctionType;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.StructType;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * One C function with its signature, compiled once: the symbol, the shared downcall handle, the parameter and
 * result types and the options. Invoking it converts the values, calls, decodes and cleans up, with no parsing.
 * Immutable; any number of threads may invoke it at once.
 */
public final class CallPlan {
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private final String where;
    private final NativeLibrary library;
    private final NativeType[] params;
    private final NativeType result;
    private final int variadicFrom;
    private final CallShape shape;
    private final MethodHandle fused; // the values' conversions and the downcall in one tree; null for CARRIERS
    private final MethodHandle fusedSpread; // the same, taking the values as an array, for calls of five or more
    private final MethodHandle bound; // the downcall alone
    // The downcall taking converted carriers as an array, made on first use: most plans are only ever called on
    // their quick path, and each handle made costs a short script generated classes. A race makes it twice.
    private MethodHandle carrierInvoker;
    private final DirectCall direct; // the DIRECT invoker; null for others

    private CallPlan(
            String where,
            NativeLibrary library,
            MemorySegment symbol,
            NativeType[] params,
            NativeType result,
            boolean captureErrno,
            boolean freeResult,
            int variadicFrom) {
        this.where = where;
        this.library = library;
        this.params = params;
        this.result = result;
        this.variadicFrom = variadicFrom;
        this.shape = CallShape.of(params, result, captureErrno, freeResult, variadicFrom >= 0);
        this.bound =
                Downcalls.bound(symbol, FunctionType.descriptorOf(List.of(params), result), captureErrno, variadicFrom);
        if (shape.invoker() == CallShape.Invoker.CARRIERS) {
            this.fused = null;
            this.fusedSpread = null;
            this.direct = null;
        } else {
            var positions = new String[params.length];
            for (int i = 0; i < params.length; i++) {
                positions[i] = where + ": paramsValue[" + positionGiven(i) + "]";
            }
            this.fused = Downcalls.converting(bound, params, positions);
            this.fusedSpread = params.length > 4 ? fused.asSpreader(Object[].class, params.length) : null;
            this.direct = shape.invoker() == CallShape.Invoker.DIRECT
                    ? DirectCall.of(fused, result, library, where, shape.temporaries())
                    : null;
        }
    }

    /**
     * Initializes the classes a call goes through, where an engine is made (on a shallow stack). The JVM leaves a
     * class whose initialization failed unusable for the rest of the run, and a script's first call may come deep in
     * a recursion, where initializing them could overflow the stack: every later call would then fail.
     */
    public static void initializeCallPath() {
        for (var type : List.of(
                CallPlan.class,
                CallSpec.class,
                Downcalls.class,
                DirectCall.class,
                Scratch.class,
                CallbackStub.class,
                CallbackFailures.class,
                BasicType.class,
                TypeDescriptions.class,
                StructType.class,
                LibC.class)) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e); // the class is this module's own
            }
        }
    }

    /**
     * Compiles {@code spec}'s function in {@code library}: parses the types (C type names and callbacks through
     * {@code declarations}), finds the symbol, links the call.
     */
    public static CallPlan compile(CallSpec spec, NativeLibrary library, CDeclarations declarations) {
        var where = spec.where();
        var params = new NativeType[spec.paramsType().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = parseType(spec.paramsType().get(i), declarations, where, "paramsType[" + i + "]");
            if (!params[i].isParameterType()) {
                throw new FfiException(
                        where + ": paramsType[" + i + "]: " + params[i].displayName() + " is only valid as retType");
            }
        }
        var result = parseType(spec.retType(), declarations, where, "retType");
        if (result.unreadable() != null) {
            throw new FfiException(where + ": retType: " + result.unreadable());
        }
        // The linker's arguments: the address, then two each for errno's capture and a struct's return buffer.
        var tooWide = FunctionType.beyondJvmLimit(
                List.of(params), 3 + (spec.errno() ? 2 : 0) + (result.carrier() instanceof GroupLayout ? 2 : 0));
        if (tooWide != null) {
            throw new FfiException(where + ": paramsType: " + tooWide);
        }
        var symbol = library.symbol(spec.funcName(), where);
        return new CallPlan(
                where, library, symbol, params, result, spec.errno(), spec.freeResultMemory(), spec.variadicFrom());
    }

    /** True where the function returns void. */
    public boolean returnsVoid() {
        return result.carrier() == null;
    }

    /** The type of the function's result. */
    public NativeType resultType() {
        return result;
    }

    /** False once the library this plan calls into was closed; the plan must then be compiled again. */
    public boolean isUsable() {
        return library.isOpen();
    }

    /** What kind of call this plan makes and which invoker makes it. */
    public CallShape shape() {
        return shape;
    }

    /**
     * The {@link CallShape.Invoker#DIRECT} invoker, the quickest way to call the function on this thread; null
     * for plans of another shape. It returns {@link DirectCall#NOT_DIRECT} where {@link #invoke} must be used.
     */
    public DirectCall direct() {
        return direct;
    }

    /** Calls the function on this thread with {@code values} converted by the parameter types. */
    public Object invoke(List<?> values) {
        if (direct != null) {
            var value = switch (values.size()) {
                case 0 -> direct.call();
                case 1 -> direct.call(values.get(0));
                case 2 -> direct.call(values.get(0), values.get(1));
                case 3 -> direct.call(values.get(0), values.get(1), values.get(2));
                case 4 -> direct.call(values.get(0), values.get(1), values.get(2), values.get(3));
                default -> DirectCall.NOT_DIRECT;
            };
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        checkCallable(values);
        var scratch = Scratch.current();
        if (!shape.temporaries()) {
            int frame = scratch.enterWithoutMemory();
            try {
                var raw = call(scratch, null, values);
                rethrowCallbackFailure(scratch);
                return finish(raw, null);
            } finally {
                scratch.exit(frame);
            }
        }
        int frame = scratch.enter();
        try {
            var callState = scratch.callState();
            var raw = call(scratch, callState, values);
            rethrowCallbackFailure(scratch);
            scratch.copyBack(frame);
            return finish(raw, callState);
        } finally {
            scratch.exit(frame);
        }
    }

    /**
     * Calls the function on one of {@code workers}. Values are converted first, on this thread, so bad values
     * fail here; the future completes with the same result {@link #invoke} would return.
     */
    public CompletableFuture<Object> invokeAsync(List<?> values, Executor workers) {
        checkCallable(values);
        var memory = new ArenaMemory();
        try {
            var callState = shape.errno() ? memory.allocate(CALL_STATE) : null;
            var carriers = carriers(values, memory);
            return CompletableFuture.supplyAsync(
                            () -> {
                                // marks the worker as running a call, for callback failures
                                var scratch = Scratch.current();
                                int frame = scratch.enter();
                                try {
                                    var raw = callWithCarriers(memory, callState, carriers);
                                    rethrowCallbackFailure(scratch);
                                    memory.copyBack();
                                    return finish(raw, callState);
                                } finally {
                                    scratch.exit(frame);
                                }
                            },
                            workers)
                    .whenComplete((value, error) -> memory.close());
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    private void rethrowCallbackFailure(Scratch scratch) {
        var failure = scratch.takeCallbackFailure();
        if (failure != null) {
            throw CallbackFailures.rethrown(where, failure);
        }
    }

    private void checkCallable(List<?> values) {
        if (!library.acceptsCalls()) {
            throw library.closed(where);
        }
        if (values.size() != params.length) {
            throw new FfiException(
                    where + ": paramsValue has " + values.size() + " values but paramsType declares " + params.length);
        }
    }

    private Object call(NativeMemory temporaries, MemorySegment callState, List<?> values) {
        if (fused == null) {
            return callWithCarriers(temporaries, callState, carriers(values, temporaries));
        }
        try {
            return switch (params.length) {
                case 0 -> (Object) fused.invokeExact(temporaries, callState);
                case 1 -> (Object) fused.invokeExact(temporaries, callState, (Object) values.get(0));
                case 2 ->
                    (Object) fused.invokeExact(temporaries, callState, (Object) values.get(0), (Object) values.get(1));
                case 3 ->
                    (Object) fused.invokeExact(
                            temporaries, callState, (Object) values.get(0), (Object) values.get(1), (Object)
                                    values.get(2));
                case 4 ->
                    (Object) fused.invokeExact(
                            temporaries,
                            callState,
                            (Object) values.get(0),
                            (Object) values.get(1),
                            (Object) values.get(2),
                            (Object) values.get(3));
                default -> (Object) fusedSpread.invokeExact(temporaries, callState, values.toArray());
            };
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new FfiException(where + ": " + t, t);
        } finally {
            Reference.reachabilityFence(library); // the library stays loaded until the call has returned
        }
    }

    private Object callWithCarriers(NativeMemory temporaries, MemorySegment callState, Object[] carriers) {
        try {
            var invoker = carrierInvoker;
            if (invoker == null) {
                invoker = carrierInvoker = Downcalls.withCarrierArray(bound);
            }
            return (Object) invoker.invokeExact(temporaries, callState, carriers);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new FfiException(where + ": " + t, t);
        } finally {
            Reference.reachabilityFence(library);
        }
    }

    /** Each value converted to its carrier, one after the other, each failure naming its position. */
    private Object[] carriers(List<?> values, NativeMemory temporaries) {
        var carriers = new Object[params.length];
        for (int i = 0; i < carriers.length; i++) {
            carriers[i] = convert(i, values.get(i), temporaries);
        }
        return carriers;
    }

    private Object convert(int index, Object value, NativeMemory temporaries) {
        try {
            return params[index].toNative(value, temporaries);
        } catch (ValueMismatch e) {
            throw e.at(where + ": paramsValue[" + positionGiven(index) + "]");
        }
    }

    /** Where value {@code index} was in the script's list: after a variadic function's fixed values, each value follows its type. */
    private int positionGiven(int index) {
        return variadicFrom < 0 || index < variadicFrom ? index : variadicFrom + 2 * (index - variadicFrom) + 1;
    }

    private Object finish(Object raw, MemorySegment callState) {
        var value = result.fromNative(raw);
        if (shape.freesResult()) {
            result.free(raw);
        }
        if (!shape.errno()) {
            return value;
        }
        int errno = (int) ERRNO.get(callState, 0L);
        return new ErrnoResult(value, errno, LibC.strerror(errno));
    }

    private static NativeType parseType(Object description, CDeclarations declarations, String where, String position) {
        try {
            return TypeDescriptions.parse(description, declarations);
        } catch (ValueMismatch e) {
            throw e.at(where + ": " + position);
        }
    }
}
