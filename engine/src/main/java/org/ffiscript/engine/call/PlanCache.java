package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ffiscript.engine.library.LibraryRegistry;
import org.ffiscript.engine.type.CDeclarations;

/**
 * The one place plans are compiled: {@code load} finds its plan here from the description a script passes on
 * every call, and {@code define}, C prototypes and the adapters' call sites get theirs from here too, so that
 * one function described the same way is linked once. (The JavaScript prelude and Groovy's load sites keep the
 * function they were given per description or per site, to skip converting the description on each call.) A
 * plan is dropped when its library was closed or replaced.
 */
public final class PlanCache {
    private static final int MAX_PLANS = 4096;
    private static final int MAX_PER_FUNCTION = 64;
    private static final Entry[] NONE = {};

    /** A plan with a frozen copy of the description it was compiled from. */
    private record Entry(
            String library,
            Object retType,
            Object paramsType,
            boolean errno,
            boolean freeResultMemory,
            int variadicFrom,
            CallPlan plan) {
        static Entry of(CallSpec spec, CallPlan plan) {
            return new Entry(
                    spec.library(),
                    Descriptions.frozen(spec.retType()),
                    Descriptions.frozen(spec.paramsType()),
                    spec.errno(),
                    spec.freeResultMemory(),
                    spec.variadicFrom(),
                    plan);
        }

        boolean describes(CallSpec spec) {
            return errno == spec.errno()
                    && freeResultMemory == spec.freeResultMemory()
                    && variadicFrom == spec.variadicFrom()
                    && library.equals(spec.library())
                    && Descriptions.same(retType, spec.retType())
                    && Descriptions.same(paramsType, spec.paramsType());
        }
    }

    // Keyed by C symbol: a function is loaded with one description or a few, so a lookup hashes only the name
    // (a String keeps its hash) and compares those few by content, without building a key per call.
    private final ConcurrentHashMap<String, Entry[]> byFunction = new ConcurrentHashMap<>();
    private final LibraryRegistry libraries;
    private final CDeclarations declarations;
    private final AtomicInteger size = new AtomicInteger(); // entries in byFunction, as a bound

    /** A cache compiling against the libraries open in {@code libraries}, with the C names and callbacks of {@code declarations}. */
    public PlanCache(LibraryRegistry libraries, CDeclarations declarations) {
        this.libraries = libraries;
        this.declarations = declarations;
    }

    /** The plan for {@code spec}, compiled on first use. */
    public CallPlan plan(CallSpec spec) {
        var entries = byFunction.get(spec.funcName());
        if (entries != null) {
            for (var entry : entries) {
                if (entry.describes(spec) && entry.plan().isUsable()) {
                    return entry.plan();
                }
            }
        }
        var plan = CallPlan.compile(spec, libraries.get(spec.library(), spec.where()), declarations);
        remember(Entry.of(spec, plan), spec);
        return plan;
    }

    // Per-name updates (ConcurrentHashMap.compute): a thread remembering a plan never waits for another name's,
    // nor for close() dropping plans, so a call right after compiling still finds its library open.
    private void remember(Entry entry, CallSpec spec) {
        if (size.get() >= MAX_PLANS) {
            clear(); // a script generating endless distinct signatures must not grow the heap without end
        }
        byFunction.compute(spec.funcName(), (name, old) -> {
            var kept = new ArrayList<Entry>();
            for (var known : old == null ? NONE : old) {
                if (!known.describes(spec)) { // one for the same description holds a plan of a closed library
                    kept.add(known);
                }
            }
            if (kept.size() == MAX_PER_FUNCTION) {
                kept.removeFirst();
            }
            kept.add(entry);
            size.addAndGet(kept.size() - (old == null ? 0 : old.length));
            return kept.toArray(NONE);
        });
    }

    /** Drops every plan, for when the C names descriptions may use have changed. */
    public void clear() {
        byFunction.clear();
        size.set(0);
    }

    /** Drops the plans of closed libraries, so that nothing keeps those libraries loaded. */
    public void dropClosed() {
        for (var funcName : byFunction.keySet()) {
            byFunction.computeIfPresent(funcName, (name, entries) -> {
                var usable = Arrays.stream(entries)
                        .filter(entry -> entry.plan().isUsable())
                        .toArray(Entry[]::new);
                size.addAndGet(usable.length - entries.length);
                return usable.length == 0 ? null : usable;
            });
        }
    }
}
