package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.memory.LibC;

/**
 * An array: a pointer to elements ({@code int*}, {@code char**}, {@code struct Point*}) or, with
 * {@code ffiTypeTag: StackArray}, a fixed number of elements stored inline in a struct ({@code uint8_t code[8]}).
 * Values are lists (or Java arrays); U8 arrays are byte arrays and buffers, whose contents C may change.
 *
 * @param name     the DataType name, e.g. {@code "I32Array"}
 * @param element  the element type
 * @param length   the declared number of elements, or -1 where the description gave none
 * @param inline   true for an array stored inline ({@code StackArray})
 */
public record ArrayType(String name, NativeType element, int length, boolean inline) implements NativeType {
    /** The longest array a description may declare. */
    public static final int MAX_LENGTH = 1 << 28;

    @Override
    public String displayName() {
        return length < 0 ? name : name + "[" + length + "]";
    }

    @Override
    public String expectation() {
        if (isText()) {
            return "a string of at most " + length + " bytes in UTF-8";
        }
        var what = isBytes() ? "a byte array, a ByteBuffer or a list of numbers" : "a list";
        return length < 0 ? what : what + " of at least " + length + " elements";
    }

    @Override
    public MemoryLayout layout() {
        return inline ? MemoryLayout.sequenceLayout(length, element.layout()) : ADDRESS;
    }

    @Override
    public MemoryLayout carrier() {
        return ADDRESS;
    }

    @Override
    public boolean allocates() {
        return true;
    }

    @Override
    public String unreadable() {
        return length < 0
                ? displayName() + " needs a length to be read back: describe it with arrayConstructor({type, length})"
                : null;
    }

    // null is refused like any value that is no array: scripts produce it by mistake (an undefined variable), and
    // C functions taking arrays mostly read them. A deliberate NULL goes as DataType.External.
    @Override
    public Object toNative(Object value, NativeMemory memory) {
        if (isText() && value instanceof CharSequence text) {
            var chars = memory.allocate(length);
            writeText(chars, text);
            return chars;
        }
        if (isBytes() && (value instanceof byte[] || value instanceof ByteBuffer || value instanceof NativeBuffer)) {
            count(value); // checks the length
            return InPlaceBytes.toNative(value, memory);
        }
        var elements = memory.allocate(
                element.layout().byteSize() * Math.max(count(value), 1),
                element.layout().byteAlignment());
        writeElements(elements, value, memory);
        return elements;
    }

    @Override
    public Object fromNative(Object carrier) {
        var address = (MemorySegment) carrier;
        return address.address() == 0
                ? null
                : readElements(address.reinterpret(element.layout().byteSize() * length));
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        if (!inline) {
            at.set(ADDRESS_UNALIGNED, 0, (MemorySegment) toNative(value, memory));
            return;
        }
        if (isText() && value instanceof CharSequence text) {
            writeText(at, text);
            return;
        }
        int count = count(value); // at least length, or a mismatch
        if (count > length) {
            throw new ValueMismatch("expected " + displayName() + " (at most " + length
                    + " elements, stored inline), got " + count + " elements");
        }
        writeElements(at, value, memory);
    }

    @Override
    public Object read(MemorySegment at) {
        return inline ? readElements(at) : fromNative(at.get(ADDRESS_UNALIGNED, 0));
    }

    @Override
    public Object readShallow(MemorySegment at) {
        if (!inline) {
            return NativeType.super.readShallow(at);
        }
        if (isBytes() || isText()) {
            return readElements(at);
        }
        long size = element.layout().byteSize();
        var values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(element.readShallow(at.asSlice(i * size, size)));
        }
        return values;
    }

    @Override
    public void free(Object carrier) {
        var address = (MemorySegment) carrier;
        if (address.address() != 0 && length > 0) {
            freeElements(address.reinterpret(element.layout().byteSize() * length));
        }
        LibC.free(address);
    }

    @Override
    public void freeAt(MemorySegment at) {
        if (inline) {
            freeElements(at);
        } else {
            free(at.get(ADDRESS_UNALIGNED, 0));
        }
    }

    /** This array type with the length of {@code value}, a list or array it accepts. */
    ArrayType withLengthOf(Object value) {
        return new ArrayType(name, element, count(value), inline);
    }

    private boolean isBytes() {
        return element == BasicType.U8;
    }

    /** C's {@code char name[16]}: text, NUL-terminated unless it fills the array. */
    private boolean isText() {
        return element == BasicType.CHAR && inline;
    }

    private void writeText(MemorySegment at, CharSequence text) {
        var bytes = CText.checked(text, this).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw ValueMismatch.of(this, text);
        }
        at.asSlice(0, length).fill((byte) 0);
        MemorySegment.copy(bytes, 0, at, JAVA_BYTE, 0, bytes.length);
    }

    /** The number of elements in {@code value}, after checking it is a sequence with enough of them. */
    private int count(Object value) {
        int count = switch (value) {
            case List<?> list -> list.size();
            case Object[] array -> array.length;
            case byte[] bytes when isBytes() -> bytes.length;
            case ByteBuffer buffer when isBytes() -> buffer.remaining();
            case NativeBuffer buffer when isBytes() -> (int) Math.min(buffer.size(), Integer.MAX_VALUE);
            case int[] ints -> ints.length;
            case short[] shorts -> shorts.length;
            case double[] doubles -> doubles.length;
            case float[] floats -> floats.length;
            case null, default -> throw ValueMismatch.of(this, value);
        };
        checkCount(count, value);
        return count;
    }

    private void checkCount(int count, Object value) {
        if (count < length) {
            throw new ValueMismatch(
                    "expected " + displayName() + " (" + expectation() + "), got " + count + " elements");
        }
    }

    private void writeElements(MemorySegment to, Object value, NativeMemory memory) {
        switch (value) {
            case byte[] bytes -> InPlaceBytes.copyInto(to, bytes, memory);
            case ByteBuffer buffer -> InPlaceBytes.copyInto(to, buffer, memory);
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    writeElement(to, i, list.get(i), memory);
                }
            }
            case Object[] array -> {
                for (int i = 0; i < array.length; i++) {
                    writeElement(to, i, array[i], memory);
                }
            }
            case int[] ints -> writeEach(to, ints.length, i -> ints[i], memory);
            case short[] shorts -> writeEach(to, shorts.length, i -> shorts[i], memory);
            case double[] doubles -> writeEach(to, doubles.length, i -> doubles[i], memory);
            case float[] floats -> writeEach(to, floats.length, i -> floats[i], memory);
            default -> throw ValueMismatch.of(this, value);
        }
    }

    private void writeEach(
            MemorySegment to, int count, java.util.function.IntFunction<Object> item, NativeMemory memory) {
        for (int i = 0; i < count; i++) {
            writeElement(to, i, item.apply(i), memory);
        }
    }

    private void writeElement(MemorySegment to, int index, Object value, NativeMemory memory) {
        long size = element.layout().byteSize();
        try {
            element.write(to.asSlice(index * size, size), value, memory);
        } catch (ValueMismatch e) {
            throw e.within("[" + index + "]");
        }
    }

    private Object readElements(MemorySegment from) {
        if (isText()) {
            var bytes = from.asSlice(0, length).toArray(JAVA_BYTE);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
        if (isBytes()) {
            return from.asSlice(0, length).toArray(JAVA_BYTE);
        }
        long size = element.layout().byteSize();
        var values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(element.read(from.asSlice(i * size, size)));
        }
        return values;
    }

    private void freeElements(MemorySegment from) {
        long size = element.layout().byteSize();
        for (int i = 0; i < length; i++) {
            element.freeAt(from.asSlice(i * size, size));
        }
    }

    @Override
    public String toString() {
        return displayName() + (inline ? " (inline)" : "");
    }
}
