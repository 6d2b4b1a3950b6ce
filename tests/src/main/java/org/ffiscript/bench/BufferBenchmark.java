package org.ffiscript.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.NativeFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What passing a buffer to C costs by its size: a {@link NativeBuffer} passes as its address, so 1 MiB costs what
 * 16 bytes do; a byte array is copied in and back, so its cost grows with its size. The C function
 * ({@code buffer_size} from interop.c) reads nothing of the buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BufferBenchmark {
    private static final String LIBRARY = System.getProperty("ffi.testlib");
    private static final int SMALL = 16;
    private static final int LARGE = 1 << 20;

    private final Ffi ffi = new Ffi();
    private NativeFunction bufferSize;
    private NativeBuffer smallNative;
    private NativeBuffer largeNative;
    private final byte[] smallBytes = new byte[SMALL];
    private final byte[] largeBytes = new byte[LARGE];

    @Setup
    public void open() {
        ffi.open("bench", LIBRARY);
        bufferSize = ffi.define(Map.of(
                        "bufferSize",
                        Map.of("library", "bench", "prototype", "size_t buffer_size(uint8_t *buffer, size_t size)")))
                .get("bufferSize");
        smallNative = NativeBuffer.allocate(SMALL);
        largeNative = NativeBuffer.allocate(LARGE);
    }

    @TearDown
    public void close() {
        smallNative.close();
        largeNative.close();
        ffi.close();
    }

    @Benchmark
    public Object nativeBuffer16B() {
        return bufferSize.call(smallNative, SMALL);
    }

    @Benchmark
    public Object nativeBuffer1MiB() {
        return bufferSize.call(largeNative, LARGE);
    }

    @Benchmark
    public Object byteArray16B() {
        return bufferSize.call(smallBytes, SMALL);
    }

    @Benchmark
    public Object byteArray1MiB() {
        return bufferSize.call(largeBytes, LARGE);
    }
}
