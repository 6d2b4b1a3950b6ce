package org.ffiscript.groovy;

import groovy.lang.Closure;
import java.util.List;
import org.ffiscript.engine.ScriptFunction;

/**
 * A Groovy closure passed where C expects a function pointer. It runs on whatever thread C calls from (Groovy has
 * no thread confinement), with one argument per C parameter. Wrappers of one closure are equal, so the engine
 * reuses one C pointer for a closure passed again and again.
 */
final class ClosureFunction implements ScriptFunction {
    private final Closure<?> closure;

    ClosureFunction(Closure<?> closure) {
        this.closure = closure;
    }

    @Override
    public Object call(List<Object> args) {
        return closure.call(args.toArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClosureFunction f && f.closure == closure;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(closure);
    }
}
