package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.junit.jupiter.api.Test;

/** Observes the C heap (mallinfo2) around calls returning 1 MiB malloc'd strings. */
class FreeResultMemoryTest extends EngineTest {
    private static final int MIB = 1 << 20;
    private static final int CALLS = 40;
    private static long heapInUse() {
        return ((Number) ffi.load(spec("heap_in_use", DataType.U64, List.of()))).longValue();
    }

    private static long heapGrowthOverCalls(boolean freeResultMemory) {
        long before = heapInUse();
        for (int i = 0; i < CALLS; i++) {
            var text = (String) ffi.load(spec("make_string", DataType.String, List.of(DataType.I32), List.of(MIB),
                    Map.of("freeResultMemory", freeResultMemory)));
            assertEquals(MIB, text.length());
        }
        return heapInUse() - before;
    }

    @Test
    void freeResultMemoryFreesTheReturnedString() {
        long growth = heapGrowthOverCalls(true);
        assertTrue(growth < 8L * MIB, "C heap grew by " + growth + " bytes over " + CALLS + " freed 1 MiB results");
    }

    @Test
    void byDefaultTheReturnedStringStaysWithC() {
        long growth = heapGrowthOverCalls(false);
        assertTrue(growth >= (CALLS - 2L) * MIB, "C heap grew by only " + growth + " bytes over " + CALLS + " kept 1 MiB results");
    }
}
