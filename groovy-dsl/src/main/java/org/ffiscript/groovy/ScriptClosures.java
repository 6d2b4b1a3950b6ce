package org.ffiscript.groovy;

import groovy.lang.Closure;

/**
 * Where a call written without a receiver inside a script's closure ends up. Groovy sends such a call, like
 * {@code load(...)} in {@code 1000.times { load(...) }}, through the closure's meta-class, which selects the
 * method and invokes it reflectively every time (about 100 ns, as much as the native call it leads to).
 * {@link LoadCalls} compiles it as a call on the script itself wherever Groovy's own resolution would reach
 * the script: each closure from the innermost out resolves owner first (the default) or owner only. Public
 * because compiled scripts call it.
 */
public final class ScriptClosures {
    private ScriptClosures() {}

    /** True when a closure resolving with {@code strategy} and owned by {@code owner} reaches a script. */
    public static boolean reachScript(int strategy, Object owner) {
        return script(strategy, owner) != null;
    }

    /** The script {@link #reachScript} found. */
    public static FfiScript scriptOf(int strategy, Object owner) {
        return script(strategy, owner);
    }

    private static FfiScript script(int strategy, Object owner) {
        Object target = owner;
        int resolving = strategy;
        while (true) {
            if (resolving != Closure.OWNER_FIRST && resolving != Closure.OWNER_ONLY) {
                return null; // a delegate may answer first
            }
            if (!(target instanceof Closure<?> outer)) {
                return target instanceof FfiScript script ? script : null;
            }
            resolving = outer.getResolveStrategy();
            target = outer.getOwner();
        }
    }
}
