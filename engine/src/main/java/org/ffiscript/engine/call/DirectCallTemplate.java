package org.ffiscript.engine.call;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.ref.Reference;
import org.ffiscript.engine.library.NativeLibrary;
import org.ffiscript.engine.type.NativeMemory;

/**
 * The class file {@link DirectCall#of} defines anew, as a hidden class, for each direct call, with that call's
 * handle, library, name, number of parameters and use of scratch memory as the class data. Never used under its
 * own name. The methods differ only in their number of values; the JIT folds the tests of the constants away.
 */
final class DirectCallTemplate extends DirectCall {
    private static final MethodHandle TARGET = classData(0, MethodHandle.class);
    private static final NativeLibrary LIBRARY = classData(1, NativeLibrary.class);
    private static final String WHERE = classData(2, String.class);
    private static final int ARITY = classData(3, Integer.class);
    private static final boolean TEMPORARIES = classData(4, Boolean.class);

    private static <T> T classData(int index, Class<T> type) {
        try {
            return MethodHandles.classDataAt(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, type, index);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object call() {
        if (ARITY != 0 || !LIBRARY.isOpen()) {
            return NOT_DIRECT;
        }
        var temporaries = temporaries(TEMPORARIES);
        int frame = temporaries == null ? 0 : temporaries.enter();
        try {
            return afterCall((Object) TARGET.invokeExact((NativeMemory) temporaries), WHERE, temporaries, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t, WHERE);
        } finally {
            if (temporaries != null) {
                temporaries.exit(frame);
            }
            Reference.reachabilityFence(LIBRARY); // the library stays loaded until the call has returned
        }
    }

    @Override
    public Object call(Object a) {
        if (ARITY != 1 || !LIBRARY.isOpen()) {
            return NOT_DIRECT;
        }
        var temporaries = temporaries(TEMPORARIES);
        int frame = temporaries == null ? 0 : temporaries.enter();
        try {
            return afterCall((Object) TARGET.invokeExact((NativeMemory) temporaries, a), WHERE, temporaries, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t, WHERE);
        } finally {
            if (temporaries != null) {
                temporaries.exit(frame);
            }
            Reference.reachabilityFence(LIBRARY); // the library stays loaded until the call has returned
        }
    }

    @Override
    public Object call(Object a, Object b) {
        if (ARITY != 2 || !LIBRARY.isOpen()) {
            return NOT_DIRECT;
        }
        var temporaries = temporaries(TEMPORARIES);
        int frame = temporaries == null ? 0 : temporaries.enter();
        try {
            return afterCall((Object) TARGET.invokeExact((NativeMemory) temporaries, a, b), WHERE, temporaries, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t, WHERE);
        } finally {
            if (temporaries != null) {
                temporaries.exit(frame);
            }
            Reference.reachabilityFence(LIBRARY); // the library stays loaded until the call has returned
        }
    }

    @Override
    public Object call(Object a, Object b, Object c) {
        if (ARITY != 3 || !LIBRARY.isOpen()) {
            return NOT_DIRECT;
        }
        var temporaries = temporaries(TEMPORARIES);
        int frame = temporaries == null ? 0 : temporaries.enter();
        try {
            return afterCall(
                    (Object) TARGET.invokeExact((NativeMemory) temporaries, a, b, c), WHERE, temporaries, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t, WHERE);
        } finally {
            if (temporaries != null) {
                temporaries.exit(frame);
            }
            Reference.reachabilityFence(LIBRARY); // the library stays loaded until the call has returned
        }
    }

    @Override
    public Object call(Object a, Object b, Object c, Object d) {
        if (ARITY != 4 || !LIBRARY.isOpen()) {
            return NOT_DIRECT;
        }
        var temporaries = temporaries(TEMPORARIES);
        int frame = temporaries == null ? 0 : temporaries.enter();
        try {
            return afterCall(
                    (Object) TARGET.invokeExact((NativeMemory) temporaries, a, b, c, d), WHERE, temporaries, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t, WHERE);
        } finally {
            if (temporaries != null) {
                temporaries.exit(frame);
            }
            Reference.reachabilityFence(LIBRARY); // the library stays loaded until the call has returned
        }
    }
}
