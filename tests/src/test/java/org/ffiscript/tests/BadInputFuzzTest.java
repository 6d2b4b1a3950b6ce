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
    private static final Map<String, Object> POINT = Shapes.struct("x", DataType.I32, "y", DataType.I32, "ffiTypeTag", DataType.StackStruct);

    private record Target(String funcName, Object retType, List<Object> paramsType, List<Object> values, Object expected) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("sum", DataType.I32, List.of(DataType.I32, DataType.I32), List.of(1, 2), 3),
            new Target("echo_double", DataType.Double, List.of(DataType.Double), List.of(2.5), 2.5),
            new Target("echo_u64", DataType.U64, List.of(DataType.U64), List.of(7), 7L),
            new Target("concatenateStrings", DataType.String, List.of(DataType.String, DataType.String), List.of("a", "b"), "ab"),
            new Target("point_add", POINT, List.of(POINT, POINT), List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)),
                    Map.of("x", 4, "y", 6)),
            new Target("sum_i32_array", DataType.I64, List.of(Descriptors.arrayConstructor(Map.of("type", DataType.I32Array, "length", 3)),
                    DataType.I32), List.of(List.of(1, 2, 3), 3), 6L));

    private final Random random = new Random(SEED);

    private Object any(Object... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A value no type in {@code type} accepts. */
    private Object junkFor(Object type) {
        ScriptFunction function = args -> 1;
        Object common = any(true, new Object(), List.of(1, "x"), Map.of("junk", List.of(Map.of())), function,
                new byte[] {1}, Pointer.ofAddress(0x1000), List.of(List.of(List.of())));
        if (type instanceof Map<?, ?> || type.equals(DataType.String)) {
            return any(common, 42, Double.NaN, BigInteger.TWO.pow(100), Map.of("x", "one", "y", 2), Map.of("x", 1),
                    Map.of("x", 1, "y", 2, "z", 3));
        }
        if (type.equals(DataType.Double)) {
            return any(common, "abc");
        }
        Object outOfRange = type.equals(DataType.U64) ? Integer.valueOf(-1) : Long.valueOf(1L << 40);
        return any(common, "abc", Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, outOfRange,
                BigInteger.TWO.pow(100), null);
    }

    private Object junkType() {
        return any(-5, 21, 500, 995, 1000, 12345, "I32", true, null, List.of(1), Map.of("x", "junk"),
                Map.of("ffiTypeTag", DataType.Function), Map.of("ffiTypeTag", DataType.Array, "type", DataType.I32Array, "length", -1),
                Map.of("ffiTypeTag", DataType.Array, "type", DataType.I32), Map.of("ffiTypeTag", 12), Map.of("inner", Map.of("deeper", 77)),
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
                    case 2 -> spec.put(String.valueOf(any("errno", "runInNewThread", "freeResultMemory")), any("yes", 1, List.of()));
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
                assertFalse(expected.getMessage() == null || expected.getMessage().isBlank(), "seed " + SEED + ", call " + n);
                continue;
            } catch (RuntimeException | Error other) {
                throw new AssertionError("seed " + SEED + ", call " + n + ": " + spec + " threw " + other, other);
            }
            fail("seed " + SEED + ", call " + n + ": a malformed call went through: " + spec + " -> " + result);
        }
        for (var target : TARGETS) {
            assertEquals(target.expected(), call(target.funcName(), target.retType(), target.paramsType(), target.values().toArray()));
        }
    }
}
