package org.ffiscript.groovy;

import groovy.lang.Closure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.wrappers.Wrapper;
import org.ffiscript.engine.type.Nesting;

/** Groovy values made ready for the engine: closures become {@link ClosureFunction}s, wherever they sit. */
final class GroovyValues {
    private GroovyValues() {}

    static Object prepare(Object value) {
        return prepare(value, 0, null);
    }

    // prepared: the copies made so far (from the first list or map holding a closure on), so that a list or map
    // holding itself is copied once and stays cyclic. Nested deeper than the engine converts, a value is left
    // as it is: the engine refuses it, naming where.
    private static Object prepare(Object value, int depth, IdentityHashMap<Object, Object> prepared) {
        return switch (value) {
            case Closure<?> closure -> new ClosureFunction(closure);
            case Wrapper wrapper ->
                prepare(wrapper.unwrap(), depth, prepared); // how Groovy hands typed arguments to invokeMethod
            case List<?> list
            when depth < Nesting.MAX_DEPTH && containsClosure(list) ->
                prepareAll(list, depth + 1, prepared == null ? new IdentityHashMap<>() : prepared);
            case Map<?, ?> map
            when depth < Nesting.MAX_DEPTH && containsClosure(map.values()) ->
                prepareAll(map, depth + 1, prepared == null ? new IdentityHashMap<>() : prepared);
            case null, default -> value;
        };
    }

    private static Object prepareAll(List<?> values, int depth, IdentityHashMap<Object, Object> prepared) {
        var known = prepared.get(values);
        if (known != null) {
            return known;
        }
        var copy = new ArrayList<Object>(values.size());
        prepared.put(values, copy);
        values.forEach(value -> copy.add(prepare(value, depth, prepared)));
        return copy;
    }

    private static Object prepareAll(Map<?, ?> map, int depth, IdentityHashMap<Object, Object> prepared) {
        var known = prepared.get(map);
        if (known != null) {
            return known;
        }
        var copy = new LinkedHashMap<Object, Object>();
        prepared.put(map, copy);
        map.forEach((key, value) -> copy.put(key, prepare(value, depth, prepared)));
        return copy;
    }

    /**
     * True when a closure sits anywhere inside {@code values}. Looks through nested lists and maps with a work
     * list, each once, so a value holding itself, or nested thousands deep, is scanned without recursion.
     */
    private static boolean containsClosure(Iterable<?> values) {
        ArrayDeque<Iterable<?>> pending = null;
        Set<Object> seen = null;
        var next = values;
        while (next != null) {
            for (var value : next) {
                if (value instanceof Closure<?> || value instanceof Wrapper) {
                    return true;
                }
                Iterable<?> inner =
                        value instanceof List<?> list ? list : value instanceof Map<?, ?> map ? map.values() : null;
                if (inner != null) {
                    if (pending == null) {
                        pending = new ArrayDeque<>();
                        seen = Collections.newSetFromMap(new IdentityHashMap<>());
                        seen.add(values);
                    }
                    if (seen.add(value)) {
                        pending.add(inner);
                    }
                }
            }
            next = pending == null ? null : pending.poll();
        }
        return false;
    }

    /** A {@code load} description with its values prepared; the description itself when nothing needed it. */
    static Map<?, ?> preparedSpec(Map<?, ?> spec) {
        if (spec == null || !(spec.get("paramsValue") instanceof List<?> values)) {
            return spec;
        }
        var preparedValues = prepare(values);
        if (preparedValues == values) {
            return spec; // no closures: a call on the hot path copies nothing
        }
        var prepared = new LinkedHashMap<Object, Object>(spec);
        prepared.put("paramsValue", preparedValues);
        return prepared;
    }
}
