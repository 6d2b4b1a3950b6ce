package org.ffiscript.engine.call;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.ScriptFunction;
import org.ffiscript.engine.memory.LibC;
import org.ffiscript.engine.type.FunctionType;
import org.ffiscript.engine.type.NativeMemory;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * The Java side of one C function pointer: converts C's arguments, runs the script function, converts its
 * result back. Nothing may escape an upcall (the JVM would terminate), so every failure is caught here, C gets
 * a zero of the return type, and the failure goes to {@link CallbackFailures}.
 */
final class CallbackStub {
    private static final MethodHandle INVOKE;

    static {
        try {
            INVOKE = MethodHandles.lookup()
                    .findVirtual(CallbackStub.class, "invoke", MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ScriptFunction function;
    private final FunctionType type;
    private final CallbackFailures failures;
    private final Object zero;

    private CallbackStub(ScriptFunction function, FunctionType type, CallbackFailures failures, Object zero) {
        this.function = function;
        this.type = type;
        this.failures = failures;
        this.zero = zero;
    }

    /** Makes the C function pointer, living as long as {@code arena}. */
    static MemorySegment create(ScriptFunction function, FunctionType type, CallbackFailures failures, Arena arena) {
        var descriptor = type.descriptor();
        var signature = descriptor.toMethodType();
        var stub = new CallbackStub(function, type, failures, zeroOf(signature.returnType()));
        var target = INVOKE.bindTo(stub)
                .asCollector(Object[].class, signature.parameterCount())
                .asType(signature);
        return Linker.nativeLinker().upcallStub(target, descriptor, arena);
    }

    private Object invoke(Object[] carriers) {
        try {
            var args = new ArrayList<Object>(carriers.length);
            for (int i = 0; i < carriers.length; i++) {
                args.add(type.params().get(i).fromNative(carriers[i]));
            }
            Object value;
            try {
                value = function.call(args);
            } finally {
                if (type.freeCFuncParamsMemory()) {
                    for (int i = 0; i < carriers.length; i++) {
                        type.params().get(i).free(carriers[i]);
                    }
                }
            }
            return zero == null ? null : type.result().toNative(value, ReturnMemory.INSTANCE);
        } catch (ValueMismatch e) {
            failures.report(new FfiException("the callback returned a value C cannot take: retType: " + e.detail()));
        } catch (Throwable t) {
            failures.report(t);
        }
        return zero;
    }

    private static Object zeroOf(Class<?> carrier) {
        if (carrier == void.class) {
            return null;
        }
        if (carrier == MemorySegment.class) {
            return MemorySegment.NULL;
        }
        try {
            return MethodHandles.zero(carrier).invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("no zero for " + carrier, t);
        }
    }

    /** Memory for what a callback returns: malloc'd and C's to keep, as with C functions that return strings. */
    private enum ReturnMemory implements NativeMemory {
        INSTANCE;

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            return LibC.malloc(Math.max(byteSize, 1)).asSlice(0, byteSize);
        }

        @Override
        public void copyBackAfterCall(MemorySegment from, Object javaArray) {}

        @Override
        public Arena arena() {
            return Arena.global();
        }

        @Override
        public boolean temporary() {
            return false;
        }
    }
}
