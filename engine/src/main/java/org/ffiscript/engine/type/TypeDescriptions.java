package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;

/**
 * Turns the type descriptions scripts write into {@link NativeType}s: DataType codes, array descriptors from
 * {@code arrayConstructor} (maps tagged {@code ffiTypeTag: Array} or {@code StackArray}), function descriptors
 * from {@code funcConstructor} (tagged {@code ffiTypeTag: Function}), and struct maps
 * (field name to description, optionally tagged {@code ffiTypeTag: StackStruct}). A struct map may refer to
 * itself, directly or through other maps, for recursive C structs. A string is a C type name
 * ({@code "const char *"}, {@code "struct Point"}), read in the engine's {@link CDeclarations}.
 */
public final class TypeDescriptions {
    /** The key that tags a description map as an array, a function or a by-value struct. */
    public static final String TAG = "ffiTypeTag";

    private final IdentityHashMap<Map<?, ?>, StructType> structs = new IdentityHashMap<>();
    private final IdentityHashMap<Map<?, ?>, Boolean> incomplete = new IdentityHashMap<>();
    private static final CDeclarations BUILT_IN_NAMES_ONLY = new CDeclarations(null);

    private final CDeclarations declarations;
    private int depth;

    private TypeDescriptions(CDeclarations declarations) {
        this.declarations = declarations == null ? BUILT_IN_NAMES_ONLY : declarations;
    }

    /**
     * The type a description stands for, checked but not usable for callbacks: for validation and layouts.
     *
     * @throws ValueMismatch when the description names no type, with the path inside it
     */
    public static NativeType parse(Object description) {
        return parse(description, BUILT_IN_NAMES_ONLY);
    }

    /**
     * The type a description stands for, C type names looked up in {@code declarations}; function descriptions
     * make their callbacks through its upcalls.
     *
     * @throws ValueMismatch when the description names no type, with the path inside it
     */
    public static NativeType parse(Object description, CDeclarations declarations) {
        return new TypeDescriptions(declarations).type(description);
    }

    private NativeType type(Object description) {
        if (depth == Nesting.MAX_DEPTH) {
            throw Nesting.tooDeep("the description", "does a struct contain itself by value, or a function itself?");
        }
        depth++;
        try {
            return typeWithin(description);
        } finally {
            depth--;
        }
    }

    private NativeType typeWithin(Object description) {
        return switch (description) {
            case NativeType type -> type;
            case Map<?, ?> map -> ofMap(map);
            case Number n when isWholeInt(n) -> ofCode(n.intValue());
            case CharSequence cType -> declarations.type(cType.toString());
            case null, default ->
                throw new ValueMismatch(
                        "expected a DataType code, a C type name, an arrayConstructor or a struct description, got "
                                + ValueText.of(description));
        };
    }

    private static boolean isWholeInt(Number n) {
        return n.doubleValue() == n.intValue();
    }

    private static NativeType ofCode(int code) {
        var type = BasicType.ofCode(code);
        if (type != null) {
            return type;
        }
        var element = arrayElement(code);
        if (element != null) {
            return new ArrayType(arrayName(code), element, -1, false);
        }
        throw new ValueMismatch(
                switch (code) {
                    case DataType.StructArray ->
                        "StructArray needs its element type: arrayConstructor({type: DataType.StructArray, "
                                + "structItemType: {...}, length})";
                    case DataType.StackStruct, DataType.StackArray, DataType.Array, DataType.Function ->
                        "type code " + code
                                + " is a tag: use it as ffiTypeTag inside a struct, arrayConstructor or funcConstructor description";
                    default -> "unknown type code " + code + " (see DataType for the valid codes)";
                });
    }

    private NativeType ofMap(Map<?, ?> map) {
        var tag = map.get(TAG);
        if (tag == null || isCode(tag, DataType.StackStruct)) {
            return struct(map, tag != null);
        }
        if (isCode(tag, DataType.Array) || isCode(tag, DataType.StackArray) || "array".equals(tag)) {
            return array(map, isCode(tag, DataType.StackArray));
        }
        if (isCode(tag, DataType.Function)) {
            return function(map);
        }
        throw new ValueMismatch(TAG + ": expected DataType.StackStruct, DataType.StackArray or DataType.Array, got "
                + ValueText.of(tag));
    }

    private static boolean isCode(Object value, int code) {
        return value instanceof Number n && isWholeInt(n) && n.intValue() == code;
    }

    private StructType struct(Map<?, ?> map, boolean byValue) {
        var known = structs.get(map);
        if (known != null) {
            if (incomplete.containsKey(map) && byValue) {
                throw new ValueMismatch("a struct cannot contain itself by value");
            }
            return known;
        }
        var struct = new StructType(byValue);
        structs.put(map, struct);
        incomplete.put(map, true);
        var names = new ArrayList<String>();
        var types = new ArrayList<NativeType>();
        for (var entry : map.entrySet()) {
            if (TAG.equals(entry.getKey())) {
                continue;
            }
            if (!(entry.getKey() instanceof String name) || name.isEmpty()) {
                throw new ValueMismatch(
                        "struct field names must be non-empty strings, got " + ValueText.of(entry.getKey()));
            }
            try {
                var fieldType = type(entry.getValue());
                if (fieldType == BasicType.VOID) {
                    throw new ValueMismatch("Void is not a field type");
                }
                names.add(name);
                types.add(fieldType);
            } catch (ValueMismatch e) {
                throw e.within("." + name);
            }
        }
        if (byValue && names.isEmpty()) {
            throw new ValueMismatch("a struct passed by value (StackStruct) needs at least one field");
        }
        struct.complete(names, types);
        incomplete.remove(map);
        return struct;
    }

    private FunctionType function(Map<?, ?> map) {
        if (!(map.get("paramsType") instanceof List<?> paramsType)) {
            throw new ValueMismatch("paramsType: expected a list of types, got " + ValueText.of(map.get("paramsType")));
        }
        var params = new ArrayList<NativeType>();
        for (int i = 0; i < paramsType.size(); i++) {
            try {
                var param = type(paramsType.get(i));
                if (param == BasicType.VOID) {
                    throw new ValueMismatch("Void is only valid as retType");
                }
                params.add(param);
            } catch (ValueMismatch e) {
                throw e.within(".paramsType[" + i + "]");
            }
        }
        NativeType result;
        try {
            if (map.get("retType") == null) {
                throw new ValueMismatch("missing required key 'retType'");
            }
            result = type(map.get("retType"));
        } catch (ValueMismatch e) {
            throw e.within(".retType");
        }
        var function = new FunctionType(
                List.copyOf(params),
                result,
                flag(map, "needFree"),
                flag(map, "freeCFuncParamsMemory"),
                declarations.upcalls());
        var unsupported = function.unsupported();
        if (unsupported != null) {
            throw new ValueMismatch(unsupported);
        }
        return function;
    }

    private static boolean flag(Map<?, ?> map, String key) {
        return switch (map.get(key)) {
            case null -> false;
            case Boolean b -> b;
            default -> throw new ValueMismatch(key + ": expected true or false, got " + ValueText.of(map.get(key)));
        };
    }

    private ArrayType array(Map<?, ?> map, boolean inline) {
        var type = map.get("type");
        if (!(type instanceof Number code)
                || !isWholeInt(code)
                || (arrayElement(code.intValue()) == null && code.intValue() != DataType.StructArray)) {
            throw new ValueMismatch(
                    "type: expected an array DataType (U8Array, I16Array, I32Array, FloatArray, DoubleArray, "
                            + "StringArray, StructArray), got " + ValueText.of(type));
        }
        int length = length(map.get("length"), inline);
        NativeType element;
        if (code.intValue() == DataType.StructArray) {
            // A struct description, or any other way of naming a struct: a C name ('struct Point'), a declared type.
            var itemType = map.get("structItemType");
            if (itemType == null || itemType instanceof Number) {
                throw new ValueMismatch("structItemType: expected a struct description, got " + ValueText.of(itemType));
            }
            try {
                element = type(itemType);
            } catch (ValueMismatch e) {
                throw e.within(".structItemType");
            }
            if (!(element instanceof StructType)) {
                throw new ValueMismatch("structItemType: expected a struct description, got " + element.displayName());
            }
        } else {
            element = arrayElement(code.intValue());
        }
        return new ArrayType(arrayName(code.intValue()), element, length, inline);
    }

    private static int length(Object value, boolean inline) {
        if (value == null) {
            if (inline) {
                throw new ValueMismatch("length: an inline array (StackArray) needs a length");
            }
            return -1;
        }
        if (value instanceof Number n
                && isWholeInt(n)
                && n.intValue() >= 0
                && n.intValue() <= ArrayType.MAX_LENGTH
                && (!inline || n.intValue() > 0)) {
            return n.intValue();
        }
        throw new ValueMismatch("length: expected a whole number from " + (inline ? 1 : 0) + " to "
                + ArrayType.MAX_LENGTH + ", got " + ValueText.of(value));
    }

    private static NativeType arrayElement(int code) {
        return switch (code) {
            case DataType.U8Array -> BasicType.U8;
            case DataType.I16Array -> BasicType.I16;
            case DataType.I32Array -> BasicType.I32;
            case DataType.FloatArray -> BasicType.FLOAT;
            case DataType.DoubleArray -> BasicType.DOUBLE;
            case DataType.StringArray -> BasicType.STRING;
            default -> null;
        };
    }

    private static String arrayName(int code) {
        return switch (code) {
            case DataType.U8Array -> "U8Array";
            case DataType.I16Array -> "I16Array";
            case DataType.I32Array -> "I32Array";
            case DataType.FloatArray -> "FloatArray";
            case DataType.DoubleArray -> "DoubleArray";
            case DataType.StringArray -> "StringArray";
            case DataType.StructArray -> "StructArray";
            default -> throw new IllegalArgumentException("not an array code: " + code);
        };
    }
}
