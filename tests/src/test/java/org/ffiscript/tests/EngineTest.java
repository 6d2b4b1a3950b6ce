package org.ffiscript.tests;

import java.util.List;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one engine per class, with the C test library open under {@link TestLibrary#KEY}. */
abstract class EngineTest {
    protected static Ffi ffi;

    @BeforeAll
    static void openEngine() {
        ffi = TestLibrary.openEngine();
    }

    @AfterAll
    static void closeEngine() {
        ffi.close();
    }

    /** How many blocks of the last probed C allocation are still intact, that is not freed (see probes.c). */
    protected static int intactBlocks() {
        return (Integer) call("probe_intact", DataType.I32, List.of());
    }

    /** Calls a function of the test library. */
    protected static Object call(String funcName, Object retType, List<?> paramsType, Object... values) {
        return ffi.load(TestLibrary.spec(funcName, retType, paramsType, values));
    }
}
