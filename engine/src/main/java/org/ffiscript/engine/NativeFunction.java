package org.ffiscript.engine;

import java.util.Arrays;
import java.util.List;
import org.ffiscript.engine.call.CallPlan;
import org.ffiscript.engine.call.CallSpec;

/**
 * A C function made callable by {@code define}: its description was checked and compiled once, so each call
 * only converts values. If its library is closed and opened again under the same key, the function follows
 * the new library.
 */
public final class NativeFunction {
    private final CallSpec definition;
    private final Ffi owner;
    private CallPlan plan; // immutable plans; a racing re-resolve only compiles one twice

    NativeFunction(CallSpec definition, Ffi owner) {
        this.definition = definition;
        this.owner = owner;
        this.plan = owner.compile(definition);
    }

    /**
     * Calls the function with one value per declared parameter. Returns the converted result, an
     * {@link ErrnoResult} with {@code errno: true}, or a CompletableFuture with {@code runInNewThread: true}.
     */
    public Object call(List<?> values) {
        var current = usablePlan();
        return definition.runInNewThread() ? current.invokeAsync(values, owner.workers()) : current.invoke(values);
    }

    /** Calls the function with the values given as arguments. */
    public Object call(Object... values) {
        return call(Arrays.asList(values));
    }

    // Fixed numbers of values: no array to make, and the plan's quickest path where it has one.

    /** Calls a function that takes no values. */
    public Object call() {
        var current = usablePlan();
        return definition.runInNewThread() ? current.invokeAsync(List.of(), owner.workers()) : current.invoke();
    }

    /** Calls the function with one value. */
    public Object call(Object a) {
        var current = usablePlan();
        return definition.runInNewThread() ? current.invokeAsync(Arrays.asList(a), owner.workers()) : current.invoke(a);
    }

    /** Calls the function with two values. */
    public Object call(Object a, Object b) {
        var current = usablePlan();
        return definition.runInNewThread() ? current.invokeAsync(Arrays.asList(a, b), owner.workers()) : current.invoke(a, b);
    }

    /** Calls the function with three values. */
    public Object call(Object a, Object b, Object c) {
        var current = usablePlan();
        return definition.runInNewThread()
                ? current.invokeAsync(Arrays.asList(a, b, c), owner.workers()) : current.invoke(a, b, c);
    }

    /** Calls the function with four values. */
    public Object call(Object a, Object b, Object c, Object d) {
        var current = usablePlan();
        return definition.runInNewThread()
                ? current.invokeAsync(Arrays.asList(a, b, c, d), owner.workers()) : current.invoke(a, b, c, d);
    }

    private CallPlan usablePlan() {
        var current = plan;
        if (!current.isUsable()) {
            current = plan = owner.compile(definition);
        }
        return current;
    }

    /** {@code library.function}, as messages about this function name it. */
    public String where() {
        return definition.where();
    }

    /** The C symbol this function calls. */
    public String name() {
        return definition.funcName();
    }

    @Override
    public String toString() {
        return "[native function " + definition.where() + "]";
    }
}
