package org.ffiscript.tests;

import static org.ffiscript.tests.Shapes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Pointer;
import org.junit.jupiter.api.Test;

/**
 * C data of any length decodes: struct pointers are followed with a work list, not by recursion, so a linked list
 * of a million nodes is read (and freed) without a stack overflow, on a small thread stack too.
 */
class LongListsTest extends EngineTest {
    private static final int MILLION = 1_000_000;

    /** struct Node from structs.c, its next field pointing back at its own description. */
    private static Map<String, Object> nodeType() {
        var node = struct("value", DataType.I32, "next", null);
        node.put("next", node);
        return node;
    }

    /** Walks a decoded list and checks it holds 1, 2, ... length. */
    private static void assertCounts(Object list, int length) {
        int expected = 1;
        for (var node = list; node != null; node = ((Map<?, ?>) node).get("next")) {
            assertEquals(expected++, ((Map<?, ?>) node).get("value"));
        }
        assertEquals(length + 1, expected);
    }

    @Test
    void aMillionNodeListIsDecodedAndFreedOnASmallStack() throws InterruptedException {
        var result = new AtomicReference<Object>();
        var thread = Thread.ofPlatform().stackSize(256 * 1024).start(() -> {
            try {
                result.set(ffi.load(TestLibrary.spec(
                        "make_list",
                        nodeType(),
                        List.of(DataType.I32),
                        List.of(MILLION),
                        Map.of("freeResultMemory", true))));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        thread.join();
        assertCounts(result.get(), MILLION);
    }

    @Test
    void aMillionNodeListIsDecodedThroughACPrototype() {
        ffi.declare("struct Node { int32_t value; struct Node *next; };");
        var makeList = ffi.define(Map.of(
                        "makeList",
                        Map.of(
                                "library",
                                TestLibrary.KEY,
                                "prototype",
                                "struct Node *make_list(int n)",
                                "freeResultMemory",
                                true)))
                .get("makeList");
        assertCounts(makeList.call(MILLION), MILLION);
    }

    @Test
    void aMillionNodeListIsDecodedByRestorePointer() {
        var head = (Pointer) call("make_list", DataType.External, List.of(DataType.I32), MILLION);
        var slot = ffi.wrapPointer(List.of(head));
        var list = ffi.restorePointer(Map.of("retType", List.of(nodeType()), "paramsValue", slot))
                .getFirst();
        assertCounts(list, MILLION);
        ffi.freePointer(Map.of("paramsValue", slot));
        // the nodes are C's: handed back through echo_pointer, they are read once more and freed, node by node
        assertCounts(
                ffi.load(TestLibrary.spec(
                        "echo_pointer",
                        nodeType(),
                        List.of(DataType.External),
                        List.of(head),
                        Map.of("freeResultMemory", true))),
                MILLION);
    }

    @Test
    void aCycleStillBecomesACycleOfMaps() {
        @SuppressWarnings("unchecked")
        var cycle = (Map<String, Object>) call("make_cycle", nodeType(), List.of());
        @SuppressWarnings("unchecked")
        var second = (Map<String, Object>) cycle.get("next");
        assertEquals(1, cycle.get("value"));
        assertEquals(2, second.get("value"));
        assertSame(cycle, second.get("next"));
    }

    @Test
    void anEmptyListIsNull() {
        assertNull(call("make_list", nodeType(), List.of(DataType.I32), 0));
    }
}
