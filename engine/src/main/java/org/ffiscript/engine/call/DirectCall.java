package org.ffiscript.engine.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.library.NativeLibrary;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * The quickest way into a plan whose calls need no temporaries, no errno and no freeing: conversion of the
 * values, downcall and decoding of the result as one method handle, with the checks of a call around it.
 * <p>
 * Each instance is a class of its own (a hidden class defined from {@link DirectCallTemplate}) that holds the
 * handle, the library and the function's name in static final fields. The JIT takes them as the constants they
 * are and compiles a call down to an inlined native call, as for a Panama handle in a constant of the caller:
 * no per-call lookup of the plan's parts, which measurably slows a call of a few nanoseconds.
 * <p>
 * A call returns {@link #NOT_DIRECT} without calling C when it cannot be made directly: the number of values
 * is not the function's, or its library was closed. The caller then takes the general path, which reopens or
 * explains.
 */
public abstract class DirectCall {
    /** The most parameters a direct call takes; plans with more take the general path. */
    static final int MAX_ARITY = 4;

    /** What a call returns when it did not call C and the general path must: see the class comment. */
    public static final Object NOT_DIRECT = new Object();

    private static final byte[] TEMPLATE = templateBytes();
    private static final MethodHandle TO_NATIVE;
    private static final MethodHandle FROM_NATIVE;
    private static final MethodHandle MISMATCH;
    private static final StackWalker STACK = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    static {
        try {
            var lookup = MethodHandles.lookup();
            TO_NATIVE = lookup.findVirtual(NativeType.class, "toNative",
                    MethodType.methodType(Object.class, Object.class, NativeMemory.class));
            FROM_NATIVE = lookup.findVirtual(NativeType.class, "fromNative", MethodType.methodType(Object.class, Object.class));
            MISMATCH = lookup.findStatic(DirectCall.class, "mismatch",
                    MethodType.methodType(Object.class, String.class, ValueMismatch.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    DirectCall() {
    }

    /** Calls a function of no parameters, or returns {@link #NOT_DIRECT}. */
    public abstract Object call();

    /** Calls a function of one parameter with {@code a}, or returns {@link #NOT_DIRECT}. */
    public abstract Object call(Object a);

    /** Calls a function of two parameters, or returns {@link #NOT_DIRECT}. */
    public abstract Object call(Object a, Object b);

    /** Calls a function of three parameters, or returns {@link #NOT_DIRECT}. */
    public abstract Object call(Object a, Object b, Object c);

    /** Calls a function of four parameters, or returns {@link #NOT_DIRECT}. */
    public abstract Object call(Object a, Object b, Object c, Object d);

    /**
     * The direct call of a plan: {@code bound} is its downcall as {@link Downcalls#bound} made it, less the
     * errno capture a direct call never has. A value that does not fit its type fails the call with the message
     * naming {@code where} and the value's position. With {@code temporaries}, each call runs in a frame of
     * the thread's scratch memory, for strings, arrays and structs; without, it needs none.
     */
    static DirectCall of(MethodHandle bound, NativeType[] params, NativeType result, NativeLibrary library, String where,
                         boolean temporaries) {
        var call = MethodHandles.insertArguments(bound, 1, (Object) null); // (temporaries, carrier0, ...) -> raw
        // Replace each carrier, last first, by (temporaries, value) run through its type's conversion.
        for (int i = params.length - 1; i >= 0; i--) {
            var failure = MethodHandles.insertArguments(MISMATCH, 0, where + ": paramsValue[" + i + "]");
            var convert = MethodHandles.catchException(TO_NATIVE.bindTo(params[i]), ValueMismatch.class,
                    MethodHandles.dropArguments(failure, 2, NativeMemory.class));
            convert = convert.asType(convert.type().changeReturnType(call.type().parameterType(1 + i)));
            convert = MethodHandles.permuteArguments(convert,
                    MethodType.methodType(convert.type().returnType(), NativeMemory.class, Object.class), 1, 0);
            call = MethodHandles.collectArguments(call, 1 + i, convert);
        }
        // Now (temporaries, temporaries, value0, temporaries, value1, ...): share the one.
        var shape = MethodType.methodType(Object.class, NativeMemory.class);
        var order = new int[1 + 2 * params.length];
        for (int i = 0; i < params.length; i++) {
            shape = shape.appendParameterTypes(Object.class);
            order[1 + 2 * i] = 0;
            order[2 + 2 * i] = 1 + i;
        }
        var target = MethodHandles.filterReturnValue(MethodHandles.permuteArguments(call, shape, order),
                FROM_NATIVE.bindTo(result));
        try {
            var lookup = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE,
                    List.of(target, library, where, params.length, temporaries), true);
            return (DirectCall) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define the direct call of " + where, t);
        }
    }

    /** What a converter does when its value does not fit: fails the call, saying where. */
    private static Object mismatch(String position, ValueMismatch mismatch, Object value) {
        throw mismatch.at(position);
    }

    /** The thread's scratch memory where a direct call needs temporaries, else null. */
    static Scratch temporaries(boolean needed) {
        return needed ? Scratch.current() : null;
    }

    /**
     * After C returned: rethrows a callback's failure, copies C's writes back into buffers. A direct call without
     * temporaries does not mark its thread (that would cost a thread-local lookup on every call), so a callback
     * that failed meanwhile found it on the stack and recorded its failure all the same.
     */
    static Object afterCall(Object value, String where, Scratch temporaries, int frame) {
        if (Scratch.callbackFailuresPending()) { // on some thread, maybe this one
            var failure = Scratch.current().takeCallbackFailure();
            if (failure != null) {
                throw CallbackFailures.rethrown(where, failure);
            }
        }
        if (temporaries != null) {
            temporaries.copyBack(frame);
        }
        return value;
    }

    /** A failure of the handle that is not one of the engine's (none is expected), named after the function. */
    static RuntimeException unexpected(Throwable failure, String where) {
        return new FfiException(where + ": " + failure, failure);
    }

    /** True when a direct call runs on this thread, beneath the caller: see {@link #afterCall}. */
    static boolean runningOnThisThread() {
        return STACK.walk(frames -> frames.anyMatch(frame -> frame.getDeclaringClass().getSuperclass() == DirectCall.class));
    }

    private static byte[] templateBytes() {
        try (var in = DirectCall.class.getResourceAsStream("DirectCallTemplate.class")) {
            if (in == null) {
                throw new IllegalStateException("DirectCallTemplate.class is missing from the engine");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
