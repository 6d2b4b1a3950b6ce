package org.ffiscript.engine.call;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * The call of a plan that needs no temporaries, no errno and no freeing: the values' conversion, the downcall
 * and the result's decoding as one method handle. Each instance is a class of its own holding that handle in a
 * static final field, so the JIT compiles it as the constant it is, down to an inlined native call, as it would
 * for a handle in a constant of the caller. A plain field holding the handle would leave an opaque call per use.
 * Only the method matching the plan's number of parameters may be called.
 */
abstract class DirectCall {
    /** The most parameters a direct call takes; plans with more take the general path. */
    static final int MAX_ARITY = 4;

    private static final byte[] TEMPLATE = templateBytes();
    private static final MethodHandle TO_NATIVE;
    private static final MethodHandle FROM_NATIVE;
    private static final MethodHandle MISMATCH;

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
    private static final StackWalker STACK = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    abstract Object call() throws Throwable;

    abstract Object call(Object a) throws Throwable;

    abstract Object call(Object a, Object b) throws Throwable;

    abstract Object call(Object a, Object b, Object c) throws Throwable;

    abstract Object call(Object a, Object b, Object c, Object d) throws Throwable;

    /**
     * The direct call of a plan: {@code bound} is its downcall as {@link Downcalls#bound} made it, whose
     * temporaries and call state a direct call never uses. A value that does not fit its type fails the call
     * with the message naming {@code where} and the value's position.
     */
    static DirectCall of(MethodHandle bound, NativeType[] params, NativeType result, String where) {
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
        return define(decoding.asType(decoding.type().generic()));
    }

    /** What a converter does when its value does not fit: fails the call, saying where. */
    private static Object mismatch(String position, ValueMismatch mismatch, Object value) {
        throw mismatch.at(position);
    }

    private static DirectCall define(MethodHandle target) {
        try {
            var lookup = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, target, true);
            return (DirectCall) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define a direct call", t);
        }
    }

    /**
     * True when a direct call runs on this thread, beneath the caller. Direct calls do not mark their thread, which
     * would cost a thread-local lookup on every call; the rare callback that fails finds them on the stack instead.
     */
    static boolean runningOnThisThread() {
        return STACK.walk(frames -> frames.anyMatch(frame -> DirectCall.class.isAssignableFrom(frame.getDeclaringClass())
                && frame.getDeclaringClass() != DirectCall.class));
    }

    private static byte[] templateBytes() {
        try (var in = DirectCall.class.getResourceAsStream("DirectCallTemplate.class")) {
            if (in == null) {
                throw new IllegalStateException("DirectCallTemplate.class is missing from the engine");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
