package org.ffiscript.tests;

import static org.ffiscript.tests.TestLibrary.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.junit.jupiter.api.Test;

/** What becomes of a string C malloc'd and returned: kept for C by default, freed on request. */
class FreeResultMemoryTest extends EngineTest {

    private static void makeString(boolean freeResultMemory) {
        var text = ffi.load(spec(
                "make_string",
                DataType.String,
                List.of(DataType.I32),
                List.of(100),
                Map.of("freeResultMemory", freeResultMemory)));
        assertEquals("x".repeat(100), text);
    }

    @Test
    void byDefaultTheReturnedStringStaysWithC() {
        makeString(false);
        assertEquals(1, intactBlocks());
    }

    @Test
    void freeResultMemoryFreesTheReturnedString() {
        makeString(true);
        assertEquals(0, intactBlocks());
    }
}
