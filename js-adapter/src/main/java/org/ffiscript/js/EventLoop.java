package org.ffiscript.js;

import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Value;

/**
 * The script thread's event loop: tasks posted from any thread (completed native calls, callbacks from native
 * threads), timers, and a count of operations still running elsewhere. A GraalJS context admits one thread at a
 * time; this loop is how work from other threads reaches the one that owns the script.
 */
final class EventLoop {
    private static final long SPIN_NANOS = 50_000;

    private record Timer(long due, long sequence, int id, Value function, Value[] args, long repeatMillis) {}

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Operations running elsewhere whose result the script awaits; only the script thread adds and removes. */
    private final java.util.Set<Completion> pending = new java.util.LinkedHashSet<>();
    /** Those of {@link #pending} whose operation has finished, as the finishing threads report them. */
    private final ConcurrentLinkedQueue<Completion> finished = new ConcurrentLinkedQueue<>();

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    /** setImmediate's callbacks: they run after the timers that are due, once per turn of the loop, as in Node. */
    private final java.util.ArrayDeque<Timer> immediates = new java.util.ArrayDeque<>();

    private final ReentrantLock scriptLock = new ReentrantLock();
    private volatile Thread scriptThread;
    private volatile RuntimeException ending;
    /** Timers the script unref'd: they run while something else keeps the loop alive, but do not keep it alive. */
    private final java.util.Set<Integer> unreferenced = new java.util.HashSet<>();

    private long timerSequence;
    private int nextTimerId = 1;
    /** How many {@link #run()} calls are on the script thread's stack: 1 for the outermost. */
    private int runDepth;
    /** Answers whether the JS engine still runs promise reactions (see {@link #checkPromiseJobs()}); null: not checked. */
    private java.util.function.BooleanSupplier promiseJobsRun;

    /** An operation's result on its way to the script: settled on the script thread, by the loop itself. */
    private record Completion(CompletableFuture<?> future, java.util.function.BiConsumer<Object, Throwable> settle) {}

    /** Runs {@code body} as the script thread: the thread allowed to run script code until it returns. */
    <T> T asScriptThread(Callable<T> body) throws Exception {
        scriptLock.lock();
        var previous = scriptThread;
        scriptThread = Thread.currentThread();
        try {
            return body.call();
        } finally {
            scriptThread = previous;
            scriptLock.unlock();
        }
    }

    /** True on the thread currently running script code. */
    boolean isScriptThread() {
        return scriptThread == Thread.currentThread();
    }

    /** Queues a task for the script thread; any thread may call this. */
    void post(Runnable task) {
        tasks.add(task);
        wake();
    }

    /**
     * On the script thread: keeps the loop alive until {@code operation} completes, then calls {@code settle} with its
     * result or failure from the loop itself, never from a task served inside a native call. There the script's stack
     * can be nearly full, and settling there would fail for a reason that has nothing to do with the result, hand
     * that failure to whichever call was being served, and leave the promise pending forever.
     */
    void awaitCompletion(CompletableFuture<?> operation, java.util.function.BiConsumer<Object, Throwable> settle) {
        var completion = new Completion(operation, settle);
        pending.add(completion);
        // The loop also sweeps pending operations for finished ones, so a report lost here (this runs on the calling
        // thread when the operation is already done, where a full stack can fail it) only delays the settling.
        operation.whenComplete((result, error) -> {
            finished.add(completion);
            wake();
        });
    }

    private void wake() {
        var owner = scriptThread;
        if (owner != null) {
            LockSupport.unpark(owner);
        }
    }

    /**
     * Settles finished operations in the order they finished. Each leaves {@link #pending} before its settle runs, so
     * the count of what keeps the loop alive stays exact whatever the settle throws; what it throws ends the run as
     * the script's error.
     */
    private void settleFinished() {
        for (var completion = finished.poll(); completion != null; completion = finished.poll()) {
            settle(completion);
        }
    }

    /** When the loop would wait: settles finished operations whose report never came; true if it settled any. */
    private boolean settleUnreported() {
        boolean settled = false;
        for (var completion : pending.toArray(Completion[]::new)) {
            if (completion.future.isDone()) {
                settle(completion);
                settled = true;
            }
        }
        return settled;
    }

    private void settle(Completion completion) {
        if (!pending.remove(completion)) {
            return; // already settled by a sweep
        }
        Object result = null;
        Throwable error = null;
        try {
            result = completion.future.getNow(null);
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            error = failureOf(e);
        }
        completion.settle.accept(result, error);
        checkEnding();
    }

    /** What failed an operation: the cause a CompletableFuture wrapped, or the failure itself. */
    static Throwable failureOf(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }

    /**
     * Has the loop check, before it ends with nothing left to run, that the JS engine still runs promise reactions
     * ({@code supplier} queues one at the outermost level and answers whether it ran).
     */
    void checkPromiseJobsWith(java.util.function.BooleanSupplier supplier) {
        this.promiseJobsRun = supplier;
    }

    int setTimer(Value function, double delayMillis, Value[] args, boolean repeat) {
        // Node makes a delay under 1 ms (or not a number) 1 ms
        long delay = Double.isNaN(delayMillis) || delayMillis < 1 ? 1 : (long) delayMillis;
        int id = nextTimerId++;
        timers.add(new Timer(
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay),
                timerSequence++,
                id,
                function,
                args,
                repeat ? Math.max(delay, 1) : -1));
        return id;
    }

    int setImmediate(Value function, Value[] args) {
        int id = nextTimerId++;
        immediates.add(new Timer(0, timerSequence++, id, function, args, -1));
        return id;
    }

    void clearTimer(int id) {
        timers.removeIf(timer -> timer.id == id);
        immediates.removeIf(timer -> timer.id == id);
        unreferenced.remove(id);
    }

    /** Whether a timer keeps the loop alive (Node's ref/unref). */
    void referenceTimer(int id, boolean keepsAlive) {
        if (keepsAlive) {
            unreferenced.remove(id);
        } else {
            unreferenced.add(id);
        }
    }

    private boolean onlyUnreferencedTimers() {
        if (unreferenced.isEmpty()) {
            return timers.isEmpty();
        }
        for (var timer : timers) {
            if (!unreferenced.contains(timer.id)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a callable on the script thread from another thread and waits for it. When no thread runs script code
     * (the script has finished), the calling thread takes the script's place for the duration.
     */
    <T> T callOnScriptThread(Callable<T> call) throws Exception {
        if (scriptThread == null && scriptLock.tryLock()) {
            try {
                return asScriptThread(call);
            } finally {
                scriptLock.unlock();
            }
        }
        var result = new CompletableFuture<T>();
        post(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return awaitFrom(result);
    }

    private static <T> T awaitFrom(CompletableFuture<T> result) throws Exception {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!result.isDone() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        boolean warned = false;
        while (true) {
            try {
                return result.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException stillBusy) {
                if (!warned) {
                    warned = true;
                    System.err.println(
                            "ffi-script: a callback called from a native thread has waited 10 s for the script "
                                    + "thread, which is busy in a native call. If that call waits for the callback, pass the function "
                                    + "to it directly (the call then serves its callbacks) or use runInNewThread.");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /**
     * On the script thread: runs posted tasks (callbacks from the native call) until {@code call} completes. This
     * is how a script blocked in a native call still serves the callbacks that call triggers.
     */
    void serveUntil(Future<?> call) {
        while (!call.isDone()) {
            checkEnding();
            var task = tasks.poll();
            if (task != null) {
                task.run();
                continue;
            }
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (tasks.isEmpty() && !call.isDone() && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            if (tasks.isEmpty() && !call.isDone()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /**
     * GraalJS counts how deep calls from Java into JavaScript are nested and runs promise reactions when the outermost
     * one returns. A stack overflow inside such a call made at a nearly full stack can skip the count's decrement; from
     * then on no reaction ever runs again, every await stays pending and the loop, with nothing left that it knows of,
     * would end the script silently in its middle. Ending it with this error instead says what happened.
     */
    private void checkPromiseJobs() {
        if (runDepth == 1 && promiseJobsRun != null && !promiseJobsRun.getAsBoolean()) {
            throw new PromiseJobsStopped();
        }
    }

    /** The JS engine no longer runs promise reactions (see {@link #checkPromiseJobs()}). */
    static final class PromiseJobsStopped extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PromiseJobsStopped() {
            super("the JavaScript engine (GraalJS) stopped running promise reactions after a stack overflow in a call "
                    + "between Java and JavaScript, so pending awaits and then() callbacks can never run; the script "
                    + "was ended here rather than exit as if it had finished (recursion that exhausts the stack around "
                    + "native calls and callbacks causes this)");
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** Makes the loop end with {@code termination} as soon as the task it runs returns (process.exit in a callback). */
    void end(RuntimeException termination) {
        if (ending == null) {
            ending = termination;
        }
    }

    /** Forgets an ending that already unwound the script (the exit reached whoever ran it another way). */
    void clearEnding() {
        ending = null;
    }

    private void checkEnding() {
        var termination = ending;
        if (termination != null) {
            ending = null;
            throw termination;
        }
    }

    /**
     * Runs tasks and timers on the script thread until nothing is left to wait for. Each turn runs what other threads
     * posted, then every timer already due, then the immediates queued before the turn: Node's order of phases.
     */
    void run() {
        runDepth++;
        try {
            runTurns();
        } finally {
            runDepth--;
        }
    }

    private void runTurns() {
        while (true) {
            checkEnding();
            for (var task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
                checkEnding();
            }
            settleFinished();
            long now = System.nanoTime();
            for (var next = timers.peek(); next != null && next.due <= now; next = timers.peek()) {
                timers.poll();
                if (next.repeatMillis <= 0) {
                    unreferenced.remove(next.id);
                }
                if (next.repeatMillis > 0) {
                    timers.add(new Timer(
                            now + TimeUnit.MILLISECONDS.toNanos(next.repeatMillis),
                            timerSequence++,
                            next.id,
                            next.function,
                            next.args,
                            next.repeatMillis));
                }
                next.function.executeVoid((Object[]) next.args);
                checkEnding();
            }
            for (int count = immediates.size(); count > 0 && !immediates.isEmpty(); count--) {
                var immediate = immediates.poll();
                immediate.function.executeVoid((Object[]) immediate.args);
                checkEnding();
            }
            if (!immediates.isEmpty()
                    || !tasks.isEmpty()
                    || !finished.isEmpty()
                    || (!pending.isEmpty() && settleUnreported())) {
                continue;
            }
            var next = timers.peek();
            if (onlyUnreferencedTimers() && pending.isEmpty()) {
                checkPromiseJobs();
                return;
            }
            now = System.nanoTime();
            if (next == null || next.due > now) {
                LockSupport.parkNanos(
                        next == null
                                ? TimeUnit.MILLISECONDS.toNanos(50)
                                : Math.min(next.due - now, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
    }
}
