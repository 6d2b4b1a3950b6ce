package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A type description compared by content, in order: scripts build a fresh description for every call, and a
 * struct description is an ordered map whose field order is its layout, which {@link Map#equals} ignores.
 * Lookups wrap the script's own objects; stored keys hold a frozen copy the script cannot change. A recursive
 * struct description is a cyclic map: past a depth no real description reaches, comparison falls back to
 * identity and hashing stops, so cycles end.
 */
final class DescriptionKey {
    private static final int DEEPEST = 32;

    private final Object description;
    private final int hash;

    private DescriptionKey(Object description) {
        this.description = description;
        this.hash = hash(description, 0);
    }

    /** A key over the caller's description, for a lookup; not to be stored. */
    static DescriptionKey lookup(Object description) {
        return new DescriptionKey(description);
    }

    /** A key over a private copy of this key's description, safe to store. */
    DescriptionKey frozen() {
        return new DescriptionKey(freeze(description, new IdentityHashMap<>()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DescriptionKey key && key.hash == hash && same(description, key.description, 0);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private static int hash(Object description, int depth) {
        if (depth > DEEPEST) {
            return 0;
        }
        return switch (description) {
            case List<?> list -> {
                int h = 1;
                for (var item : list) {
                    h = 31 * h + hash(item, depth + 1);
                }
                yield h;
            }
            case Map<?, ?> map -> {
                int h = 7;
                for (var entry : map.entrySet()) {
                    h = 31 * (31 * h + Objects.hashCode(entry.getKey())) + hash(entry.getValue(), depth + 1);
                }
                yield h;
            }
            case null, default -> Objects.hashCode(description);
        };
    }

    private static boolean same(Object a, Object b, int depth) {
        if (a == b) {
            return true;
        }
        if (depth > DEEPEST) {
            return false;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.size() == y.size() && allSame(x.iterator(), y.iterator(), depth + 1);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var ys = y.entrySet().iterator();
            for (var entry : x.entrySet()) {
                var other = ys.next();
                if (!Objects.equals(entry.getKey(), other.getKey()) || !same(entry.getValue(), other.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return a != null && !(a instanceof List || a instanceof Map) && a.equals(b);
    }

    private static boolean allSame(Iterator<?> xs, Iterator<?> ys, int depth) {
        while (xs.hasNext()) {
            if (!same(xs.next(), ys.next(), depth)) {
                return false;
            }
        }
        return true;
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
