package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ffiscript.engine.Pointer;

/**
 * A pointer to data of a known type, as a C declaration names it ({@code int *}, {@code double *},
 * {@code char **}). As an argument it takes a pointer, null, a byte buffer C may write into, or a list (or
 * Java array) of values written out as consecutive elements; read back it is a pointer, since C does not say how many
 * elements are behind it.
 *
 * @param target the type pointed at
 */
public record PointerToType(NativeType target) implements NativeType {

    @Override
    public String displayName() {
        return target.displayName() + "*";
    }

    @Override
    public String expectation() {
        return "a pointer, null, a byte buffer or a list of " + target.displayName();
    }

    @Override
    public MemoryLayout layout() {
        return ADDRESS;
    }

    @Override
    public boolean allocates() {
        return true;
    }

    @Override
    public Object toNative(Object value, NativeMemory memory) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case Pointer p -> p.segment();
            case List<?> list -> elements(list, memory);
            case Object[] array -> elements(Arrays.asList(array), memory);
            case Object array when array.getClass().isArray() && !(array instanceof byte[]) -> elements(primitives(array), memory);
            default -> {
                var buffer = InPlaceBytes.toNative(value, memory);
                if (buffer == null) {
                    throw ValueMismatch.of(this, value);
                }
                yield buffer;
            }
        };
    }

    private MemorySegment elements(List<?> values, NativeMemory memory) {
        var depth = Nesting.enterValue(); // an element may be a list again, down to the list itself
        try {
            return elementsWithin(values, memory);
        } finally {
            depth[0]--;
        }
    }

    private MemorySegment elementsWithin(List<?> values, NativeMemory memory) {
        var layout = target.layout();
        var elements = memory.allocate(layout.byteSize() * Math.max(values.size(), 1), layout.byteAlignment());
        for (int i = 0; i < values.size(); i++) {
            try {
                target.write(elements.asSlice(i * layout.byteSize(), layout.byteSize()), values.get(i), memory);
            } catch (ValueMismatch e) {
                throw e.within("[" + i + "]");
            }
        }
        return elements;
    }

    /** A {@code long[]}, {@code int[]}, {@code double[]} ... as a list of its boxed values. */
    private static List<Object> primitives(Object array) {
        var values = new ArrayList<>(Array.getLength(array));
        for (int i = 0; i < Array.getLength(array); i++) {
            values.add(Array.get(array, i));
        }
        return values;
    }

    @Override
    public Object fromNative(Object carrier) {
        return Pointer.of((MemorySegment) carrier);
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        at.set(ADDRESS_UNALIGNED, 0, (MemorySegment) toNative(value, memory));
    }

    @Override
    public Object read(MemorySegment at) {
        return fromNative(at.get(ADDRESS_UNALIGNED, 0));
    }

    @Override
    public String toString() {
        return displayName();
    }
}
