package org.ffiscript.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;

/** ffi-rs's descriptor constructors: checked, immutable description maps for arrays (and, later, functions). */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * An array description: {@code {type, length?, ffiTypeTag?, dynamicArray?, structItemType?}}, tagged
     * {@code ffiTypeTag: DataType.Array} unless it asks for {@code DataType.StackArray} (an inline array).
     */
    public static Map<String, Object> arrayConstructor(Map<?, ?> options) {
        var description = new LinkedHashMap<String, Object>();
        options.forEach((key, value) -> description.put(String.valueOf(key), value));
        description.putIfAbsent(TypeDescriptions.TAG, DataType.Array);
        try {
            TypeDescriptions.parse(description);
        } catch (ValueMismatch e) {
            throw new FfiException("arrayConstructor: " + e.path().replaceFirst("^\\.", "") + (e.path().isEmpty() ? "" : ": ")
                    + e.detail());
        }
        return Collections.unmodifiableMap(description);
    }
}
