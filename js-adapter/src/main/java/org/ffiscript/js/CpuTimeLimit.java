package org.ffiscript.js;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;

/**
 * A watchdog over one evaluation: when the script thread has used more CPU time than the limit, the context is
 * interrupted and the evaluation ends with {@link Exceeded}. GraalVM's own CPU-time limit (sandbox.MaxCPUTime) needs
 * Oracle GraalVM; this works on a stock JDK. It measures the script thread's CPU time (JavaScript, and native calls
 * made on that thread); an interrupt takes effect when control is back in JavaScript.
 */
final class CpuTimeLimit {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ffi-js-cpu-watchdog").factory());
    private static final long CHECK_EVERY_MILLIS = 10;

    private final Duration limit;
    private final ScheduledFuture<?> check;
    private volatile boolean exceeded;

    private CpuTimeLimit(Duration limit, Context context) {
        this.limit = limit;
        var threads = ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long start = threads.getThreadCpuTime(thread);
        this.check = WATCHDOG.scheduleAtFixedRate(
                () -> {
                    if (!exceeded && threads.getThreadCpuTime(thread) - start > limit.toNanos()) {
                        exceeded = true;
                        // interrupt waits for the script to stop, which the watchdog must not: another thread waits
                        // instead
                        Thread.ofVirtual().start(() -> {
                            try {
                                context.interrupt(Duration.ofSeconds(30));
                            } catch (java.util.concurrent.TimeoutException
                                    | IllegalStateException stillInNativeOrClosed) {
                                // the evaluation ended (or stays in a native call); nothing more to stop
                            }
                        });
                    }
                },
                CHECK_EVERY_MILLIS,
                CHECK_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Starts watching the calling thread's evaluation; null when there is no limit. */
    static CpuTimeLimit watch(Duration limit, Context context) {
        return limit == null ? null : new CpuTimeLimit(limit, context);
    }

    /** Whether the evaluation went over its limit and was interrupted for it. */
    boolean exceeded() {
        return exceeded;
    }

    void stop() {
        check.cancel(false);
    }

    Exceeded failure() {
        return new Exceeded(limit);
    }

    /** The evaluation used more CPU time than its limit. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(Duration limit) {
            super("the script used more than its CPU time limit of " + limit.toMillis() + " ms and was stopped");
        }
    }
}
