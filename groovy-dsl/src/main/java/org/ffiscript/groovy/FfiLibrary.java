package org.ffiscript.groovy;

import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.CallShape;
import org.ffiscript.engine.NativeFunction;

/**
 * A set of C functions made callable by name: what {@code library(...) { ... }} and {@code define([...])} return.
 * In Groovy, call them as methods ({@code libc.atoi('42')}, or ffi-rs style with one list,
 * {@code libc.atoi(['42'])}); under {@code @CompileStatic}, use {@link #call(String, Object...)}.
 */
public final class FfiLibrary extends GroovyObjectSupport implements GroovyInterceptable {
    private final String name;
    private final Map<String, NativeFunction> functions;

    FfiLibrary(String name, Map<String, NativeFunction> functions) {
        this.name = name;
        this.functions = Collections.unmodifiableMap(functions);
    }

    /** Calls the function {@code function} with the given values (closures become callbacks). */
    public Object call(String function, Object... values) {
        return call(function(function), values);
    }

    // Values for a function whose shape takes the direct invoker go to its fixed-arity calls, without a list.
    private static Object call(NativeFunction target, Object[] values) {
        if (values.length == 1 && values[0] instanceof List<?> list) {
            return target.call((List<?>) GroovyValues.prepare(list));
        }
        if (values.length != target.shape().directArity()) {
            var prepared = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                prepared[i] = GroovyValues.prepare(values[i]);
            }
            return target.call(Arrays.asList(prepared));
        }
        return switch (values.length) {
            case 0 -> target.call();
            case 1 -> target.call(GroovyValues.prepare(values[0]));
            case 2 -> target.call(GroovyValues.prepare(values[0]), GroovyValues.prepare(values[1]));
            case 3 ->
                target.call(
                        GroovyValues.prepare(values[0]),
                        GroovyValues.prepare(values[1]),
                        GroovyValues.prepare(values[2]));
            case 4 ->
                target.call(
                        GroovyValues.prepare(values[0]),
                        GroovyValues.prepare(values[1]),
                        GroovyValues.prepare(values[2]),
                        GroovyValues.prepare(values[3]));
            default ->
                throw new IllegalStateException(
                        "a direct call takes at most " + CallShape.MAX_DIRECT_ARITY + " values");
        };
    }

    /** The function itself, for a caller that keeps it. */
    public NativeFunction function(String function) {
        var target = functions.get(function);
        if (target == null) {
            throw new MissingMethodException(function, FfiLibrary.class, new Object[0]) {
                @Override
                public String getMessage() {
                    return name + "." + function + ": no such function was declared; declared: " + functions.keySet();
                }
            };
        }
        return target;
    }

    /**
     * Every method call on a library lands here first (GroovyInterceptable), so that a C function called like a
     * GDK method ({@code sleep}, {@code find}, {@code print}) reaches C; other names are this class's own methods.
     */
    @Override
    public Object invokeMethod(String function, Object args) {
        var values = args instanceof Object[] array ? array : new Object[] {args};
        var target = functions.get(function);
        if (target != null) {
            return call(target, values);
        }
        return getMetaClass().invokeMethod(this, function, values);
    }

    @Override
    public Object getProperty(String property) {
        return functions.containsKey(property) ? functions.get(property) : super.getProperty(property);
    }

    @Override
    public String toString() {
        return "[native library " + name + ": " + functions.keySet() + "]";
    }
}
