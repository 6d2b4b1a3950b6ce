package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.library.LibraryRegistry;
import org.ffiscript.engine.type.CDeclarations;

/**
 * Compiled plans for {@code load}, found again from the description a script passes on every call. A plan is
 * dropped when its library was closed or replaced.
 */
public final class PlanCache {
    private static final int MAX_PLANS = 4096;
    private static final int MAX_PER_FUNCTION = 64;
    private static final Entry[] NONE = {};

    /** A plan with a frozen copy of the description it was compiled from. */
    private record Entry(String library, Object retType, Object paramsType, boolean errno, boolean freeResultMemory,
                         CallPlan plan) {
        static Entry of(CallSpec spec, CallPlan plan) {
            return new Entry(spec.library(), Descriptions.frozen(spec.retType()), Descriptions.frozen(spec.paramsType()),
                    spec.errno(), spec.freeResultMemory(), plan);
        }

        boolean describes(CallSpec spec) {
            return errno == spec.errno() && freeResultMemory == spec.freeResultMemory() && library.equals(spec.library())
                    && Descriptions.same(retType, spec.retType()) && Descriptions.same(paramsType, spec.paramsType());
        }
    }

    // Keyed by C symbol: a function is loaded with one description or a few, so a lookup hashes only the name
    // (a String keeps its hash) and compares those few by content, without building a key per call.
    private final ConcurrentHashMap<String, Entry[]> byFunction = new ConcurrentHashMap<>();
    private final LibraryRegistry libraries;
    private final CDeclarations declarations;
    private int size; // entries in byFunction; guarded by this

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

    private synchronized void remember(Entry entry, CallSpec spec) {
        if (size >= MAX_PLANS) {
            byFunction.clear(); // a script generating endless distinct signatures must not grow the heap without end
            size = 0;
        }
        var kept = new ArrayList<Entry>();
        for (var old : byFunction.getOrDefault(spec.funcName(), NONE)) {
            if (!old.describes(spec)) { // an entry for the same description holds a plan of a closed library
                kept.add(old);
            }
        }
        if (kept.size() == MAX_PER_FUNCTION) {
            kept.removeFirst();
        }
        kept.add(entry);
        replace(spec.funcName(), kept);
    }

    private void replace(String funcName, List<Entry> entries) {
        var old = byFunction.getOrDefault(funcName, NONE);
        size += entries.size() - old.length;
        if (entries.isEmpty()) {
            byFunction.remove(funcName);
        } else {
            byFunction.put(funcName, entries.toArray(NONE));
        }
    }

    /** Drops every plan, for when the C names descriptions may use have changed. */
    public synchronized void clear() {
        byFunction.clear();
        size = 0;
    }

    /** Drops the plans of closed libraries, so that nothing keeps those libraries loaded. */
    public synchronized void dropClosed() {
        for (var funcName : List.copyOf(byFunction.keySet())) {
            var usable = new ArrayList<Entry>();
            for (var entry : byFunction.get(funcName)) {
                if (entry.plan().isUsable()) {
                    usable.add(entry);
                }
            }
            replace(funcName, usable);
        }
    }
}
