package org.ffiscript.engine.call;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.ffiscript.engine.memory.LibC;
import org.ffiscript.engine.type.NativeMemory;

/**
 * Per-thread memory for the temporaries of calls (converted strings, arrays, structs, the errno capture),
 * used like a stack: a call {@link #enter()}s a frame, allocates, and {@link #exit(int)}s it, so a callback that
 * calls into C again on the same thread nests cleanly. Memory is malloc'd in chunks, kept for the thread's life
 * (the first) or until the frame that needed it ends (any overflow chunk), and handed out as global-scope
 * slices, which the linker passes without per-call scope bookkeeping.
 */
final class Scratch implements NativeMemory {
    private static final long CHUNK_SIZE = 32 * 1024;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);
    private static final AtomicInteger FAILURES_PENDING = new AtomicInteger(); // recorded, not yet taken, all threads
    // One thread's scratch memory, found without the thread-local: a script's calls mostly come from one thread,
    // and comparing threads costs less than a thread-local lookup, which probes past the many thread-locals
    // script engines keep. Kept by the first thread to call until it ends, so threads taking turns never write here.
    private static Scratch resident;

    private final Thread owner = Thread.currentThread(); // final: seen whole by any thread that reads resident

    private final ArrayList<MemorySegment> chunks = new ArrayList<>();
    private final MemorySegment callState;
    private final ArrayList<Object> copyBacks = new ArrayList<>(); // pairs: native segment, Java array
    private int chunk;
    private MemorySegment current;
    private long used;
    private int[] frames = new int[3 * 8];
    private long[] frameOffsets = new long[8];
    private Arena[] frameArenas = new Arena[8];
    private int depth;
    private Throwable callbackFailure;

    private Scratch() {
        var first = LibC.malloc(CHUNK_SIZE);
        chunks.add(first);
        current = first;
        CLEANER.register(this, () -> LibC.free(first)); // the action must not reach this object
        var stateLayout = Linker.Option.captureStateLayout();
        callState = first.asSlice(0, stateLayout.byteSize(), stateLayout.byteAlignment());
        used = (stateLayout.byteSize() + 15) & -16;
    }

    /** The calling thread's scratch memory. */
    static Scratch current() {
        var known = resident;
        if (known != null && known.owner == Thread.currentThread()) {
            return known;
        }
        var mine = CURRENT.get();
        if (known == null || !known.owner.isAlive()) {
            resident = mine;
        }
        return mine;
    }

    /** Where the linker stores errno right after a call; reused by every call on this thread. */
    MemorySegment callState() {
        return callState;
    }

    /** Opens a frame; everything allocated until {@link #exit} belongs to it. */
    int enter() {
        if (depth == frameOffsets.length) {
            grow();
        }
        int base = 3 * depth;
        frames[base] = chunk;
        frames[base + 1] = copyBacks.size();
        frames[base + 2] = chunks.size();
        frameOffsets[depth] = used;
        return depth++;
    }

    /**
     * Opens a frame for a call that allocates nothing: it only marks the thread as running a call, so that a
     * failing callback knows where to report. Closed with {@link #exit} like any frame.
     */
    int enterWithoutMemory() {
        if (depth == frameOffsets.length) {
            grow();
        }
        int base = 3 * depth;
        frames[base] = -1;
        return depth++;
    }

    /** Copies C's writes back into the Java arrays of buffers passed in {@code frame}. */
    void copyBack(int frame) {
        for (int i = frames[3 * frame + 1]; i < copyBacks.size(); i += 2) {
            CopyBack.copy((MemorySegment) copyBacks.get(i), copyBacks.get(i + 1));
        }
    }

    /** Releases everything allocated since {@code frame} was entered. */
    void exit(int frame) {
        int base = 3 * frame;
        if (frames[base] >= 0) {
            if (chunk != frames[base]) {
                chunk = frames[base];
                current = chunks.get(chunk);
            }
            used = frameOffsets[frame];
            if (copyBacks.size() != frames[base + 1]
                    || chunks.size() != frames[base + 2]
                    || frameArenas[frame] != null) {
                releaseExtras(frame);
            }
        }
        depth = frame;
    }

    // The rare part of exit, kept out of line so that the common one stays small enough to inline.
    private void releaseExtras(int frame) {
        int base = 3 * frame;
        while (copyBacks.size() > frames[base + 1]) {
            copyBacks.removeLast();
        }
        for (int i = chunks.size() - 1; i >= frames[base + 2]; i--) {
            LibC.free(chunks.remove(i));
        }
        if (frameArenas[frame] != null) {
            frameArenas[frame].close();
            frameArenas[frame] = null;
        }
    }

    private void grow() {
        frames = Arrays.copyOf(frames, frames.length * 2);
        frameOffsets = Arrays.copyOf(frameOffsets, frameOffsets.length * 2);
        frameArenas = Arrays.copyOf(frameArenas, frameArenas.length * 2);
    }

    /** True while a call of the engine runs on this thread (C may be calling back into it). */
    boolean inCall() {
        return depth > 0;
    }

    /** Keeps a callback's failure for the innermost running call to rethrow; later ones are added as suppressed. */
    void recordCallbackFailure(Throwable failure) {
        if (callbackFailure == null) {
            callbackFailure = failure;
            FAILURES_PENDING.incrementAndGet();
        } else if (callbackFailure != failure) {
            callbackFailure.addSuppressed(failure);
        }
    }

    /** The failure of a callback during the call that just returned, or null; clears it. */
    Throwable takeCallbackFailure() {
        var failure = callbackFailure;
        if (failure != null) {
            callbackFailure = null;
            FAILURES_PENDING.decrementAndGet();
        }
        return failure;
    }

    /**
     * True while any thread has a callback failure that its running call has not yet taken: a call that does
     * not mark its thread (a direct call) checks this one shared word and looks at its own thread only when set.
     */
    static boolean callbackFailuresPending() {
        return FAILURES_PENDING.get() != 0;
    }

    @Override
    public Arena arena() {
        if (frameArenas[depth - 1] == null) {
            frameArenas[depth - 1] = Arena.ofShared();
        }
        return frameArenas[depth - 1];
    }

    @Override
    public boolean temporary() {
        return true;
    }

    @Override
    public void copyBackAfterCall(MemorySegment from, Object javaArray) {
        copyBacks.add(from);
        copyBacks.add(javaArray);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        long start = (used + byteAlignment - 1) & -byteAlignment;
        if (start + byteSize > current.byteSize()) {
            current = LibC.malloc(Math.max(CHUNK_SIZE, byteSize + byteAlignment));
            chunks.add(current);
            chunk = chunks.size() - 1;
            start = (current.address() + byteAlignment - 1 & -byteAlignment) - current.address();
        }
        used = start + byteSize;
        return current.asSlice(start, byteSize);
    }
}
