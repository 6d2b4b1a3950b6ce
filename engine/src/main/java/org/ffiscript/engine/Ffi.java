package org.ffiscript.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.ffiscript.engine.call.CallPlan;
import org.ffiscript.engine.call.CallSpec;
import org.ffiscript.engine.call.Callbacks;
import org.ffiscript.engine.call.PlanCache;
import org.ffiscript.engine.library.LibraryRegistry;
import org.ffiscript.engine.type.CDeclarations;
import org.ffiscript.engine.type.CPreprocessor;
import org.ffiscript.engine.type.CText;
import org.ffiscript.engine.type.DeclaredHeader;
import org.ffiscript.engine.type.NativeType;
import org.ffiscript.engine.type.ValueMismatch;
import org.ffiscript.engine.type.ValueText;

/**
 * The ffi-rs API for plain Java values: open and close libraries by key, call C functions described by maps
 * ({@code load}), or compile them once into callable functions ({@code define}). Each instance has its own
 * libraries; it is safe to use from many threads.
 */
public final class Ffi implements AutoCloseable {
    private final AccessPolicy policy;
    private final LibraryRegistry libraries;
    private final Callbacks callbacks = new Callbacks();
    private final CDeclarations declarations = new CDeclarations(callbacks);
    private final PlanCache plans;
    private final PointerRegistry pointers = new PointerRegistry();
    private final PointerTools pointerTools;
    private final PointerCodec codec;
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("ffi-call-", 1).factory());

    static {
        CallPlan.initializeCallPath(); // once, as the first engine is made: see there why
    }

    /** An engine with no access restriction. */
    public Ffi() {
        this(AccessPolicy.allowAll());
    }

    /** An engine whose scripts can reach only what {@code policy} allows; nothing changes the policy afterwards. */
    public Ffi(AccessPolicy policy) {
        this.policy = policy;
        this.libraries = new LibraryRegistry(policy);
        this.plans = new PlanCache(libraries, declarations);
        this.pointerTools = new PointerTools(pointers, declarations, policy);
        this.codec = new PointerCodec(pointers, declarations, policy);
    }

    /** The access policy this engine enforces. */
    public AccessPolicy policy() {
        return policy;
    }

    /** Opens the shared library at {@code path} under the key {@code library}; {@code ""} opens the running program. */
    public void open(String library, String path) {
        if (library == null || library.isEmpty()) {
            throw new FfiException("open: library: expected a non-empty key, got " + ValueText.of(library));
        }
        if (path == null) {
            throw new FfiException("open: path: expected a file path or \"\" for the running program, got null");
        }
        var nul = CText.nulInside("path", path);
        if (nul != null) {
            throw new FfiException("open: " + nul);
        }
        libraries.open(library, path);
    }

    /** Opens a library described as {@code {library, path}}, as ffi-rs's {@code open} takes it. */
    public void open(Map<?, ?> spec) {
        if (spec == null) {
            throw new FfiException("open: expected {library: 'key', path: 'file'}, got null");
        }
        var library = spec.get("library");
        var path = spec.get("path");
        if (!(library instanceof CharSequence) || (path != null && !(path instanceof CharSequence))) {
            throw new FfiException("open: expected {library: 'key', path: 'file'}, got library " + ValueText.of(library)
                    + " and path " + ValueText.of(path));
        }
        open(library.toString(), path == null ? null : path.toString());
    }

    /** Closes the library under {@code library}; later calls through the key fail until it is opened again. */
    public void close(String library) {
        libraries.close(library);
        plans.dropClosed();
    }

    /**
     * Calls a C function described by {@code library, funcName, retType, paramsType, paramsValue} and the options
     * {@code errno, runInNewThread, freeResultMemory}. Returns the converted result (null for Void), an
     * {@link ErrnoResult} with {@code errno: true}, and a CompletableFuture of either with {@code runInNewThread}.
     */
    public Object load(Map<?, ?> spec) {
        var call = CallSpec.ofLoad(spec);
        var plan = plans.plan(call);
        return call.runInNewThread() ? plan.invokeAsync(call.paramsValue(), workers) : plan.invoke(call.paramsValue());
    }

    /**
     * The function a {@code load} description calls, compiled once, for callers that keep it: the description is
     * checked as {@link #load} checks it, its {@code paramsValue} included, and the function calls the same plan
     * with the values given to it.
     */
    public NativeFunction loadable(Map<?, ?> spec) {
        var call = CallSpec.ofLoad(spec);
        return new NativeFunction(call.withoutValues(), this);
    }

    /**
     * Compiles each entry of {@code definitions} into a {@link NativeFunction}, in the map's order. An entry is
     * C symbol to {@code {library, retType, paramsType, ...}}, or name to a C prototype: the string alone
     * ({@code "int atoi(const char *s)"}, a function of the running program, libc and libm included) or
     * {@code {library, prototype, errno, runInNewThread, freeResultMemory}}. A prototype may declare types
     * before the function; they stay declared, as with {@link #declare(String)}.
     */
    public Map<String, NativeFunction> define(Map<?, ?> definitions) {
        if (definitions == null) {
            throw new FfiException("define: expected a map of function names to descriptions, got null");
        }
        var functions = new LinkedHashMap<String, NativeFunction>();
        definitions.forEach((name, definition) -> {
            var spec = CallSpec.isPrototype(definition)
                    ? CallSpec.ofPrototype(name, definition, declarations::prototype)
                    : CallSpec.ofDefinition(name, definition);
            functions.put(String.valueOf(name), new NativeFunction(spec, this));
        });
        return Collections.unmodifiableMap(functions);
    }

    /**
     * Declares the C structs, unions, enums and typedefs in {@code source} ({@code "struct Point { int x; int y; };"}),
     * for prototypes and descriptions to use by name ({@code "struct Point *"}, {@code "Point"}). Returns each
     * name defined with its type.
     *
     * @throws FfiException naming the line and column of what is wrong
     */
    public Map<String, NativeType> declare(String source) {
        try {
            return declarations.declare(source);
        } catch (ValueMismatch e) {
            throw e.at("declare");
        } finally {
            plans.clear(); // a struct pointer compiled as opaque before its members were declared
        }
    }

    /**
     * Declares everything in a whole C header: structs, unions, enums and their constants, typedefs, function
     * prototypes and global variables. Give it preprocessed text ({@code gcc -E} output: its {@code # 1 "zlib.h"}
     * line markers make reports name the header and line) or declarations pasted by hand. Declarations that cannot
     * be used ({@code va_list} parameters, bit-fields, {@code long double}) are skipped and reported with their line
     * and the reason; the rest are declared.
     */
    public DeclaredHeader declareHeader(String text) {
        return declareHeader(text, false);
    }

    /**
     * {@link #declareHeader(String)}; with {@code strict}, the first declaration that cannot be used fails the whole
     * header instead, which then declares nothing.
     *
     * @throws FfiException with {@code strict}, naming the file, line and column of the first problem
     */
    public DeclaredHeader declareHeader(String text, boolean strict) {
        if (text == null) {
            throw new FfiException("declareHeader: expected the text of a C header, got null");
        }
        try {
            return declarations.declareHeader(text, strict);
        } catch (ValueMismatch e) {
            throw e.at("declareHeader");
        } finally {
            plans.clear(); // a struct pointer compiled as opaque before its members were declared
        }
    }

    /**
     * Declares a whole header as {@link #declareHeader(String)} does and defines each of its functions against
     * {@code library} (a key given to {@link #open}, or {@code ""} for the running program): one call for a
     * library's API. Functions the library does not export are skipped and reported like unusable declarations.
     */
    public DefinedHeader defineHeader(String library, String text) {
        if (library == null) {
            throw new FfiException(
                    "defineHeader: library: expected a library key, or \"\" for the running program, got null");
        }
        var declared = declareHeader(text);
        var skipped = new ArrayList<>(declared.skipped());
        var functions = new LinkedHashMap<String, NativeFunction>();
        declared.functions().forEach((name, prototype) -> {
            var spec = CallSpec.ofPrototype(
                    name,
                    library.isEmpty() ? Map.of("prototype", name) : Map.of("library", library, "prototype", name),
                    source -> prototype);
            try {
                functions.put(name, new NativeFunction(spec, this));
            } catch (FfiException e) {
                skipped.add(new DeclaredHeader.Skipped(null, 0, "function '" + name + "'", e.getMessage()));
            }
        });
        return new DefinedHeader(Collections.unmodifiableMap(functions), List.copyOf(skipped), declared);
    }

    /**
     * The text of the C header {@code file} after the system's C preprocessor ({@code cpp}, else {@code gcc -E},
     * {@code cc -E} or {@code clang -E}), with {@code includeFolders} searched for its includes: a header from disk
     * made ready for {@link #declareHeader}. The header and every file it includes must be readable under this
     * engine's access policy.
     *
     * @throws FfiException when the file is missing, the preprocessor fails (its message is given) or none is installed
     */
    public String preprocess(String file, List<String> includeFolders) {
        if (file == null || includeFolders == null || includeFolders.stream().anyMatch(folder -> folder == null)) {
            throw new FfiException("preprocess: expected a header file and a list of include folders, got "
                    + ValueText.of(file) + " and " + ValueText.of(includeFolders));
        }
        return CPreprocessor.preprocess(file, includeFolders, policy, "preprocess: " + file);
    }

    /**
     * A pointer to the global variable {@code name} of {@code library}, declared by a header ({@code extern int
     * counter;}). Read it with {@code restorePointer} and the variable's C type; write its bytes through
     * {@code createExternalBuffer(pointer, size)}.
     *
     * @throws FfiException when no header declared the variable, or the library does not export it
     */
    public Pointer global(String library, String name) {
        var where = "global: " + library + "." + name;
        var variable = declarations.global(name);
        if (variable == null) {
            throw new FfiException(where + ": no global variable '" + name + "' was declared; declare the header that "
                    + "declares it (extern T " + name + ";) first");
        }
        var address = libraries.get(library, where).symbol(variable.symbol(), where);
        return Pointer.of(address.reinterpret(variable.type().layout().byteSize()));
    }

    /**
     * Gives the type an object-literal description stands for a C name, usable in later C declarations:
     * {@code declare("Point", Map.of("x", DataType.I32, "y", DataType.I32))}.
     */
    public NativeType declare(String name, Object description) {
        try {
            return declarations.declare(name, description);
        } catch (ValueMismatch e) {
            throw e.at("declare: " + name);
        }
    }

    /**
     * The type a C type name stands for among this engine's declarations: {@code "struct tm"}, {@code "size_t"},
     * a typedef's name. Usable wherever a description takes a type.
     *
     * @throws FfiException naming what is wrong with the name
     */
    public NativeType type(String cTypeName) {
        try {
            return declarations.type(cTypeName);
        } catch (ValueMismatch e) {
            throw e.at("type '" + cTypeName + "'");
        }
    }

    /**
     * Allocates memory holding each value, typed by {@code paramsType}, and returns a pointer to each. For a type
     * that is itself a pointer (String, arrays, structs passed by pointer) the result points at that pointer.
     * The memory stays until {@code freePointer} (RsPointer) or until this engine closes.
     */
    public List<Pointer> createPointer(Map<?, ?> spec) {
        return pointerTools.createPointer(spec);
    }

    /** Reads the value each pointer in {@code paramsValue} points at, converted by the matching {@code retType}. */
    public List<Object> restorePointer(Map<?, ?> spec) {
        return pointerTools.restorePointer(spec);
    }

    /** The pointer stored at each given pointer: one level down. */
    public List<Pointer> unwrapPointer(List<?> pointers) {
        return pointerTools.unwrapPointer(pointers);
    }

    /** A new pointer to each given pointer: one level up; engine memory, freed with RsPointer. */
    public List<Pointer> wrapPointer(List<?> pointers) {
        return pointerTools.wrapPointer(pointers);
    }

    /**
     * Frees pointers: with {@code pointerType: RsPointer} (the default) memory this engine allocated, with all it
     * owns; with {@code CPointer} memory C allocated, through libc {@code free}. Freeing engine memory twice, or
     * foreign memory as engine memory, is refused.
     */
    public void freePointer(Map<?, ?> spec) {
        pointerTools.freePointer(spec);
    }

    /** True for null and the C NULL pointer. */
    public boolean isNullPointer(Object pointer) {
        return PointerTools.isNullPointer(pointer);
    }

    /** A ByteBuffer viewing {@code length} bytes at {@code pointer}, without copying; the memory must stay alive. */
    public ByteBuffer createExternalBuffer(Object pointer, Object length) {
        return pointerTools.createExternalBuffer(pointer, length);
    }

    /**
     * Reads the value of {@code type} at {@code pointer}: any type a description takes, C type names included
     * ({@code "int"}, {@code "struct tm"}, {@code "const char *"} reads the pointer stored there and its string).
     * A pointer tool: the access policy must allow pointer tools.
     */
    public Object decode(Object pointer, Object type) {
        return codec.decode(pointer, null, type, null);
    }

    /**
     * Reads {@code length} elements of {@code type} at {@code pointer}: a string for {@code char} (up to the first
     * NUL within them; length -1: up to the NUL, however far), a byte array for {@code unsigned char} / U8, a list
     * of maps for a struct, a list otherwise.
     */
    public Object decode(Object pointer, Object type, Object length) {
        return codec.decode(pointer, null, type, length);
    }

    /** {@link #decode(Object, Object, Object)} described as a map: {@code {pointer, type, offset?, length?}}, offset in bytes. */
    public Object decode(Map<?, ?> spec) {
        return codec.decode(spec);
    }

    /**
     * Writes {@code value} as {@code type} at {@code pointer}: numbers, by-value structs, inline arrays, pointers;
     * values that would need memory of their own (a string for {@code char *}) are refused. A pointer tool.
     */
    public void encode(Object pointer, Object type, Object value) {
        codec.encode(pointer, null, type, null, value);
    }

    /**
     * {@link #encode(Object, Object, Object)} described as a map: {@code {pointer, type, value, offset?, length?}};
     * with a length, {@code value} is an array of that many elements (a string for {@code char}, bytes for
     * {@code unsigned char}, a list).
     */
    public void encode(Map<?, ?> spec) {
        codec.encode(spec);
    }

    /**
     * Sets what receives the exceptions of callbacks that C calls from its own threads, outside any call of this
     * engine (a callback failing during a call makes that call throw instead). By default they are printed to
     * standard error.
     */
    public void onCallbackError(Consumer<Throwable> handler) {
        callbacks.onError(handler);
    }

    /**
     * Closes every library, frees the memory this engine allocated (callbacks included: C must not call them
     * afterwards) and stops the threads of {@code runInNewThread}.
     */
    @Override
    public void close() {
        workers.shutdown();
        libraries.closeAll();
        plans.dropClosed();
        pointers.freeAll();
        callbacks.close();
    }

    CDeclarations declarations() {
        return declarations;
    }

    ExecutorService workers() {
        return workers;
    }

    CallPlan compile(CallSpec spec) {
        return plans.plan(spec);
    }
}
