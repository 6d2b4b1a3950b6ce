package org.ffiscript.engine;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.memory.LibC;
import org.ffiscript.engine.type.BasicType;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.StoredTypes;
import org.ffiscript.engine.type.TypeDescriptions;
import org.ffiscript.engine.type.ValueMismatch;
import org.ffiscript.engine.type.ValueText;

/** ffi-rs's pointer tools, over the memory one engine owns. */
final class PointerTools {
    private final PointerRegistry registry;
    private final CDeclarations declarations;
    private final AccessPolicy policy;

    PointerTools(PointerRegistry registry, CDeclarations declarations, AccessPolicy policy) {
        this.registry = registry;
        this.declarations = declarations;
        this.policy = policy;
    }

    List<Pointer> createPointer(Map<?, ?> spec) {
        policy.checkPointerTools("createPointer");
        var where = "createPointer";
        described(spec, where, "{paramsType, paramsValue}");
        var types = list(spec, "paramsType", where);
        var values = list(spec, "paramsValue", where);
        sameLength(types, values, where);
        var pointers = new ArrayList<Pointer>(values.size());
        for (int i = 0; i < values.size(); i++) {
            var type = type(types.get(i), declarations, where + ": paramsType[" + i + "]");
            var value = values.get(i);
            var position = where + ": paramsValue[" + i + "]";
            if (type == BasicType.VOID) {
                if (value != null) {
                    throw new FfiException(
                            position + ": expected no value for Void (null or undefined), got " + ValueText.of(value));
                }
                // As in ffi-rs: a pointer to a NULL pointer, which unwrapPointer turns into NULL.
                pointers.add(registry.allocate(
                        ADDRESS.byteSize(), ADDRESS.byteAlignment(), BasicType.EXTERNAL, (target, memory) -> {}));
                continue;
            }
            try {
                pointers.add(registry.allocate(
                        type.layout().byteSize(),
                        type.layout().byteAlignment(),
                        StoredTypes.written(type, value),
                        (target, memory) -> type.write(target, value, memory)));
            } catch (ValueMismatch e) {
                throw e.at(position);
            }
        }
        return pointers;
    }

    List<Object> restorePointer(Map<?, ?> spec) {
        policy.checkPointerTools("restorePointer");
        var where = "restorePointer";
        described(spec, where, "{retType, paramsValue}");
        var types = list(spec, "retType", where);
        var pointers = list(spec, "paramsValue", where);
        sameLength(types, pointers, where);
        var values = new ArrayList<>(pointers.size());
        for (int i = 0; i < pointers.size(); i++) {
            var type = type(types.get(i), declarations, where + ": retType[" + i + "]");
            if (type.unreadable() != null) {
                throw new FfiException(where + ": retType[" + i + "]: " + type.unreadable());
            }
            var position = where + ": paramsValue[" + i + "]";
            var pointer = pointer(pointers.get(i), position);
            values.add(
                    pointer.isNull() || type == BasicType.VOID
                            ? null
                            : read(pointer, type, position, where + ": retType[" + i + "]", type::read));
        }
        return values;
    }

    /**
     * Reads what {@code pointer} points at as {@code type}. Memory an engine allocated is read only while it is
     * not freed, and only as a type that fits what was written there; other memory is the script's to know.
     */
    private <T> T read(
            Pointer pointer,
            NativeType type,
            String pointerPosition,
            String typePosition,
            java.util.function.Function<MemorySegment, T> read) {
        var allocation = registry.allocationOf(pointer);
        if (allocation == null) {
            return read.apply(pointer.segment().reinterpret(type.layout().byteSize()));
        }
        var mismatch = StoredTypes.mismatch(allocation.written(), type);
        if (mismatch != null) {
            throw new FfiException(typePosition + ": " + mismatch);
        }
        return allocation.read(
                pointer.segment(),
                read,
                reason -> new FfiException(pointerPosition + ": " + pointer + " cannot be read: " + reason));
    }

    List<Pointer> unwrapPointer(List<?> pointers) {
        policy.checkPointerTools("unwrapPointer");
        listed(pointers, "unwrapPointer");
        var unwrapped = new ArrayList<Pointer>(pointers.size());
        for (int i = 0; i < pointers.size(); i++) {
            var position = "unwrapPointer: [" + i + "]";
            var pointer = pointer(pointers.get(i), position);
            if (pointer.isNull()) {
                throw new FfiException(position + ": cannot read through a NULL pointer");
            }
            unwrapped.add(read(pointer, BasicType.EXTERNAL, position, position, at -> Pointer.of(at.get(ADDRESS, 0))));
        }
        return unwrapped;
    }

    List<Pointer> wrapPointer(List<?> pointers) {
        policy.checkPointerTools("wrapPointer");
        listed(pointers, "wrapPointer");
        var wrapped = new ArrayList<Pointer>(pointers.size());
        for (int i = 0; i < pointers.size(); i++) {
            var target = pointer(pointers.get(i), "wrapPointer: [" + i + "]").segment();
            wrapped.add(registry.allocate(
                    ADDRESS.byteSize(),
                    ADDRESS.byteAlignment(),
                    BasicType.EXTERNAL,
                    (slot, memory) -> slot.set(ADDRESS, 0, target)));
        }
        return wrapped;
    }

    void freePointer(Map<?, ?> spec) {
        policy.checkPointerTools("freePointer");
        var where = "freePointer";
        described(spec, where, "{paramsType, paramsValue, pointerType}");
        var pointers = list(spec, "paramsValue", where);
        var types = spec.get("paramsType") == null ? null : list(spec, "paramsType", where);
        if (types != null) {
            sameLength(types, pointers, where);
            for (int i = 0; i < types.size(); i++) {
                type(types.get(i), declarations, where + ": paramsType[" + i + "]");
            }
        }
        var pointerType = spec.get("pointerType");
        boolean engineMemory = pointerType == null || isCode(pointerType, PointerType.RsPointer);
        if (!engineMemory && !isCode(pointerType, PointerType.CPointer)) {
            throw new FfiException(
                    where + ": pointerType: expected PointerType.RsPointer (0) or PointerType.CPointer (1), got "
                            + ValueText.of(pointerType));
        }
        for (int i = 0; i < pointers.size(); i++) {
            var position = where + ": paramsValue[" + i + "]";
            var pointer = pointer(pointers.get(i), position);
            if (engineMemory) {
                registry.free(pointer, reason -> {
                    throw new FfiException(position + ": " + reason);
                });
            } else if (registry.owns(pointer)) {
                throw new FfiException(position + ": " + pointer + " was allocated by this engine; free it with "
                        + "pointerType: PointerType.RsPointer");
            } else {
                LibC.free(pointer.segment());
            }
        }
    }

    static boolean isNullPointer(Object value) {
        return pointer(value, "isNullPointer").isNull();
    }

    ByteBuffer createExternalBuffer(Object pointer, Object length) {
        var where = "createExternalBuffer";
        policy.checkPointerTools(where);
        var address = pointer(pointer, where + ": pointer");
        if (address.isNull()) {
            throw new FfiException(where + ": pointer: cannot view memory at a NULL pointer");
        }
        if (!(length instanceof Number n)
                || n.doubleValue() != n.longValue()
                || n.longValue() < 0
                || n.longValue() > Integer.MAX_VALUE) {
            throw new FfiException(where + ": length: expected a whole number from 0 to " + Integer.MAX_VALUE + ", got "
                    + ValueText.of(length));
        }
        var allocation = registry.allocationOf(address);
        if (allocation != null && (allocation.freed() || n.longValue() > allocation.size())) {
            throw new FfiException(where + ": "
                    + (allocation.freed()
                            ? "pointer: " + address + " cannot be viewed: the memory behind it was freed (freePointer)"
                            : "length: expected at most " + allocation.size()
                                    + " (the bytes createPointer allocated at " + address + "), got "
                                    + ValueText.of(length)));
        }
        return address.segment().reinterpret(n.longValue()).asByteBuffer();
    }

    /** Refuses a missing description (Groovy's null, Java's) before anything reads from it. */
    private static void described(Map<?, ?> spec, String where, String shape) {
        if (spec == null) {
            throw new FfiException(where + ": expected a description " + shape + ", got null");
        }
    }

    private static void listed(List<?> pointers, String where) {
        if (pointers == null) {
            throw new FfiException(where + ": expected a list of pointers, got null");
        }
    }

    static Pointer pointer(Object value, String where) {
        return switch (value) {
            case null -> Pointer.NULL;
            case Pointer p -> p;
            case MemorySegment m when m.isNative() -> Pointer.of(m);
            case NativeBuffer buffer when buffer.isOpen() -> buffer.pointer();
            case NativeBuffer buffer ->
                throw new FfiException(where + ": expected a pointer, got a closed NativeBuffer (its memory is freed)");
            default -> throw new FfiException(where + ": expected a pointer, got " + ValueText.of(value));
        };
    }

    static NativeType type(Object description, CDeclarations declarations, String where) {
        try {
            return TypeDescriptions.parse(description, declarations);
        } catch (ValueMismatch e) {
            throw e.at(where);
        }
    }

    private static List<?> list(Map<?, ?> spec, String key, String where) {
        return switch (spec.get(key)) {
            case List<?> list -> list;
            case Object[] array -> Arrays.asList(array);
            case null -> throw new FfiException(where + ": missing required key '" + key + "'");
            default ->
                throw new FfiException(where + ": " + key + ": expected a list, got " + ValueText.of(spec.get(key)));
        };
    }

    private static void sameLength(List<?> types, List<?> values, String where) {
        if (types.size() != values.size()) {
            throw new FfiException(where + ": paramsValue has " + values.size() + " values but "
                    + (where.equals("restorePointer") ? "retType" : "paramsType") + " declares " + types.size());
        }
    }

    private static boolean isCode(Object value, int code) {
        return value instanceof Number n && n.doubleValue() == code;
    }
}
