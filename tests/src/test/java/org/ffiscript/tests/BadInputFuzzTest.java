package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.ScriptFunction;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed calls from a seeded, reproducible generator (-Dfuzz.seed=N replays one run): random type
 * codes, nested junk, wrong lengths, NaN, infinities and huge numbers, values of the wrong kind, functions where
 * data belongs. Each must end in an FfiException with a message, and the engine must give right results after.
 * Only what the engine can check is mutated: a description that is valid but wrong for the C function (a retType
 * of String for a function returning int) is a contract the engine cannot verify.
 */
class BadInputFuzzTest extends EngineTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_126L);
    private static final int CALLS = 4_000;
    private static final Map<String, Object> POINT =
            Shapes.struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);

    private record Target(
            String funcName, Object retType, List<Object> paramsType, List<Object> values, Object expected) {}

    private static final List<Target> TARGETS = List.of(
            new Target("sum", DataType.I32, List.of(DataType.I32, DataType.I32), List.of(1, 2), 3),
            new Target("echo_double", DataType.Double, List.of(DataType.Double), List.of(2.5), 2.5),
            new Target("echo_u64", DataType.U64, List.of(DataType.U64), List.of(7), 7L),
            new Target(
                    "concatenateStrings",
                    DataType.String,
                    List.of(DataType.String, DataType.String),
                    List.of("a", "b"),
                    "ab"),
            new Target(
                    "point_add",
                    POINT,
                    List.of(POINT, POINT),
                    List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)),
                    Map.of("x", 4, "y", 6)),
            new Target(
                    "sum_i32_array",
                    DataType.I64,
                    List.of(Descriptors.arrayConstructor(Map.of("type", DataType.I32Array, "length", 3)), DataType.I32),
                    List.of(List.of(1, 2, 3), 3),
                    6L));

    private final Random random = new Random(SEED);

    private Object any(Object... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A value no type in {@code type} accepts. */
    private Object junkFor(Object type) {
        ScriptFunction function = args -> 1;
        Object common = any(
                true,
                new Object(),
                List.of(1, "x"),
                Map.of("junk", List.of(Map.of())),
                function,
                new byte[] {1},
                Pointer.ofAddress(0x1000),
                List.of(List.of(List.of())));
        if (type instanceof Map<?, ?> || type.equals(DataType.String)) {
            return any(
                    common,
                    42,
                    Double.NaN,
                    BigInteger.TWO.pow(100),
                    Map.of("x", "one", "y", 2),
                    Map.of("x", 1),
                    Map.of("x", 1, "y", 2, "z", 3));
        }
        if (type.equals(DataType.Double)) {
            return any(common, "abc");
        }
        Object outOfRange = type.equals(DataType.U64) ? Integer.valueOf(-1) : Long.valueOf(1L << 40);
        return any(
                common,
                "abc",
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                1.5,
                outOfRange,
                BigInteger.TWO.pow(100),
                null);
    }

    private Object junkType() {
        return any(
                -5,
                21,
                500,
                995,
                1000,
                12345,
                "I32",
                true,
                null,
                List.of(1),
                Map.of("x", "junk"),
                Map.of("ffiTypeTag", DataType.Function),
                Map.of("ffiTypeTag", DataType.Array, "type", DataType.I32Array, "length", -1),
                Map.of("ffiTypeTag", DataType.Array, "type", DataType.I32),
                Map.of("ffiTypeTag", 12),
                Map.of("inner", Map.of("deeper", 77)),
                Map.of("ffiTypeTag", DataType.StackStruct));
    }

    private Map<String, Object> malformed(Target target) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("library", TestLibrary.KEY);
        spec.put("funcName", target.funcName());
        spec.put("retType", target.retType());
        var types = new ArrayList<>(target.paramsType());
        var values = new ArrayList<>(target.values());
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                int i = random.nextInt(values.size());
                values.set(i, junkFor(types.get(i)));
            }
            case 2 -> {
                if (random.nextBoolean() || values.isEmpty()) {
                    values.add(junkFor(DataType.I32));
                } else {
                    values.remove(values.size() - 1);
                }
            }
            case 3 -> types.set(random.nextInt(types.size()), junkType());
            case 4 -> spec.put("retType", junkType());
            default -> {
                switch (random.nextInt(4)) {
                    case 0 -> spec.remove(any("library", "funcName", "retType"));
                    case 1 -> spec.put(String.valueOf(any("paramType", "errNo", "freeResultMemroy")), true);
                    case 2 ->
                        spec.put(
                                String.valueOf(any("errno", "runInNewThread", "freeResultMemory")),
                                any("yes", 1, List.of()));
                    default -> spec.put("library", any(42, "", "not-open", List.of()));
                }
            }
        }
        spec.put("paramsType", types);
        spec.put("paramsValue", values);
        return spec;
    }

    @Test
    void thousandsOfMalformedCallsEachEndInAClearErrorAndTheEngineKeepsWorking() {
        for (int n = 0; n < CALLS; n++) {
            var target = TARGETS.get(random.nextInt(TARGETS.size()));
            var spec = malformed(target);
            Object result;
            try {
                result = ffi.load(spec);
            } catch (FfiException expected) {
                assertFalse(
                        expected.getMessage() == null || expected.getMessage().isBlank(),
                        "seed " + SEED + ", call " + n);
                continue;
            } catch (RuntimeException | Error other) {
                throw new AssertionError("seed " + SEED + ", call " + n + ": " + spec + " threw " + other, other);
            }
            fail("seed " + SEED + ", call " + n + ": a malformed call went through: " + spec + " -> " + result);
        }
        for (var target : TARGETS) {
            assertEquals(
                    target.expected(),
                    call(
                            target.funcName(),
                            target.retType(),
                            target.paramsType(),
                            target.values().toArray()));
        }
    }

    // Hostile values and descriptions (issue 20): null everywhere, cyclic and deep values and descriptions, NUL in
    // every string position, huge arities, callbacks that throw or call back in, pointer tools given junk.

    private static final int HOSTILE_CALLS = Integer.getInteger("fuzz.calls", 2_000); // 20,000 and more for a long run

    private static Map<String, Object> nodeType() {
        var node = Shapes.struct("value", DataType.I32, "next", null);
        node.put("next", node);
        return node;
    }

    private static Map<String, Object> nested(int depth, Object leaf, String key) {
        Object value = leaf;
        for (int i = 0; i < depth; i++) {
            value = Shapes.struct(key, value, "value", i);
        }
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) value;
        return map;
    }

    private Object hostileCall() {
        var cyclic = Shapes.struct("value", 1, "next", null);
        cyclic.put("next", cyclic);
        var cyclicList = new ArrayList<Object>();
        cyclicList.add(cyclicList);
        var intToInt =
                Descriptors.funcConstructor(Map.of("paramsType", List.of(DataType.I32), "retType", DataType.I32));
        ScriptFunction throwing = args -> {
            throw new IllegalStateException("hostile callback");
        };
        ScriptFunction reentering =
                args -> call("apply", DataType.I32, List.of(intToInt, DataType.I32), null, args.get(0));
        return switch (random.nextInt(10)) {
            case 0 ->
                call(
                        "list_sum",
                        DataType.I32,
                        List.of(nodeType()),
                        any(
                                cyclic,
                                nested(257 + random.nextInt(3000), null, "next"),
                                nested(5, any("a\0b", Double.NaN, cyclicList), "next")));
            case 1 ->
                call(
                        "list_sum",
                        DataType.I32,
                        List.of(nested(257 + random.nextInt(20_000), DataType.I32, "inner")),
                        Map.of());
            case 2 ->
                call(
                        String.valueOf(any("sum\0", "\0sum", "su\0m")),
                        DataType.I32,
                        List.of(DataType.I32, DataType.I32),
                        1,
                        2);
            case 3 ->
                call(
                        "concatenateStrings",
                        DataType.String,
                        List.of(DataType.String, DataType.String),
                        any("a\0b", "\0", null, cyclicList, cyclic),
                        "x");
            case 4 -> {
                int n = (Integer) any(253, 300, 1000);
                yield call(
                        "sum",
                        DataType.I32,
                        java.util.Collections.nCopies(n, any(DataType.I32, DataType.I64, DataType.Double)),
                        java.util.Collections.nCopies(n, 1).toArray());
            }
            case 5 ->
                call("apply", DataType.I32, List.of(intToInt, DataType.I32), any(null, 5, throwing, reentering), 1);
            case 6 ->
                ffi.createPointer(Map.of(
                        "paramsType",
                        List.of(any(
                                DataType.Void,
                                nodeType(),
                                "int int",
                                "char int",
                                "int " + "*".repeat(300 + random.nextInt(5000)))),
                        "paramsValue",
                        List.of(any(5, cyclic, "a\0"))));
            case 7 -> {
                var pointer = ffi.createPointer(Map.of("paramsType", List.of(DataType.I32), "paramsValue", List.of(1)));
                if (random.nextBoolean()) {
                    ffi.freePointer(Map.of("paramsType", List.of(DataType.I32), "paramsValue", pointer));
                }
                yield ffi.restorePointer(Map.of(
                        "retType",
                        List.of(any(DataType.String, nodeType(), DataType.I64, Shapes.array(DataType.StringArray, 4))),
                        "paramsValue",
                        pointer));
            }
            case 8 -> {
                Object junk = any(new byte[2], cyclicList, "x", 42);
                yield switch (random.nextInt(5)) {
                    case 0 -> ffi.unwrapPointer((List<?>) any(List.of(junk), null));
                    case 1 -> ffi.wrapPointer((List<?>) any(List.of(junk), null));
                    case 2 -> ffi.isNullPointer(junk);
                    case 3 -> ffi.createExternalBuffer(junk, 4);
                    default ->
                        ffi.restorePointer((Map<?, ?>)
                                any(Map.of("retType", List.of(DataType.I32), "paramsValue", List.of(junk)), null));
                };
            }
            default -> {
                var spec = TestLibrary.spec("sum", DataType.I32, List.of(DataType.I32, DataType.I32), 1, 2);
                spec.put(null, "a null key");
                yield ffi.load((Map<?, ?>) any(spec, null));
            }
        };
    }

    @Test
    void hostileValuesAndDescriptionsEachEndInTheEnginesErrorNeverARawJavaException() {
        for (int n = 0; n < HOSTILE_CALLS; n++) {
            Object result;
            try {
                result = hostileCall();
            } catch (FfiException expected) {
                assertFalse(
                        expected.getMessage() == null || expected.getMessage().isBlank(),
                        "seed " + SEED + ", hostile call " + n);
                continue;
            } catch (RuntimeException | Error other) {
                throw new AssertionError("seed " + SEED + ", hostile call " + n + " threw " + other, other);
            }
            fail("seed " + SEED + ", hostile call " + n + ": a hostile call went through and returned " + result);
        }
        for (var target : TARGETS) {
            assertEquals(
                    target.expected(),
                    call(
                            target.funcName(),
                            target.retType(),
                            target.paramsType(),
                            target.values().toArray()));
        }
    }
}
