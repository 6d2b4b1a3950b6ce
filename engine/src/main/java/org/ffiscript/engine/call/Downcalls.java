package org.ffiscript.engine.call;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downcall handles by C signature, linked once and shared by every function of that signature. Each takes the
 * target address first, then the errno capture segment where asked for, then the arguments, all as one
 * Object[]; it returns the result boxed, or null for void.
 */
final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private record Signature(FunctionDescriptor descriptor, boolean captureErrno) {
    }

    private static final ConcurrentHashMap<Signature, MethodHandle> HANDLES = new ConcurrentHashMap<>();

    private Downcalls() {
    }

    static MethodHandle spreadInvoker(FunctionDescriptor descriptor, boolean captureErrno) {
        return HANDLES.computeIfAbsent(new Signature(descriptor, captureErrno), Downcalls::link);
    }

    private static MethodHandle link(Signature signature) {
        var handle = signature.captureErrno()
                ? LINKER.downcallHandle(signature.descriptor(), CAPTURE_ERRNO)
                : LINKER.downcallHandle(signature.descriptor());
        return handle.asType(handle.type().generic()).asSpreader(Object[].class, handle.type().parameterCount());
    }
}
