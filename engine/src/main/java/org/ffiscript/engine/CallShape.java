package org.ffiscript.engine;

import java.lang.foreign.GroupLayout;
import org.ffiscript.engine.type.FunctionType;
import org.ffiscript.engine.type.NativeType;

/**
 * What kind of call a function makes, decided once when it is compiled, and the invoker that makes it. The layers
 * above ({@link NativeFunction}, the JavaScript bridge, the Groovy libraries) read this record instead of deciding
 * again whether a call can take the quick way.
 *
 * @param arity       how many values a call takes (a variadic plan: its fixed and variadic parameters together)
 * @param variadic    true for a variadic function's plan, whose script values carry their types
 * @param errno       true where the call captures errno
 * @param freesResult true where the result's memory is freed after decoding
 * @param temporaries true where a call needs scratch memory (strings, arrays, structs, errno, a struct result)
 * @param callbacks   true where a value becomes a C callback
 * @param async       true where each call runs on a worker thread ({@code runInNewThread})
 * @param invoker     how the call is made
 */
public record CallShape(
        int arity,
        boolean variadic,
        boolean errno,
        boolean freesResult,
        boolean temporaries,
        boolean callbacks,
        boolean async,
        Invoker invoker) {

    /** The most values a {@link Invoker#DIRECT} call takes: the fixed-arity calls go up to this many. */
    public static final int MAX_DIRECT_ARITY = 4;

    /**
     * The most parameters a {@link Invoker#FUSED} call takes: while the engine builds the tree a handle takes two
     * arguments per parameter, and the JVM allows a method handle 255 argument slots, one of them the handle itself.
     */
    public static final int MAX_FUSED_ARITY = 126;

    /**
     * The switch that sends every call the general way ({@code -Dffiscript.generalPath=true}): values converted
     * one by one into carriers and spread into the downcall. The test suite runs with it too, so that the quick
     * invokers are checked against the plain conversion they must agree with.
     */
    public static final boolean GENERAL_PATH_ONLY = Boolean.getBoolean("ffiscript.generalPath");

    /** The closed set of ways a plan calls C, quickest first. */
    public enum Invoker {
        /**
         * Conversion, downcall and decoding as one handle in a hidden class of the function's own, entered by a
         * fixed-arity call with no list of values. For synchronous calls of at most {@link #MAX_DIRECT_ARITY}
         * values that capture no errno, free no result, make no callbacks and are not variadic.
         */
        DIRECT,
        /** Each value's conversion fused in front of the downcall as one method-handle tree, in a scratch frame. */
        FUSED,
        /**
         * The general path: each value converted in turn into an array of carriers, spread into the downcall.
         * Calls on a worker thread take it (their values are converted before the call leaves the script's
         * thread), as do functions too wide for a fused tree.
         */
        CARRIERS
    }

    /**
     * The shape of a synchronous call of {@code params} returning {@code result}: where the engine decides, when it
     * compiles a function, which invoker its calls take.
     */
    public static CallShape of(
            NativeType[] params, NativeType result, boolean errno, boolean freesResult, boolean variadic) {
        boolean temporaries = errno || result.carrier() instanceof GroupLayout;
        boolean callbacks = false;
        for (var param : params) {
            temporaries |= param.allocates();
            callbacks |= param instanceof FunctionType;
        }
        Invoker invoker;
        if (GENERAL_PATH_ONLY || params.length > MAX_FUSED_ARITY) {
            invoker = Invoker.CARRIERS;
        } else if (params.length <= MAX_DIRECT_ARITY && !errno && !freesResult && !callbacks && !variadic) {
            invoker = Invoker.DIRECT; // the rare kinds (callbacks, errno, freeing) stay off the quickest path
        } else {
            invoker = Invoker.FUSED;
        }
        return new CallShape(params.length, variadic, errno, freesResult, temporaries, callbacks, false, invoker);
    }

    /** This shape for calls that run on a worker thread: they take the general path, see {@link Invoker#CARRIERS}. */
    public CallShape onWorkerThreads() {
        return new CallShape(arity, variadic, errno, freesResult, temporaries, callbacks, true, Invoker.CARRIERS);
    }

    /**
     * How many values a caller may hand straight to the function's fixed-arity calls
     * ({@code function.call(a, b)}), which take the {@link Invoker#DIRECT} invoker; -1 where calls take a list.
     */
    public int directArity() {
        return invoker == Invoker.DIRECT ? arity : -1;
    }
}
