package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.junit.jupiter.api.Test;

/** Observes what becomes of strings C malloc'd and returned: kept for C by default, freed on request. */
class FreeResultMemoryTest extends EngineTest {
    private static final int MIB = 1 << 20;
    private static final int CALLS = 40;
    private static long heapInUse() {
        return ((Number) ffi.load(spec("heap_in_use", DataType.U64, List.of()))).longValue();
    }

    private static long heapGrowthOverFreedCalls() {
        long before = heapInUse();
        for (int i = 0; i < CALLS; i++) {
            var text = (String) ffi.load(spec("make_string", DataType.String, List.of(DataType.I32), List.of(MIB),
                    Map.of("freeResultMemory", true)));
            assertEquals(MIB, text.length());
        }
        return heapInUse() - before;
    }

    @Test
    void freeResultMemoryFreesTheReturnedString() {
        long growth = heapGrowthOverFreedCalls();
        assertTrue(growth < 8L * MIB, "C heap grew by " + growth + " bytes over " + CALLS + " freed 1 MiB results");
    }

    private static boolean madeStringIntact(boolean freeResultMemory) {
        var text = (String) ffi.load(spec("make_string", DataType.String, List.of(DataType.I32), List.of(100),
                Map.of("freeResultMemory", freeResultMemory)));
        assertEquals("x".repeat(100), text);
        return (Integer) ffi.load(spec("last_made_string_intact", DataType.I32, List.of())) == 1;
    }

    @Test
    void byDefaultTheReturnedStringStaysWithC() {
        assertTrue(madeStringIntact(false));
    }

    @Test
    void freeResultMemoryReleasesTheBlockItself() {
        assertFalse(madeStringIntact(true));
    }
}
