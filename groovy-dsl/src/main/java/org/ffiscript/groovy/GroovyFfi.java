package org.ffiscript.groovy;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.DefinedHeader;
import org.ffiscript.engine.Descriptors;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.NativeFunction;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.type.DeclaredHeader;
import org.ffiscript.engine.type.NativeType;

/**
 * The ffi-rs API for Groovy, over one engine: the same functions, called with named arguments
 * ({@code load(library: 'libc', funcName: 'atoi', ...)}), closures as callbacks, GStrings as strings; plus the DSL:
 * {@code library('libc') { atoi returns: int, takes: [String] }}, {@code struct(...)}, {@code callback(...)}.
 * Every method is typed, so it also serves {@code @CompileStatic} code.
 */
public final class GroovyFfi implements AutoCloseable {
    private final Ffi ffi;
    private final Map<String, Object> structs = new ConcurrentHashMap<>();

    /** An API over a new engine. */
    public GroovyFfi() {
        this(new Ffi());
    }

    /** An API over {@code ffi}, shared with Java code for instance. */
    public GroovyFfi(Ffi ffi) {
        this.ffi = ffi;
    }

    /** The engine underneath. */
    public Ffi engine() {
        return ffi;
    }

    // ---- the ffi-rs API ----------------------------------------------------------------------------------------

    public void open(Map<String, ?> spec) {
        ffi.open(spec);
    }

    public void open(String library, String path) {
        ffi.open(library, path);
    }

    public void close(String library) {
        ffi.close(library);
    }

    /** ffi-rs's load; {@code retType} and {@code paramsType} take the DSL's notation too ({@code int}, {@code Pointer}, 'Point'). */
    public Object load(Map<String, ?> spec) {
        return ffi.load(GroovyValues.preparedSpec(withSignatureDescribed(spec, "load")));
    }

    /** The function a {@code load} description calls, compiled once and checked as {@code load} checks it. */
    NativeFunction loadable(Map<String, ?> spec) {
        return ffi.loadable(GroovyValues.preparedSpec(withSignatureDescribed(spec, "load")));
    }

    /**
     * A description whose {@code retType} and {@code paramsType} are in the DSL's notation, described for the
     * engine; the description itself when they hold only what the engine reads (DataType codes, C type names),
     * so a call written with DataType codes copies nothing.
     */
    private Map<String, ?> withSignatureDescribed(Map<String, ?> spec, String where) {
        if (spec == null
                || !(TypeNotation.needsDescribing(spec.get("retType"), structs)
                        || TypeNotation.needsDescribing(spec.get("paramsType"), structs))) {
            return spec;
        }
        var described = withTypesDescribed(spec, "paramsType", where);
        if (described.get("retType") == null) {
            return described;
        }
        var copy = new LinkedHashMap<String, Object>(described);
        copy.put("retType", TypeNotation.describe(described.get("retType"), structs, where + ": retType"));
        return copy;
    }

    /**
     * ffi-rs's define: each key a C symbol, each value {library, retType, paramsType, ...}; or a C prototype,
     * {@code define(atoi: 'int atoi(const char *s)')}, {@code define(sum: [library: 'lib', prototype: 'int sum(int, int)'])}.
     */
    public FfiLibrary define(Map<String, ?> definitions) {
        var described = new LinkedHashMap<String, Object>();
        if (definitions != null) {
            definitions.forEach((name, definition) -> described.put(
                    name,
                    definition instanceof Map<?, ?> map
                            ? withSignatureDescribed(uncheckedSpec(map), "define: " + name)
                            : definition));
        }
        var functions = new LinkedHashMap<String, NativeFunction>(ffi.define(definitions == null ? null : described));
        return new FfiLibrary("define", functions);
    }

    /**
     * ffi-rs's arrayConstructor, types in the DSL's notation; a {@code structItemType} may also name a struct
     * declared in C ({@code 'Item'}, {@code 'struct tm'}), looked up among this engine's declarations.
     */
    public Map<String, Object> arrayConstructor(Map<String, ?> options) {
        var described = TypeNotation.describeFields(withTag(options, DataType.Array), structs, "arrayConstructor");
        if (described.get("structItemType") instanceof CharSequence name) {
            described.put("structItemType", type(name.toString()));
        }
        return Descriptors.arrayConstructor(described);
    }

    public Map<String, Object> funcConstructor(Map<String, ?> options) {
        return Descriptors.funcConstructor(
                TypeNotation.describeFields(withTag(options, DataType.Function), structs, "funcConstructor"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> uncheckedSpec(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static Map<String, Object> withTag(Map<String, ?> options, int tag) {
        var tagged = new LinkedHashMap<String, Object>();
        tagged.put("ffiTypeTag", tag);
        tagged.putAll(options);
        return tagged;
    }

    public List<Pointer> createPointer(Map<String, ?> spec) {
        return ffi.createPointer(GroovyValues.preparedSpec(withTypesDescribed(spec, "paramsType", "createPointer")));
    }

    public List<Object> restorePointer(Map<String, ?> spec) {
        return ffi.restorePointer(withTypesDescribed(spec, "retType", "restorePointer"));
    }

    public List<Pointer> unwrapPointer(List<?> pointers) {
        return ffi.unwrapPointer(pointers);
    }

    public List<Pointer> wrapPointer(List<?> pointers) {
        return ffi.wrapPointer(pointers);
    }

    public void freePointer(Map<String, ?> spec) {
        ffi.freePointer(withTypesDescribed(spec, "paramsType", "freePointer"));
    }

    /**
     * The pointer tools take types as every other place of the DSL does (Pointer, int, byte[], a struct declared
     * by name, a C type name): the list under {@code key} is described for the engine, the rest left as it is.
     */
    private Map<String, ?> withTypesDescribed(Map<String, ?> spec, String key, String where) {
        if (spec == null || !(spec.get(key) instanceof List<?> types)) {
            return spec;
        }
        var described = new ArrayList<Object>(types.size());
        for (int i = 0; i < types.size(); i++) {
            described.add(TypeNotation.describe(types.get(i), structs, where + ": " + key + "[" + i + "]"));
        }
        var copy = new LinkedHashMap<String, Object>(spec);
        copy.put(key, described);
        return copy;
    }

    public boolean isNullPointer(Object pointer) {
        return ffi.isNullPointer(pointer);
    }

    public ByteBuffer createExternalBuffer(Object pointer, Object length) {
        return ffi.createExternalBuffer(pointer, length);
    }

    /**
     * The value of {@code type} (the DSL's notation: {@code int}, {@code 'struct tm'}, a declared struct's name) at
     * {@code pointer}; see {@link Ffi#decode(Object, Object)}.
     */
    public Object decode(Object pointer, Object type) {
        return ffi.decode(pointer, TypeNotation.describe(type, structs, "decode: type"));
    }

    /** {@code length} elements of {@code type} at {@code pointer}: text for {@code 'char'} (-1: up to the NUL), bytes for {@code byte}. */
    public Object decode(Object pointer, Object type, Object length) {
        return ffi.decode(pointer, TypeNotation.describe(type, structs, "decode: type"), length);
    }

    /** {@code decode(pointer: p, type: 'int', offset: 8, length: 2)}. */
    public Object decode(Map<String, ?> spec) {
        return ffi.decode(withTypeDescribed(spec, "decode"));
    }

    /** Writes {@code value} as {@code type} at {@code pointer}; see {@link Ffi#encode(Object, Object, Object)}. */
    public void encode(Object pointer, Object type, Object value) {
        ffi.encode(pointer, TypeNotation.describe(type, structs, "encode: type"), value);
    }

    /** {@code encode(pointer: p, type: 'int', offset: 8, value: 42)}. */
    public void encode(Map<String, ?> spec) {
        ffi.encode(withTypeDescribed(spec, "encode"));
    }

    private Map<String, ?> withTypeDescribed(Map<String, ?> spec, String where) {
        if (spec == null || spec.get("type") == null) {
            return spec;
        }
        var copy = new LinkedHashMap<String, Object>(spec);
        copy.put("type", TypeNotation.describe(spec.get("type"), structs, where + ": type"));
        return copy;
    }

    /**
     * Native memory of {@code size} zeroed bytes, passed to C as its address without copying: C may keep it and
     * write into it later. Free it with {@code close()}, or let it go unreachable.
     */
    public NativeBuffer nativeBuffer(long size) {
        return NativeBuffer.allocate(size);
    }

    /**
     * Declares C types for prototypes and descriptions to use by name:
     * {@code declare 'typedef struct { int x; int y; } Point;'}. Returns each name defined with its type.
     */
    public Map<String, NativeType> declare(String source) {
        return ffi.declare(source);
    }

    /**
     * Declares a whole C header ({@code gcc -E} output or pasted declarations): what it can is declared, the rest
     * is reported in {@code skipped} with its line and reason. See {@link Ffi#declareHeader(String)}.
     */
    public DeclaredHeader declareHeader(String text) {
        return ffi.declareHeader(text);
    }

    /** {@code declareHeader text, strict: true}: the first declaration that cannot be used fails the whole header. */
    public DeclaredHeader declareHeader(Map<String, ?> options, String text) {
        if (options.size() != 1 || !(options.get("strict") instanceof Boolean strict)) {
            throw new FfiException("declareHeader: expected the option strict: true or false, got " + options);
        }
        return ffi.declareHeader(text, strict);
    }

    /**
     * {@code defineHeader library: 'z', header: text}: declares a whole header and defines each of its functions
     * against the library; the result's {@code functions} are callable, its {@code skipped} says what is not.
     */
    public DefinedHeader defineHeader(Map<String, ?> options) {
        if (options.size() != 2
                || !(options.get("library") instanceof CharSequence library)
                || !(options.get("header") instanceof CharSequence text)) {
            throw new FfiException("defineHeader: expected library: 'key', header: 'C declarations', got " + options);
        }
        return ffi.defineHeader(library.toString(), text.toString());
    }

    /** A header file after the system's C preprocessor ({@code cpp}), for declareHeader and defineHeader. */
    public String preprocess(String file) {
        return ffi.preprocess(file, List.of());
    }

    /** {@code preprocess '/usr/include/libxml2/libxml/tree.h', include: ['/usr/include/libxml2']}. */
    public String preprocess(Map<String, ?> options, String file) {
        if (options.size() != 1
                || !(options.get("include") instanceof List<?> folders)
                || !folders.stream().allMatch(folder -> folder instanceof CharSequence)) {
            throw new FfiException("preprocess: expected the option include: ['folder', ...], got " + options);
        }
        return ffi.preprocess(file, folders.stream().map(Object::toString).toList());
    }

    /** A pointer to a global variable a declared header declares; read it with restorePointer. */
    public Pointer global(String library, String name) {
        return ffi.global(library, name);
    }

    /** Names a type written in the DSL's notation for C declarations: {@code declare 'Vec', stackStruct(x: double, y: double)}. */
    public NativeType declare(String name, Object type) {
        return ffi.declare(name, TypeNotation.describe(type, structs, "declare " + name));
    }

    // ---- the DSL -----------------------------------------------------------------------------------------------

    /** Opens the running program under {@code name} and declares its functions with {@code body}. */
    public FfiLibrary library(
            String name,
            @DelegatesTo(value = LibraryBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return library(Map.of(), name, body);
    }

    /**
     * Opens a library ({@code path:} a file, or the running program when absent) under {@code name} and declares
     * its functions with {@code body}: {@code atoi returns: int, takes: [String]}. Returns them, callable by name.
     */
    public FfiLibrary library(
            Map<String, ?> options,
            String name,
            @DelegatesTo(value = LibraryBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        var path = options.get("path");
        ffi.open(name, path == null ? "" : path.toString());
        var builder = new LibraryBuilder(name, this, structs);
        var block = (Closure<?>) body.clone();
        block.setDelegate(builder);
        block.setResolveStrategy(Closure.DELEGATE_FIRST);
        block.call();
        var functions = new LinkedHashMap<String, NativeFunction>();
        ffi.define(builder.declarations())
                .forEach((key, function) -> functions.put(builder.isPrototype(key) ? function.name() : key, function));
        return new FfiLibrary(name, functions);
    }

    /** A struct handled through a pointer, fields in order: {@code struct(x: int, y: int)}. */
    public Map<String, Object> struct(Map<String, ?> fields) {
        return TypeNotation.describeFields(fields, structs, "struct");
    }

    /** The same, registered under {@code name} for later declarations to use by name. */
    public Map<String, Object> struct(Map<String, ?> fields, String name) {
        var struct = struct(fields);
        structs.put(name, struct);
        return struct;
    }

    /** A struct passed, returned and embedded by value: {@code stackStruct(x: int, y: int)}. */
    public Map<String, Object> stackStruct(Map<String, ?> fields) {
        var tagged = new LinkedHashMap<String, Object>(fields);
        tagged.put("ffiTypeTag", DataType.StackStruct);
        return TypeNotation.describeFields(tagged, structs, "stackStruct");
    }

    /** The same, registered under {@code name}. */
    public Map<String, Object> stackStruct(Map<String, ?> fields, String name) {
        var struct = stackStruct(fields);
        structs.put(name, struct);
        return struct;
    }

    /**
     * An array of {@code length} elements: {@code array(int[], 3)}, {@code array(DataType.I32Array, 3)}, or of
     * structs, {@code array(point, 3)}.
     */
    public Map<String, Object> array(Object type, int length) {
        return arrayConstructor(arrayOptions(type, length, DataType.Array));
    }

    /** A fixed array stored inline in a struct: {@code inlineArray(byte[], 16)}, {@code inlineArray(point, 3)}. */
    public Map<String, Object> inlineArray(Object type, int length) {
        return arrayConstructor(arrayOptions(type, length, DataType.StackArray));
    }

    private Map<String, Object> arrayOptions(Object type, int length, int tag) {
        var options = new LinkedHashMap<String, Object>();
        var element = TypeNotation.describe(type, structs, "array");
        if (element instanceof Map<?, ?> struct) {
            options.put("type", DataType.StructArray);
            options.put("structItemType", struct);
        } else {
            options.put("type", element);
        }
        options.put("length", length);
        options.put("ffiTypeTag", tag);
        return options;
    }

    /** An array of {@code length} structs: {@code structArray(point, 3)}. */
    public Map<String, Object> structArray(Map<String, ?> itemType, int length) {
        return arrayConstructor(Map.of("type", DataType.StructArray, "structItemType", itemType, "length", length));
    }

    /** A callback type: {@code callback(returns: int, takes: [int, int])}; its values are closures. */
    public Map<String, Object> callback(Map<String, ?> signature) {
        var options = new LinkedHashMap<String, Object>();
        options.put("retType", signature.containsKey("returns") ? signature.get("returns") : DataType.Void);
        options.put("paramsType", signature.containsKey("takes") ? signature.get("takes") : List.of());
        for (var flag : List.of("needFree", "freeCFuncParamsMemory")) {
            if (signature.containsKey(flag)) {
                options.put(flag, signature.get(flag));
            }
        }
        for (var key : signature.keySet()) {
            if (!List.of("returns", "takes", "needFree", "freeCFuncParamsMemory")
                    .contains(key)) {
                throw new FfiException(
                        "callback: unknown option '" + key + "'; use returns, takes, needFree, freeCFuncParamsMemory");
            }
        }
        return funcConstructor(options);
    }

    /**
     * The type {@code name} stands for: a struct the DSL declared under that name, or else a C type name among the
     * engine's declarations ({@code 'struct tm'}, {@code 'size_t'}).
     */
    public Object type(String name) {
        var struct = structs.get(name);
        if (struct != null) {
            return struct;
        }
        try {
            return ffi.type(name);
        } catch (FfiException unknown) {
            throw new FfiException("type: '" + name + "' is neither a struct the DSL declared (declared: "
                    + structs.keySet() + ") nor a C type: " + unknown.getMessage());
        }
    }

    /** Closes every library of the engine and frees what it allocated. */
    @Override
    public void close() {
        ffi.close();
    }
}
