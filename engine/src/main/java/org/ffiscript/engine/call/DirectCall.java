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
import org.ffiscript.engine.type.NativeType;

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
    /** What a call returns when it did not call C and the general path must: see the class comment. */
    public static final Object NOT_DIRECT = new Object();

    private static final byte[] TEMPLATE = templateBytes();
    private static final MethodHandle FROM_NATIVE;
    private static final StackWalker STACK = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    static {
        try {
            FROM_NATIVE = MethodHandles.lookup()
                    .findVirtual(NativeType.class, "fromNative", MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    DirectCall() {}

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
     * The direct call of a plan: {@code fused} is its downcall with the values' conversions in front, as
     * {@link Downcalls#converting} made it (a direct call never captures errno, so its call state is null here),
     * and the result's decoding is added behind. With {@code temporaries}, each call runs in a frame of the
     * thread's scratch memory, for strings, arrays and structs; without, it needs none.
     */
    static DirectCall of(
            MethodHandle fused, NativeType result, NativeLibrary library, String where, boolean temporaries) {
        var call = MethodHandles.insertArguments(fused, 1, (Object) null); // (temporaries, value0, ...) -> raw
        var target = MethodHandles.filterReturnValue(call, FROM_NATIVE.bindTo(result));
        try {
            var lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(
                            TEMPLATE,
                            List.of(target, library, where, call.type().parameterCount() - 1, temporaries),
                            true);
            return (DirectCall) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define the direct call of " + where, t);
        }
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
        return STACK.walk(
                frames -> frames.anyMatch(frame -> frame.getDeclaringClass().getSuperclass() == DirectCall.class));
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
