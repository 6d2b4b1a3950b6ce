package org.ffiscript.engine.call;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The class file {@link DirectCall#of} defines anew, as a hidden class, for each direct call, with that call's
 * method handle as the class data. Never used under its own name.
 */
final class DirectCallTemplate extends DirectCall {
    private static final MethodHandle TARGET = target();

    private static MethodHandle target() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Object call() throws Throwable {
        return (Object) TARGET.invokeExact();
    }

    @Override
    Object call(Object a) throws Throwable {
        return (Object) TARGET.invokeExact(a);
    }

    @Override
    Object call(Object a, Object b) throws Throwable {
        return (Object) TARGET.invokeExact(a, b);
    }

    @Override
    Object call(Object a, Object b, Object c) throws Throwable {
        return (Object) TARGET.invokeExact(a, b, c);
    }

    @Override
    Object call(Object a, Object b, Object c, Object d) throws Throwable {
        return (Object) TARGET.invokeExact(a, b, c, d);
    }
}
