package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ffiscript.engine.AccessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaScript Buffers live in native memory and pass to C as their own address, as ffi-rs passes a Buffer's memory on
 * Node: C's writes are there at once, C may keep the address, and two Buffers never share scratch memory.
 */
class NativeBuffersTest {
    private static String run(Path folder, String script) throws Exception {
        var file = folder.resolve("main.js");
        Files.writeString(file, """
                const { open, load, DataType } = require('ffi-rs');
                open({ library: 'libc', path: '' });
                const memset = (target, byte, count, type = DataType.U8Array) => load({ library: 'libc', funcName: 'memset',
                  retType: DataType.External, paramsType: [type, DataType.I32, DataType.U64], paramsValue: [target, byte, count] });
                """ + script);
        var run = NodeCompatibilityTest.runScript(file, AccessPolicy.allowAll());
        assertEquals("", run.err());
        return run.out();
    }

    @Test
    void eachBufferPassesItsOwnMemory(@TempDir Path folder) throws Exception {
        assertEquals("true true\n", run(folder, """
                const a = Buffer.alloc(16), b = Buffer.from('sixteen bytes...');
                console.log(String(memset(a, 0, 0)) !== String(memset(b, 0, 0)), String(memset(a, 0, 0)) === String(memset(a, 0, 0)));
                """));
    }

    @Test
    void cKeepsTheAddressAndWritesLater(@TempDir Path folder) throws Exception {
        assertEquals("AAAA BBAA\n", run(folder, """
                const kept = Buffer.alloc(4);
                const address = memset(kept, 0x41, 4);          // C returns (as if it kept) the buffer's address
                const before = kept.toString('latin1');
                memset(address, 0x42, 2, DataType.External);    // a later call writes through the kept address
                console.log(before, kept.toString('latin1'));
                """));
    }

    @Test
    void slicesPassTheirPartOfTheSameMemory(@TempDir Path folder) throws Exception {
        assertEquals("..xx..\n", run(folder, """
                const whole = Buffer.from('......');
                memset(whole.subarray(2, 4), 0x78, 2);
                console.log(whole.toString());
                """));
    }

    @Test
    void heapTypedArraysAreCopiedInAndBack(@TempDir Path folder) throws Exception {
        assertEquals("Uint8Array(3) [ 9, 9, 0 ]\n", run(folder, """
                const bytes = new Uint8Array(3);
                memset(bytes, 9, 2);
                console.log(bytes);
                """));
    }
}
