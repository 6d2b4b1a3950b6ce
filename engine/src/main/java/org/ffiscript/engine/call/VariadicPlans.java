package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;

/**
 * The plans of one variadic C function: its fixed part was checked when it was defined, and each combination
 * of variadic argument types a call brings is linked once, then found again by those types. A call's values
 * are the fixed values, then a type and a value for each variadic argument.
 */
public final class VariadicPlans {
    private static final int MAX_PLANS = 256;

    /** A plan with the values it takes: the fixed values, then the variadic ones without their types. */
    public record Call(CallPlan plan, List<Object> arguments) {}

    private final CallSpec definition;
    private final CDeclarations declarations;
    private final Function<CallSpec, CallPlan> compiler;
    private final ConcurrentHashMap<List<NativeType>, CallPlan> plans = new ConcurrentHashMap<>();

    /** The plans of the variadic function {@code definition}, compiled by {@code compiler}. */
    public VariadicPlans(CallSpec definition, CDeclarations declarations, Function<CallSpec, CallPlan> compiler) {
        this.definition = definition;
        this.declarations = declarations;
        this.compiler = compiler;
    }

    /** Splits {@code values} into types and values and finds, or compiles, the plan for those types. */
    public Call prepare(List<?> values) {
        int fixed = definition.variadicFrom();
        if (values.size() < fixed || (values.size() - fixed) % 2 != 0) {
            throw new FfiException(definition.where() + ": expected the " + fixed
                    + " fixed values, then a type and a value "
                    + "for each variadic argument (..., 'int', 42, 'double', 0.5); got " + values.size() + " values");
        }
        int variadic = (values.size() - fixed) / 2;
        var types = new ArrayList<NativeType>(variadic);
        var arguments = new ArrayList<Object>(fixed + variadic);
        arguments.addAll(values.subList(0, fixed));
        for (int i = fixed; i < values.size(); i += 2) {
            types.add(variadicType(values.get(i), i));
            arguments.add(values.get(i + 1));
        }
        var plan = plans.get(types);
        if (plan == null || !plan.isUsable()) {
            if (plans.size() >= MAX_PLANS) {
                plans.clear(); // calls typed with fresh descriptions each time must not grow the heap without end
            }
            plan = compiler.apply(definition.withVariadicTypes(types));
            plans.put(List.copyOf(types), plan);
        }
        return new Call(plan, arguments);
    }

    // C passes variadic arguments with the default promotions, so a float goes as a double and a short as an int.
    private NativeType variadicType(Object description, int index) {
        NativeType type;
        try {
            type = TypeDescriptions.parse(description, declarations);
        } catch (ValueMismatch e) {
            throw e.at(definition.where() + ": paramsValue[" + index + "] (the type of a variadic argument)");
        }
        if (!type.isParameterType()) {
            throw new FfiException(definition.where() + ": paramsValue[" + index + "]: " + type.displayName()
                    + " is not the type of an argument");
        }
        return CDeclarations.promoted(type);
    }
}
