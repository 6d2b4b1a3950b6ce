package org.ffiscript.groovy;

import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
        var target = function(function);
        if (values.length == 1 && values[0] instanceof List<?> list) {
            return target.call(GroovyValues.prepareAll(list));
        }
        return target.call(GroovyValues.prepareAll(java.util.Arrays.asList(values)));
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
        if (functions.containsKey(function)) {
            return call(function, values);
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
