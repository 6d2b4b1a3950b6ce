package org.ffiscript.groovy;

import groovy.lang.Closure;
import org.codehaus.groovy.runtime.wrappers.Wrapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groovy values made ready for the engine: closures become {@link ClosureFunction}s, wherever they sit. */
final class GroovyValues {
    private GroovyValues() {
    }

    static Object prepare(Object value) {
        return switch (value) {
            case Closure<?> closure -> new ClosureFunction(closure);
            case Wrapper wrapper -> prepare(wrapper.unwrap()); // how Groovy hands typed arguments to invokeMethod
            case List<?> list -> containsClosure(list) ? prepareAll(list) : list;
            case Map<?, ?> map -> containsClosure(map.values()) ? prepareAll(map) : map;
            case null, default -> value;
        };
    }

    private static List<Object> prepareAll(List<?> values) {
        var prepared = new ArrayList<Object>(values.size());
        values.forEach(value -> prepared.add(prepare(value)));
        return prepared;
    }

    private static Map<Object, Object> prepareAll(Map<?, ?> map) {
        var prepared = new LinkedHashMap<Object, Object>();
        map.forEach((key, value) -> prepared.put(key, prepare(value)));
        return prepared;
    }

    private static boolean containsClosure(Iterable<?> values) {
        for (var value : values) {
            if (value instanceof Closure<?> || value instanceof Wrapper || (value instanceof List<?> list && containsClosure(list))
                    || (value instanceof Map<?, ?> map && containsClosure(map.values()))) {
                return true;
            }
        }
        return false;
    }

    /** A {@code load} description with its values prepared; the description itself when nothing needed it. */
    static Map<?, ?> preparedSpec(Map<?, ?> spec) {
        if (!(spec.get("paramsValue") instanceof List<?> values)) {
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
