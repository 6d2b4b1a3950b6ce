package org.ffiscript.engine.type;

import java.lang.foreign.AddressLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Which types may read back memory the engine wrote as a known type (restorePointer and unwrapPointer on a
 * pointer from createPointer or wrapPointer). Reading with the type that was written is always safe; so is a
 * type that follows no pointer and fits in the bytes written (an I32 out of an I64, the address a String
 * pointer holds as External). Anything else could take stray bytes for an address and crash.
 */
public final class StoredTypes {
    private StoredTypes() {}

    /**
     * The type to record for {@code value} written as {@code type}: a top-level array described without a
     * length gets the number of elements the value had, so that it can be read back up to that many.
     */
    public static NativeType written(NativeType type, Object value) {
        return type instanceof ArrayType array && array.length() < 0 && !array.inline()
                ? array.withLengthOf(value)
                : type;
    }

    /**
     * Null when memory holding a value written as {@code written} may be read as {@code reading}; otherwise
     * what would be acceptable, for the message ({@code "expected I32 (...), got String"}).
     */
    public static String mismatch(NativeType written, NativeType reading) {
        if (written instanceof ArrayType w
                && reading instanceof ArrayType r
                && !w.inline()
                && !r.inline()
                && r.length() >= 0
                && r.length() <= w.length()
                && same(w.element(), r.element())) {
            return null; // the first elements of what was written
        }
        long size = written.layout().byteSize();
        boolean fits = reading.layout() != null && reading.layout().byteSize() <= size;
        if (same(written, reading)
                || fits && followsNoPointer(reading)
                || fits && holdsRawPointer(written) && reading.layout() instanceof AddressLayout) {
            return null;
        }
        return "expected " + written.displayName() + " (the type the engine wrote at this pointer), or a type that "
                + "follows no pointer and fits in its " + size + " bytes"
                + (holdsRawPointer(written) ? ", or reads one pointer" : "")
                + ", got " + reading.displayName();
    }

    /** True where the memory holds an address the script gave: what it points at is the script's to know. */
    private static boolean holdsRawPointer(NativeType type) {
        return type == BasicType.EXTERNAL || type == BasicType.VOID_POINTER;
    }

    /** True where reading a value of {@code type} takes only its own bytes, never what an address in them points at. */
    public static boolean followsNoPointer(NativeType type) {
        return switch (type) {
            case BasicType basic ->
                basic != BasicType.STRING
                        && basic != BasicType.WSTRING
                        && basic != BasicType.C_STRING
                        && basic != BasicType.VOID;
            case PointerToType pointer -> true; // read back as a pointer
            case FunctionType function -> true;
            case UnionType union -> union.byValue(); // members are read shallowly
            case ArrayType array -> array.inline() && followsNoPointer(array.element());
            case StructType struct ->
                struct.byValue() && struct.fields().stream().allMatch(field -> followsNoPointer(field.type()));
        };
    }

    /**
     * True where two types describe the same C data: the same kinds, layouts and field names all the way down.
     * Types made from different descriptions compare equal; self-referring structs are compared pair by pair
     * with a work list, so no description, however deep or cyclic, makes this recurse.
     */
    static boolean same(NativeType a, NativeType b) {
        record Pair(NativeType a, NativeType b) { // by identity: a record type's equals would recurse
            @Override
            public boolean equals(Object other) {
                return other instanceof Pair pair && pair.a == a && pair.b == b;
            }

            @Override
            public int hashCode() {
                return 31 * System.identityHashCode(a) + System.identityHashCode(b);
            }
        }
        var seen = new HashSet<Pair>();
        var pending = new ArrayDeque<Pair>();
        pending.add(new Pair(a, b));
        while (!pending.isEmpty()) {
            var pair = pending.poll();
            if (pair.a() == pair.b() || !seen.add(pair)) {
                continue;
            }
            var children = sameNode(pair.a(), pair.b());
            if (children == null) {
                return false;
            }
            for (int i = 0; i < children.size(); i += 2) {
                pending.add(new Pair(children.get(i), children.get(i + 1)));
            }
        }
        return true;
    }

    /** Compares one node of two types; null when they differ, else the pairs of parts still to compare, flattened. */
    private static List<NativeType> sameNode(NativeType a, NativeType b) {
        switch (a) {
            case BasicType basic -> {
                return basic == b ? List.of() : null;
            }
            case PointerToType pointer
            when b instanceof PointerToType other -> {
                return List.of(pointer.target(), other.target());
            }
            case ArrayType array
            when b instanceof ArrayType other -> {
                return array.inline() == other.inline() && array.length() == other.length()
                        ? List.of(array.element(), other.element())
                        : null;
            }
            case FunctionType function
            when b instanceof FunctionType other -> {
                if (function.params().size() != other.params().size()) {
                    return null;
                }
                var parts = new ArrayList<NativeType>();
                parts.add(function.result());
                parts.add(other.result());
                for (int i = 0; i < function.params().size(); i++) {
                    parts.add(function.params().get(i));
                    parts.add(other.params().get(i));
                }
                return parts;
            }
            case StructType struct
            when b instanceof StructType other -> {
                return pairedMembers(
                        struct.byValue() == other.byValue(),
                        struct.fields(),
                        other.fields(),
                        StructType.Field::name,
                        StructType.Field::type);
            }
            case UnionType union
            when b instanceof UnionType other -> {
                return pairedMembers(
                        union.byValue() == other.byValue(),
                        union.members(),
                        other.members(),
                        UnionType.Member::name,
                        UnionType.Member::type);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The member types of two structs (or two unions) side by side, or null when they differ in kind (by value or
     * by pointer), in their number of members or in a member's name.
     */
    private static <M> List<NativeType> pairedMembers(
            boolean sameKind,
            List<M> members,
            List<M> otherMembers,
            Function<M, String> name,
            Function<M, NativeType> type) {
        if (!sameKind || members.size() != otherMembers.size()) {
            return null;
        }
        var parts = new ArrayList<NativeType>();
        for (int i = 0; i < members.size(); i++) {
            if (!name.apply(members.get(i)).equals(name.apply(otherMembers.get(i)))) {
                return null;
            }
            parts.add(type.apply(members.get(i)));
            parts.add(type.apply(otherMembers.get(i)));
        }
        return parts;
    }
}
