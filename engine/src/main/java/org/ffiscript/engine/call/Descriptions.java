package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Type descriptions compared by content, in order: scripts build a fresh description for every call, and a
 * struct description is an ordered map whose field order is its layout, which {@link Map#equals} ignores.
 * A recursive struct description is a cyclic map: two structs met again while they are being compared are taken
 * as the same (they are, if nothing else differs), so two such descriptions compare equal and comparison ends.
 */
final class Descriptions {
    private static final int DEEPEST = 32;

    private Descriptions() {}

    /** True when {@code a} and {@code b} describe the same type. */
    static boolean same(Object a, Object b) {
        return same(a, b, 0, null);
    }

    // instanceof tests rather than a pattern switch: this runs on every load, and the tests are cheaper.
    // comparing: the pairs of structs under comparison, one after the other; made at the first struct.
    private static boolean same(Object a, Object b, int depth, ArrayList<Object> comparing) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > DEEPEST) {
            return false; // DEEPEST: a list holding itself, which describes nothing
        }
        if (a instanceof Integer x) {
            return b instanceof Integer y && x.intValue() == y.intValue();
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) {
                return false;
            }
            if (x instanceof RandomAccess && y instanceof RandomAccess) {
                for (int i = 0, n = x.size(); i < n; i++) {
                    if (!same(x.get(i), y.get(i), depth + 1, comparing)) {
                        return false;
                    }
                }
                return true;
            }
            var ys = y.iterator();
            for (var item : x) {
                if (!same(item, ys.next(), depth + 1, comparing)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
                return false;
            }
            var pairs = comparing == null ? new ArrayList<Object>() : comparing;
            for (int i = 0; i < pairs.size(); i += 2) {
                if (pairs.get(i) == x && pairs.get(i + 1) == y) {
                    return true; // met again through a cycle: the same, unless the comparison under way finds otherwise
                }
            }
            pairs.add(x);
            pairs.add(y);
            var ys = y.entrySet().iterator();
            for (var entry : x.entrySet()) {
                var other = ys.next();
                if (!Objects.equals(entry.getKey(), other.getKey())
                        || !same(entry.getValue(), other.getValue(), 0, pairs)) {
                    return false;
                }
            }
            return true;
        }
        return !(b instanceof List || b instanceof Map) && a.equals(b);
    }

    /** A private copy of {@code description} the script cannot change, cycles kept. */
    static Object frozen(Object description) {
        return freeze(description, new IdentityHashMap<>());
    }

    private static Object freeze(Object description, IdentityHashMap<Object, Object> copies) {
        var done = copies.get(description);
        if (done != null) {
            return done;
        }
        return switch (description) {
            case List<?> list -> {
                var copy = new ArrayList<>(list.size());
                var frozen = Collections.unmodifiableList(copy);
                copies.put(description, frozen);
                list.forEach(item -> copy.add(freeze(item, copies)));
                yield frozen;
            }
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<Object, Object>();
                var frozen = Collections.unmodifiableMap(copy);
                copies.put(description, frozen);
                map.forEach((key, value) -> copy.put(key, freeze(value, copies)));
                yield frozen;
            }
            case null, default -> description;
        };
    }
}
