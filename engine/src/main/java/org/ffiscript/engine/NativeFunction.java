package org.ffiscript.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.call.CallPlan;
import org.ffiscript.engine.call.CallSpec;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * A C function made callable by {@code define}: its description was checked and compiled once, so each call
 * only converts values. If its library is closed and opened again under the same key, the function follows
 * the new library. A variadic function ({@code int printf(const char *format, ...)}) takes its fixed values,
 * then a type and a value for each further argument: {@code printf("%d %s\n", "int", 42, "const char *", "x")}.
 */
public final class NativeFunction {
    private final CallSpec definition;
    private final Ffi owner;
    private static final int MAX_VARIADIC_PLANS = 256;

    private final ConcurrentHashMap<List<NativeType>, CallPlan> variadicPlans = new ConcurrentHashMap<>();
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
        if (definition.isVariadic()) {
            return callVariadic(values);
        }
        var current = plan;
        if (!current.isUsable()) {
            current = plan = owner.compile(definition);
        }
        return definition.runInNewThread() ? current.invokeAsync(values, owner.workers()) : current.invoke(values);
    }

    // The fixed part was checked when the function was defined; each call's variadic types select a plan,
    // compiled on first use of that combination.
    private Object callVariadic(List<?> values) {
        int fixed = definition.variadicFrom();
        if (values.size() < fixed || (values.size() - fixed) % 2 != 0) {
            throw new FfiException(where() + ": expected the " + fixed + " fixed values, then a type and a value for each "
                    + "variadic argument (..., 'int', 42, 'double', 0.5); got " + values.size() + " values");
        }
        var types = new ArrayList<NativeType>((values.size() - fixed) / 2);
        var arguments = new ArrayList<Object>(fixed + types.size());
        arguments.addAll(values.subList(0, fixed));
        for (int i = fixed; i < values.size(); i += 2) {
            types.add(variadicType(values.get(i), i));
            arguments.add(values.get(i + 1));
        }
        var current = variadicPlans.get(types);
        if (current == null || !current.isUsable()) {
            if (variadicPlans.size() >= MAX_VARIADIC_PLANS) {
                variadicPlans.clear();
            }
            current = owner.compile(definition.withVariadicTypes(types));
            variadicPlans.put(List.copyOf(types), current);
        }
        return definition.runInNewThread() ? current.invokeAsync(arguments, owner.workers()) : current.invoke(arguments);
    }

    private NativeType variadicType(Object description, int index) {
        NativeType type;
        try {
            type = TypeDescriptions.parse(description, owner.declarations());
        } catch (ValueMismatch e) {
            throw e.at(where() + ": paramsValue[" + index + "] (the type of a variadic argument)");
        }
        if (!type.isParameterType()) {
            throw new FfiException(where() + ": paramsValue[" + index + "]: " + type.displayName()
                    + " is not the type of an argument");
        }
        return CDeclarations.promoted(type);
    }

    /** Calls the function with the values given as arguments. */
    public Object call(Object... values) {
        return call(Arrays.asList(values));
    }

    /** True where the function returns void. */
    public boolean returnsVoid() {
        return plan.returnsVoid();
    }

    /** True where each call runs on a worker thread and returns a CompletableFuture. */
    public boolean runsInNewThread() {
        return definition.runInNewThread();
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
