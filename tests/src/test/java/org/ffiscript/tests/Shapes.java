package org.ffiscript.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;

/** Descriptions and values shared by the compound-type tests: the C test library's structs, in Java. */
final class Shapes {
    private Shapes() {}

    /** An ordered map from alternating keys and values: struct descriptions and values keep field order. */
    static Map<String, Object> struct(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> array(int type, int length) {
        return Descriptors.arrayConstructor(Map.of("type", type, "length", length));
    }

    static Map<String, Object> inlineArray(int type, int length) {
        return Descriptors.arrayConstructor(Map.of("type", type, "length", length, "ffiTypeTag", DataType.StackArray));
    }

    /** struct Person from structs.c; {@code parent} is the description of the parent field. */
    static Map<String, Object> personType(Object parent) {
        return struct(
                "age", DataType.I32,
                "doubleArray", array(DataType.DoubleArray, 3),
                "parent", parent,
                "doubleProps", DataType.Double,
                "name", DataType.String,
                "stringArray", array(DataType.StringArray, 2),
                "i32Array", array(DataType.I32Array, 4),
                "staticBytes", inlineArray(DataType.U8Array, 16),
                "boolTrue", DataType.Boolean,
                "boolFalse", DataType.Boolean,
                "longVal", DataType.I64,
                "stackStruct", struct("age", DataType.I32, "ffiTypeTag", DataType.StackStruct),
                "byte", DataType.U8,
                "byteArray", array(DataType.U8Array, 2),
                "shortVal", DataType.I16,
                "u32Val", DataType.U32,
                "u64Val", DataType.U64,
                "floatVal", DataType.Float,
                "wide", DataType.WString,
                "opaque", struct());
    }

    /** The same struct with its parent field pointing back at its own description. */
    static Map<String, Object> recursivePersonType() {
        var type = personType(null);
        type.put("parent", type);
        return type;
    }

    /** A person value as createPerson() in structs.c builds it. */
    static Map<String, Object> person(int age, String name, String second, Object parent) {
        var staticBytes = new byte[16];
        java.util.Arrays.fill(staticBytes, (byte) age);
        return struct(
                "age",
                age,
                "doubleArray",
                List.of(1.5 * age, 2.5, 3.5),
                "parent",
                parent,
                "doubleProps",
                age / 4.0,
                "name",
                name,
                "stringArray",
                List.of(name, second),
                "i32Array",
                List.of(age, age + 1, age + 2, age + 3),
                "staticBytes",
                staticBytes,
                "boolTrue",
                true,
                "boolFalse",
                false,
                "longVal",
                4_294_967_296L * age,
                "stackStruct",
                struct("age", age / 2),
                "byte",
                65,
                "byteArray",
                new byte[] {(byte) age, (byte) 200},
                "shortVal",
                -age,
                "u32Val",
                4_000_000_000L,
                "u64Val",
                new java.math.BigInteger("18000000000000000000"),
                "floatVal",
                0.25,
                "wide",
                "w😀",
                "opaque",
                Map.of());
    }

    /** What person_checksum() in structs.c computes, for a person value. */
    @SuppressWarnings("unchecked")
    static double checksum(Map<String, Object> person) {
        double sum = 0;
        for (var p = person; p != null && !p.isEmpty(); p = (Map<String, Object>) p.get("parent")) {
            int age = (Integer) p.get("age");
            sum += age
                    + (Double) p.get("doubleProps")
                    + (Long) p.get("longVal")
                    + age / 2
                    + 65
                    + -age
                    + 4_000_000_000L
                    + 18e18
                    + 0.25
                    + 1;
            for (var d : (List<Double>) p.get("doubleArray")) {
                sum += d;
            }
            for (var i : (List<Integer>) p.get("i32Array")) {
                sum += i;
            }
            sum += 16 * age + age + 200;
            for (var s : (List<String>) p.get("stringArray")) {
                sum += s.length();
            }
            sum += ((String) p.get("name")).length() + 2;
        }
        return sum;
    }

    /** Byte arrays become lists, so that values compare by content with assertEquals. */
    static Object comparable(Object value) {
        return switch (value) {
            case byte[] bytes -> {
                var list = new ArrayList<Integer>();
                for (byte b : bytes) {
                    list.add(Byte.toUnsignedInt(b));
                }
                yield list;
            }
            case Map<?, ?> map -> {
                var copy = new HashMap<Object, Object>();
                map.forEach((k, v) -> copy.put(k, v == map ? "<self>" : comparable(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(Shapes::comparable).toList();
            case null, default -> value;
        };
    }
}
