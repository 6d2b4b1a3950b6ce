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
 * {@code char **}). As an argument it takes a pointer or native buffer (passed as it is), null, a byte buffer C
 * may write into, or a list (or Java array) of values written out as consecutive elements: an in/out parameter.
 * Unless the data is {@code const}, what C wrote there is read back into the list or array after the call
 * ({@code long[] destLen = {n}} for zlib's {@code uLongf *destLen}). Read back it is a pointer, since C does not
 * say how many elements are behind it.
 *
 * @param target   the type pointed at
 * @param readOnly true for a pointer to {@code const} data, which C only reads: nothing is copied back
 */
public record PointerToType(NativeType target, boolean readOnly) implements NativeType {

    @Override
    public String displayName() {
        return (readOnly ? "const " : "") + target.displayName() + "*";
    }

    @Override
    public String expectation() {
        return "a pointer, null, a byte buffer, or a list or array of " + target.displayName()
                + (readOnly ? "" : " (C's writes are read back into it)");
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
            case List<?> list -> elements(list, list, memory);
            case Object[] array -> elements(Arrays.asList(array), array, memory);
            case Object array
            when array.getClass().isArray() && !(array instanceof byte[]) -> elements(primitives(array), array, memory);
            default -> {
                var buffer = InPlaceBytes.toNative(value, memory);
                if (buffer == null) {
                    throw ValueMismatch.of(this, value);
                }
                yield buffer;
            }
        };
    }

    /** Writes {@code values} out as consecutive elements; {@code source}, the script's list or array, gets C's writes back. */
    private MemorySegment elements(List<?> values, Object source, NativeMemory memory) {
        var depth = Nesting.enterValue(); // an element may be a list again, down to the list itself
        MemorySegment elements;
        try {
            elements = elementsWithin(values, memory);
        } finally {
            depth[0]--;
        }
        if (!readOnly && !values.isEmpty() && memory.temporary() && StoredTypes.followsNoPointer(target)) {
            memory.copyBackAfterCall(elements, new ElementsWriteBack(target, source, values.size()));
        }
        return elements;
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

    /**
     * A list or Java array that C's writes go back into, element by element, each read as the element type.
     * Only types that follow no pointer are read back, so stray bytes C left are never taken for an address.
     * A list that cannot change (List.of) keeps its elements.
     */
    private record ElementsWriteBack(NativeType element, Object target, int count) implements WriteBack {
        @Override
        public void writeBack(MemorySegment from) {
            long size = element.layout().byteSize();
            for (int i = 0; i < count; i++) {
                var value = element.read(from.asSlice(i * size, size));
                switch (target) {
                    case List<?> list -> {
                        if (!setInList(list, i, value)) {
                            return;
                        }
                    }
                    case Object[] array -> array[i] = value;
                    default -> setPrimitive(target, i, value);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static boolean setInList(List<?> list, int index, Object value) {
            try {
                ((List<Object>) list).set(index, value);
                return true;
            } catch (UnsupportedOperationException immutable) {
                return false;
            }
        }

        /** Stores a value read as the C type into a Java primitive array, keeping its bits where the kinds differ (a U32 into an int[]). */
        private static void setPrimitive(Object array, int index, Object value) {
            switch (array) {
                case long[] longs -> longs[index] = ((Number) value).longValue();
                case int[] ints -> ints[index] = ((Number) value).intValue();
                case short[] shorts -> shorts[index] = ((Number) value).shortValue();
                case double[] doubles -> doubles[index] = ((Number) value).doubleValue();
                case float[] floats -> floats[index] = ((Number) value).floatValue();
                case boolean[] booleans -> booleans[index] = (Boolean) value;
                case char[] chars -> chars[index] = (char) ((Number) value).intValue();
                default -> throw new IllegalStateException("no write-back into " + array.getClass());
            }
        }
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
