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
     * The direct call of a plan: {@code bound} is its downcall as {@link Downcalls#bound} made it, whose
     * temporaries and call state a direct call never uses. A value that does not fit its type fails the call
     * with the message naming {@code where} and the value's position.
     */
    static DirectCall of(MethodHandle bound, NativeType[] params, NativeType result, NativeLibrary library, String where) {
        var call = MethodHandles.insertArguments(bound, 0, null, null);
        var converters = new MethodHandle[params.length];
        for (int i = 0; i < params.length; i++) {
            var convert = MethodHandles.insertArguments(TO_NATIVE.bindTo(params[i]), 1, (Object) null);
            var failure = MethodHandles.insertArguments(MISMATCH, 0, where + ": paramsValue[" + i + "]");
            convert = MethodHandles.catchException(convert, ValueMismatch.class, failure);
            converters[i] = convert.asType(MethodType.methodType(call.type().parameterType(i), Object.class));
        }
        var decoding = MethodHandles.filterReturnValue(MethodHandles.filterArguments(call, 0, converters),
                FROM_NATIVE.bindTo(result));
        var target = decoding.asType(decoding.type().generic());
        try {
            var lookup = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE,
                    List.of(target, library, where, params.length), true);
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

    /**
     * After C returned: a direct call does not mark its thread (that would cost a thread-local lookup on every
     * call), so a callback that failed meanwhile found it on the stack and recorded its failure all the same.
     */
    static Object afterCall(Object value, String where) {
        if (Scratch.callbackFailuresPending()) { // on some thread, maybe this one
            var failure = Scratch.current().takeCallbackFailure();
            if (failure != null) {
                throw CallbackFailures.rethrown(where, failure);
            }
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
