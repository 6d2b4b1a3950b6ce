package org.ffiscript.js;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeFunction;
import org.ffiscript.engine.Pointer;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * What the ffi-rs module (node/ffi-rs.js) calls: the ffi-rs operations over the engine. The runtime's own services
 * (timers, streams, exit) are {@link ScriptServices}. Scripts never see this object: the modules keep it in a closure.
 */
public final class FfiBridge {
    /** The buffers of a call whose values were all plain: none, so nothing to copy back. */
    private static final JsValues.ByteCopies NO_BUFFERS = new JsValues.ByteCopies();

    private final JsRuntime runtime;
    private final Ffi ffi;

    FfiBridge(JsRuntime runtime, Ffi ffi) {
        this.runtime = runtime;
        this.ffi = ffi;
    }

    private JsValues values() {
        return runtime.values();
    }

    private Object java(Value value, JsValues.ByteCopies copies) {
        return values().toJava(value, copies);
    }

    /** A value C does not write into (a key, a pointer, a length): buffers among it are copied, never back. */
    private Object plain(Value value) {
        return java(value, new JsValues.ByteCopies());
    }

    private Map<?, ?> map(Value value, String what) {
        if (java(value, new JsValues.ByteCopies()) instanceof Map<?, ?> map) {
            return map;
        }
        throw new FfiException(what + ": expected an object, got " + value);
    }

    @HostAccess.Export
    public void open(Value spec) {
        ffi.open(map(spec, "open"));
    }

    @HostAccess.Export
    public void close(Value library) {
        ffi.close(library.isString() ? library.asString() : String.valueOf(plain(library)));
    }

    /** A whole {@code load} description, converted every call: the path for descriptions the prelude cannot key. */
    @HostAccess.Export
    public Object load(Value spec) {
        var copies = new JsValues.ByteCopies();
        var description = java(spec, copies);
        if (!(description instanceof Map<?, ?> map)) {
            throw new FfiException(
                    "load: expected an object {library, funcName, retType, paramsType, paramsValue}, got " + spec);
        }
        var values = map.get("paramsValue");
        if (hasFunction(values)) {
            return finishServing(() -> ffi.load(map), copies);
        }
        return finish(ffi.load(map), copies);
    }

    /** Compiles one entry of a {@code define} map: {@code name} is the C symbol, or the name for a C prototype. */
    @HostAccess.Export
    public Object prepareDefinition(String name, Value definition) {
        Object description = definition.isString() ? definition.asString() : map(definition, "define: " + name);
        return ffi.define(Map.of(name, description)).get(name);
    }

    /** True where a defined function returns void: its calls give undefined, as in ffi-rs. */
    @HostAccess.Export
    public boolean returnsVoid(Object prepared) {
        return ((NativeFunction) prepared).returnsVoid();
    }

    /**
     * How many values the prelude may hand the function itself ({@code fn.call(a, b)}), when they are numbers,
     * strings, booleans or null: the function's shape says it takes the direct invoker, and its results cross as
     * they are. -1 where calls go through {@link #invoke} or {@code callN}.
     */
    @HostAccess.Export
    public int directArity(Object prepared) {
        var function = (NativeFunction) prepared;
        return JsValues.crossesAsIs(function.resultType()) ? function.shape().directArity() : -1;
    }

    /** True where a defined function runs in a new thread: its calls give promises. */
    @HostAccess.Export
    public boolean runsInNewThread(Object prepared) {
        return ((NativeFunction) prepared).runsInNewThread();
    }

    /**
     * Declares C types; returns an object mapping each name defined to itself, the way scripts refer to a
     * declared type ({@code const { Point } = declare('typedef struct { int x; int y; } Point;')}). With a
     * description, names it for C and returns the name.
     */
    @HostAccess.Export
    public Object declare(Value source, Value description) {
        if (!source.isString()) {
            throw new FfiException("declare: expected C declarations as a string, got " + source);
        }
        if (description != null && !description.isNull()) {
            ffi.declare(source.asString(), java(description, new JsValues.ByteCopies()));
            return source.asString();
        }
        var names = new LinkedHashMap<String, Object>();
        ffi.declare(source.asString()).keySet().forEach(name -> names.put(name, name));
        return values().toJs(names);
    }

    /**
     * Declares a whole C header (see {@link org.ffiscript.engine.Ffi#declareHeader}); {@code options} may say
     * {@code {strict: true}}. Returns a plain object: {@code types} and {@code globals} (each name mapped to itself,
     * as {@code declare} gives types), {@code constants} (name to value), {@code functions} (the names), and
     * {@code skipped} ({@code {file, line, construct, reason}} each).
     */
    @HostAccess.Export
    public Object declareHeader(Value source, Value options) {
        if (source == null || !source.isString()) {
            throw new FfiException("declareHeader: expected the text of a C header as a string, got " + source);
        }
        boolean strict = false;
        if (options != null && !options.isNull()) {
            var strictOption = options.hasMember("strict") ? options.getMember("strict") : null;
            if (strictOption == null
                    || !strictOption.isBoolean()
                    || options.getMemberKeys().size() != 1) {
                throw new FfiException("declareHeader: expected options {strict: true or false}, got " + options);
            }
            strict = strictOption.asBoolean();
        }
        var header = ffi.declareHeader(source.asString(), strict);
        return values().toJs(
                        HeaderReports.of(header, List.copyOf(header.functions().keySet()), header.skipped()));
    }

    /**
     * {@code defineHeader({library, header})}: declares the header and defines each of its functions against the
     * library; the same object as {@link #declareHeader}, with {@code functions} mapping each name to an engine
     * function, which the prelude makes callable.
     */
    @HostAccess.Export
    public Object defineHeader(Value spec) {
        var options = map(spec, "defineHeader");
        if (!(options.get("library") instanceof String library)
                || !(options.get("header") instanceof String text)
                || options.size() != 2) {
            throw new FfiException("defineHeader: expected {library: 'key', header: 'C declarations'}, got " + spec);
        }
        var defined = ffi.defineHeader(library, text);
        return values().toJs(HeaderReports.of(
                defined.declared(), new LinkedHashMap<>(defined.functions()), defined.skipped()));
    }

    /**
     * A header file after the system's C preprocessor, for declareHeader and defineHeader; {@code options} may give
     * {@code {include: ['folder', ...]}}.
     */
    @HostAccess.Export
    public String preprocess(Value file, Value options) {
        if (file == null || !file.isString()) {
            throw new FfiException("preprocess: expected the path of a C header as a string, got " + file);
        }
        var folders = new ArrayList<String>();
        if (options != null && !options.isNull()) {
            var include = options.hasMember("include") ? options.getMember("include") : null;
            if (include == null
                    || !include.hasArrayElements()
                    || options.getMemberKeys().size() != 1) {
                throw new FfiException("preprocess: expected options {include: ['folder', ...]}, got " + options);
            }
            for (long i = 0; i < include.getArraySize(); i++) {
                var folder = include.getArrayElement(i);
                if (!folder.isString()) {
                    throw new FfiException(
                            "preprocess: include[" + i + "]: expected a folder as a string, got " + folder);
                }
                folders.add(folder.asString());
            }
        }
        return ffi.preprocess(file.asString(), folders);
    }

    /** A pointer to a global variable a declared header declares; read it with restorePointer. */
    @HostAccess.Export
    public Object global(Value library, Value name) {
        if (library == null || !library.isString() || name == null || !name.isString()) {
            throw new FfiException(
                    "global: expected a library key and a variable name, got " + library + " and " + name);
        }
        return ffi.global(library.asString(), name.asString());
    }

    /** Compiles a {@code load} description once (without its values); the prelude keeps it per description. */
    @HostAccess.Export
    public Object prepare(Value spec) {
        return ffi.loadable(map(spec, "load"));
    }

    /** Calls a prepared function with the script's array of values. */
    @HostAccess.Export
    public Object invoke(Object prepared, Value paramsValue) {
        var function = (NativeFunction) prepared;
        var copies = new JsValues.ByteCopies();
        var args = argumentsOf(paramsValue, copies, function);
        if (hasFunction(args)) {
            return finishServing(() -> function.call(args), copies);
        }
        return finish(function.call(args), copies);
    }

    // Calls whose values are all numbers, strings, booleans or null: GraalJS hands them over as Java values.

    @HostAccess.Export
    public Object call0(Object prepared) {
        return plainResult(((NativeFunction) prepared).call());
    }

    @HostAccess.Export
    public Object call1(Object prepared, Object a) {
        return plainResult(((NativeFunction) prepared).call(a));
    }

    @HostAccess.Export
    public Object call2(Object prepared, Object a, Object b) {
        return plainResult(((NativeFunction) prepared).call(a, b));
    }

    @HostAccess.Export
    public Object call3(Object prepared, Object a, Object b, Object c) {
        return plainResult(((NativeFunction) prepared).call(a, b, c));
    }

    @HostAccess.Export
    public Object call4(Object prepared, Object a, Object b, Object c, Object d) {
        return plainResult(((NativeFunction) prepared).call(a, b, c, d));
    }

    private Object plainResult(Object result) {
        return finish(result, NO_BUFFERS);
    }

    private List<Object> argumentsOf(Value paramsValue, JsValues.ByteCopies copies, NativeFunction function) {
        if (paramsValue == null || !paramsValue.hasArrayElements()) {
            throw new FfiException(function.where() + ": paramsValue: expected an array, got " + paramsValue);
        }
        int size = (int) paramsValue.getArraySize();
        var args = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            args.add(java(paramsValue.getArrayElement(i), copies));
        }
        return args;
    }

    private static boolean hasFunction(Object values) {
        if (values instanceof List<?> list) {
            for (var value : list) {
                if (value instanceof JsFunction) {
                    return true;
                }
            }
        }
        return false;
    }

    private Object finish(Object result, JsValues.ByteCopies copies) {
        if (result instanceof CompletableFuture<?> future) {
            return new PendingCall(future, copies);
        }
        copies.copyBack();
        return values().toJs(result);
    }

    /**
     * Runs a call that received a JS function on a helper thread while this (the script) thread serves the
     * callbacks it triggers, from whichever native thread they come.
     */
    private Object finishServing(java.util.function.Supplier<Object> call, JsValues.ByteCopies copies) {
        var running = CompletableFuture.supplyAsync(call, runtime.helpers());
        runtime.loop().serveUntil(running);
        try {
            return finish(running.join(), copies);
        } catch (java.util.concurrent.CompletionException e) {
            throw EventLoop.failureOf(e) instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A runInNewThread call in flight, and the buffers to copy back when it completes. */
    record PendingCall(CompletableFuture<?> future, JsValues.ByteCopies copies) {}

    /** Settles a JS promise with a runInNewThread call's result, on the script thread, once the call completes. */
    @HostAccess.Export
    public void settle(Object pending, Value resolve, Value reject, boolean isVoid) {
        var call = (PendingCall) pending;
        runtime.loop().awaitCompletion(call.future(), (result, error) -> {
            Object value = null;
            if (error == null) {
                try {
                    call.copies().copyBack();
                    value = isVoid && result == null ? values().undefined() : values().toJs(result);
                } catch (RuntimeException conversion) {
                    error = conversion; // the result cannot reach the script: its promise rejects with why
                }
            }
            if (error != null) {
                reject.executeVoid(error);
            } else {
                resolve.executeVoid(value);
            }
        });
    }

    @HostAccess.Export
    public Object createPointer(Value spec) {
        return values().toJs(ffi.createPointer(map(spec, "createPointer")));
    }

    @HostAccess.Export
    public Object restorePointer(Value spec) {
        return values().toJs(ffi.restorePointer(map(spec, "restorePointer")));
    }

    @HostAccess.Export
    public Object unwrapPointer(Value pointers) {
        return values().toJs(ffi.unwrapPointer(list(pointers, "unwrapPointer")));
    }

    @HostAccess.Export
    public Object wrapPointer(Value pointers) {
        return values().toJs(ffi.wrapPointer(list(pointers, "wrapPointer")));
    }

    @HostAccess.Export
    public void freePointer(Value spec) {
        ffi.freePointer(map(spec, "freePointer"));
    }

    @HostAccess.Export
    public boolean isNullPointer(Value pointer) {
        return ffi.isNullPointer(plain(pointer));
    }

    @HostAccess.Export
    public Object createExternalBuffer(Value pointer, Value length) {
        return values().toJs(ffi.createExternalBuffer(plain(pointer), plain(length)));
    }

    /**
     * {@code decode(pointer, type)}, {@code decode(pointer, type, length)} or {@code decode({pointer, type, offset,
     * length})}: the value at a pointer, as the engine reads it (see {@link Ffi#decode(Map)}).
     */
    @HostAccess.Export
    public Object decode(Value arguments) {
        var given = list(arguments, "decode");
        return values().toJs(
                        switch (given.size()) {
                            case 1 -> ffi.decode(given.get(0) instanceof Map<?, ?> spec ? spec : null);
                            case 2 -> ffi.decode(given.get(0), given.get(1));
                            case 3 -> ffi.decode(given.get(0), given.get(1), given.get(2));
                            default ->
                                throw new FfiException("decode: expected (pointer, type), (pointer, type, length) or "
                                        + "({pointer, type, offset, length}), got " + given.size() + " arguments");
                        });
    }

    /** {@code encode(pointer, type, value)} or {@code encode({pointer, type, value, offset, length})}. */
    @HostAccess.Export
    public void encode(Value arguments) {
        var given = list(arguments, "encode");
        switch (given.size()) {
            case 1 -> ffi.encode(given.get(0) instanceof Map<?, ?> spec ? spec : null);
            case 3 -> ffi.encode(given.get(0), given.get(1), given.get(2));
            default ->
                throw new FfiException("encode: expected (pointer, type, value) or ({pointer, type, value, offset, "
                        + "length}), got " + given.size() + " arguments");
        }
    }

    private List<?> list(Value value, String what) {
        if (plain(value) instanceof List<?> list) {
            return list;
        }
        throw new FfiException(what + ": expected an array of pointers, got " + value);
    }

    @HostAccess.Export
    public Object arrayConstructor(Value options) {
        return values().toJs(Descriptors.arrayConstructor(map(options, "arrayConstructor")));
    }

    @HostAccess.Export
    public Object funcConstructor(Value options) {
        return values().toJs(Descriptors.funcConstructor(map(options, "funcConstructor")));
    }

    @HostAccess.Export
    public boolean isPointer(Object value) {
        return value instanceof Pointer;
    }

    @HostAccess.Export
    public String describe(Object hostObject) {
        return String.valueOf(hostObject);
    }
}
