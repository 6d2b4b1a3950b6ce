package org.ffiscript.engine;

import java.util.Arrays;
import java.util.List;
import org.ffiscript.engine.call.CallPlan;
import org.ffiscript.engine.call.CallSpec;
import org.ffiscript.engine.call.DirectCall;
import org.ffiscript.engine.call.VariadicPlans;
import org.ffiscript.engine.type.NativeType;

/**
 * A C function made callable by {@code define}: its description was checked and compiled once, so each call
 * only converts values. If its library is closed and opened again under the same key, the function follows
 * the new library. A variadic function ({@code int printf(const char *format, ...)}) takes its fixed values,
 * then a type and a value for each further argument: {@code printf("%d %s\n", "int", 42, "const char *", "x")}.
 */
public final class NativeFunction {
    private final CallSpec definition;
    private final Ffi owner;
    private final VariadicPlans variadic; // null unless the function is variadic
    private CallPlan plan; // immutable plans; a racing re-resolve only compiles one twice
    private CallShape shape; // the plan's, as this function calls it
    private DirectCall direct; // the plan's DIRECT invoker, kept here to spare a call one step; null for other shapes

    NativeFunction(CallSpec definition, Ffi owner) {
        this.definition = definition;
        this.owner = owner;
        this.variadic =
                definition.isVariadic() ? new VariadicPlans(definition, owner.declarations(), owner::compile) : null;
        follow(owner.compile(definition));
    }

    /**
     * Calls the function with one value per declared parameter. Returns the converted result, an
     * {@link ErrnoResult} with {@code errno: true}, or a CompletableFuture with {@code runInNewThread: true}.
     */
    public Object call(List<?> values) {
        if (variadic != null) {
            return callVariadic(values);
        }
        var current = usablePlan();
        return definition.runInNewThread() ? current.invokeAsync(values, owner.workers()) : current.invoke(values);
    }

    private Object callVariadic(List<?> values) {
        var call = variadic.prepare(values);
        return definition.runInNewThread()
                ? call.plan().invokeAsync(call.arguments(), owner.workers())
                : call.plan().invoke(call.arguments());
    }

    /** Calls the function with the values given as arguments. */
    public Object call(Object... values) {
        return call(Arrays.asList(values));
    }

    // Fixed numbers of values: no array to make, and straight into the plan's direct call where it has one.

    /** Calls a function that takes no values. */
    public Object call() {
        var direct = this.direct;
        if (direct != null) {
            var value = direct.call();
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        return call(List.of());
    }

    /** Calls the function with one value. */
    public Object call(Object a) {
        var direct = this.direct;
        if (direct != null) {
            var value = direct.call(a);
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        return call(Arrays.asList(a));
    }

    /** Calls the function with two values. */
    public Object call(Object a, Object b) {
        var direct = this.direct;
        if (direct != null) {
            var value = direct.call(a, b);
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        return call(Arrays.asList(a, b));
    }

    /** Calls the function with three values. */
    public Object call(Object a, Object b, Object c) {
        var direct = this.direct;
        if (direct != null) {
            var value = direct.call(a, b, c);
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        return call(Arrays.asList(a, b, c));
    }

    /** Calls the function with four values. */
    public Object call(Object a, Object b, Object c, Object d) {
        var direct = this.direct;
        if (direct != null) {
            var value = direct.call(a, b, c, d);
            if (value != DirectCall.NOT_DIRECT) {
                return value;
            }
        }
        return call(Arrays.asList(a, b, c, d));
    }

    private CallPlan usablePlan() {
        var current = plan;
        if (!current.isUsable()) {
            current = owner.compile(definition);
            follow(current);
        }
        return current;
    }

    // The shape is read from this function's definition as well as the plan: a plan is shared by the functions of
    // one description, whether their calls run on this thread or on workers.
    private void follow(CallPlan plan) {
        var shape = definition.runInNewThread() ? plan.shape().onWorkerThreads() : plan.shape();
        this.plan = plan;
        this.shape = shape;
        this.direct = shape.invoker() == CallShape.Invoker.DIRECT ? plan.direct() : null;
    }

    /**
     * What kind of call this function makes: its arity, the conversions it needs, whether it runs on a worker,
     * captures errno or is variadic, and which invoker makes it. A variadic function's shape is that of its fixed
     * part; each call's own plan decides the rest.
     */
    public CallShape shape() {
        return shape;
    }

    /** How many values a call takes; -1 for a variadic function, whose calls take more. */
    public int arity() {
        return definition.isVariadic() ? -1 : definition.paramsType().size();
    }

    /** True where the function returns void. */
    public boolean returnsVoid() {
        return plan.returnsVoid();
    }

    /** The type of the function's result. */
    public NativeType resultType() {
        return plan.resultType();
    }

    /** True where each call runs on a worker thread and returns a CompletableFuture. */
    public boolean runsInNewThread() {
        return definition.runInNewThread();
    }

    /** True where each call returns an {@link ErrnoResult}, the result with the errno C left. */
    public boolean capturesErrno() {
        return definition.errno();
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
