package org.ffiscript.engine.call;

import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.library.LibraryRegistry;
import org.ffiscript.engine.type.CDeclarations;

/**
 * Compiled plans for {@code load}, found again from the description a script passes on every call. A plan is
 * dropped when its library was closed or replaced.
 */
public final class PlanCache {
    private static final int MAX_PLANS = 4096;

    private record Key(String library, String funcName, DescriptionKey retType, DescriptionKey paramsType,
                       boolean errno, boolean freeResultMemory) {
        Key frozen() {
            return new Key(library, funcName, retType.frozen(), paramsType.frozen(), errno, freeResultMemory);
        }
    }

    private final ConcurrentHashMap<Key, CallPlan> plans = new ConcurrentHashMap<>();
    private final LibraryRegistry libraries;
    private final CDeclarations declarations;

    /** A cache compiling against the libraries open in {@code libraries}, with the C names and callbacks of {@code declarations}. */
    public PlanCache(LibraryRegistry libraries, CDeclarations declarations) {
        this.libraries = libraries;
        this.declarations = declarations;
    }

    /** The plan for {@code spec}, compiled on first use. */
    public CallPlan plan(CallSpec spec) {
        var key = new Key(spec.library(), spec.funcName(), DescriptionKey.lookup(spec.retType()),
                DescriptionKey.lookup(spec.paramsType()), spec.errno(), spec.freeResultMemory());
        var plan = plans.get(key);
        if (plan != null && plan.isUsable()) {
            return plan;
        }
        plan = CallPlan.compile(spec, libraries.get(spec.library(), spec.where()), declarations);
        if (plans.size() >= MAX_PLANS) {
            plans.clear(); // a script generating endless distinct signatures must not grow the heap without end
        }
        plans.put(key.frozen(), plan);
        return plan;
    }

    /** Drops every plan, for when the C names descriptions may use have changed. */
    public void clear() {
        plans.clear();
    }

    /** Drops the plans of closed libraries, so that nothing keeps those libraries loaded. */
    public void dropClosed() {
        plans.values().removeIf(plan -> !plan.isUsable());
    }
}
