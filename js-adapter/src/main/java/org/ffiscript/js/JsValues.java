package org.ffiscript.js;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.type.BasicType;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.Unconvertible;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Translates between JavaScript values and the engine's plain Java values, both ways: objects become ordered
 * maps, arrays lists, BigInts BigIntegers, functions {@link JsFunction}s, byte arrays and buffers byte arrays
 * whose contents C may change (copied back by {@link ByteCopies}); and back again, with I64/U64 beyond 2^53 as
 * BigInt, byte arrays as Buffers and results as plain JS objects.
 */
final class JsValues {
    private static final Set<String> BYTE_ARRAYS = Set.of("Uint8Array", "Buffer", "Int8Array", "Uint8ClampedArray");
    // Typed arrays of wider elements: their numbers, in an array that C's writes come back into (an int32_t *
    // out-parameter).
    private static final Set<String> TYPED_ARRAYS = Set.of(
            "Int16Array",
            "Uint16Array",
            "Int32Array",
            "Uint32Array",
            "Float32Array",
            "Float64Array",
            "BigInt64Array",
            "BigUint64Array");
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    // The types whose results are null, Integer, Double, Boolean or String: values scripts receive as they are.
    private static final Set<BasicType> AS_IS = EnumSet.of(
            BasicType.VOID,
            BasicType.BOOLEAN,
            BasicType.I8,
            BasicType.CHAR,
            BasicType.U8,
            BasicType.I16,
            BasicType.U16,
            BasicType.I32,
            BasicType.FLOAT,
            BasicType.DOUBLE,
            BasicType.STRING,
            BasicType.WSTRING,
            BasicType.C_STRING);

    private final JsRuntime runtime;
    private final Value newObject;
    private final Value newArray;
    private final Value newBigInt;
    private Value nativeBacking;
    private Value newBuffer; // Buffer.alloc, looked up on first use: Buffer loads only when a script needs it
    private final Value undefined;

    JsValues(JsRuntime runtime, Context context) {
        this.runtime = runtime;
        this.newObject = context.eval("js", "() => ({})");
        this.newArray = context.eval("js", "(n) => new Array(n)");
        this.newBigInt = context.eval("js", "BigInt");
        this.undefined = context.eval("js", "undefined");
    }

    Value undefined() {
        return undefined;
    }

    /**
     * A script value as a plain Java value; byte arrays to copy back after the call are noted in {@code copies}.
     * Objects and arrays are converted with a work stack, not by recursion, so no nesting a script builds
     * overflows the stack here; objects met again (a cycle) become the same map or list again, and the engine
     * refuses what nests too deep, naming where.
     */
    Object toJava(Value value, ByteCopies copies) {
        var converted = shallow(value, copies, null);
        var result = converted instanceof Pending pending ? pending.complete(this, copies) : converted;
        copies.trackObjects();
        return result;
    }

    /**
     * The Java value for {@code value} without its contents: a leaf as it is, an object or array as an empty
     * map or list ({@link Pending} the first time, with its contents still to convert).
     */
    private Object shallow(Value value, ByteCopies copies, Pending pending) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            if (value.fitsInInt()) {
                return value.asInt();
            }
            if (value.fitsInLong()) {
                return value.asLong();
            }
            if (value.fitsInBigInteger() && isBigInt(value)) {
                return value.asBigInteger(); // a BigInt keeps every digit, even where a double could hold it
            }
            return value.fitsInDouble() ? value.asDouble() : value.asBigInteger();
        }
        if (value.isHostObject()) {
            return value.asHostObject();
        }
        var known = pending == null ? null : pending.seen.get(value);
        if (known != null) {
            return known;
        }
        if (value.hasBufferElements()) {
            var memory = nativeBacking(value);
            return memory != null ? memory : bytes(value, 0, value.getBufferSize(), copies);
        }
        if (value.hasArrayElements()) {
            var meta = value.getMetaObject();
            if (meta != null && BYTE_ARRAYS.contains(meta.getMetaSimpleName())) {
                var memory = nativeBacking(value);
                if (memory != null) {
                    return memory; // native memory: C gets its address, nothing is copied
                }
                return bytes(
                        value.getMember("buffer"),
                        value.getMember("byteOffset").asLong(),
                        value.getArraySize(),
                        copies);
            }
            if (meta != null && TYPED_ARRAYS.contains(meta.getMetaSimpleName())) {
                return typedArray(value, meta.getMetaSimpleName().startsWith("Big"), copies);
            }
            long size = value.getArraySize();
            if (size > Integer.MAX_VALUE - 8) {
                return new Unconvertible("an array of " + size + " items");
            }
            var list = new ArrayList<Object>(Collections.nCopies((int) size, null));
            var work = pending == null ? new Pending(list) : pending;
            work.seen.put(value, list);
            for (long i = size - 1;
                    i >= 0;
                    i--) { // pushed last to first: converted first to last, as a script reads them
                work.push(list, (int) i, value);
            }
            return pending == null ? work : list;
        }
        if (value.canExecute()) {
            return new JsFunction(value, runtime);
        }
        if (value.hasMembers()) {
            var map = new ObjectCopy(value);
            copies.objectMade(map);
            var work = pending == null ? new Pending(map) : pending;
            work.seen.put(value, map);
            var keys = new ArrayList<>(value.getMemberKeys());
            keys.forEach(key -> map.put(key, null)); // the object's key order, before any value is converted
            for (int i = keys.size() - 1; i >= 0; i--) {
                work.push(map, keys.get(i), value);
            }
            return pending == null ? work : map;
        }
        return new Unconvertible(value.toString());
    }

    /**
     * The bytes of a buffer or a view on one. A detached ArrayBuffer (transferred, or its memory released) has
     * none left to read: it becomes a value every type refuses, named as what it is.
     */
    private static Object bytes(Value arrayBuffer, long offset, long length, ByteCopies copies) {
        if (length > Integer.MAX_VALUE - 8) {
            return new Unconvertible("a buffer of " + length + " bytes");
        }
        if (length == 0) { // a detached buffer (and every view on it) has no bytes, and even reading none fails
            var detached = arrayBuffer.getMember("detached");
            return detached != null && detached.isBoolean() && detached.asBoolean()
                    ? new Unconvertible("a detached ArrayBuffer")
                    : new byte[0];
        }
        return copies.bytesOf(arrayBuffer, (int) offset, (int) length);
    }

    /**
     * A typed array's numbers as a Java array (Integer, Long, Double or BigInteger each), which a {@code T *}
     * parameter writes out as consecutive elements and reads C's writes back into; they are then written into
     * the typed array after the call.
     */
    private Object typedArray(Value typed, boolean bigInts, ByteCopies copies) {
        long size = typed.getArraySize();
        if (size > Integer.MAX_VALUE - 8) {
            return new Unconvertible("a typed array of " + size + " elements");
        }
        var numbers = new Object[(int) size];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = shallow(typed.getArrayElement(i), copies, null);
        }
        copies.writeBackAfterCall(typed, numbers, bigInts ? newBigInt : null);
        return numbers;
    }

    /** The contents of objects and arrays still to convert: one entry per member or element, and the objects met. */
    private static final class Pending {
        private final Object root;
        private final Map<Value, Object> seen = new HashMap<>();
        private final ArrayList<Object> stack = new ArrayList<>(); // triples: container, index or key, owner

        Pending(Object root) {
            this.root = root;
        }

        void push(Object container, Object slot, Value owner) {
            stack.add(container);
            stack.add(slot);
            stack.add(owner);
        }

        Object complete(JsValues values, ByteCopies copies) {
            while (!stack.isEmpty()) {
                var owner = (Value) stack.removeLast();
                var slot = stack.removeLast();
                var container = stack.removeLast();
                if (container instanceof List<?>) {
                    @SuppressWarnings("unchecked")
                    var list = (List<Object>) container;
                    int index = (Integer) slot;
                    list.set(index, values.shallow(owner.getArrayElement(index), copies, this));
                } else {
                    @SuppressWarnings("unchecked")
                    var map = (Map<String, Object>) container;
                    var key = (String) slot;
                    map.put(key, values.shallow(owner.getMember(key), copies, this));
                }
            }
            return root;
        }
    }

    private static boolean isBigInt(Value number) {
        var meta = number.getMetaObject();
        return meta != null && "bigint".equals(meta.getMetaSimpleName());
    }

    /** True where every result of {@code type} crosses into JavaScript as it is, with nothing to convert. */
    static boolean crossesAsIs(NativeType type) {
        return type instanceof BasicType basic && AS_IS.contains(basic);
    }

    /**
     * A plain Java value as a script value; maps and lists that refer to themselves stay cyclic. Maps and lists
     * are converted with a work list, not by recursion, so a decoded linked list of any length crosses.
     */
    Object toJs(Object value) {
        // Most results cross as they are; tested first, because the pattern switch below costs more per call.
        if (value == null
                || value instanceof Integer
                || value instanceof String
                || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        if (!(value instanceof List<?> || value instanceof Map<?, ?> || value instanceof ErrnoResult)) {
            return leaf(value);
        }
        var work = new Containers();
        var converted = work.shallow(value);
        work.complete();
        return converted;
    }

    /** A value that holds no other: as it is, or as the JS value of its kind. */
    private Object leaf(Object value) {
        return switch (value) {
            case Long l ->
                l >= -MAX_SAFE_INTEGER && l <= MAX_SAFE_INTEGER ? (Object) (double) l : newBigInt.execute(l.toString());
            case BigInteger b -> newBigInt.execute(b.toString());
            case byte[] bytes -> buffer(bytes);
            case ByteBuffer buffer -> runtime.bufferView(buffer);
            default -> value; // numbers, strings, booleans; pointers and other host objects stay opaque
        };
    }

    /** The maps and lists of one result made into JS objects and arrays, and their contents still to convert. */
    private final class Containers {
        private final IdentityHashMap<Object, Value> made = new IdentityHashMap<>();
        private final ArrayDeque<Object> pending = new ArrayDeque<>(); // pairs: Java container, its JS value

        /** The JS value for {@code value}; a map or list as an empty object or array, its contents queued. */
        Object shallow(Object value) {
            return switch (value) {
                case null -> null;
                case ErrnoResult r -> {
                    var fields = new LinkedHashMap<String, Object>();
                    fields.put("value", r.value() == null ? undefined : r.value());
                    fields.put("errnoCode", r.errnoCode());
                    fields.put("errnoMessage", r.errnoMessage());
                    yield container(fields, newObject.execute());
                }
                case List<?> list -> {
                    var known = made.get(list);
                    yield known != null ? known : container(list, newArray.execute(list.size()));
                }
                case Map<?, ?> map -> {
                    var known = made.get(map);
                    yield known != null ? known : container(map, newObject.execute());
                }
                default -> leaf(value);
            };
        }

        private Value container(Object javaValue, Value jsValue) {
            made.put(javaValue, jsValue);
            pending.add(javaValue);
            pending.add(jsValue);
            return jsValue;
        }

        void complete() {
            while (!pending.isEmpty()) {
                var javaValue = pending.poll();
                var jsValue = (Value) pending.poll();
                if (javaValue instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        jsValue.setArrayElement(i, shallow(list.get(i)));
                    }
                } else {
                    ((Map<?, ?>) javaValue)
                            .forEach((key, item) -> jsValue.putMember(
                                    String.valueOf(key), item instanceof Value v ? v : shallow(item)));
                }
            }
        }
    }

    /** The direct buffer over a script buffer's native memory, or null where its memory is the JS heap's. */
    private java.nio.ByteBuffer nativeBacking(Value view) {
        if (nativeBacking == null) {
            nativeBacking = runtime.api().getMember("nativeBacking");
        }
        var memory = nativeBacking.execute(view);
        return memory.isHostObject() ? (java.nio.ByteBuffer) memory.asHostObject() : null;
    }

    private Value buffer(byte[] bytes) {
        if (newBuffer == null) {
            newBuffer = runtime.api().getMember("allocBuffer");
        }
        var buffer = newBuffer.execute(bytes.length);
        var memory = nativeBacking(buffer);
        if (memory != null) {
            memory.put(0, bytes); // a Buffer's native memory: one bulk copy
            return buffer;
        }
        var backing = buffer.getMember("buffer"); // a script replaced Buffer.alloc: byte by byte
        int offset = buffer.getMember("byteOffset").asInt();
        for (int i = 0; i < bytes.length; i++) {
            backing.writeBufferByte(offset + i, bytes[i]);
        }
        return buffer;
    }

    /**
     * The map a JS object became for one call. Once converted it notes the fields the engine puts into it (what
     * C changed in a struct passed by pointer), so that they are written into the object after the call.
     */
    private final class ObjectCopy extends LinkedHashMap<String, Object> {
        private final Value source;
        private boolean tracking;
        private List<String> changed;

        ObjectCopy(Value source) {
            this.source = source;
        }

        @Override
        public Object put(String key, Object value) {
            if (tracking) {
                if (changed == null) {
                    changed = new ArrayList<>();
                }
                changed.add(key);
            }
            return super.put(key, value);
        }

        void writeBack() {
            if (changed != null) {
                for (var key : changed) {
                    try {
                        source.putMember(key, toJs(get(key)));
                    } catch (UnsupportedOperationException | IllegalArgumentException | PolyglotException readOnly) {
                        // a frozen object keeps its fields, as a Java map that cannot change does
                    }
                }
                changed = null;
            }
        }
    }

    /** Byte arrays made from script buffers for one call, and their way back once C has written into them. */
    static final class ByteCopies {
        private List<Object> pending;
        private List<Object> typedArrays; // triples: the typed array, its numbers, BigInt (for BigInt arrays) or null
        private List<ObjectCopy> objects; // the maps JS objects became, whose fields C may change (struct pointers)
        private int tracked;

        void objectMade(ObjectCopy map) {
            if (objects == null) {
                objects = new ArrayList<>();
            }
            objects.add(map);
        }

        /** From now on, what is put into the maps made so far is C's: noted, and written into their objects. */
        void trackObjects() {
            if (objects != null) {
                for (; tracked < objects.size(); tracked++) {
                    objects.get(tracked).tracking = true;
                }
            }
        }

        void writeBackAfterCall(Value typed, Object[] numbers, Value bigInt) {
            if (typedArrays == null) {
                typedArrays = new ArrayList<>();
            }
            typedArrays.add(typed);
            typedArrays.add(numbers);
            typedArrays.add(bigInt);
        }

        /** Writes the numbers C left in typed arrays' copies back into the typed arrays. */
        private void copyBackTypedArrays() {
            for (int i = 0; i < typedArrays.size(); i += 3) {
                var typed = (Value) typedArrays.get(i);
                var numbers = (Object[]) typedArrays.get(i + 1);
                var bigInt = (Value) typedArrays.get(i + 2);
                if (typed.getArraySize() < numbers.length) {
                    continue; // detached while C ran
                }
                for (int j = 0; j < numbers.length; j++) {
                    var number = numbers[j];
                    typed.setArrayElement(
                            j,
                            bigInt != null
                                    ? bigInt.execute(String.valueOf(number))
                                    : number instanceof Number n && !(number instanceof Integer)
                                            ? (Object) n.doubleValue()
                                            : number);
                }
            }
        }

        byte[] bytesOf(Value arrayBuffer, int offset, int length) {
            var bytes = new byte[length];
            arrayBuffer.readBuffer(offset, bytes, 0, length);
            if (pending == null) {
                pending = new ArrayList<>();
            }
            pending.add(arrayBuffer);
            pending.add(offset);
            pending.add(bytes);
            return bytes;
        }

        /** Writes back the bytes C changed, and the numbers of typed arrays. */
        void copyBack() {
            if (typedArrays != null) {
                copyBackTypedArrays();
            }
            if (objects != null) {
                objects.forEach(ObjectCopy::writeBack);
            }
            if (pending == null) {
                return;
            }
            for (int i = 0; i < pending.size(); i += 3) {
                var target = (Value) pending.get(i);
                int offset = (Integer) pending.get(i + 1);
                var bytes = (byte[]) pending.get(i + 2);
                if (offset + bytes.length > target.getBufferSize()) {
                    continue; // detached (or shrunk) while C ran: the script's buffer is gone
                }
                for (int j = 0; j < bytes.length; j++) {
                    if (target.readBufferByte(offset + j) != bytes[j]) {
                        target.writeBufferByte(offset + j, bytes[j]);
                    }
                }
            }
        }
    }
}
