package org.ffiscript.groovy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.Nesting;

/**
 * How the DSL writes C types: DataType codes as they are, or Java types a Groovy author already knows
 * ({@code String}, {@code int}/{@code Integer}, {@code long}, {@code double}, {@code boolean}, {@code Pointer},
 * {@code byte[]}, {@code int[]}, ...), the name of a struct declared earlier, or a C type name ({@code 'size_t'}).
 */
final class TypeNotation {
    private static final Map<Class<?>, Object> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, DataType.String), Map.entry(CharSequence.class, DataType.String),
            Map.entry(int.class, DataType.I32), Map.entry(Integer.class, DataType.I32),
            Map.entry(long.class, DataType.I64), Map.entry(Long.class, DataType.I64),
            Map.entry(short.class, DataType.I16), Map.entry(Short.class, DataType.I16),
            Map.entry(byte.class, DataType.U8), Map.entry(Byte.class, DataType.U8),
            Map.entry(double.class, DataType.Double), Map.entry(Double.class, DataType.Double),
            Map.entry(float.class, DataType.Float), Map.entry(Float.class, DataType.Float),
            Map.entry(boolean.class, DataType.Boolean), Map.entry(Boolean.class, DataType.Boolean),
            Map.entry(void.class, DataType.Void), Map.entry(Void.class, DataType.Void),
            Map.entry(BigInteger.class, DataType.BigInt), Map.entry(Pointer.class, DataType.External),
            Map.entry(byte[].class, DataType.U8Array), Map.entry(int[].class, DataType.I32Array),
            Map.entry(short[].class, DataType.I16Array), Map.entry(double[].class, DataType.DoubleArray),
            Map.entry(float[].class, DataType.FloatArray), Map.entry(String[].class, DataType.StringArray),
            // no DataType arrays exist for these: C's pointers, whose values get C's writes back (out-parameters)
            Map.entry(long[].class, "int64_t *"), Map.entry(boolean[].class, "bool *"));

    private TypeNotation() {}

    /** The engine's description for a DSL type; {@code structs} holds the struct types declared by name. */
    static Object describe(Object notation, Map<String, Object> structs, String where) {
        return describe(notation, structs, where, 0, new IdentityHashMap<>());
    }

    /**
     * True where {@code notation} holds something only the DSL reads (a Java class, a struct declared by name in
     * the DSL), anywhere inside its maps and lists; false for what the engine reads as it is (DataType codes, C
     * type names, descriptions of those). Looks with a work list, each map once, so cyclic descriptions end.
     */
    static boolean needsDescribing(Object notation, Map<String, Object> structs) {
        if (isEnginesOwn(notation, structs)) {
            return false; // the common case, a DataType code, decided at once
        }
        if (notation instanceof List<?> list && allEnginesOwn(list, structs)) {
            return false; // a paramsType of codes and C names, decided without allocating: load's hot path
        }
        var pending = new ArrayList<Object>(); // may hold null (a missing type), which the engine names
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(notation);
        while (!pending.isEmpty()) {
            var next = pending.removeLast();
            switch (next) {
                case null -> {}
                case Class<?> type -> {
                    return true;
                }
                case CharSequence name
                when structs.containsKey(name.toString()) -> {
                    return true;
                }
                case Map<?, ?> map when seen.add(map) -> pending.addAll(map.values());
                case List<?> list when seen.add(list) -> pending.addAll(list);
                default -> {}
            }
        }
        return false;
    }

    /** True for a type the engine reads as it is and that holds no other: a DataType code, a C type name, null. */
    private static boolean isEnginesOwn(Object notation, Map<String, Object> structs) {
        return notation == null
                || notation instanceof Number
                || notation instanceof CharSequence name && !structs.containsKey(name.toString());
    }

    private static boolean allEnginesOwn(List<?> notations, Map<String, Object> structs) {
        for (var notation : notations) {
            if (!isEnginesOwn(notation, structs)) {
                return false;
            }
        }
        return true;
    }

    // depth: how many structs, arrays and functions enclose this notation; described: the maps described so far,
    // so that a struct whose field points back at it ([value: int, next: itself]) stays one cyclic description.
    // A description nesting deeper than the engine converts ends in the engine's limit and a message naming where.
    private static Object describe(
            Object notation,
            Map<String, Object> structs,
            String where,
            int depth,
            IdentityHashMap<Map<?, ?>, Map<String, Object>> described) {
        return switch (notation) {
            case Number code -> code;
            case Class<?> type when BY_CLASS.containsKey(type) -> BY_CLASS.get(type);
            case CharSequence name when structs.containsKey(name.toString()) -> structs.get(name.toString());
            case CharSequence cType -> cType.toString(); // a C type name, read by the engine: 'const char *'
            case NativeType type -> type;
            case Map<?, ?> map -> describeFields(map, structs, where, depth + 1, described);
            case null, default ->
                throw new FfiException(
                        where + ": " + notation + " is not a type: use a DataType code, a Java "
                                + "type (String, int, long, double, boolean, Pointer, byte[], int[] ...), a struct, a declared struct's name or a C type name");
        };
    }

    /**
     * A struct, array or function description with each type notation inside it described. Arrays and functions
     * are told apart from structs by their tag, so that a struct may have a field called {@code length}.
     */
    static Map<String, Object> describeFields(Map<?, ?> fields, Map<String, Object> structs, String where) {
        return describeFields(fields, structs, where, 0, new IdentityHashMap<>());
    }

    private static Map<String, Object> describeFields(
            Map<?, ?> fields,
            Map<String, Object> structs,
            String where,
            int depth,
            IdentityHashMap<Map<?, ?>, Map<String, Object>> described) {
        var known = described.get(fields);
        if (known != null) {
            return known;
        }
        if (depth > Nesting.MAX_DEPTH) {
            throw new FfiException(where + ": the description nests more than " + Nesting.MAX_DEPTH
                    + " levels deep (a description that contains itself?)");
        }
        var tag = fields.get("ffiTypeTag");
        boolean descriptor = tag instanceof Number n
                && (n.intValue() == DataType.Array
                        || n.intValue() == DataType.StackArray
                        || n.intValue() == DataType.Function);
        var copy = new LinkedHashMap<String, Object>();
        described.put(fields, copy);
        fields.forEach((name, type) -> {
            var key = String.valueOf(name);
            Object value;
            if (key.equals("ffiTypeTag")) {
                value = type;
            } else if (!descriptor) {
                value = describe(type, structs, where + "." + key, depth, described);
            } else {
                value = switch (key) {
                    case "type", "retType", "structItemType" ->
                        describe(type, structs, where + "." + key, depth, described);
                    case "paramsType" ->
                        type instanceof List<?> list
                                ? list.stream()
                                        .map(item -> describe(item, structs, where + ".paramsType", depth, described))
                                        .toList()
                                : type;
                    default -> type;
                };
            }
            copy.put(key, value);
        });
        return copy;
    }
}
