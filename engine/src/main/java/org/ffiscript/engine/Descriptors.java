package org.ffiscript.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;

/** ffi-rs's descriptor constructors: checked, immutable description maps for arrays and function pointers. */
public final class Descriptors {
    private Descriptors() {}

    /**
     * An array description: {@code {type, length?, ffiTypeTag?, dynamicArray?, structItemType?}}, tagged
     * {@code ffiTypeTag: DataType.Array} unless it asks for {@code DataType.StackArray} (an inline array).
     */
    public static Map<String, Object> arrayConstructor(Map<?, ?> options) {
        var description = new LinkedHashMap<String, Object>();
        options.forEach((key, value) -> description.put(String.valueOf(key), value));
        description.putIfAbsent(TypeDescriptions.TAG, DataType.Array);
        return checked("arrayConstructor", description);
    }

    /**
     * A C function pointer description: {@code {paramsType, retType, needFree?, freeCFuncParamsMemory?}}, tagged
     * {@code ffiTypeTag: DataType.Function}; its value is a {@link ScriptFunction}.
     */
    public static Map<String, Object> funcConstructor(Map<?, ?> options) {
        var description = new LinkedHashMap<String, Object>();
        description.put(TypeDescriptions.TAG, DataType.Function);
        description.put("needFree", false);
        description.put("freeCFuncParamsMemory", false);
        options.forEach((key, value) -> description.put(String.valueOf(key), value));
        return checked("funcConstructor", description);
    }

    private static Map<String, Object> checked(String where, Map<String, Object> description) {
        try {
            TypeDescriptions.parse(description);
        } catch (ValueMismatch e) {
            throw new FfiException(
                    where + ": " + e.path().replaceFirst("^\\.", "") + (e.path().isEmpty() ? "" : ": ") + e.detail());
        }
        return Collections.unmodifiableMap(description);
    }
}
