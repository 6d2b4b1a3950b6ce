package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.comparable;
import static org.ffiscript.tests.Shapes.inlineArray;
import static org.ffiscript.tests.Shapes.person;
import static org.ffiscript.tests.Shapes.personType;
import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.StructType;
import org.ffiscript.engine.type.TypeDescriptions;
import org.junit.jupiter.api.Test;

class StructsTest extends EngineTest {
    private static final Map<String, Object> PARENT_TYPE = personType(struct());
    private static final Map<String, Object> PERSON_TYPE = personType(PARENT_TYPE);
    private static final Map<String, Object> POINT =
            struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);

    private static Map<String, Object> tom() {
        return person(23, "tom", "jr", person(43, "tom father", "sr", Map.of()));
    }

    private static long offsetInC(String function, int field) {
        return ((Number) call(function, DataType.U64, List.of(DataType.I32), field)).longValue();
    }

    @Test
    void layoutMatchesOffsetofAndSizeofOfTheCCompiler() {
        var mixed = (StructType) TypeDescriptions.parse(struct(
                "a",
                DataType.U8,
                "b",
                DataType.Double,
                "c",
                DataType.U8,
                "d",
                DataType.I16,
                "e",
                DataType.I64,
                "f",
                DataType.Float,
                "g",
                inlineArray(DataType.U8Array, 3),
                "h",
                DataType.I32,
                "inner",
                struct("x", DataType.U8, "y", DataType.I64, "ffiTypeTag", DataType.StackStruct),
                "i",
                DataType.Boolean,
                "ffiTypeTag",
                DataType.StackStruct));
        for (int i = 0; i < mixed.fields().size(); i++) {
            assertEquals(
                    offsetInC("mixed_offset", i),
                    mixed.fields().get(i).offset(),
                    "Mixed." + mixed.fields().get(i).name());
        }
        assertEquals(
                ((Number) call("mixed_size", DataType.U64, List.of())).longValue(),
                mixed.structLayout().byteSize());

        var personLayout = (StructType) TypeDescriptions.parse(PERSON_TYPE);
        for (int i = 0; i < personLayout.fields().size(); i++) {
            assertEquals(
                    offsetInC("person_offset", i),
                    personLayout.fields().get(i).offset(),
                    "Person." + personLayout.fields().get(i).name());
        }
        assertEquals(
                ((Number) call("person_size", DataType.U64, List.of())).longValue(),
                personLayout.structLayout().byteSize());
    }

    @Test
    void structWithEveryFieldKindRoundTripsThroughCEchoingThePointer() {
        var echoed = call("getStruct", PERSON_TYPE, List.of(PERSON_TYPE), tom());
        assertEquals(comparable(tom()), comparable(echoed));
    }

    @Test
    void structAllocatedAndFilledByCIsDecoded() {
        var created = call("createPerson", PERSON_TYPE, List.of());
        assertEquals(comparable(tom()), comparable(created));
    }

    @Test
    void cReadsEveryFieldWeWrote() {
        assertEquals(Shapes.checksum(tom()), call("person_checksum", DataType.Double, List.of(PERSON_TYPE), tom()));
    }

    @Test
    void recursiveStructTypeFollowsPointersUntilNull() {
        var type = Shapes.recursivePersonType();
        @SuppressWarnings("unchecked")
        var created = (Map<String, Object>) call("createPerson", type, List.of());
        @SuppressWarnings("unchecked")
        var parent = (Map<String, Object>) created.get("parent");
        assertEquals("tom father", parent.get("name"));
        assertNull(parent.get("parent"));
        var grandchild = person(3, "kid", "x", person(23, "tom", "jr", person(43, "tom father", "sr", null)));
        assertEquals(Shapes.checksum(grandchild), call("person_checksum", DataType.Double, List.of(type), grandchild));
    }

    @Test
    void loadTellsRecursiveDescriptionsApartByContent() {
        var node = struct("value", DataType.I32, "next", null);
        node.put("next", node);
        var sameType = struct("value", DataType.I32, "next", null); // two nodes to its cycle, describing the same list
        sameType.put("next", struct("value", DataType.I32, "next", sameType));
        var floatsBetween = struct("value", DataType.I32, "next", null); // every second value read as a float
        floatsBetween.put("next", struct("value", DataType.Float, "next", floatsBetween));
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(1, 2, 3), valuesOf(call("make_list", node, List.of(DataType.I32), 3)));
            assertEquals(List.of(1, 2, 3), valuesOf(call("make_list", sameType, List.of(DataType.I32), 3)));
            assertEquals(
                    List.of(1, (double) Float.intBitsToFloat(2), 3),
                    valuesOf(call("make_list", floatsBetween, List.of(DataType.I32), 3)));
        }
    }

    private static List<Object> valuesOf(Object list) {
        var values = new java.util.ArrayList<Object>();
        for (var node = list; node != null; node = ((Map<?, ?>) node).get("next")) {
            values.add(((Map<?, ?>) node).get("value"));
        }
        return values;
    }

    @Test
    void linkedListsAreReadNodeByNodeAndCyclesBecomeCyclicMaps() {
        var node = struct("value", DataType.I32, "next", null);
        node.put("next", node);
        @SuppressWarnings("unchecked")
        var list = (Map<String, Object>) call("make_list", node, List.of(DataType.I32), 3);
        assertEquals(1, list.get("value"));
        @SuppressWarnings("unchecked")
        var third = (Map<String, Object>) ((Map<String, Object>) list.get("next")).get("next");
        assertEquals(3, third.get("value"));
        assertNull(third.get("next"));
        assertEquals(6, call("list_sum", DataType.I32, List.of(node), list));

        @SuppressWarnings("unchecked")
        var cycle = (Map<String, Object>) call("make_cycle", node, List.of());
        @SuppressWarnings("unchecked")
        var second = (Map<String, Object>) cycle.get("next");
        assertEquals(2, second.get("value"));
        assertSame(cycle, second.get("next"));
    }

    @Test
    void nullStructPointerIsReturnedAsNullAndPassedAsNull() {
        assertNull(call("null_person", PERSON_TYPE, List.of()));
        assertNull(call("getStruct", PERSON_TYPE, List.of(PERSON_TYPE), (Object) null));
    }

    @Test
    void loadTellsDescriptionsApartByFieldOrder() {
        // load finds compiled plans again by content; a struct's field order is its layout, so it is part of that
        var swapped = struct("y", DataType.I32, "x", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        var values = List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 40));
        for (int round = 0; round < 2; round++) {
            assertEquals(Map.of("x", 4, "y", 42), call("point_add", POINT, List.of(POINT, POINT), values.toArray()));
            assertEquals(
                    Map.of("x", 4, "y", 42), call("point_add", swapped, List.of(swapped, swapped), values.toArray()));
            assertEquals(Map.of("x", 42, "y", 4), call("point_add", swapped, List.of(POINT, POINT), values.toArray()));
        }
    }

    @Test
    void byValueStructsAsParametersAndReturnValues() {
        assertEquals(
                Map.of("x", 4, "y", 6),
                call("point_add", POINT, List.of(POINT, POINT), Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)));
        assertEquals(
                -2L,
                call(
                        "point_cross",
                        DataType.I64,
                        List.of(POINT, POINT),
                        Map.of("x", 1, "y", 2),
                        Map.of("x", 3, "y", 4)));
        var vec3 = struct(
                "x", DataType.Double, "y", DataType.Double, "z", DataType.Double, "ffiTypeTag", DataType.StackStruct);
        assertEquals(
                Map.of("x", 2.0, "y", -4.0, "z", 1.0),
                call("vec3_scale", vec3, List.of(vec3, DataType.Double), Map.of("x", 1, "y", -2, "z", 0.5), 2.0));
        var color = struct(
                "r",
                DataType.U8,
                "g",
                DataType.U8,
                "b",
                DataType.U8,
                "alpha",
                DataType.Float,
                "ffiTypeTag",
                DataType.StackStruct);
        assertEquals(
                Map.of("r", 255, "g", 155, "b", 0, "alpha", 0.75),
                call("color_invert", color, List.of(color), Map.of("r", 0, "g", 100, "b", 255, "alpha", 0.25)));
    }

    @Test
    void inlineArrayOfThreeByValueStructs() {
        var minutia = struct(
                "x",
                DataType.I16,
                "y",
                DataType.I16,
                "dir",
                DataType.I16,
                "kind",
                DataType.U8,
                "ffiTypeTag",
                DataType.StackStruct);
        var items = Descriptors.arrayConstructor(Map.of(
                "type",
                DataType.StructArray,
                "ffiTypeTag",
                DataType.StackArray,
                "structItemType",
                minutia,
                "length",
                3));
        var set = struct("count", DataType.I16, "items", items);
        var value = Map.of(
                "count",
                3,
                "items",
                List.of(
                        Map.of("x", 1, "y", 2, "dir", 3, "kind", 4),
                        Map.of("x", 5, "y", 6, "dir", 7, "kind", 8),
                        Map.of("x", 9, "y", 10, "dir", 11, "kind", 12)));
        assertEquals(value, call("echo_minutiae", set, List.of(set), value));
        assertEquals(
                3000 + (1 + 4 + 9 + 16) + (5 + 12 + 21 + 32) + (9 + 20 + 33 + 48),
                call("minutiae_checksum", DataType.I32, List.of(set), value));
        var byValue = new LinkedHashMap<>(set);
        byValue.put("ffiTypeTag", DataType.StackStruct);
        assertEquals(
                Map.of(
                        "count",
                        3,
                        "items",
                        List.of(
                                Map.of("x", 10, "y", 20, "dir", 0, "kind", 1),
                                Map.of("x", 11, "y", 21, "dir", -1, "kind", 2),
                                Map.of("x", 12, "y", 22, "dir", -2, "kind", 3))),
                call("make_minutiae", byValue, List.of(DataType.I32), 10));
    }

    @Test
    void fixedInlineByteArrayInsideAByValueStruct() {
        var coded =
                struct("code", inlineArray(DataType.U8Array, 8), "n", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        assertEquals(
                1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 100,
                call(
                        "coded_sum",
                        DataType.I32,
                        List.of(coded),
                        Map.of("code", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "n", 100)));
        var message = assertThrows(
                        FfiException.class,
                        () -> call(
                                "coded_sum",
                                DataType.I32,
                                List.of(coded),
                                Map.of("code", List.of(1, 2, 3, 4, 5, 6, 7), "n", 100)))
                .getMessage();
        assertEquals(
                "ffitest.coded_sum: paramsValue[0].code: expected U8Array[8] (a byte array, a ByteBuffer or a list of "
                        + "numbers of at least 8 elements), got 7 elements",
                message);
    }

    private static String failure(String funcName, Object retType, List<?> paramsType, Object... values) {
        return assertThrows(FfiException.class, () -> call(funcName, retType, paramsType, values))
                .getMessage();
    }

    @Test
    void missingAndExtraFieldsAreNamedWithTheirPath() {
        var origin = new LinkedHashMap<String, Object>(Map.of("x", 1));
        var message = failure("point_add", POINT, List.of(POINT, POINT), Map.of("x", 1, "y", 2), origin);
        assertEquals("ffitest.point_add: paramsValue[1]: missing field 'y'; the struct's fields are x, y", message);
        var extra = struct("x", 1, "y", 2, "z", 3);
        assertEquals(
                "ffitest.point_add: paramsValue[0]: unknown field \"z\"; the struct's fields are x, y",
                failure("point_add", POINT, List.of(POINT, POINT), extra, Map.of("x", 1, "y", 2)));
    }

    @Test
    void wrongFieldValuesNameTheirPath() {
        var bad = tom();
        @SuppressWarnings("unchecked")
        var parent = (Map<String, Object>) bad.get("parent");
        parent.put("i32Array", List.of(1, 2, "three", 4));
        assertEquals(
                "ffitest.person_checksum: paramsValue[0].parent.i32Array[2]: expected I32 (a whole number from "
                        + "-2147483648 to 2147483647), got \"three\"",
                failure("person_checksum", DataType.Double, List.of(PERSON_TYPE), bad));
        var noName = tom();
        noName.put("name", null);
        assertEquals(
                "ffitest.person_checksum: paramsValue[0].name: expected String (a string), got null",
                failure("person_checksum", DataType.Double, List.of(PERSON_TYPE), noName));
        assertEquals(
                "ffitest.point_add: paramsValue[0]: expected struct {x, y} (an object with the fields x, y), got null",
                failure("point_add", POINT, List.of(POINT, POINT), null, Map.of("x", 1, "y", 2)));
        assertEquals(
                "ffitest.point_add: paramsValue[0]: expected struct {x, y} (an object with the fields x, y), got 7",
                failure("point_add", POINT, List.of(POINT, POINT), 7, Map.of("x", 1, "y", 2)));
    }

    @Test
    void shortArraysInStructsAreRefused() {
        var bad = tom();
        bad.put("doubleArray", List.of(1.0));
        assertEquals(
                "ffitest.person_checksum: paramsValue[0].doubleArray: expected DoubleArray[3] (a list of at least 3 "
                        + "elements), got 1 elements",
                failure("person_checksum", DataType.Double, List.of(PERSON_TYPE), bad));
    }

    @Test
    void badStructDescriptionsAreNamedWithTheirPath() {
        var selfByValue = struct("x", DataType.I32, "ffiTypeTag", DataType.StackStruct);
        selfByValue.put("again", selfByValue);
        assertEquals(
                "ffitest.getStruct: paramsType[0].again: a struct cannot contain itself by value",
                failure("getStruct", DataType.External, List.of(selfByValue), Map.of()));
        assertEquals(
                "ffitest.getStruct: paramsType[0].inner.y: unknown type code 77 (see DataType for the valid codes)",
                failure("getStruct", DataType.External, List.of(struct("inner", struct("y", 77))), Map.of()));
    }

    private static void createPerson(boolean freeResultMemory) {
        var spec = TestLibrary.spec(
                "createPerson", PERSON_TYPE, List.of(), List.of(), Map.of("freeResultMemory", freeResultMemory));
        assertEquals(comparable(tom()), comparable(ffi.load(spec)));
    }

    @Test
    void aReturnedStructAndEverythingItOwnsStayWithCByDefault() {
        createPerson(false);
        assertEquals(18, intactBlocks(), "two persons of 9 blocks each");
    }

    @Test
    void freeResultMemoryFreesAReturnedStructAndEverythingItOwns() {
        createPerson(true);
        assertEquals(0, intactBlocks());
    }
}
