package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeFunction;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.ScriptFunction;
import org.ffiscript.engine.type.StructType;
import org.ffiscript.engine.type.UnionType;
import org.junit.jupiter.api.Test;

/**
 * C prototypes given to define, C type declarations, unions and variadic calls, through the Java API, against the C
 * test library. How declarations are read and refused, and prototypes of libc alone, are specified beside the engine
 * (engine/src/test: CDeclarationParsingTest, LibcPrototypesTest).
 */
class CDeclarationsTest extends EngineTest {

    private static NativeFunction prototype(String prototype) {
        return ffi.define(Map.of("f", Map.of("library", TestLibrary.KEY, "prototype", prototype)))
                .get("f");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void declaredStructsPassByValueAndThroughPointers() {
        ffi.declare("typedef struct { int32_t x; int32_t y; } Point;");
        var add = prototype("Point point_add(Point a, Point b)");
        assertEquals(Map.of("x", 4, "y", 6), add.call(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)));

        var make = prototype("Point *make_point(int x, int y)");
        assertEquals(Map.of("x", 5, "y", 7), make.call(5, 7));

        ffi.declare("struct Node { int32_t value; struct Node *next; };");
        var list = prototype("struct Node *make_list(int n)").call(3);
        assertEquals(List.of(1, 2, 3), values(list));
        var third = map("value", 30, "next", null);
        var sum = prototype("int list_sum(const struct Node *node)");
        assertEquals(60, sum.call(map("value", 10, "next", map("value", 20, "next", third))));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Object list) {
        var values = new ArrayList<>();
        for (var node = (Map<String, Object>) list; node != null; node = (Map<String, Object>) node.get("next")) {
            values.add(node.get("value"));
        }
        return values;
    }

    @Test
    void declaredLayoutsMatchTheCCompiler() {
        var types = ffi.declare("""
                typedef union { int32_t i; float f; double d; char text[8]; } Number;
                typedef struct { int32_t kind; Number value; } Tagged;
                """);
        var number = (UnionType) types.get("Number");
        var tagged = (StructType) types.get("Tagged");
        assertEquals(
                ((Number) call("number_size", DataType.U64, List.of())).longValue(),
                number.unionLayout().byteSize());
        assertEquals(
                ((Number) call("tagged_size", DataType.U64, List.of())).longValue(),
                tagged.structLayout().byteSize());
        assertEquals(8, tagged.fields().get(1).offset());
    }

    @Test
    void unionsSetOneMemberAndReadBackEveryMember() {
        ffi.declare("union Value { int32_t i; float f; double d; char text[8]; };");
        var read = prototype("double number_read(union Value n, int kind)");
        assertEquals(42.0, read.call(Map.of("i", 42), 0));
        assertEquals(1.5, read.call(Map.of("f", 1.5), 1));
        assertEquals(2.25, read.call(Map.of("d", 2.25), 2));
        assertEquals(5.0, read.call(Map.of("text", "hello"), 3));

        @SuppressWarnings("unchecked")
        var value = (Map<String, Object>)
                prototype("union Value number_of_double(double d)").call(0.5);
        assertEquals(0.5, value.get("d"));
        assertEquals((int) Double.doubleToLongBits(0.5), value.get("i"));
        assertEquals(List.of("i", "f", "d", "text"), List.copyOf(value.keySet()));

        ffi.declare("struct TaggedValue { int kind; union Value value; };");
        var tagged = prototype("double tagged_read(const struct TaggedValue *t)");
        assertEquals(7.0, tagged.call(Map.of("kind", 0, "value", Map.of("i", 7))));
        assertEquals(0.75, tagged.call(Map.of("kind", 2, "value", Map.of("d", 0.75))));

        var error = assertThrows(FfiException.class, () -> read.call(map("i", 1, "f", 2.0), 0));
        assertEquals(
                "ffitest.number_read: paramsValue[0]: a union holds one member at a time, got [i, f]",
                error.getMessage());
        error = assertThrows(FfiException.class, () -> read.call(Map.of("x", 1), 0));
        assertEquals(
                "ffitest.number_read: paramsValue[0]: unknown member \"x\"; the union's members are i, f, d, text",
                error.getMessage());
    }

    @Test
    void aUnionMemberThatIsAPointerReadsAsARawPointer() {
        ffi.declare("union Word { int64_t n; const char *s; };");
        // The integer member holds 0x4014000000000000 (5.0 as a double): reading must not follow it as a string.
        @SuppressWarnings("unchecked")
        var word = (Map<String, Object>)
                prototype("union Word number_of_double(double d)").call(5.0);
        assertEquals(Double.doubleToLongBits(5.0), word.get("n"));
        assertEquals(Pointer.ofAddress(Double.doubleToLongBits(5.0)), word.get("s"));
    }

    @Test
    void variadicArgumentsOfEveryKind() {
        var sumInts = prototype("int sum_ints(int count, ...)");
        assertEquals(0, sumInts.call(0));
        assertEquals(6, sumInts.call(3, "int", 1, "int", 2, "int", 3));
        assertEquals(-1, sumInts.call(2, "short", 1, "signed char", -2)); // promoted to int

        ffi.declare("struct P { int x; int y; };");
        var mixed = prototype("double sum_mixed(const char *types, ...)");
        assertEquals(
                1 + 2.5 + 3 + 1e12 + 11,
                mixed.call(
                        "idspl",
                        "int",
                        1,
                        "double",
                        2.5,
                        "char *",
                        "abc",
                        "struct P *",
                        Map.of("x", 5, "y", 6),
                        "int64_t",
                        1_000_000_000_000L));
    }

    @Test
    void variadicMistakesAreNamedWhereTheScriptMadeThem() {
        var sumInts = prototype("int sum_ints(int count, ...)");
        var error = assertThrows(FfiException.class, () -> sumInts.call(2, "int", 1, "int"));
        assertEquals(
                "ffitest.sum_ints: expected the 1 fixed values, then a type and a value for each variadic argument "
                        + "(..., 'int', 42, 'double', 0.5); got 4 values",
                error.getMessage());
        error = assertThrows(FfiException.class, () -> sumInts.call(2, "int", 1, "int", "two"));
        assertTrue(error.getMessage().startsWith("ffitest.sum_ints: paramsValue[4]: expected I32"), error.getMessage());
        error = assertThrows(FfiException.class, () -> sumInts.call(1, "innt", 1));
        assertEquals(
                "ffitest.sum_ints: paramsValue[1] (the type of a variadic argument): line 1, column 1: "
                        + "unknown type name 'innt'",
                error.getMessage());
        error = assertThrows(FfiException.class, () -> sumInts.call(1, "void", 1));
        assertEquals("ffitest.sum_ints: paramsValue[1]: Void is not the type of an argument", error.getMessage());
    }

    @Test
    void charArraysInStructsHoldText() {
        ffi.declare("typedef struct { char name[16]; int32_t id; } Label;");
        @SuppressWarnings("unchecked")
        var label = (Map<String, Object>)
                prototype("Label make_label(const char *name, int32_t id)").call("hello", 9);
        assertEquals(Map.of("name", "hello", "id", 9), label);
        assertEquals(509, prototype("int label_length(const Label *label)").call(Map.of("name", "hello", "id", 9)));
        var error = assertThrows(
                FfiException.class,
                () -> prototype("int label_length(const Label *label)")
                        .call(Map.of("name", "a name that is too long", "id", 1)));
        assertTrue(
                error.getMessage()
                        .contains("paramsValue[0].name: expected CharArray[16] (a string of at most 16 bytes"),
                error.getMessage());
    }

    @Test
    void pointersToScalarsTakeBuffersListsAndPointers() {
        var divide = prototype("void divide(int32_t a, int32_t b, int32_t *quotient, int32_t *remainder)");
        var quotient = new byte[4];
        var remainder = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        assertNull(divide.call(17, 5, quotient, remainder));
        assertEquals(3, ByteBuffer.wrap(quotient).order(ByteOrder.nativeOrder()).getInt());
        assertEquals(2, remainder.getInt(0));

        assertEquals(
                6L,
                prototype("int64_t sum_i64(const int64_t *values, size_t count)")
                        .call(List.of(1, 2, 3), 3));
        assertEquals(
                6L,
                prototype("int64_t sum_i64(const int64_t values[], size_t count)")
                        .call(List.of(1, 2, 3), 3));
        assertEquals(
                9L,
                prototype("size_t total_length(const char **strings, size_t count)")
                        .call(List.of("abc", "de", "fghi"), 3));
        var error = assertThrows(
                FfiException.class,
                () -> prototype("int64_t sum_i64(const int64_t *values, size_t count)")
                        .call(List.of(1, "x"), 2));
        assertEquals(
                "ffitest.sum_i64: paramsValue[0][1]: expected I64 (a whole number from -2^63 to 2^63-1), got \"x\"",
                error.getMessage());
    }

    @Test
    void anArrayOfStructsParameterTakesAList() {
        ffi.declare("typedef struct { int32_t x; int32_t y; } XY;");
        var sum = prototype("int32_t sum_of_products(const XY points[], size_t count)");
        assertEquals(
                2 + 12 + 30,
                sum.call(List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4), Map.of("x", 5, "y", 6)), 3));
        var error = assertThrows(FfiException.class, () -> sum.call(List.of(Map.of("x", 1)), 1));
        assertEquals(
                "ffitest.sum_of_products: paramsValue[0][0]: missing field 'y'; the struct's fields are x, y",
                error.getMessage());
    }

    @Test
    void functionPointerTypedefsAreCallbackTypes() {
        var types = ffi.declare("typedef int32_t (*BinaryOp)(int32_t, int32_t);");
        assertTrue(types.get("BinaryOp").displayName().startsWith("Function(I32, I32) -> I32"));
        var fold = prototype("int32_t fold_with(BinaryOp op, const int32_t *values, size_t count)");
        ScriptFunction multiply = args -> (Integer) args.get(0) * (Integer) args.get(1);
        assertEquals(24, fold.call(multiply, List.of(1, 2, 3, 4), 4));
        var inline = prototype(
                "int32_t fold_with(int32_t (*op)(int32_t a, int32_t b), const int32_t *values, size_t count)");
        ScriptFunction add = args -> (Integer) args.get(0) + (Integer) args.get(1);
        assertEquals(10, inline.call(add, List.of(1, 2, 3, 4), 4));
    }

    @Test
    void cTypeNamesAndObjectLiteralsMix() {
        // A C type name where a DataType code would go.
        assertEquals(3L, ffi.load(TestLibrary.spec("string_length", "size_t", List.of("const char *"), "abc")));
        assertEquals(-5, ffi.load(TestLibrary.spec("sum", "int", List.of("int", "int32_t"), -7, 2)));
        // An object-literal struct named for C, then used by a prototype.
        ffi.declare("Vec", map("x", DataType.Double, "y", DataType.Double, "z", DataType.Double));
        assertEquals(
                map("x", 2.0, "y", 4.0, "z", 6.0),
                prototype("Vec vec3_scale(Vec v, double k)").call(map("x", 1, "y", 2, "z", 3), 2));
        // A declared struct as a field of an object-literal description, by value as C says.
        ffi.declare("struct Pt { int32_t x; int32_t y; };");
        assertEquals(
                map("x", 4, "y", 6),
                ffi.load(TestLibrary.spec(
                        "point_add",
                        "struct Pt",
                        List.of(
                                "struct Pt",
                                map("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct)),
                        map("x", 1, "y", 2),
                        map("x", 3, "y", 4))));
    }

    @Test
    void aStructDeclaredWithoutMembersIsAnOpaquePointerUntilItsMembersAreDeclared() {
        ffi.declare("struct Later;");
        var spec = TestLibrary.spec("make_point", "struct Later *", List.of("int", "int"), 1, 2);
        assertInstanceOf(Pointer.class, ffi.load(spec));
        ffi.declare("struct Later { int32_t x; int32_t y; };");
        assertEquals(Map.of("x", 1, "y", 2), ffi.load(spec));
    }

    @Test
    void opaqueHandlesAreDeclaredAndPassedAsPointers() {
        assertEquals(Map.of(), ffi.declare("typedef struct Handle Handle;"));
        var echo = prototype("Handle *echo_pointer(Handle *h)");
        var pointer = Pointer.ofAddress(0x1234);
        assertEquals(pointer, echo.call(pointer));
        var error = assertThrows(FfiException.class, () -> prototype("Handle echo_pointer(Handle *h)"));
        assertTrue(
                error.getMessage()
                        .endsWith("return type: struct Handle is incomplete (declared without members); use a "
                                + "pointer to it"),
                error.getMessage());
    }

    @Test
    void aVariadicPrototypeRunsInANewThreadToo() throws Exception {
        var sumInts = ffi.define(Map.of(
                        "sum",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "prototype",
                                "int sum_ints(int count, ...)",
                                "runInNewThread",
                                true)))
                .get("sum");
        var future = assertInstanceOf(CompletableFuture.class, sumInts.call(2, "int", 20, "int", 22));
        assertEquals(42, future.get());
    }
}
