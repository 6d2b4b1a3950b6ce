package org.ffiscript.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.PointerType;
import org.ffiscript.engine.ScriptFunction;

/**
 * Long runs that must not grow the process: each scenario runs a tenth of its rounds to warm up, then the rest,
 * and reports the growth of the resident set (VmRSS) over the measured part. Run with a pre-touched, fixed-size
 * heap (./bench soak does), so that what grows is native memory.
 */
public final class MemorySoak {
    private MemorySoak() {}

    private record Scenario(String name, int rounds, long limitBytes, Runnable round) {}

    public static void main(String[] args) throws IOException {
        try (var ffi = new Ffi()) {
            ffi.open("ffitest", System.getProperty("ffi.testlib"));
            boolean failed = false;
            for (var scenario : scenarios(ffi)) {
                int warmUp = scenario.rounds() / 10;
                long atStart = residentBytes();
                for (int i = 0; i < warmUp; i++) {
                    scenario.round().run();
                }
                long before = residentBytes();
                long start = System.nanoTime();
                for (int i = warmUp; i < scenario.rounds(); i++) {
                    scenario.round().run();
                }
                long seconds = (System.nanoTime() - start) / 1_000_000;
                long growth = residentBytes() - before;
                boolean ok = growth < scenario.limitBytes();
                failed |= !ok;
                System.out.printf(
                        "%-58s %,9d rounds after %,7d warm-up: RSS %+6.2f MB (limit %d MB; %+6.2f MB from the "
                                + "first round)  %,5d ms  %s%n",
                        scenario.name(),
                        scenario.rounds() - warmUp,
                        warmUp,
                        growth / 1e6,
                        scenario.limitBytes() / 1_000_000,
                        (residentBytes() - atStart) / 1e6,
                        seconds,
                        ok ? "ok" : "TOO MUCH");
            }
            if (failed) {
                System.exit(1);
            }
        }
    }

    private static List<Scenario> scenarios(Ffi ffi) {
        var bytes = new byte[1024];
        var ints = new ArrayList<Integer>();
        for (int i = 0; i < 256; i++) {
            ints.add(i);
        }
        var create =
                Map.of("paramsType", List.of(DataType.U8Array, DataType.I32Array), "paramsValue", List.of(bytes, ints));
        var point = new LinkedHashMap<String, Object>();
        point.put("x", DataType.I32);
        point.put("y", DataType.I32);
        var byValue = new LinkedHashMap<String, Object>(point);
        byValue.put("ffiTypeTag", DataType.StackStruct);
        var intToInt =
                Descriptors.funcConstructor(Map.of("paramsType", List.of(DataType.I32), "retType", DataType.I32));
        var functions = ffi.define(Map.of(
                "make_point",
                        Map.of(
                                "library",
                                "ffitest",
                                "retType",
                                point,
                                "paramsType",
                                List.of(DataType.I32, DataType.I32),
                                "freeResultMemory",
                                true),
                "point_add", Map.of("library", "ffitest", "retType", byValue, "paramsType", List.of(byValue, byValue)),
                "concatenateStrings",
                        Map.of(
                                "library",
                                "ffitest",
                                "retType",
                                DataType.String,
                                "paramsType",
                                List.of(DataType.String, DataType.String),
                                "freeResultMemory",
                                true),
                "createArrayi32",
                        Map.of(
                                "library",
                                "ffitest",
                                "retType",
                                Descriptors.arrayConstructor(Map.of("type", DataType.I32Array, "length", 64)),
                                "paramsType",
                                List.of(DataType.I32Array, DataType.I32),
                                "freeResultMemory",
                                true),
                "apply",
                        Map.of(
                                "library",
                                "ffitest",
                                "retType",
                                DataType.I32,
                                "paramsType",
                                List.of(DataType.External, DataType.I32))));
        var sixtyFour = ints.subList(0, 64);
        int million = Integer.getInteger("soak.rounds", 1_000_000);
        return List.of(
                new Scenario(
                        "string arguments and malloc'd string results (freed)",
                        million,
                        20_000_000,
                        () -> functions.get("concatenateStrings").call("left-side-", "right-side")),
                new Scenario(
                        "arrays: 64 ints in, a malloc'd copy back (freed)",
                        million,
                        20_000_000,
                        () -> functions.get("createArrayi32").call(sixtyFour, 64)),
                new Scenario(
                        "structs: by value both ways, and malloc'd by pointer (freed)", million, 20_000_000, () -> {
                            functions.get("point_add").call(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4));
                            functions.get("make_point").call(1, 2);
                        }),
                new Scenario("createPointer/freePointer: 1 KiB U8Array + 256 x I32Array", million, 20_000_000, () -> {
                    var pointers = ffi.createPointer(create);
                    ffi.freePointer(Map.of(
                            "paramsType",
                            List.of(DataType.U8Array, DataType.I32Array),
                            "paramsValue",
                            pointers,
                            "pointerType",
                            PointerType.RsPointer));
                }),
                new Scenario("callbacks: made with createPointer, called once, freed", million, 20_000_000, () -> {
                    ScriptFunction increment = args -> (Integer) args.get(0) + 1;
                    var pointers = ffi.createPointer(
                            Map.of("paramsType", List.of(intToInt), "paramsValue", List.of(increment)));
                    functions.get("apply").call(ffi.unwrapPointer(pointers).get(0), 41);
                    ffi.freePointer(Map.of("paramsType", List.of(intToInt), "paramsValue", pointers));
                }));
    }

    private static long residentBytes() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
