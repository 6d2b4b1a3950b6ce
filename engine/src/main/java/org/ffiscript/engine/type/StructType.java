package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.memory.LibC;

/**
 * A C struct described as an ordered map of field names to types. Laid out by the C ABI's rules for x86-64
 * and AArch64 (each field at the next multiple of its alignment, the size rounded up to the largest alignment).
 * By default it is handled through a pointer, as ffi-rs does; with {@code ffiTypeTag: StackStruct} it is passed,
 * returned and embedded by value. A struct with no fields ({@code {}}) is a pointer that is never followed.
 * Values are maps from field name to value.
 */
public final class StructType implements NativeType {
    /** One field, at its offset. */
    public record Field(String name, NativeType type, long offset) {}

    // Struct pointers can form cycles in C data (a circular list) and chains of any length (a list of a million
    // nodes): reading and freeing through them keeps a work list per thread instead of recursing.
    private static final ThreadLocal<Decoding> DECODING = new ThreadLocal<>();
    private static final ThreadLocal<Freeing> FREEING = new ThreadLocal<>();

    /**
     * The structs one outermost read has met, by address (a cycle in C's data becomes a cycle of maps), and those
     * whose fields are still to read. A struct met through a pointer is handed out as an empty map at once and
     * filled by the outermost read, so the stack never grows with the length of a chain.
     */
    private static final class Decoding {
        private final Map<Long, Map<String, Object>> seen = new HashMap<>();
        private final ArrayDeque<Object> pending = new ArrayDeque<>(); // pairs: struct type, then its address
        private final ArrayDeque<Map<String, Object>> maps =
                new ArrayDeque<>(); // the map of each pending struct, in order
    }

    /** The struct pointers one outermost free has met (each freed once), and those whose fields are still to free. */
    private static final class Freeing {
        private final Set<Long> seen = new HashSet<>();
        private final ArrayDeque<Object> pending = new ArrayDeque<>(); // pairs: struct type, then its address
    }

    private final boolean byValue;
    private final boolean readOnly; // a pointer to a const struct: C only reads it, so a map is not copied back
    private List<Field> fields;
    private StructLayout structLayout;
    private String fieldNames;

    /** A struct whose fields are set by {@link #complete}: a field may point back at the struct itself. */
    StructType(boolean byValue) {
        this(byValue, false);
    }

    private StructType(boolean byValue, boolean readOnly) {
        this.byValue = byValue;
        this.readOnly = readOnly;
    }

    /** A pointer to a struct C only reads ({@code const struct S *}), its fields set by {@link #complete}. */
    static StructType readOnlyPointer() {
        return new StructType(false, true);
    }

    /** Lays the struct out once its field types are known. */
    void complete(List<String> names, List<NativeType> types) {
        var laidOut = new ArrayList<Field>();
        var members = new ArrayList<MemoryLayout>();
        long offset = 0;
        long maxAlignment = 1;
        for (int i = 0; i < names.size(); i++) {
            var layout = types.get(i).layout();
            long alignment = layout.byteAlignment();
            long aligned = (offset + alignment - 1) / alignment * alignment;
            if (aligned > offset) {
                members.add(MemoryLayout.paddingLayout(aligned - offset));
            }
            members.add(layout.withName(names.get(i)));
            laidOut.add(new Field(names.get(i), types.get(i), aligned));
            offset = aligned + layout.byteSize();
            maxAlignment = Math.max(maxAlignment, alignment);
        }
        long size = (offset + maxAlignment - 1) / maxAlignment * maxAlignment;
        if (size > offset) {
            members.add(MemoryLayout.paddingLayout(size - offset));
        }
        this.fields = List.copyOf(laidOut);
        this.structLayout = MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new));
        this.fieldNames = String.join(", ", names);
    }

    /** The same struct, handled by value or through a pointer. */
    StructType withByValue(boolean value) {
        if (value == byValue) {
            return this;
        }
        var twin = new StructType(value);
        twin.complete(
                fields.stream().map(Field::name).toList(),
                fields.stream().map(Field::type).toList());
        return twin;
    }

    /** The fields in declaration order, with their offsets. */
    public List<Field> fields() {
        return fields;
    }

    /** The struct's own layout (size, alignment, padding), whether it is handled by value or by pointer. */
    public StructLayout structLayout() {
        return structLayout;
    }

    /** True for a struct passed, returned and embedded by value; false for one handled through a pointer. */
    boolean byValue() {
        return byValue;
    }

    private boolean opaque() {
        return fields.isEmpty() && !byValue;
    }

    @Override
    public String displayName() {
        var shown = fields.size() <= 4
                ? fieldNames
                : String.join(
                                ", ",
                                fields.subList(0, 4).stream().map(Field::name).toList()) + ", ...";
        return (byValue ? "struct {" : "struct* {") + shown + "}";
    }

    @Override
    public String expectation() {
        return opaque()
                ? "an object, a pointer or null (the pointer is not followed)"
                : byValue
                        ? "an object with the fields " + fieldNames
                        : "an object with the fields " + fieldNames + ", a pointer to such a struct, or null";
    }

    @Override
    public MemoryLayout layout() {
        return byValue ? structLayout : ADDRESS;
    }

    @Override
    public boolean allocates() {
        return !opaque();
    }

    @Override
    public String unreadable() {
        return unreadable(new HashSet<>());
    }

    private String unreadable(Set<StructType> visited) {
        if (!visited.add(this) || fields == null) {
            return null; // seen already, or still being declared: its members are checked as they are declared
        }
        for (var field : fields) {
            var reason = field.type() instanceof StructType struct
                    ? struct.unreadable(visited)
                    : field.type().unreadable();
            if (reason != null) {
                return "field " + field.name() + ": " + reason;
            }
        }
        return null;
    }

    /**
     * By value: the struct's bytes. Through a pointer: a pointer as it is (memory the script or C keeps, passed
     * without a copy), null as NULL, or a map copied into memory of the call. Unless the struct is {@code const},
     * what C changes in that copy is read back into the map after the call, field by field: only the fields
     * whose bytes C changed are read again, so the map keeps its own values (and nested maps) elsewhere.
     */
    @Override
    public Object toNative(Object value, NativeMemory memory) {
        if (!byValue) {
            var address = Addresses.of(value);
            if (address != null) {
                return address;
            }
        }
        if (opaque() || (value == null && !byValue)) {
            checkOpaqueValue(value);
            return MemorySegment.NULL;
        }
        var struct = memory.allocate(structLayout).fill((byte) 0); // no stray bytes in the padding
        writeFields(struct, value, memory);
        if (!byValue && !readOnly && memory.temporary()) {
            memory.copyBackAfterCall(struct, new FieldsWriteBack(this, (Map<?, ?>) value, struct.toArray(JAVA_BYTE)));
        }
        return struct;
    }

    /** A map copied into a struct for a call, with the struct's bytes as they were when C got them. */
    private record FieldsWriteBack(StructType type, Map<?, ?> map, byte[] before) implements WriteBack {
        @Override
        public void writeBack(MemorySegment struct) {
            for (var field : type.fields) {
                var now = slice(struct, field);
                var then = MemorySegment.ofArray(before).asSlice(field.offset(), now.byteSize());
                if (now.mismatch(then) >= 0) {
                    put(field.name(), field.type().read(now));
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void put(String name, Object value) {
            try {
                ((Map<Object, Object>) map).put(name, value);
            } catch (UnsupportedOperationException immutable) {
                // Map.of and other maps that cannot change keep their values: there is nowhere to put C's
            }
        }
    }

    @Override
    public Object fromNative(Object carrier) {
        var address = (MemorySegment) carrier;
        if (byValue) {
            return readFields(address);
        }
        if (opaque()) {
            return new LinkedHashMap<String, Object>();
        }
        return address.address() == 0 ? null : readThroughPointer(address);
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        if (byValue) {
            writeFields(at, value, memory);
        } else {
            at.set(ADDRESS_UNALIGNED, 0, (MemorySegment) toNative(value, memory));
        }
    }

    @Override
    public Object read(MemorySegment at) {
        return fromNative(byValue ? at : at.get(ADDRESS_UNALIGNED, 0));
    }

    @Override
    public Object readShallow(MemorySegment at) {
        if (!byValue) {
            return NativeType.super.readShallow(at);
        }
        var values = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            values.put(field.name(), field.type().readShallow(slice(at, field)));
        }
        return values;
    }

    /** The bytes of {@code field} within the struct at {@code struct}. */
    private static MemorySegment slice(MemorySegment struct, Field field) {
        return struct.asSlice(field.offset(), field.type().layout().byteSize());
    }

    @Override
    public void free(Object carrier) {
        var address = (MemorySegment) carrier;
        if (byValue) {
            freeFields(address);
            return;
        }
        if (opaque() || address.address() == 0) {
            return;
        }
        var freeing = FREEING.get();
        if (freeing != null) { // inside another struct's fields: freed by the outermost free, in turn
            if (freeing.seen.add(address.address())) {
                freeing.pending.add(this);
                freeing.pending.add(address);
            }
            return;
        }
        FREEING.set(freeing = new Freeing());
        try {
            freeing.seen.add(address.address());
            freeing.pending.add(this);
            freeing.pending.add(address);
            while (!freeing.pending.isEmpty()) {
                var type = (StructType) freeing.pending.poll();
                var struct = (MemorySegment) freeing.pending.poll();
                type.freeFields(struct.reinterpret(type.structLayout.byteSize()));
                LibC.free(struct);
            }
        } finally {
            FREEING.remove();
        }
    }

    @Override
    public void freeAt(MemorySegment at) {
        free(byValue ? at : at.get(ADDRESS_UNALIGNED, 0));
    }

    private void checkOpaqueValue(Object value) {
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw ValueMismatch.of(this, value);
        }
    }

    private void writeFields(MemorySegment struct, Object value, NativeMemory memory) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ValueMismatch.of(this, value);
        }
        var depth = Nesting.enterValue(); // a field may hold this struct again: a list, or a value containing itself
        try {
            writeFields(struct, map, memory);
        } finally {
            depth[0]--;
        }
    }

    private void writeFields(MemorySegment struct, Map<?, ?> map, NativeMemory memory) {
        for (var field : fields) {
            var fieldValue = map.get(field.name());
            if (fieldValue == null && !map.containsKey(field.name())) {
                throw new ValueMismatch("missing field '" + field.name() + "'; the struct's fields are " + fieldNames);
            }
            try {
                field.type().write(slice(struct, field), fieldValue, memory);
            } catch (ValueMismatch e) {
                throw e.within("." + field.name());
            }
        }
        if (map.size() > fields.size()) {
            for (var key : map.keySet()) {
                if (fields.stream().noneMatch(field -> field.name().equals(key))) {
                    throw new ValueMismatch(
                            "unknown field " + ValueText.of(key) + "; the struct's fields are " + fieldNames);
                }
            }
        }
    }

    private Map<String, Object> readThroughPointer(MemorySegment address) {
        var decoding = DECODING.get();
        if (decoding != null) { // inside another struct's fields: filled by the outermost read, in turn
            return mapFor(address, decoding);
        }
        DECODING.set(decoding = new Decoding());
        try {
            var root = mapFor(address, decoding);
            while (!decoding.pending.isEmpty()) {
                var type = (StructType) decoding.pending.poll();
                var struct = (MemorySegment) decoding.pending.poll();
                type.fillFields(decoding.maps.poll(), struct.reinterpret(type.structLayout.byteSize()));
            }
            return root;
        } finally {
            DECODING.remove();
        }
    }

    /** The map for the struct at {@code address}: the one made already (a cycle), or a new one queued for filling. */
    private Map<String, Object> mapFor(MemorySegment address, Decoding decoding) {
        var seen = decoding.seen.get(address.address());
        if (seen != null) {
            return seen;
        }
        var values = new LinkedHashMap<String, Object>();
        decoding.seen.put(address.address(), values);
        decoding.pending.add(this);
        decoding.pending.add(address);
        decoding.maps.add(values);
        return values;
    }

    private Map<String, Object> readFields(MemorySegment struct) {
        var values = new LinkedHashMap<String, Object>();
        fillFields(values, struct);
        return values;
    }

    private void fillFields(Map<String, Object> values, MemorySegment struct) {
        for (var field : fields) {
            values.put(field.name(), field.type().read(slice(struct, field)));
        }
    }

    private void freeFields(MemorySegment struct) {
        for (var field : fields) {
            field.type().freeAt(slice(struct, field));
        }
    }

    @Override
    public String toString() {
        return displayName();
    }
}
